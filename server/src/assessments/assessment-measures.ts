import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import { SEVERITIES, type Severity, VETO_SEVERITIES } from '@muster/contracts';
import { APP_CONFIG, type AppConfig } from '../config/config.js';
import { ComplianceService } from '../drills/compliance.service.js';
import { computeStats } from '../hazards/hazard-stats.js';
import { HazardRepository } from '../hazards/hazard.repository.js';
import { IncidentRepository } from '../incidents/incident.repository.js';
import { incidentStatistics } from '../incidents/statistics.js';
import { type MeasureQuery, MeasureProviders, type Measures } from '../measures/measure-providers.js';
import { AlarmService } from '../monitoring/alarm.service.js';
import { zoneDate } from '../zone/zone-time.js';

/**
 * The enterprise measures the assessment takes from the records of the domains it stands on
 * (hazard statistics, drill compliance, incident statistics, alarm statistics), through their own
 * queries and rules, so a figure on a sheet is the figure the domain's page shows. Registered
 * with the measure registry like any other domain's.
 */
@Injectable()
export class RecordMeasures implements OnModuleInit {
  constructor(
    private readonly registry: MeasureProviders,
    private readonly hazards: HazardRepository,
    private readonly compliance: ComplianceService,
    private readonly incidents: IncidentRepository,
    private readonly alarms: AlarmService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  onModuleInit(): void {
    this.registry.register({
      subject: 'enterprise',
      metrics: ['major_hazard_rectification', 'on_time_rectification', 'overdue_hazards'],
      measure: (q) => this.hazardMeasures(q),
    });
    this.registry.register({
      subject: 'enterprise',
      metrics: ['drill_duties'],
      measure: (q) => this.drillMeasures(q),
    });
    this.registry.register({
      subject: 'enterprise',
      metrics: ['incidents', 'reports_on_time'],
      measure: (q) => this.incidentMeasures(q),
    });
    this.registry.register({
      subject: 'enterprise',
      metrics: ['alarm_handling'],
      measure: (q) => this.alarmMeasures(q),
    });
  }

  private async hazardMeasures({ year, subjects, asOf }: MeasureQuery): Promise<Map<string, Measures>> {
    const from = `${year}-01-01`;
    const to = `${year}-12-31`;
    const hazardRows = await this.hazards.statRows({ from, to, timeZone: this.config.TZ });
    const today = zoneDate(asOf, this.config.TZ);
    const out = new Map<string, Measures>();
    for (const id of subjects) {
      const s = computeStats(
        hazardRows.filter((r) => r.enterpriseId === id),
        today,
        { from, to },
      );
      out.set(id, {
        major_hazard_rectification: {
          rate: s.majorRectificationRate.rate,
          evidence: {
            numerator: s.majorRectificationRate.numerator,
            denominator: s.majorRectificationRate.denominator,
          },
        },
        on_time_rectification: {
          rate: s.onTimeRate.rate,
          evidence: { numerator: s.onTimeRate.numerator, denominator: s.onTimeRate.denominator },
        },
        overdue_hazards: { count: s.overdueOpen, evidence: { count: s.overdueOpen } },
      });
    }
    return out;
  }

  private async drillMeasures({ subjects, asOf }: MeasureQuery): Promise<Map<string, Measures>> {
    const drills = await this.compliance.report(undefined, asOf);
    const out = new Map<string, Measures>();
    for (const id of subjects) {
      const items = drills.items.filter((i) => i.enterpriseId === id);
      const overdue = items.filter((i) => i.overdue);
      out.set(id, {
        drill_duties: {
          rate: items.length ? (items.length - overdue.length) / items.length : null,
          count: overdue.length,
          evidence: {
            numerator: items.length - overdue.length,
            denominator: items.length,
            count: overdue.length,
            items: overdue.map((i) => `${i.requirement}:${i.dueOn}`),
          },
        },
      });
    }
    return out;
  }

  private async incidentMeasures({ year, subjects, asOf }: MeasureQuery): Promise<Map<string, Measures>> {
    // A day either side covers the zone's offset; incidentStatistics picks the exact year.
    const incidentRows = await this.incidents.forStatistics(
      new Date(Date.UTC(year - 1, 11, 31)),
      new Date(Date.UTC(year + 1, 0, 2)),
    );
    const out = new Map<string, Measures>();
    for (const id of subjects) {
      const s = incidentStatistics(
        incidentRows.filter((r) => r.enterpriseId === id),
        year,
        this.config.TZ,
        asOf,
      );
      const bySeverity = Object.fromEntries(
        SEVERITIES.filter((sv) => s.bySeverity[sv] > 0).map((sv) => [sv, s.bySeverity[sv]]),
      ) as Partial<Record<Severity, number>>;
      out.set(id, {
        incidents: {
          count: s.bySeverity.ordinary,
          vetoes: VETO_SEVERITIES.some((sv) => s.bySeverity[sv] > 0),
          evidence: { count: s.total, bySeverity },
        },
        reports_on_time: {
          rate: s.total ? (s.total - s.lateReports) / s.total : null,
          count: s.lateReports,
          evidence: { numerator: s.total - s.lateReports, denominator: s.total, count: s.lateReports },
        },
      });
    }
    return out;
  }

  private async alarmMeasures({ year, subjects, asOf }: MeasureQuery): Promise<Map<string, Measures>> {
    const tz = this.config.TZ;
    const yearStart = new Date(`${year}-01-01T00:00:00${offsetOf(tz)}`);
    const yearEnd = new Date(`${year + 1}-01-01T00:00:00${offsetOf(tz)}`);
    const alarmRows = await this.alarms.statistics({
      from: yearStart.toISOString(),
      to: (asOf < yearEnd ? asOf : yearEnd).toISOString(),
    });
    const out = new Map<string, Measures>();
    for (const id of subjects) {
      const a = alarmRows.find((r) => r.enterpriseId === id);
      const minutes = a?.meanSecondsToAcknowledge == null ? null : a.meanSecondsToAcknowledge / 60;
      out.set(id, {
        alarm_handling: {
          value: minutes === null ? null : Math.round(minutes * 100) / 100,
          evidence: {
            value: minutes === null ? null : Math.round(minutes * 100) / 100,
            numerator: a?.acknowledged ?? 0,
            denominator: a?.total ?? 0,
          },
        },
      });
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
