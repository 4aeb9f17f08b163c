import type { InspectionFrequency } from '@muster/contracts';
import { addDays } from '../zone/zone-time.js';

/**
 * The occurrences of an inspection plan's schedule, as zone-local dates. A recurring plan is due
 * on its start date and then every day, week, month, quarter or year after it; each occurrence is
 * due by the day before the next one (or the plan's end). Months are counted from the start date
 * itself, so a plan starting on 31 January is due on 28 (or 29) February and again on 31 March,
 * not drifting to the 28th for good.
 */
export interface PlanSchedule {
  frequency: InspectionFrequency;
  startsOn: string;
  endsOn: string | null;
}

export interface Occurrence {
  /** The first day the inspection is due (YYYY-MM-DD, zone-local). */
  dueOn: string;
  /** The last day to carry it out; null for a one-off plan without an end. */
  dueBy: string | null;
}

const MONTHS: Partial<Record<InspectionFrequency, number>> = { monthly: 1, quarterly: 3, yearly: 12 };

/** YYYY-MM-DD plus n months, clamped to the last day of the target month. */
export function addMonths(date: string, n: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const index = y * 12 + (m - 1) + n;
  const year = Math.floor(index / 12);
  const month = index % 12;
  const last = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
  return `${String(year).padStart(4, '0')}-${String(month + 1).padStart(2, '0')}-${String(Math.min(d, last)).padStart(2, '0')}`;
}

/** The k-th occurrence (0 = the start date). */
function nth(s: PlanSchedule, k: number): string {
  if (s.frequency === 'daily') return addDays(s.startsOn, k);
  if (s.frequency === 'weekly') return addDays(s.startsOn, 7 * k);
  return addMonths(s.startsOn, k * (MONTHS[s.frequency] ?? 0));
}

function daysBetween(a: string, b: string): number {
  return Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / 86_400_000);
}

/**
 * The occurrence whose period contains `today`, or null when none does (before the start, after
 * the end, or a one-off plan already past). Only the current one: an occurrence whose period has
 * gone by while nothing ran is not created after the fact.
 */
export function currentOccurrence(s: PlanSchedule, today: string): Occurrence | null {
  if (today < s.startsOn || (s.endsOn && today > s.endsOn)) return null;
  if (s.frequency === 'once') return { dueOn: s.startsOn, dueBy: s.endsOn };
  // An estimate from the elapsed days, then corrected: month lengths vary.
  let k =
    s.frequency === 'daily'
      ? daysBetween(s.startsOn, today)
      : s.frequency === 'weekly'
        ? Math.floor(daysBetween(s.startsOn, today) / 7)
        : Math.floor(daysBetween(s.startsOn, today) / (30.44 * (MONTHS[s.frequency] ?? 1)));
  while (k > 0 && nth(s, k) > today) k--;
  while (nth(s, k + 1) <= today) k++;
  const dueOn = nth(s, k);
  const beforeNext = addDays(nth(s, k + 1), -1);
  return { dueOn, dueBy: s.endsOn && s.endsOn < beforeNext ? s.endsOn : beforeNext };
}
