import { DateTime } from 'luxon';
import { EXPIRY_WARNING_DAYS, type ResourceAlert, type ResourceStatus } from '@muster/contracts';

/** Today's date (YYYY-MM-DD) in the zone's time zone: dates of expiry are the zone's days. */
export function todayIn(timeZone: string, now: Date = new Date()): string {
  return DateTime.fromJSDate(now, { zone: timeZone }).toISODate()!;
}

export function addDays(date: string, days: number): string {
  return DateTime.fromISO(date, { zone: 'UTC' }).plus({ days }).toISODate()!;
}

/**
 * Expired when marked so, or past its expiry or next-inspection date; expiring when either date
 * falls within EXPIRY_WARNING_DAYS of today. Dates compare as YYYY-MM-DD strings.
 */
export function resourceAlert(
  r: { status: ResourceStatus; expiresOn: string | null; nextInspectionOn: string | null },
  today: string,
  /** `addDays(today, EXPIRY_WARNING_DAYS)`, worked out once by a caller mapping thousands. */
  horizon: string = addDays(today, EXPIRY_WARNING_DAYS),
): ResourceAlert {
  const dates = [r.expiresOn, r.nextInspectionOn].filter((d): d is string => Boolean(d));
  if (r.status === 'expired' || dates.some((d) => d < today)) return 'expired';
  if (dates.some((d) => d <= horizon)) return 'expiring';
  return 'ok';
}
