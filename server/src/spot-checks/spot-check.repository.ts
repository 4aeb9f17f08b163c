import { Injectable } from '@nestjs/common';
import { In } from 'typeorm';
import { NotFoundError } from '../common/domain-errors.js';
import { Db } from '../database/db.js';
import { SpotCheckDraw, SpotCheckTask } from './spot-check.entities.js';

/** Spot check tasks are the zone's own records: only zone roles reach them (the routes' roles). */
@Injectable()
export class SpotCheckRepository {
  constructor(private readonly db: Db) {}

  private get tasks() {
    return this.db.repo(SpotCheckTask);
  }

  private get draws() {
    return this.db.repo(SpotCheckDraw);
  }

  list(skip: number, take: number): Promise<[SpotCheckTask[], number]> {
    return this.tasks.findAndCount({ order: { createdAt: 'DESC', id: 'ASC' }, skip, take });
  }

  async get(id: string): Promise<SpotCheckTask> {
    const t = await this.tasks.findOneBy({ id });
    if (!t) throw new NotFoundError('Spot check not found');
    return t;
  }

  /** Under a row lock: draws and publishing of one task take turns. */
  async getForUpdate(id: string): Promise<SpotCheckTask> {
    const t = await this.tasks
      .createQueryBuilder('t')
      .where('t.id = :id', { id })
      .setLock('pessimistic_write')
      .getOne();
    if (!t) throw new NotFoundError('Spot check not found');
    return t;
  }

  saveTask(t: SpotCheckTask): Promise<SpotCheckTask> {
    return this.tasks.save(t);
  }

  drawsOf(taskIds: string[]): Promise<SpotCheckDraw[]> {
    if (!taskIds.length) return Promise.resolve([]);
    return this.draws.find({ where: { taskId: In(taskIds) }, order: { seq: 'ASC' } });
  }

  async getDraw(id: string): Promise<SpotCheckDraw> {
    const d = await this.draws.findOneBy({ id });
    if (!d) throw new NotFoundError('Draw not found');
    return d;
  }

  saveDraw(d: SpotCheckDraw): Promise<SpotCheckDraw> {
    return this.draws.save(d);
  }

  published(limit: number, id?: string): Promise<SpotCheckTask[]> {
    return this.tasks.find({
      where: { status: 'published', ...(id ? { id } : {}) },
      order: { publishedAt: 'DESC', id: 'ASC' },
      take: limit,
    });
  }
}
