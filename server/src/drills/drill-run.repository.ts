import { Injectable } from '@nestjs/common';
import { RequestContext } from '../common/request-context.js';
import { EnterpriseScopedRepository } from '../common/scoped.repository.js';
import type { RunStatus } from '@muster/contracts';
import { Db } from '../database/db.js';
import { DrillRun } from './drill.entities.js';

/** A run at an enterprise is that enterprise's business; zone roles see every run. */
@Injectable()
export class DrillRunRepository extends EnterpriseScopedRepository<DrillRun> {
  protected readonly target = DrillRun;
  protected readonly scopeProperty = 'enterpriseId';
  protected readonly notFoundMessage = 'Drill run not found';

  constructor(db: Db, context: RequestContext) {
    super(db, context);
  }

  list(f: {
    status?: RunStatus;
    incidentId?: string;
    skip: number;
    take: number;
  }): Promise<[DrillRun[], number]> {
    const qb = this.query('r').orderBy('r.scheduledFor', 'DESC').skip(f.skip).take(f.take);
    if (f.status) qb.andWhere('r.status = :status', { status: f.status });
    if (f.incidentId) qb.andWhere('r.incidentId = :incidentId', { incidentId: f.incidentId });
    return qb.getManyAndCount();
  }

  /** The run row locked for the rest of the transaction: clock changes and releases serialize on it. */
  async lock(id: string): Promise<DrillRun> {
    await this.getById(id);
    await this.db.manager.query('SELECT 1 FROM drill_run WHERE id = $1 FOR UPDATE', [id]);
    return this.db.repo(DrillRun).findOneByOrFail({ id });
  }
}
