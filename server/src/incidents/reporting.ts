import type { IncidentCategory, ReportingClock, ReportingDuty } from '@muster/contracts';

export const REPORT_DEADLINE_MS = 60 * 60 * 1000;
const DAY_MS = 24 * 60 * 60 * 1000;
const MINUTE_MS = 60 * 1000;

/** Decree 493 Art. 13: 7 days for road traffic and fire accidents, 30 days for the rest. */
export function supplementaryWindowDays(category: IncidentCategory): number {
  return category === 'road_traffic' || category === 'fire' ? 7 : 30;
}

/**
 * The legal clocks of a report. They run on absolute instants: the zone's time zone matters only
 * for how they are shown (Asia/Shanghai has no daylight saving, so "1 hour" and "30 days" are
 * the same in wall-clock and elapsed time there).
 */
export function reportingClock(
  category: IncidentCategory,
  occurredAt: Date,
  reportedAt: Date,
): ReportingClock {
  const deadline = new Date(occurredAt.getTime() + REPORT_DEADLINE_MS);
  return {
    deadline: deadline.toISOString(),
    reportedAt: reportedAt.toISOString(),
    late: reportedAt.getTime() > deadline.getTime(),
    duty: reportingDuty(deadline, reportedAt),
    supplementaryUntil: new Date(
      occurredAt.getTime() + supplementaryWindowDays(category) * DAY_MS,
    ).toISOString(),
  };
}

/**
 * The first-report duty against its deadline. A report a few seconds late is late by a minute:
 * the regulator counts any lateness as 迟报, and "late by 0 minutes" would read as on time.
 */
export function reportingDuty(deadline: Date, reportedAt: Date | null): ReportingDuty {
  if (!reportedAt) return { met: false, metAt: null, lateByMinutes: 0 };
  const lateMs = reportedAt.getTime() - deadline.getTime();
  return {
    met: true,
    metAt: reportedAt.toISOString(),
    lateByMinutes: lateMs > 0 ? Math.ceil(lateMs / MINUTE_MS) : 0,
  };
}

export function withinSupplementaryWindow(category: IncidentCategory, occurredAt: Date, at: Date): boolean {
  return at.getTime() <= occurredAt.getTime() + supplementaryWindowDays(category) * DAY_MS;
}
