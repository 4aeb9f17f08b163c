import { Injectable } from '@nestjs/common';
import type { CultureActivityKind, ModelApplicationStatus } from '@muster/contracts';
import { RequestContext } from '../common/request-context.js';
import { EnterpriseScopedRepository } from '../common/scoped.repository.js';
import { Db } from '../database/db.js';
import { CultureActivity, ModelApplication, ModelCriteria } from './culture.entities.js';

export interface ActivityFilter {
  year?: number;
  month?: number;
  enterpriseId?: string;
  kind?: CultureActivityKind;
  skip: number;
  take: number;
}

/** What the year's counts are made of: one row per activity, nothing else. */
export interface ActivityStatRow {
  enterpriseId: string | null;
  kind: CultureActivityKind;
  month: number;
  participantCount: number;
}

@Injectable()
export class CultureActivityRepository extends EnterpriseScopedRepository<CultureActivity> {
  protected readonly target = CultureActivity;
  protected readonly scopeProperty = 'enterpriseId';
  protected readonly notFoundMessage = 'Activity not found';

  constructor(db: Db, context: RequestContext) {
    super(db, context);
  }

  list(f: ActivityFilter): Promise<[CultureActivity[], number]> {
    const qb = this.query('a')
      .orderBy('a.heldOn', 'DESC')
      .addOrderBy('a.createdAt', 'DESC')
      .skip(f.skip)
      .take(f.take);
    if (f.year) qb.andWhere('extract(year FROM a.heldOn) = :year', { year: f.year });
    if (f.month) qb.andWhere('extract(month FROM a.heldOn) = :month', { month: f.month });
    if (f.enterpriseId) qb.andWhere('a.enterpriseId = :eid', { eid: f.enterpriseId });
    if (f.kind) qb.andWhere('a.kind = :kind', { kind: f.kind });
    return qb.getManyAndCount();
  }

  /** The caller's activities of a year (scoped), optionally of some organisers only. */
  async statRows(year: number, enterpriseIds?: readonly string[]): Promise<ActivityStatRow[]> {
    const qb = this.query('a')
      .select('a.enterpriseId', 'enterpriseId')
      .addSelect('a.kind', 'kind')
      .addSelect('extract(month FROM a.heldOn)::int', 'month')
      .addSelect('a.participantCount', 'participantCount')
      .andWhere('extract(year FROM a.heldOn) = :year', { year });
    if (enterpriseIds) {
      if (enterpriseIds.length === 0) return [];
      qb.andWhere('a.enterpriseId IN (:...ids)', { ids: [...enterpriseIds] });
    }
    const rows: {
      enterpriseId: string | null;
      kind: CultureActivityKind;
      month: number;
      participantCount: number;
    }[] = await qb.getRawMany();
    return rows.map((r) => ({ ...r, month: Number(r.month), participantCount: Number(r.participantCount) }));
  }

  async save(a: CultureActivity): Promise<CultureActivity> {
    this.assertInScope(a.enterpriseId);
    return this.repo.save(a);
  }

  async remove(a: CultureActivity): Promise<void> {
    this.assertInScope(a.enterpriseId);
    await this.repo.delete({ id: a.id });
  }
}

/** The zone's criteria are the zone's: everyone who applies reads them. */
@Injectable()
export class ModelCriteriaRepository {
  constructor(private readonly db: Db) {}

  private get repo() {
    return this.db.repo(ModelCriteria);
  }

  get(year: number): Promise<ModelCriteria | null> {
    return this.repo.findOneBy({ year });
  }

  list(): Promise<ModelCriteria[]> {
    return this.repo.find({ order: { year: 'DESC' } });
  }

  save(c: ModelCriteria): Promise<ModelCriteria> {
    return this.repo.save(c);
  }
}

export interface ApplicationFilter {
  year?: number;
  status?: ModelApplicationStatus;
  skip: number;
  take: number;
}

@Injectable()
export class ModelApplicationRepository extends EnterpriseScopedRepository<ModelApplication> {
  protected readonly target = ModelApplication;
  protected readonly scopeProperty = 'enterpriseId';
  protected readonly notFoundMessage = 'Application not found';

  constructor(db: Db, context: RequestContext) {
    super(db, context);
  }

  list(f: ApplicationFilter): Promise<[ModelApplication[], number]> {
    const qb = this.query('m')
      .orderBy('m.year', 'DESC')
      .addOrderBy('m.updatedAt', 'DESC')
      .skip(f.skip)
      .take(f.take);
    if (f.year) qb.andWhere('m.year = :year', { year: f.year });
    if (f.status) qb.andWhere('m.status = :status', { status: f.status });
    return qb.getManyAndCount();
  }

  /** Read again under a row lock: state changes of one application happen one at a time. */
  async lockById(id: string): Promise<ModelApplication> {
    await this.getById(id);
    await this.db.manager.query('SELECT 1 FROM model_application WHERE id = $1 FOR UPDATE', [id]);
    return this.getById(id);
  }

  async countForYear(year: number, statuses: ModelApplicationStatus[]): Promise<number> {
    return this.repo
      .createQueryBuilder('m')
      .where('m.year = :year AND m.status IN (:...statuses)', { year, statuses })
      .getCount();
  }

  /**
   * Titles in force on `date` (zone-local): awarded on or before it, valid to it or later. Whatever
   * the caller's scope, as a title is public (the portal's list). Newest award first.
   */
  inForce(date: string, timeZone: string, limit?: number): Promise<ModelApplication[]> {
    const qb = this.repo
      .createQueryBuilder('m')
      .where(`m.status = 'awarded' AND m.validUntil >= :date`, { date })
      .andWhere('CAST(m.decidedAt AT TIME ZONE :tz AS date) <= :date', { tz: timeZone })
      .orderBy('m.decidedAt', 'DESC')
      .addOrderBy('m.id', 'ASC');
    if (limit !== undefined) qb.take(limit);
    return qb.getMany();
  }

  async save(m: ModelApplication): Promise<ModelApplication> {
    this.assertInScope(m.enterpriseId);
    return this.repo.save(m);
  }
}
