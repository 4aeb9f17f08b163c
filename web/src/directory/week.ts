import type { ScheduleSegment } from '../contracts';
import { zonedDayBoundary } from '../lib/format';

/** Adds days to a YYYY-MM-DD calendar date. */
export function addDays(day: string, n: number): string {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
}

/** The Monday (YYYY-MM-DD) of the week containing `day`, Chinese weeks starting on Monday. */
export function mondayOf(day: string): string {
  const dow = new Date(`${day}T00:00:00Z`).getUTCDay();
  return addDays(day, -((dow + 6) % 7));
}

export interface DaySlot {
  contactId: string;
  source: ScheduleSegment['source'];
  /** Clipped to the day, as instants. */
  startsAt: string;
  endsAt: string;
}

export interface WeekDay {
  day: string;
  startsAt: string;
  endsAt: string;
  slots: DaySlot[];
}

/**
 * Lays a rotation's schedule out as seven zone-time days from `monday`: each segment is clipped
 * to each day it touches, so a 24-hour shift handed off at 08:30 shows on both days it spans.
 */
export function layoutWeek(
  monday: string,
  segments: readonly ScheduleSegment[],
  timeZone: string,
): WeekDay[] {
  return Array.from({ length: 7 }, (_, i) => {
    const day = addDays(monday, i);
    const startsAt = zonedDayBoundary(day, timeZone)!;
    const endsAt = zonedDayBoundary(addDays(day, 1), timeZone)!;
    const slots = segments
      .filter((s) => s.startsAt < endsAt && s.endsAt > startsAt)
      .map((s) => ({
        contactId: s.contactId,
        source: s.source,
        startsAt: s.startsAt > startsAt ? s.startsAt : startsAt,
        endsAt: s.endsAt < endsAt ? s.endsAt : endsAt,
      }));
    return { day, startsAt, endsAt, slots };
  });
}

/** HH:mm of an instant in the zone. */
export function zoneTime(iso: string, timeZone: string): string {
  return new Intl.DateTimeFormat('en-GB', {
    timeZone,
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).format(new Date(iso));
}
