import type { IncidentCategory, ReportingClock } from '@muster/contracts';

export const REPORT_DEADLINE_MS = 60 * 60 * 1000;
const DAY_MS = 24 * 60 * 60 * 1000;

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
    supplementaryUntil: new Date(
      occurredAt.getTime() + supplementaryWindowDays(category) * DAY_MS,
    ).toISOString(),
  };
}

export function withinSupplementaryWindow(category: IncidentCategory, occurredAt: Date, at: Date): boolean {
  return at.getTime() <= occurredAt.getTime() + supplementaryWindowDays(category) * DAY_MS;
}
