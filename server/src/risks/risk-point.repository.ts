import { Injectable } from '@nestjs/common';
import type { RiskClass } from '@muster/contracts';
import { RequestContext } from '../common/request-context.js';
import { EnterpriseScopedRepository, applyScope } from '../common/scoped.repository.js';
import { NotFoundError } from '../common/domain-errors.js';
import { escapeLike } from '../common/sql.js';
import { Db } from '../database/db.js';
import { RiskAssessment, RiskCheckPlan, RiskPoint } from './risk.entities.js';

export interface RiskPointFilter {
  enterpriseId?: string;
  grade?: RiskClass | 'unassessed';
  post?: string;
  q?: string;
  skip: number;
  take: number;
}

/** A risk point with what the zone table groups it by. */
export interface RiskStatRow {
  enterpriseId: string;
  enterpriseName: string;
  industry: string;
  grade: RiskClass | null;
}

@Injectable()
export class RiskPointRepository extends EnterpriseScopedRepository<RiskPoint> {
  protected readonly target = RiskPoint;
  protected readonly scopeProperty = 'enterpriseId';
  protected readonly notFoundMessage = 'Risk point not found';

  constructor(db: Db, context: RequestContext) {
    super(db, context);
  }

  /** Worst grade first, then by place and name: the register as an inspector reads it. */
  list(f: RiskPointFilter): Promise<[RiskPoint[], number]> {
    const qb = this.query('r');
    if (f.enterpriseId) qb.andWhere('r.enterpriseId = :enterpriseId', { enterpriseId: f.enterpriseId });
    if (f.grade === 'unassessed') qb.andWhere('r.grade IS NULL');
    else if (f.grade) qb.andWhere('r.grade = :grade', { grade: f.grade });
    if (f.post) qb.andWhere('r.post = :post', { post: f.post });
    if (f.q) {
      qb.andWhere('(r.name ILIKE :q OR r.place ILIKE :q OR r.post ILIKE :q)', { q: `%${escapeLike(f.q)}%` });
    }
    return qb
      .addSelect(
        `CASE r.grade WHEN 'major' THEN 4 WHEN 'high' THEN 3 WHEN 'medium' THEN 2 WHEN 'low' THEN 1 ELSE 0 END`,
        'rank',
      )
      .orderBy('rank', 'DESC')
      .addOrderBy('r.place', 'ASC')
      .addOrderBy('r.name', 'ASC')
      .addOrderBy('r.id', 'ASC')
      .skip(f.skip)
      .take(f.take)
      .getManyAndCount();
  }

  /** Every point of one enterprise (in scope), for a post card or generating plans. */
  ofEnterprise(enterpriseId: string, post?: string): Promise<RiskPoint[]> {
    const qb = this.query('r').andWhere('r.enterpriseId = :enterpriseId', { enterpriseId });
    if (post !== undefined) qb.andWhere('r.post = :post', { post });
    return qb.orderBy('r.place', 'ASC').addOrderBy('r.name', 'ASC').addOrderBy('r.id', 'ASC').getMany();
  }

  /** Locked for an assessment, so two assessors at once write the grade in turn. */
  async getForUpdate(id: string): Promise<RiskPoint> {
    const p = await this.query('r').andWhere('r.id = :id', { id }).setLock('pessimistic_write').getOne();
    if (!p) throw new NotFoundError(this.notFoundMessage);
    return p;
  }

  /** Grades of every point of an enterprise, whatever the caller's scope: its overall class. */
  async gradesOf(enterpriseId: string): Promise<(RiskClass | null)[]> {
    const rows: { grade: RiskClass | null }[] = await this.db.manager.query(
      'SELECT grade FROM risk_point WHERE enterprise_id = $1',
      [enterpriseId],
    );
    return rows.map((r) => r.grade);
  }

  save(p: RiskPoint): Promise<RiskPoint> {
    this.assertInScope(p.enterpriseId);
    return this.repo.save(p);
  }

  async remove(p: RiskPoint): Promise<void> {
    this.assertInScope(p.enterpriseId);
    await this.repo.remove(p);
  }

