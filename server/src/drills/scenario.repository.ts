import { Injectable } from '@nestjs/common';
import { RequestContext } from '../common/request-context.js';
import { EnterpriseScopedRepository } from '../common/scoped.repository.js';
import { escapeLike } from '../common/sql.js';
import { Db } from '../database/db.js';
import { DrillScenario } from './drill.entities.js';

/** A scenario written for one enterprise belongs to it; the zone's own are seen by zone roles. */
@Injectable()
export class ScenarioRepository extends EnterpriseScopedRepository<DrillScenario> {
  protected readonly target = DrillScenario;
  protected readonly scopeProperty = 'enterpriseId';
  protected readonly notFoundMessage = 'Scenario not found';

  constructor(db: Db, context: RequestContext) {
    super(db, context);
  }

  list(f: { q?: string; skip: number; take: number }): Promise<[DrillScenario[], number]> {
    const qb = this.query('s')
      .andWhere('s.archived = false')
      .orderBy('s.title', 'ASC')
      .skip(f.skip)
      .take(f.take);
    if (f.q) qb.andWhere('s.title ILIKE :q', { q: `%${escapeLike(f.q)}%` });
    return qb.getManyAndCount();
  }
}
