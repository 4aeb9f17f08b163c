import { Injectable } from '@nestjs/common';
import { RequestContext } from '../common/request-context.js';
import { EnterpriseScopedRepository } from '../common/scoped.repository.js';
import { Db } from '../database/db.js';
import { DrillPlanEntry } from './drill.entities.js';

/** An enterprise's plan is its own business; the zone's own entries are seen by zone roles. */
@Injectable()
export class DrillPlanRepository extends EnterpriseScopedRepository<DrillPlanEntry> {
  protected readonly target = DrillPlanEntry;
  protected readonly scopeProperty = 'enterpriseId';
  protected readonly notFoundMessage = 'Drill plan entry not found';

  constructor(db: Db, context: RequestContext) {
    super(db, context);
  }

  listYear(year: number): Promise<DrillPlanEntry[]> {
    return this.query('p')
      .andWhere('p.year = :year', { year })
      .orderBy('p.month', 'ASC')
      .addOrderBy('p.createdAt', 'ASC')
      .getMany();
  }

  save(e: DrillPlanEntry): Promise<DrillPlanEntry> {
    return this.repo.save(e);
  }

  async remove(e: DrillPlanEntry): Promise<void> {
    await this.repo.remove(e);
  }
}
