import { Inject, Injectable } from '@nestjs/common';
import {
  type AssessmentMetric,
  type ScoreEvidence,
  SEVERITIES,
  type Severity,
  VETO_SEVERITIES,
} from '@muster/contracts';
import { APP_CONFIG, type AppConfig } from '../config/config.js';
import { ComplianceService } from '../drills/compliance.service.js';
import { computeStats } from '../hazards/hazard-stats.js';
import { HazardRepository } from '../hazards/hazard.repository.js';
import { IncidentRepository } from '../incidents/incident.repository.js';
import { incidentStatistics } from '../incidents/statistics.js';
import { AlarmService } from '../monitoring/alarm.service.js';
import { zoneDate } from '../zone/zone-time.js';

/** One measure of one enterprise: what the scoring rule reads, and the evidence shown with the points. */
export interface Measure {
  rate?: number | null;
  count?: number;
  value?: number | null;
  /** A veto-grade incident happened (the `incidents` measure). */
  vetoes?: boolean;
  evidence: ScoreEvidence;
}

export type Measures = Partial<Record<Exclude<AssessmentMetric, 'manual'>, Measure>>;

/**
 * The computed indicators' measures for a zone-local calendar year, per enterprise, through the
 * owning domains' own queries and rules (hazard statistics, drill compliance, incident
 * statistics, alarm statistics), so a figure on a sheet is the figure the domain's page shows.
 * `asOf`: the moment the year is looked at (its end, or now while it runs).
 */
@Injectable()
export class AssessmentMeasures {
  constructor(
    private readonly hazards: HazardRepository,
    private readonly compliance: ComplianceService,
    private readonly incidents: IncidentRepository,
    private readonly alarms: AlarmService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async forYear(year: number, enterpriseIds: string[], asOf: Date): Promise<Map<string, Measures>> {
    const tz = this.config.TZ;
    const out = new Map<string, Measures>(enterpriseIds.map((id) => [id, {}]));
    const from = `${year}-01-01`;
    const to = `${year}-12-31`;

    const hazardRows = await this.hazards.statRows({ from, to, timeZone: tz });
    const today = zoneDate(asOf, tz);
    for (const id of enterpriseIds) {
      const s = computeStats(
        hazardRows.filter((r) => r.enterpriseId === id),
        today,
        { from, to },
      );
      const m = out.get(id)!;
      m.major_hazard_rectification = {
        rate: s.majorRectificationRate.rate,
        evidence: {
          numerator: s.majorRectificationRate.numerator,
          denominator: s.majorRectificationRate.denominator,
        },
      };
      m.on_time_rectification = {
        rate: s.onTimeRate.rate,
        evidence: { numerator: s.onTimeRate.numerator, denominator: s.onTimeRate.denominator },
      };
      m.overdue_hazards = { count: s.overdueOpen, evidence: { count: s.overdueOpen } };
    }

    const drills = await this.compliance.report(undefined, asOf);
    for (const id of enterpriseIds) {
      const items = drills.items.filter((i) => i.enterpriseId === id);
      const overdue = items.filter((i) => i.overdue);
      out.get(id)!.drill_duties = {
        rate: items.length ? (items.length - overdue.length) / items.length : null,
        count: overdue.length,
        evidence: {
          numerator: items.length - overdue.length,
          denominator: items.length,
          count: overdue.length,
          items: overdue.map((i) => `${i.requirement}:${i.dueOn}`),
        },
      };
    }

    // A day either side covers the zone's offset; incidentStatistics picks the exact year.
    const incidentRows = await this.incidents.forStatistics(
      new Date(Date.UTC(year - 1, 11, 31)),
      new Date(Date.UTC(year + 1, 0, 2)),
    );
    for (const id of enterpriseIds) {
      const s = incidentStatistics(
        incidentRows.filter((r) => r.enterpriseId === id),
        year,
        tz,
        asOf,
      );
      const bySeverity = Object.fromEntries(
        SEVERITIES.filter((sv) => s.bySeverity[sv] > 0).map((sv) => [sv, s.bySeverity[sv]]),
      ) as Partial<Record<Severity, number>>;
      const m = out.get(id)!;
      m.incidents = {
        count: s.bySeverity.ordinary,
        vetoes: VETO_SEVERITIES.some((sv) => s.bySeverity[sv] > 0),
        evidence: { count: s.total, bySeverity },
      };
      m.reports_on_time = {
        rate: s.total ? (s.total - s.lateReports) / s.total : null,
        count: s.lateReports,
        evidence: { numerator: s.total - s.lateReports, denominator: s.total, count: s.lateReports },
      };
    }

    const yearStart = new Date(`${from}T00:00:00${offsetOf(tz)}`);
    const yearEnd = new Date(`${year + 1}-01-01T00:00:00${offsetOf(tz)}`);
    const alarmRows = await this.alarms.statistics({
      from: yearStart.toISOString(),
      to: (asOf < yearEnd ? asOf : yearEnd).toISOString(),
    });
    for (const id of enterpriseIds) {
      const a = alarmRows.find((r) => r.enterpriseId === id);
      const minutes = a?.meanSecondsToAcknowledge == null ? null : a.meanSecondsToAcknowledge / 60;
      out.get(id)!.alarm_handling = {
        value: minutes === null ? null : Math.round(minutes * 100) / 100,
        evidence: {
          value: minutes === null ? null : Math.round(minutes * 100) / 100,
          numerator: a?.acknowledged ?? 0,
          denominator: a?.total ?? 0,
        },
      };
    }
    return out;
  }
}

/** The zone's fixed UTC offset (Asia/Shanghai keeps no daylight saving), as "+08:00". */
function offsetOf(timeZone: string): string {
  const name = new Intl.DateTimeFormat('en-US', { timeZone, timeZoneName: 'longOffset' })
    .formatToParts(new Date())
    .find((p) => p.type === 'timeZoneName')!.value;
  return name === 'GMT' ? '+00:00' : name.slice(3);
}
