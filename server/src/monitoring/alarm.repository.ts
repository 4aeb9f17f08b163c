import { Injectable } from '@nestjs/common';
import type { AlarmStatus } from '@muster/contracts';
import { Db } from '../database/db.js';
import { RequestContext } from '../common/request-context.js';
import { EnterpriseScopedRepository } from '../common/scoped.repository.js';
import { NotFoundError } from '../common/domain-errors.js';
import { Alarm } from './alarm.entity.js';

export interface AlarmFilter {
  enterpriseId?: string;
  installationId?: string;
  status?: AlarmStatus;
  /** Everything not closed. */
  open?: boolean;
  skip: number;
  take: number;
}

@Injectable()
export class AlarmRepository extends EnterpriseScopedRepository<Alarm> {
  protected readonly target = Alarm;
  protected readonly scopeProperty = 'enterpriseId';
  protected readonly notFoundMessage = 'Alarm not found';

  constructor(db: Db, context: RequestContext) {
    super(db, context);
  }

  /** Open alarms first (the board's order), then the newest. */
  list(f: AlarmFilter): Promise<[Alarm[], number]> {
    const qb = this.query('a')
      .orderBy(`CASE WHEN a.status = 'closed' THEN 1 ELSE 0 END`, 'ASC')
      .addOrderBy('a.raisedAt', 'DESC')
      .skip(f.skip)
      .take(f.take);
    if (f.enterpriseId) qb.andWhere('a.enterpriseId = :e', { e: f.enterpriseId });
    if (f.installationId) qb.andWhere('a.installationId = :i', { i: f.installationId });
    if (f.status) qb.andWhere('a.status = :s', { s: f.status });
    if (f.open) qb.andWhere(`a.status <> 'closed'`);
    return qb.getManyAndCount();
  }

  async getForUpdate(id: string): Promise<Alarm> {
    const alarm = await this.query('a').andWhere('a.id = :id', { id }).setLock('pessimistic_write').getOne();
    if (!alarm) throw new NotFoundError(this.notFoundMessage);
    return alarm;
  }

  /** Installations with alarms not yet closed, and the levels of those alarms (the map's colours). */
  async openLevels(): Promise<{ installationId: string; level: Alarm['level'] }[]> {
    return this.query('a')
      .select('a.installationId', 'installationId')
      .addSelect('a.level', 'level')
      .andWhere(`a.status <> 'closed'`)
      .getRawMany();
  }

  /** Counts and times to acknowledge per enterprise over [from, to). */
  async statistics(
    from: Date,
    to: Date,
  ): Promise<
    {
      enterpriseId: string;
      total: number;
      open: number;
      acknowledged: number;
      mean: number | null;
      max: number | null;
    }[]
  > {
    const rows: {
      enterpriseId: string;
      total: string;
      open: string;
      acknowledged: string;
      mean: number | null;
      max: number | null;
    }[] = await this.query('a')
      .select('a.enterpriseId', 'enterpriseId')
      .addSelect('count(*)', 'total')
      .addSelect(`count(*) FILTER (WHERE a.status <> 'closed')`, 'open')
      .addSelect('count(a.acknowledgedAt)', 'acknowledged')
      .addSelect('avg(extract(epoch FROM a.acknowledgedAt - a.raisedAt))::float8', 'mean')
      .addSelect('max(extract(epoch FROM a.acknowledgedAt - a.raisedAt))::float8', 'max')
      .andWhere('a.raisedAt >= :from AND a.raisedAt < :to', { from, to })
      .groupBy('a.enterpriseId')
      .getRawMany();
    return rows.map((r) => ({
      enterpriseId: r.enterpriseId,
      total: Number(r.total),
      open: Number(r.open),
      acknowledged: Number(r.acknowledged),
      mean: r.mean,
      max: r.max,
    }));
  }

  save(a: Alarm): Promise<Alarm> {
    this.assertInScope(a.enterpriseId);
    return this.db.repo(Alarm).save(a);
  }
}
