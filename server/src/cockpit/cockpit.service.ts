import { Inject, Injectable } from '@nestjs/common';
import type { CockpitView } from '@muster/contracts';
import { AssessmentService } from '../assessments/assessment.service.js';
import { CalloutService } from '../callouts/callout.service.js';
import { Clock } from '../common/clock.js';
import { APP_CONFIG, type AppConfig } from '../config/config.js';
import { ComplianceService } from '../drills/compliance.service.js';
import { HazardReportService } from '../hazards/hazard-report.service.js';
import type { IncidentListQueryDto } from '../incidents/incident.dto.js';
import { IncidentService } from '../incidents/incident.service.js';
import { zoneYearMonth } from '../incidents/statistics.js';
import type { AlarmListQueryDto } from '../monitoring/alarm.dto.js';
import { AlarmService } from '../monitoring/alarm.service.js';
import { RiskService } from '../risks/risk.service.js';

/** Drill duties falling due within this many days show as due on the wall. */
const DUE_SOON_DAYS = 30;
/** The ranking shows the first places; the wall has no room for more. */
const RANKING_ROWS = 10;

/**
 * The leaders' dashboard in one read, each figure from the domain that owns it (the same
 * numbers as the domain's own page), so the wall and the pages never disagree.
 */
@Injectable()
export class CockpitService {
  constructor(
    private readonly incidents: IncidentService,
    private readonly hazards: HazardReportService,
    private readonly risks: RiskService,
    private readonly compliance: ComplianceService,
    private readonly alarms: AlarmService,
    private readonly callouts: CalloutService,
    private readonly assessments: AssessmentService,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async view(): Promise<CockpitView> {
    const now = this.clock.now();
    const { year } = zoneYearMonth(now, this.config.TZ);
    const [thisYear, lastYear, open, hazards, risks, drills, alarms, callouts, ranking] = await Promise.all([
      this.incidents.statistics(year),
      this.incidents.statistics(year - 1),
      this.incidents.list({ open: true, isDrill: false, page: 1, pageSize: 200 } as IncidentListQueryDto),
      this.hazards.stats({}),
      this.risks.stats(),
      this.compliance.report(undefined, now),
      this.alarms.list({ open: true, page: 1, pageSize: 1 } as AlarmListQueryDto),
      this.callouts.underWay(),
      this.assessments.latestRanking(),
    ]);
    return {
      generatedAt: now.toISOString(),
      year,
      targets: { thisYear: thisYear.bySeverity, lastYear: lastYear.bySeverity },
      incidentsByMonth: { thisYear: thisYear.byMonth, lastYear: lastYear.byMonth },
      openIncidents: open.items.map((i) => ({
        id: i.id,
        title: i.title,
        severity: i.severity,
        status: i.status,
        lat: i.location.lat,
        lng: i.location.lng,
        enterpriseName: i.enterpriseName,
      })),
      hazards: {
        open: hazards.total - hazards.byStatus.closed,
        overdue: hazards.overdueOpen,
        major: {
          found: hazards.majorRectificationRate.denominator,
          closed: hazards.majorRectificationRate.numerator,
          rate: hazards.majorRectificationRate.rate,
        },
      },
      risks: risks.total,
      drills: {
        due: drills.items.filter((i) => !i.overdue && i.daysUntilDue <= DUE_SOON_DAYS).length,
        overdue: drills.overdue.length,
      },
      alarms: { open: alarms.total },
      callouts: { active: callouts.length, items: callouts.slice(0, 5) },
      ranking: {
        year: ranking.year,
        items: ranking.items.slice(0, RANKING_ROWS).map((s) => ({
          enterpriseName: s.enterpriseName,
          total: s.total,
          band: s.band,
          rank: s.rank,
        })),
      },
    };
  }
}