  addAssessment(a: Partial<RiskAssessment>): Promise<RiskAssessment> {
    return this.db.repo(RiskAssessment).save(a);
  }

  assessments(riskPointId: string): Promise<RiskAssessment[]> {
    return this.db
      .repo(RiskAssessment)
      .find({ where: { riskPointId }, order: { assessedAt: 'DESC', id: 'DESC' } });
  }

  /** Points on the map: those with a position, in scope. */
  located(): Promise<RiskPoint[]> {
    return this.query('r')
      .andWhere('r.lat IS NOT NULL AND r.lng IS NOT NULL')
      .orderBy('r.id', 'ASC')
      .getMany();
  }

  /** Every point in scope with its enterprise's name and industry. */
  async statRows(): Promise<RiskStatRow[]> {
    const qb = this.db.manager
      .createQueryBuilder()
      .select('r.enterprise_id', 'enterpriseId')
      .addSelect('e.name', 'enterpriseName')
      .addSelect('e.industry', 'industry')
      .addSelect('r.grade', 'grade')
      .from('risk_point', 'r')
      .innerJoin('enterprise', 'e', 'e.id = r.enterprise_id');
    applyScope(qb, 'r.enterprise_id', this.context.scope());
    return qb.getRawMany<RiskStatRow>();
  }

  /**
   * Each point's grade at the end of each quarter since `from` (YYYY-MM-DD, a quarter's first
   * day): the grade of its latest assessment made before the quarter ended (in the zone's time).
   */
  async gradesByQuarter(
    from: string,
    until: string,
    timeZone: string,
  ): Promise<{ quarter: string; grade: RiskClass; count: number }[]> {
    const params: unknown[] = [from, until, timeZone];
    const scope = this.context.scope();
    let where = '';
    if (scope.kind === 'enterprise') {
      params.push(scope.enterpriseId);
      where = `AND p.enterprise_id = $${params.length}`;
    } else if (scope.kind === 'none') where = 'AND false';
    const rows: { quarter: string; grade: RiskClass; count: string }[] = await this.db.manager.query(
      `WITH quarters AS (
         SELECT q::date AS starts, (q + interval '3 months')::date AS ends
           FROM generate_series($1::date, $2::date, interval '3 months') q)
       SELECT to_char(qs.starts, 'YYYY') || '-Q' || to_char(qs.starts, 'Q') AS quarter, last.grade, count(*)::text AS count
         FROM quarters qs
         JOIN risk_point p ON true
         CROSS JOIN LATERAL (
           SELECT a.grade FROM risk_assessment a
            WHERE a.risk_point_id = p.id AND a.assessed_at < (qs.ends::timestamp AT TIME ZONE $3)
            ORDER BY a.assessed_at DESC, a.id DESC LIMIT 1) last
        WHERE true ${where}
        GROUP BY qs.starts, last.grade
        ORDER BY qs.starts`,
      params,
    );
    return rows.map((r) => ({ quarter: r.quarter, grade: r.grade, count: Number(r.count) }));
  }

  checkPlans(enterpriseId: string): Promise<RiskCheckPlan[]> {
    return this.db.repo(RiskCheckPlan).find({ where: { enterpriseId } });
  }

  async saveCheckPlan(row: RiskCheckPlan): Promise<void> {
    await this.db.repo(RiskCheckPlan).save(row);
  }

  /** Reassessment deadlines at or before `horizon`, of every point or of one. */
  reassessmentsDue(
    horizon: string,
    id?: string,
  ): Promise<
    {
      id: string;
      name: string;
      place: string;
      enterprise_id: string;
      enterprise_name: string;
      next_assessment_on: string;
    }[]
  > {
    return this.db.manager.query(
      `SELECT p.id, p.name, p.place, p.enterprise_id, e.name AS enterprise_name,
              to_char(p.next_assessment_on, 'YYYY-MM-DD') AS next_assessment_on
         FROM risk_point p JOIN enterprise e ON e.id = p.enterprise_id
        WHERE p.next_assessment_on <= $1::date AND ($2::uuid IS NULL OR p.id = $2::uuid)
        ORDER BY p.id`,
      [horizon, id ?? null],
    );
  }
}
