import { type IncidentCategory, type IncidentStatistics, SEVERITIES, type Severity } from '@muster/contracts';
import { type StoredReportingFacts, clockFacts, reportingClock } from './reporting.js';

export interface StatisticsRow extends StoredReportingFacts {
  category: IncidentCategory;
  severity: Severity;
  deaths: number;
  seriousInjuries: number;
  directLossCny: number;
  isDrill: boolean;
}

/** The zone-local calendar year and month (1–12) of an instant. */
export function zoneYearMonth(at: Date, tz: string): { year: number; month: number } {
  const [year, month] = at
    .toLocaleDateString('sv-SE', { timeZone: tz, year: 'numeric', month: '2-digit' })
    .split('-')
    .map(Number);
  return { year: year!, month: month! };
}

/**
 * Counts a year of incidents. Drill rows are only counted as drills: a drill's invented casualties
 * and losses must never reach the zone's accident figures.
 */
export function incidentStatistics(
  rows: StatisticsRow[],
  year: number,
  tz: string,
  now = new Date(),
): IncidentStatistics {
  const stats: IncidentStatistics = {
    year,
    total: 0,
    bySeverity: Object.fromEntries(SEVERITIES.map((s) => [s, 0])) as Record<Severity, number>,
    byCategory: {},
    byMonth: Array.from({ length: 12 }, () => 0),
    deaths: 0,
    seriousInjuries: 0,
    directLossCny: 0,
    lateReports: 0,
    drills: 0,
  };
  for (const r of rows) {
    const when = zoneYearMonth(r.occurredAt, tz);
    if (when.year !== year) continue;
    if (r.isDrill) {
      stats.drills++;
      continue;
    }
    stats.total++;
    stats.bySeverity[r.severity]++;
    stats.byCategory[r.category] = (stats.byCategory[r.category] ?? 0) + 1;
    stats.byMonth[when.month - 1]!++;
    stats.deaths += r.deaths;
    stats.seriousInjuries += r.seriousInjuries;
    stats.directLossCny += r.directLossCny;
    // Late or, past its deadline, still missing: both are the enterprise's 迟报/漏报.
    if (reportingClock(clockFacts(r), tz, now).late) stats.lateReports++;
  }
  return stats;
}
