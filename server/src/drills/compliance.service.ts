import { Inject, Injectable } from '@nestjs/common';
import { Clock } from '../common/clock.js';
import { APP_CONFIG, type AppConfig } from '../config/config.js';
import { type ComplianceReport, type PlanType } from '@muster/contracts';
import { Db } from '../database/db.js';
import { EnterpriseService } from '../enterprises/enterprise.service.js';
import { InstallationRepository } from '../installations/installation.repository.js';
import { PlanService } from '../plans/plan.service.js';
import {
  type CompliancePlan,
  type ComplianceRun,
  type UnreportedRun,
  complianceReport,
  isListed,
} from './compliance.js';
import { NotFoundError } from '../common/domain-errors.js';
import { RequestContext } from '../common/request-context.js';
import { zoneDay } from './compliance.js';

@Injectable()
export class ComplianceService {
  constructor(
    private readonly db: Db,
    private readonly enterprises: EnterpriseService,
    private readonly plans: PlanService,
    private readonly installations: InstallationRepository,
    private readonly clock: Clock,
    private readonly context: RequestContext,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /**
   * The zone's drill duties (an officer's: their enterprise's), or one enterprise's; as of `now`
   * (the reminder scheduler's scan time), by default the clock's.
   */
  async report(enterpriseId?: string, now: Date = this.clock.now()): Promise<ComplianceReport> {
    const profiles = await this.enterprises.profiles(enterpriseId);
    if (enterpriseId && profiles.length === 0) throw new NotFoundError('Enterprise not found');
    const ids = profiles.map((e) => e.id);
    // Holding a major hazard installation lists a unit under Art. 33 whatever its category says.
    const holders = await this.installations.majorHazardHolders(ids);
    const enterprises = profiles.map((e) => ({ ...e, majorHazardInstallation: holders.has(e.id) }));

    const plans: CompliancePlan[] = await this.plans.inForce(ids);
    // Only the latest ended run per enterprise and plan type can decide a due date.
    const runs: { id: string; enterprise_id: string; plan_type: PlanType | null; ended_at: Date }[] =
      await this.db.manager.query(
        `SELECT DISTINCT ON (enterprise_id, plan_type) id, enterprise_id, plan_type, ended_at
           FROM drill_run
          WHERE enterprise_id = ANY($1) AND status = 'ended' AND ended_at IS NOT NULL
          ORDER BY enterprise_id, plan_type, ended_at DESC`,
        [ids],
      );

    // Art. 33 para. 2: a listed unit reports each drill to the competent department.
    const listed = enterprises.filter(isListed).map((e) => e.id);
    const unreported: {
      id: string;
      enterprise_id: string;
      title: string;
      plan_type: PlanType;
      ended_at: Date;
    }[] = listed.length
      ? await this.db.manager.query(
          `SELECT id, enterprise_id, document->>'title' AS title, plan_type, ended_at
             FROM drill_run
            WHERE enterprise_id = ANY($1) AND status = 'ended' AND ended_at IS NOT NULL
              AND plan_type IS NOT NULL AND department_reported_at IS NULL
            ORDER BY ended_at, id`,
          [listed],
        )
      : [];

    // Art. 33 yearly drill plans against the year's drills; the zone's own (no enterprise) are
    // compared for a zone caller's whole-zone report.
    const includeZone = !enterpriseId && this.context.scope().kind === 'zone';
    const year = Number(zoneDay(now, this.config.TZ).slice(0, 4));
    const planned: { enterprise_id: string | null; year: number; month: number; plan_type: PlanType }[] =
      await this.db.manager.query(
        `SELECT enterprise_id, year, month, plan_type FROM drill_plan_entry
          WHERE year = $1 AND (enterprise_id = ANY($2) OR ($3 AND enterprise_id IS NULL))`,
        [year, ids, includeZone],
      );
    // A day either side of the year: which zone-local year each drill falls in is decided above.
    const done: { enterprise_id: string | null; plan_type: PlanType | null; ended_at: Date }[] =
      await this.db.manager.query(
        `SELECT enterprise_id, plan_type, ended_at FROM drill_run
          WHERE status = 'ended' AND ended_at IS NOT NULL AND plan_type IS NOT NULL
            AND ended_at >= make_date($1, 1, 1) - interval '1 day' AND ended_at < make_date($1 + 1, 1, 1) + interval '1 day'
            AND (enterprise_id = ANY($2) OR ($3 AND enterprise_id IS NULL))`,
        [year, ids, includeZone],
      );

    return complianceReport({
      enterprises,
      plans,
      includeZone,
      plannedDrills: planned.map((p) => ({
        enterpriseId: p.enterprise_id,
        year: p.year,
        month: p.month,
        planType: p.plan_type,
      })),
      doneDrills: done.map((d) => ({
        enterpriseId: d.enterprise_id,
        planType: d.plan_type,
        endedAt: new Date(d.ended_at),
      })),
      unreportedRuns: unreported.map((r): UnreportedRun => ({
        id: r.id,
        enterpriseId: r.enterprise_id,
        title: r.title,
        planType: r.plan_type,
        endedAt: new Date(r.ended_at),
      })),
      runs: runs.map((r): ComplianceRun => ({
        id: r.id,
        enterpriseId: r.enterprise_id,
        planType: r.plan_type,
        endedAt: new Date(r.ended_at),
      })),
      now,
      timeZone: this.config.TZ,
    });
  }
}
