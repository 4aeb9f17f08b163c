/**
 * Stages of day-counted deadlines, decided on zone-local calendar days: a deadline is a
 * 'YYYY-MM-DD' due by the end of that day in the zone, so it is overdue from the next midnight
 * there, and "7 days before" starts at midnight seven calendar days before.
 */
import { addDays, zoneDate } from '../zone/zone-time.js';

export type DayStage = `due_in_${number}_days` | 'due_in_1_day' | 'overdue';

/**
 * The one stage a deadline is in at `now`: overdue once its day has passed, else the nearest of
 * `daysBefore` whose day has come. Only the most urgent applies, so a record entered six days
 * before its deadline gets the 7-day reminder and never a stale 30-day one. Null: none yet.
 */
export function dayStage(
  deadline: string,
  now: Date,
  timeZone: string,
  daysBefore: readonly number[],
  { overdue = true }: { overdue?: boolean } = {},
): DayStage | null {
  const today = zoneDate(now, timeZone);
  if (today > deadline) return overdue ? 'overdue' : null;
  for (const d of [...daysBefore].sort((a, b) => a - b)) {
    if (today >= addDays(deadline, -d)) return d === 1 ? 'due_in_1_day' : `due_in_${d}_days`;
  }
  return null;
}

/** Whole calendar days from today (in the zone) to the deadline; negative once it has passed. */
export function daysLeft(deadline: string, now: Date, timeZone: string): number {
  const today = zoneDate(now, timeZone);
  return Math.round((Date.parse(`${deadline}T00:00:00Z`) - Date.parse(`${today}T00:00:00Z`)) / 86_400_000);
}

/** The latest deadline any stage of `daysBefore` could be owed for today: what a source loads. */
export function horizon(now: Date, timeZone: string, daysBefore: readonly number[]): string {
  return addDays(zoneDate(now, timeZone), Math.max(0, ...daysBefore));
}
