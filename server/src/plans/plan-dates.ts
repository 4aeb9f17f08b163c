import { createRequire } from 'node:module';

/**
 * Calendar arithmetic for plan deadlines, on 'YYYY-MM-DD' days of the zone's time zone. Pure
 * functions on dates without a time of day, so daylight saving (none in China, but TZ is
 * configurable) cannot shift a due date by a day.
 */

/** The calendar day of an instant in a time zone. */
export function dayIn(at: Date, timeZone: string): string {
  // en-CA formats as YYYY-MM-DD.
  return new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(at);
}

function parse(day: string): Date {
  return new Date(`${day}T00:00:00Z`);
}

function format(d: Date): string {
  return d.toISOString().slice(0, 10);
}

/** Same day `years` later; 29 February falls back to 28 February in a common year. */
export function addYears(day: string, years: number): string {
  const d = parse(day);
  const target = new Date(Date.UTC(d.getUTCFullYear() + years, d.getUTCMonth(), d.getUTCDate()));
  if (target.getUTCMonth() !== d.getUTCMonth()) target.setUTCDate(0);
  return format(target);
}

/**
 * The State Council's yearly holiday schedule (国务院办公厅关于部分节假日安排的通知) as the
 * `chinese-days` package keeps it: `holidays` are days off (weekday holidays and the weekends
 * around them), `workdays` the weekend days worked in exchange (调休上班). Read as data, by
 * calendar day, because the package's own functions parse a day in the process's time zone and
 * answer for the day before west of UTC. How to update it: docs/plans.md, "Working days".
 */
const STATE_COUNCIL: { holidays: Record<string, string>; workdays: Record<string, string> } = createRequire(
  import.meta.url,
)('chinese-days/dist/chinese-days.json');

/** The years the schedule covers: the State Council publishes each one late in the year before. */
export const CALENDAR_YEARS: { first: number; last: number } = (() => {
  const years = Object.keys(STATE_COUNCIL.holidays).map((d) => Number(d.slice(0, 4)));
  return { first: Math.min(...years), last: Math.max(...years) };
})();

/** Whether the State Council's schedule for the year of `day` is known to Muster. */
export function calendarCovers(day: string): boolean {
  const year = Number(day.slice(0, 4));
  return year >= CALENDAR_YEARS.first && year <= CALENDAR_YEARS.last;
}

/**
 * A working day: a make-up weekend day is one, a public holiday is not, otherwise Monday–Friday.
 * A year whose schedule is not yet known counts Monday–Friday, which errs early around its
 * holidays: the safe side for a filing deadline.
 */
export function isWorkingDay(day: string): boolean {
  if (day in STATE_COUNCIL.workdays) return true;
  if (day in STATE_COUNCIL.holidays) return false;
  const wd = parse(day).getUTCDay();
  return wd !== 0 && wd !== 6;
}

/** The day `n` working days after `day` (`isWorkingDay`). */
export function addWorkingDays(day: string, n: number): string {
  const d = parse(day);
  let left = n;
  while (left > 0) {
    d.setUTCDate(d.getUTCDate() + 1);
    if (isWorkingDay(format(d))) left--;
  }
  return format(d);
}
