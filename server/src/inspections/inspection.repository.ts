import { Injectable } from '@nestjs/common';
import { RequestContext } from '../common/request-context.js';
import { EnterpriseScopedRepository } from '../common/scoped.repository.js';
import type { InspectionKind } from '@muster/contracts';
import { Db } from '../database/db.js';
import { InspectionPlan, InspectionRecord } from './inspection.entity.js';

@Injectable()
export class InspectionRecordRepository extends EnterpriseScopedRepository<InspectionRecord> {
  protected readonly target = InspectionRecord;
  protected readonly scopeProperty = 'enterpriseId';
  protected readonly notFoundMessage = 'Inspection record not found';

  constructor(db: Db, context: RequestContext) {
    super(db, context);
  }

  async getForUpdate(id: string): Promise<InspectionRecord> {
    const r = await this.query('r').andWhere('r.id = :id', { id }).setLock('pessimistic_write').getOne();
    return r ?? this.getById(id);
  }

  list(f: {
    enterpriseId?: string;
    kind?: InspectionKind;
    status?: 'open' | 'completed';
    planId?: string;
    skip: number;
    take: number;
  }): Promise<[InspectionRecord[], number]> {
    const qb = this.query('r')
      .orderBy('r.startedAt', 'DESC')
      .addOrderBy('r.id', 'DESC')
      .skip(f.skip)
      .take(f.take);
    if (f.enterpriseId) qb.andWhere('r.enterpriseId = :eid', { eid: f.enterpriseId });
    if (f.kind) qb.andWhere('r.kind = :kind', { kind: f.kind });
    if (f.status) qb.andWhere('r.status = :status', { status: f.status });
    if (f.planId) qb.andWhere('r.planId = :planId', { planId: f.planId });
    return qb.getManyAndCount();
  }

  save(r: InspectionRecord): Promise<InspectionRecord> {
    this.assertInScope(r.enterpriseId);
    return this.repo.save(r);
  }

  async remove(r: InspectionRecord): Promise<void> {
    this.assertInScope(r.enterpriseId);
    await this.repo.delete({ id: r.id });
  }

  async enterprisesCheckedSince(since: Date, except: string[]): Promise<string[]> {
    const rows: { enterprise_id: string }[] = await this.db.manager.query(
      `SELECT DISTINCT enterprise_id FROM inspection_record
        WHERE kind IN ('zone_inspection', 'spot_check') AND id <> ALL($2::uuid[])
          AND (coalesce(completed_at, started_at) >= $1 OR (status = 'open' AND due_by >= $1::date))`,
      [since, except],
    );
    return rows.map((r) => r.enterprise_id);
  }

  async enterpriseNames(ids: string[]): Promise<Map<string, string>> {
    if (!ids.length) return new Map();
    const rows: { id: string; name: string }[] = await this.db.manager.query(
      `SELECT id, name FROM enterprise WHERE id = ANY($1::uuid[])`,
      [[...new Set(ids)]],
    );
    return new Map(rows.map((r) => [r.id, r.name]));
  }

  async allEnterpriseIds(): Promise<string[]> {
    const rows: { id: string }[] = await this.db.manager.query(`SELECT id FROM enterprise ORDER BY id`);
    return rows.map((r) => r.id);
  }

  /**
   * The zone's scheduled inspections (its plans' occurrences and spot checks with a due day)
   * whose last due day falls between `from` and `to` (YYYY-MM-DD, inclusive): what the
   * supervising departments were to do, and whether it was done.
   */
  zoneScheduled(from: string, to: string): Promise<InspectionRecord[]> {
    return this.query('r')
      .leftJoin(InspectionPlan, 'p', 'p.id = r.planId')
      .andWhere(`r.kind IN ('zone_inspection', 'spot_check')`)
      .andWhere('(r.planId IS NULL OR p.enterpriseId IS NULL)')
      .andWhere('coalesce(r.dueBy, r.dueOn) BETWEEN :from AND :to', { from, to })
      .getMany();
  }

  /** Recently closed hazards of an enterprise, for a spot check to re-inspect. */
  async recentlyClosedHazards(
    enterpriseId: string,
    since: Date,
    limit: number,
  ): Promise<{ id: string; seq: string; description: string }[]> {
    return this.db.manager.query(
      `SELECT id, seq::text AS seq, description FROM hazard
        WHERE enterprise_id = $1 AND status = 'closed' AND closed_at >= $2
        ORDER BY closed_at DESC LIMIT $3`,
      [enterpriseId, since, limit],
    );
  }
}

/**
 * Plans are not owned by one enterprise alone: a zone plan covers many. An officer sees their
 * enterprise's own plans and the zone plans that cover it.
 */
@Injectable()
export class InspectionPlanRepository {
  constructor(
    private readonly db: Db,
    private readonly context: RequestContext,
  ) {}

  private get repo() {
    return this.db.repo(InspectionPlan);
  }

  private scoped(alias: string) {
    const qb = this.repo.createQueryBuilder(alias);
    const scope = this.context.scope();
    if (scope.kind === 'enterprise') {
      qb.andWhere(`(${alias}.enterpriseId = :sid OR :sid = ANY(${alias}.enterpriseIds))`, {
        sid: scope.enterpriseId,
      });
    } else if (scope.kind === 'none') {
      qb.andWhere('1 = 0');
    }
    return qb;
  }

  findById(id: string): Promise<InspectionPlan | null> {
    return this.scoped('p').andWhere('p.id = :id', { id }).getOne();
  }

  list(f: {
    active?: boolean;
    kind?: InspectionKind;
    skip: number;
    take: number;
  }): Promise<[InspectionPlan[], number]> {
    const qb = this.scoped('p').orderBy('p.createdAt', 'DESC').skip(f.skip).take(f.take);
    if (f.active !== undefined) qb.andWhere('p.active = :active', { active: f.active });
    if (f.kind) qb.andWhere('p.kind = :kind', { kind: f.kind });
    return qb.getManyAndCount();
  }

  save(p: InspectionPlan): Promise<InspectionPlan> {
    return this.repo.save(p);
  }
}
