/**
 * Calendar arithmetic in the zone's time zone. A deadline is a zone-local date: the hazard is
 * due by the end of that day in Asia/Shanghai, which is 16:00 UTC the same day — so deciding by
 * the UTC date would be wrong for eight hours of every day.
 */
export type ReminderKind = 'due_in_3_days' | 'due_in_1_day' | 'overdue';
export const REMINDER_KINDS: readonly ReminderKind[] = ['due_in_3_days', 'due_in_1_day', 'overdue'];

const formatters = new Map<string, Intl.DateTimeFormat>();

/** The zone-local calendar date (YYYY-MM-DD) of an instant. */
export function zoneDate(at: Date, timeZone: string): string {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' });
    formatters.set(timeZone, f);
  }
  return f.format(at);
}

/** YYYY-MM-DD plus n days (calendar arithmetic, no time zone involved). */
export function addDays(date: string, n: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
}

export function isOverdue(deadline: string | null, now: Date, timeZone: string): boolean {
  return deadline !== null && zoneDate(now, timeZone) > deadline;
}

/**
 * The reminder an open hazard is owed at `now`: overdue once its deadline day has passed; the
 * one-day reminder from the start of the day before; the three-day one from three days before.
 * Only the most urgent applies, so a hazard created two days before its deadline gets the
 * one-day reminder and never a stale three-day one.
 */
export function dueReminder(deadline: string, now: Date, timeZone: string): ReminderKind | null {
  const today = zoneDate(now, timeZone);
  if (today > deadline) return 'overdue';
  if (today >= addDays(deadline, -1)) return 'due_in_1_day';
  if (today >= addDays(deadline, -3)) return 'due_in_3_days';
  return null;
}
