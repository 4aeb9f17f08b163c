import { DateTime } from 'luxon';
import type { IncidentCategory, IncidentSource, ReportingClock, ReportingDuty } from '@muster/contracts';

export const REPORT_DEADLINE_MS = 60 * 60 * 1000;
const MINUTE_MS = 60 * 1000;

/** Decree 493 Art. 13: 7 days for road traffic and fire accidents, 30 days for the rest. */
export function supplementaryWindowDays(category: IncidentCategory): number {
  return category === 'road_traffic' || category === 'fire' ? 7 : 30;
}

/**
 * The last instant of a window of `days` calendar days counted from the day of `from`, in the
 * zone's time zone. How "within N days" is read at its edges (Civil Code Art. 201 and 203, which
 * the regulators apply to these periods): the day the period starts on is not counted, so an
 * accident at 23:50 on 1 January starts its 30 days on 2 January; the last day, 31 January,
 * runs to 24:00. A window is therefore never shorter than N full days, nor does an accident late
 * in the evening lose its first day; counting 24-hour multiples would end it at 23:50 instead.
 * Time zones with daylight saving are handled by counting dates, not hours.
 */
export function endOfZoneDayWindow(from: Date, days: number, tz: string): Date {
  // Every incident view carries its windows, and luxon's zone arithmetic was a twentieth of a
  // filing's CPU. Every UTC offset in use is a multiple of 15 minutes, so all instants of one
  // 15-minute slot fall on the same zone-local day and share one answer.
  const key = `${tz}|${days}|${Math.floor(from.getTime() / QUARTER_HOUR_MS)}`;
  const known = windowEnds.get(key);
  if (known !== undefined) return new Date(known);
  const end = DateTime.fromJSDate(from, { zone: tz })
    .startOf('day')
    .plus({ days: days + 1 })
    .minus({ milliseconds: 1 })
    .toMillis();
  if (windowEnds.size >= WINDOW_CACHE_SIZE) windowEnds.clear();
  windowEnds.set(key, end);
  return new Date(end);
}

const QUARTER_HOUR_MS = 15 * 60 * 1000;
const WINDOW_CACHE_SIZE = 10_000;
const windowEnds = new Map<string, number>();

/** The last instant of the zone-local day `at` falls on (a 补报 is due "the same day"). */
export function endOfZoneDay(at: Date, tz: string): Date {
  return endOfZoneDayWindow(at, 0, tz);
}

export interface ClockFacts {
  category: IncidentCategory;
  occurredAt: Date;
  headInformedAt: Date;
  /** When the incident reached the zone's record. */
  reportedAt: Date;
  /** When the enterprise's report reached the zone; null while it has not. */
  enterpriseReportedAt: Date | null;
}

/** The columns an incident keeps its reporting facts in (see the incident entity). */
export interface StoredReportingFacts {
  category: IncidentCategory;
  occurredAt: Date;
  reportedAt: Date;
  headInformedAt: Date | null;
  source: IncidentSource;
  enterpriseReportedAt: Date | null;
}

/**
 * The facts the clocks run on: a head's time nobody gave is the occurrence (people on scene tell
 * their head at once, Art. 9); an enterprise's own filing is its report.
 */
export function clockFacts(i: StoredReportingFacts): ClockFacts {
  return {
    category: i.category,
    occurredAt: i.occurredAt,
    reportedAt: i.reportedAt,
    headInformedAt: i.headInformedAt ?? i.occurredAt,
    enterpriseReportedAt: i.source === 'enterprise' ? i.reportedAt : i.enterpriseReportedAt,
  };
}

/**
 * The enterprise's first-report clock (Decree 493 Art. 9): 1 hour from its head being informed,
 * met when its report reaches the zone. Absolute instants: the hour is the same in any zone.
 * `now` decides whether a report still owed is already late (missing past its deadline).
 */
export function reportingClock(f: ClockFacts, tz: string, now: Date = new Date()): ReportingClock {
  const deadline = new Date(f.headInformedAt.getTime() + REPORT_DEADLINE_MS);
  const duty = reportingDuty(deadline, f.enterpriseReportedAt);
  return {
    deadline: deadline.toISOString(),
    headInformedAt: f.headInformedAt.toISOString(),
    reportedAt: f.reportedAt.toISOString(),
    late: duty.met ? duty.lateByMinutes > 0 : now.getTime() > deadline.getTime(),
    duty,
    supplementaryUntil: supplementaryUntil(f.category, f.occurredAt, tz).toISOString(),
  };
}

/**
 * The first-report duty against its deadline. A report a few seconds late is late by a minute:
 * the regulator counts any lateness as 迟报, and "late by 0 minutes" would read as on time.
 */
export function reportingDuty(deadline: Date, reportedAt: Date | null): ReportingDuty {
  if (!reportedAt) return { met: false, metAt: null, lateByMinutes: 0 };
  return { met: true, metAt: reportedAt.toISOString(), lateByMinutes: minutesLate(deadline, reportedAt) };
}

/** Minutes past a deadline, rounded up; 0 when on time (exactly at the deadline is on time). */
export function minutesLate(deadline: Date, at: Date): number {
  const lateMs = at.getTime() - deadline.getTime();
  return lateMs > 0 ? Math.ceil(lateMs / MINUTE_MS) : 0;
}

/** The last instant of the casualty-change window (Art. 13), in calendar days of the zone. */
export function supplementaryUntil(category: IncidentCategory, occurredAt: Date, tz: string): Date {
  return endOfZoneDayWindow(occurredAt, supplementaryWindowDays(category), tz);
}

export function withinSupplementaryWindow(
  category: IncidentCategory,
  occurredAt: Date,
  at: Date,
  tz: string,
): boolean {
  return at.getTime() <= supplementaryUntil(category, occurredAt, tz).getTime();
}
