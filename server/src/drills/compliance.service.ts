import { Inject, Injectable } from '@nestjs/common';
import { Clock } from '../common/clock.js';
import { RequestContext } from '../common/request-context.js';
import { applyScope } from '../common/scoped.repository.js';
import { APP_CONFIG, type AppConfig } from '../config/config.js';
import type { ComplianceReport, PlanType } from '@muster/contracts';
import { Db } from '../database/db.js';
import { Enterprise } from '../enterprises/enterprise.entity.js';
import { type CompliancePlan, type ComplianceRun, complianceReport } from './compliance.js';
import { NotFoundError } from '../common/domain-errors.js';

@Injectable()
export class ComplianceService {
  constructor(
    private readonly db: Db,
    private readonly context: RequestContext,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** The zone's drill duties (an officer's: their enterprise's), or one enterprise's. */
  async report(enterpriseId?: string): Promise<ComplianceReport> {
    const qb = this.db.repo(Enterprise).createQueryBuilder('e').orderBy('e.name', 'ASC');
    applyScope(qb, 'e.id', this.context.scope());
    if (enterpriseId) qb.andWhere('e.id = :enterpriseId', { enterpriseId });
    const enterprises = await qb.getMany();
    if (enterpriseId && enterprises.length === 0) throw new NotFoundError('Enterprise not found');
    const ids = enterprises.map((e) => e.id);

    // A plan counts while one of its versions is in force; it has been binding since its first
    // publication, superseded editions included.
    const plans: { enterprise_id: string; type: PlanType; first_published_at: Date }[] =
      await this.db.manager.query(
        `SELECT p.enterprise_id, p.type, min(v.published_at) AS first_published_at
         FROM plan p JOIN plan_version v ON v.plan_id = p.id
        WHERE p.enterprise_id = ANY($1) AND v.published_at IS NOT NULL
        GROUP BY p.id
       HAVING bool_or(v.status = 'published')`,
        [ids],
      );
    // Only the latest ended run per enterprise and plan type can decide a due date.
    const runs: { id: string; enterprise_id: string; plan_type: PlanType | null; ended_at: Date }[] =
      await this.db.manager.query(
        `SELECT DISTINCT ON (enterprise_id, plan_type) id, enterprise_id, plan_type, ended_at
           FROM drill_run
          WHERE enterprise_id = ANY($1) AND status = 'ended' AND ended_at IS NOT NULL
          ORDER BY enterprise_id, plan_type, ended_at DESC`,
        [ids],
      );

    return complianceReport({
      enterprises: enterprises.map((e) => ({
        id: e.id,
        name: e.name,
        industry: e.industry,
        riskClass: e.riskClass,
      })),
      plans: plans.map((p): CompliancePlan => ({
        enterpriseId: p.enterprise_id,
        type: p.type,
        firstPublishedAt: new Date(p.first_published_at),
      })),
      runs: runs.map((r): ComplianceRun => ({
        id: r.id,
        enterpriseId: r.enterprise_id,
        planType: r.plan_type,
        endedAt: new Date(r.ended_at),
      })),
      now: this.clock.now(),
      timeZone: this.config.TZ,
    });
  }
}
