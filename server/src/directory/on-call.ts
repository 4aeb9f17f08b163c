import { DateTime } from 'luxon';

/**
 * Who is on call for a rotation at an instant: pure, so the rule can be tested at every edge.
 *
 * Shifts follow the wall clock of the zone, not elapsed time: a rotation with 24-hour shifts
 * handed off at 08:00 hands off at 08:00 local time every day, also across a daylight-saving
 * change (where that day's shift then lasts 23 or 25 hours). Shift k starts at the local time
 * `startDate handoffTime + k × shiftHours`; a local time that does not exist (skipped by a
 * spring-forward) moves forward to the first instant that does, as Luxon does.
 */
export interface RotationRule {
  memberContactIds: readonly string[];
  shiftHours: number;
  /** HH:mm. */
  handoffTime: string;
  /** YYYY-MM-DD. */
  startDate: string;
  timeZone: string;
}

export interface OverrideRule {
  id: string;
  contactId: string;
  startsAt: Date;
  endsAt: Date;
  /** Later-created overrides win where overrides overlap. */
  createdAt: Date;
}

export interface Shift {
  index: number;
  contactId: string;
  startsAt: Date;
  endsAt: Date;
}

export interface OnCall {
  contactId: string | null;
  source: 'rotation' | 'override' | 'none';
  shift: Shift | null;
  override: OverrideRule | null;
}

export interface Segment {
  contactId: string;
  startsAt: Date;
  endsAt: Date;
  source: 'rotation' | 'override';
}

/** The local wall clock of an instant, expressed as if it were UTC, so it can be counted in hours. */
function wallClock(at: Date, timeZone: string): DateTime {
  return DateTime.fromJSDate(at, { zone: timeZone }).setZone('UTC', { keepLocalTime: true });
}

function anchorWall(rule: RotationRule): DateTime {
  const anchor = DateTime.fromISO(`${rule.startDate}T${rule.handoffTime}`, { zone: 'UTC' });
  if (!anchor.isValid) throw new Error(`invalid rotation start ${rule.startDate} ${rule.handoffTime}`);
  return anchor;
}

/** The instant shift `index` starts. */
export function shiftStart(rule: RotationRule, index: number): Date {
  const wall = anchorWall(rule).plus({ hours: index * rule.shiftHours });
  const local = DateTime.fromObject(
    {
      year: wall.year,
      month: wall.month,
      day: wall.day,
      hour: wall.hour,
      minute: wall.minute,
    },
    { zone: rule.timeZone },
  );
  return local.toJSDate();
}

/** The rotation's own shift containing `at`, or null before the first shift. */
export function shiftAt(rule: RotationRule, at: Date): Shift | null {
  const n = rule.memberContactIds.length;
  if (n === 0) return null;
  const elapsedWallHours = wallClock(at, rule.timeZone).diff(anchorWall(rule), 'hours').hours;
  let index = Math.floor(elapsedWallHours / rule.shiftHours);
  // Around a daylight-saving change the wall clock repeats or skips an hour, so the estimate
  // may be one shift off; settle it against the real start instants.
  while (shiftStart(rule, index).getTime() > at.getTime()) index--;
  while (shiftStart(rule, index + 1).getTime() <= at.getTime()) index++;
  if (index < 0) return null;
  return {
    index,
    contactId: rule.memberContactIds[index % n]!,
    startsAt: shiftStart(rule, index),
    endsAt: shiftStart(rule, index + 1),
  };
}

/** The override in force at `at` (start inclusive, end exclusive); the latest created wins. */
export function overrideAt(overrides: readonly OverrideRule[], at: Date): OverrideRule | null {
  let found: OverrideRule | null = null;
  const t = at.getTime();
  for (const o of overrides) {
    if (o.startsAt.getTime() <= t && t < o.endsAt.getTime()) {
      if (!found || o.createdAt.getTime() > found.createdAt.getTime()) found = o;
    }
  }
  return found;
}

export function onCallAt(rule: RotationRule, overrides: readonly OverrideRule[], at: Date): OnCall {
  const shift = shiftAt(rule, at);
  const override = overrideAt(overrides, at);
  if (override) return { contactId: override.contactId, source: 'override', shift, override };
  if (shift) return { contactId: shift.contactId, source: 'rotation', shift, override: null };
  return { contactId: null, source: 'none', shift: null, override: null };
}

/**
 * Who is on call from `from` to `to`, as consecutive segments (adjacent stretches of the same
 * person from the same source merged). Evaluated at every point where the answer can change:
 * hand-offs and the edges of overrides.
 */
export function scheduleBetween(
  rule: RotationRule,
  overrides: readonly OverrideRule[],
  from: Date,
  to: Date,
): Segment[] {
  if (to.getTime() <= from.getTime()) return [];
  const points = new Set<number>([from.getTime(), to.getTime()]);
  const first = shiftAt(rule, from);
  let index = first ? first.index + 1 : 0;
  for (;;) {
    const t = shiftStart(rule, index).getTime();
    if (t >= to.getTime()) break;
    if (t > from.getTime()) points.add(t);
    index++;
    // A rotation of 1-hour shifts over a year is ~8,800 points; refuse anything far larger.
    if (points.size > 20_000) throw new Error('schedule range too long for the shift length');
  }
  for (const o of overrides) {
    for (const t of [o.startsAt.getTime(), o.endsAt.getTime()]) {
      if (t > from.getTime() && t < to.getTime()) points.add(t);
    }
  }
  const sorted = [...points].sort((a, b) => a - b);
  const segments: Segment[] = [];
  for (let i = 0; i < sorted.length - 1; i++) {
    const start = new Date(sorted[i]!);
    const end = new Date(sorted[i + 1]!);
    const who = onCallAt(rule, overrides, start);
    if (!who.contactId || who.source === 'none') continue;
    const last = segments[segments.length - 1];
    const sameShift =
      last &&
      last.contactId === who.contactId &&
      last.source === who.source &&
      last.endsAt.getTime() === start.getTime() &&
      // Two rotation shifts of the same person in a row (a one-member rotation) stay apart, so
      // the calendar still shows each hand-off.
      (who.source === 'override' || !isShiftBoundary(rule, start));
    if (sameShift) last.endsAt = end;
    else segments.push({ contactId: who.contactId, startsAt: start, endsAt: end, source: who.source });
  }
  return segments;
}

function isShiftBoundary(rule: RotationRule, at: Date): boolean {
  const shift = shiftAt(rule, at);
  return shift !== null && shift.startsAt.getTime() === at.getTime();
}
