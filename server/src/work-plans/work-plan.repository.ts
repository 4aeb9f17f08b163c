import { Injectable } from '@nestjs/common';
import { In } from 'typeorm';
import type { Quarter } from '@muster/contracts';
import { NotFoundError } from '../common/domain-errors.js';
import { RequestContext } from '../common/request-context.js';
import { EnterpriseScopedRepository } from '../common/scoped.repository.js';
import { Db } from '../database/db.js';
import { WorkPlan, WorkPlanReport, WorkPlanTemplate, WorkPlanVersion } from './work-plan.entities.js';

/** The zone's templates: zone records, read by everyone the service lets read them. */
@Injectable()
export class WorkPlanTemplateRepository {
  constructor(private readonly db: Db) {}

  list(publishedOnly: boolean): Promise<WorkPlanTemplate[]> {
    return this.db
      .repo(WorkPlanTemplate)
      .find({ where: publishedOnly ? { status: 'published' } : {}, order: { year: 'DESC' } });
  }

  byYear(year: number): Promise<WorkPlanTemplate | null> {
    return this.db.repo(WorkPlanTemplate).findOneBy({ year });
  }

  byIds(ids: readonly string[]): Promise<WorkPlanTemplate[]> {
    if (!ids.length) return Promise.resolve([]);
    return this.db.repo(WorkPlanTemplate).findBy({ id: In([...ids]) });
  }

  async getById(id: string, lock = false): Promise<WorkPlanTemplate> {
    const found = await this.db.repo(WorkPlanTemplate).findOne({
      where: { id },
      ...(lock ? { lock: { mode: 'pessimistic_write' as const } } : {}),
    });
    if (!found) throw new NotFoundError('Implementation plan template not found');
    return found;
  }

  save(t: WorkPlanTemplate): Promise<WorkPlanTemplate> {
    return this.db.repo(WorkPlanTemplate).save(t);
  }
}

@Injectable()
export class WorkPlanRepository extends EnterpriseScopedRepository<WorkPlan> {
  protected readonly target = WorkPlan;
  protected readonly scopeProperty = 'enterpriseId';
  protected readonly notFoundMessage = 'Implementation plan not found';

  constructor(db: Db, context: RequestContext) {
    super(db, context);
  }

  /** The plan under a row lock, for a change that depends on its status. */
  async lock(id: string): Promise<WorkPlan> {
    const found = await this.query('p').andWhere('p.id = :id', { id }).setLock('pessimistic_write').getOne();
    if (!found) throw new NotFoundError(this.notFoundMessage);
    return found;
  }

  ofYear(year: number, enterpriseIds: readonly string[]): Promise<WorkPlan[]> {
    if (!enterpriseIds.length) return Promise.resolve([]);
    return this.query('p')
      .andWhere('p.year = :year AND p.enterpriseId IN (:...ids)', { year, ids: [...enterpriseIds] })
      .getMany();
  }

  /** Whatever the caller's scope: for the finders other domains read (the assessment). */
  anyOfYear(year: number, enterpriseIds: readonly string[]): Promise<WorkPlan[]> {
    if (!enterpriseIds.length) return Promise.resolve([]);
    return this.repo.findBy({ year, enterpriseId: In([...enterpriseIds]) });
  }

  async save(p: WorkPlan): Promise<WorkPlan> {
    this.assertInScope(p.enterpriseId);
    return this.repo.save(p);
  }
}

@Injectable()
export class WorkPlanVersionRepository {
  constructor(private readonly db: Db) {}

  /** A plan's submissions, newest first; the plan was read through its scoped repository. */
  ofPlan(planId: string): Promise<WorkPlanVersion[]> {
    return this.db.repo(WorkPlanVersion).find({ where: { planId }, order: { version: 'DESC' } });
  }

  async get(planId: string, version: number): Promise<WorkPlanVersion> {
    const found = await this.db.repo(WorkPlanVersion).findOneBy({ planId, version });
    if (!found) throw new NotFoundError('Implementation plan version not found');
    return found;
  }

  save(v: WorkPlanVersion): Promise<WorkPlanVersion> {
    return this.db.repo(WorkPlanVersion).save(v);
  }
}

@Injectable()
export class WorkPlanReportRepository {
  constructor(private readonly db: Db) {}

  /** The reports of plans the caller has already read (through the scoped plan repository). */
  ofPlans(planIds: readonly string[]): Promise<WorkPlanReport[]> {
    if (!planIds.length) return Promise.resolve([]);
    return this.db
      .repo(WorkPlanReport)
      .find({ where: { planId: In([...planIds]) }, order: { quarter: 'ASC' } });
  }

  find(planId: string, quarter: Quarter): Promise<WorkPlanReport | null> {
    return this.db.repo(WorkPlanReport).findOneBy({ planId, quarter });
  }

  save(r: WorkPlanReport): Promise<WorkPlanReport> {
    return this.db.repo(WorkPlanReport).save(r);
  }
}
