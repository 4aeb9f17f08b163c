import { Injectable } from '@nestjs/common';
import { RequestContext } from '../common/request-context.js';
import { EnterpriseScopedRepository } from '../common/scoped.repository.js';
import type { ImprovementStatus } from '@muster/contracts';
import { Db } from '../database/db.js';
import { DrillImprovement } from './drill.entities.js';
import { NotFoundError } from '../common/domain-errors.js';

/** Improvement items belong to the drilled enterprise (none for a zone drill: zone roles only). */
@Injectable()
export class ImprovementRepository extends EnterpriseScopedRepository<DrillImprovement> {
  protected readonly target = DrillImprovement;
  protected readonly scopeProperty = 'enterpriseId';
  protected readonly notFoundMessage = 'Improvement item not found';

  constructor(db: Db, context: RequestContext) {
    super(db, context);
  }

  /** Open items first, the most pressing due date first. */
  list(f: { status?: ImprovementStatus; skip: number; take: number }): Promise<[DrillImprovement[], number]> {
    const qb = this.query('i')
      // 'open' sorts after 'done', so descending puts open items first.
      .orderBy('i.status', 'DESC')
      .addOrderBy('i.dueOn', 'ASC')
      .addOrderBy('i.createdAt', 'ASC')
      .skip(f.skip)
      .take(f.take);
    if (f.status) qb.andWhere('i.status = :status', { status: f.status });
    return qb.getManyAndCount();
  }

  forRun(runId: string): Promise<DrillImprovement[]> {
    return this.query('i')
      .andWhere('i.runId = :runId', { runId })
      .orderBy('i.dueOn', 'ASC')
      .addOrderBy('i.createdAt', 'ASC')
      .getMany();
  }

  /** The scenario title each run had when it was scheduled. */
  async runTitles(runIds: string[]): Promise<Map<string, string>> {
    const ids = [...new Set(runIds)];
    if (ids.length === 0) return new Map();
    const rows: { id: string; title: string }[] = await this.db.manager.query(
      `SELECT id, document->>'title' AS title FROM drill_run WHERE id = ANY($1)`,
      [ids],
    );
    return new Map(rows.map((r) => [r.id, r.title]));
  }

  /** Locks the row, so two people completing one item at once cannot both succeed. */
  async getForUpdate(id: string): Promise<DrillImprovement> {
    const found = await this.query('i').andWhere('i.id = :id', { id }).setLock('pessimistic_write').getOne();
    if (!found) throw new NotFoundError(this.notFoundMessage);
    return found;
  }

  async save(i: DrillImprovement): Promise<DrillImprovement> {
    this.assertInScope(i.enterpriseId);
    return this.repo.save(i);
  }
}
