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
 * The day `n` working days after `day` (Monday–Friday). Public holidays and the weekend days
 * China works in exchange (调休) are announced yearly by the State Council and are not modelled:
 * the date errs early around holidays, which is the safe side for a filing deadline.
 */
export function addWorkingDays(day: string, n: number): string {
  const d = parse(day);
  let left = n;
  while (left > 0) {
    d.setUTCDate(d.getUTCDate() + 1);
    const wd = d.getUTCDay();
    if (wd !== 0 && wd !== 6) left--;
  }
  return format(d);
}
