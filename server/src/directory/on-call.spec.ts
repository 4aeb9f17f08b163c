import { describe, expect, it } from '@jest/globals';
import { type OverrideRule, type RotationRule, onCallAt, scheduleBetween, shiftAt } from './on-call.js';

const SHANGHAI: RotationRule = {
  memberContactIds: ['a', 'b', 'c'],
  shiftHours: 24,
  handoffTime: '08:00',
  startDate: '2026-03-01',
  timeZone: 'Asia/Shanghai',
};

const at = (iso: string) => new Date(iso);
const who = (rule: RotationRule, iso: string, overrides: OverrideRule[] = []) =>
  onCallAt(rule, overrides, at(iso)).contactId;

function override(id: string, contactId: string, from: string, to: string, created = from): OverrideRule {
  return { id, contactId, startsAt: at(from), endsAt: at(to), createdAt: at(created) };
}

describe('on-call rotation in Asia/Shanghai (UTC+8, no daylight saving)', () => {
  it('nobody is on call before the first hand-off', () => {
    // 08:00 in Shanghai is 00:00 UTC.
    expect(who(SHANGHAI, '2026-02-28T23:59:59.999Z')).toBeNull();
    expect(onCallAt(SHANGHAI, [], at('2026-02-28T12:00:00Z')).source).toBe('none');
  });

  it('hands off exactly at 08:00 local time: the incoming member from that instant', () => {
    expect(who(SHANGHAI, '2026-03-01T00:00:00.000Z')).toBe('a');
    expect(who(SHANGHAI, '2026-03-01T23:59:59.999Z')).toBe('a');
    expect(who(SHANGHAI, '2026-03-02T00:00:00.000Z')).toBe('b');
    expect(who(SHANGHAI, '2026-03-03T00:00:00.000Z')).toBe('c');
    // After the last member the rotation starts over.
    expect(who(SHANGHAI, '2026-03-04T00:00:00.000Z')).toBe('a');
  });

  it('one minute before the hand-off is still the outgoing member', () => {
    // 2026-03-02 07:59 Shanghai = 2026-03-01 23:59 UTC.
    expect(who(SHANGHAI, '2026-03-01T23:59:00Z')).toBe('a');
    expect(who(SHANGHAI, '2026-03-02T00:01:00Z')).toBe('b');
  });

  it('reports the shift boundaries as instants', () => {
    const s = shiftAt(SHANGHAI, at('2026-03-02T10:00:00Z'))!;
    expect(s).toEqual({
      index: 1,
      contactId: 'b',
      startsAt: at('2026-03-02T00:00:00Z'),
      endsAt: at('2026-03-03T00:00:00Z'),
    });
  });

  it('keeps counting correctly a year later', () => {
    // 2027-03-01 is 365 days after 2026-03-01; 365 mod 3 = 2 → 'c'.
    expect(who(SHANGHAI, '2027-03-01T00:00:00Z')).toBe('c');
    expect(who(SHANGHAI, '2027-02-28T23:59:59Z')).toBe('b');
  });

  it('12-hour shifts handed off at 08:00 and 20:00 local time', () => {
    const rule = { ...SHANGHAI, memberContactIds: ['day', 'night'], shiftHours: 12 };
    expect(who(rule, '2026-03-05T00:00:00Z')).toBe('day'); // 08:00
    expect(who(rule, '2026-03-05T11:59:59Z')).toBe('day'); // 19:59:59
    expect(who(rule, '2026-03-05T12:00:00Z')).toBe('night'); // 20:00
    expect(who(rule, '2026-03-05T23:59:59Z')).toBe('night'); // 07:59:59 next day
  });

  it('a week-long shift handed off on the start weekday', () => {
    const rule = { ...SHANGHAI, memberContactIds: ['w1', 'w2'], shiftHours: 168, handoffTime: '09:30' };
    // 2026-03-08 09:30 Shanghai = 01:30 UTC.
    expect(who(rule, '2026-03-08T01:29:59Z')).toBe('w1');
    expect(who(rule, '2026-03-08T01:30:00Z')).toBe('w2');
    expect(who(rule, '2026-03-15T01:30:00Z')).toBe('w1');
  });
});

describe('overrides', () => {
  it('an override covers its range only, start inclusive and end exclusive', () => {
    const o = [override('o1', 'x', '2026-03-02T04:00:00Z', '2026-03-02T10:00:00Z')];
    expect(who(SHANGHAI, '2026-03-02T03:59:59Z', o)).toBe('b');
    expect(who(SHANGHAI, '2026-03-02T04:00:00Z', o)).toBe('x');
    expect(who(SHANGHAI, '2026-03-02T09:59:59Z', o)).toBe('x');
    expect(who(SHANGHAI, '2026-03-02T10:00:00Z', o)).toBe('b');
    const r = onCallAt(SHANGHAI, o, at('2026-03-02T05:00:00Z'));
    expect(r.source).toBe('override');
    expect(r.shift?.contactId).toBe('b');
  });

  it('an override spanning a hand-off keeps its person across it', () => {
    const o = [override('o1', 'x', '2026-03-01T20:00:00Z', '2026-03-02T04:00:00Z')];
    expect(who(SHANGHAI, '2026-03-01T23:59:59Z', o)).toBe('x');
    expect(who(SHANGHAI, '2026-03-02T00:00:00Z', o)).toBe('x');
    expect(who(SHANGHAI, '2026-03-02T04:00:00Z', o)).toBe('b');
  });

  it('where overrides overlap, the one created last wins', () => {
    const o = [
      override('late', 'y', '2026-03-02T06:00:00Z', '2026-03-02T08:00:00Z', '2026-02-20T00:00:00Z'),
      override('early', 'x', '2026-03-02T04:00:00Z', '2026-03-02T10:00:00Z', '2026-02-10T00:00:00Z'),
    ];
    expect(who(SHANGHAI, '2026-03-02T05:00:00Z', o)).toBe('x');
    expect(who(SHANGHAI, '2026-03-02T07:00:00Z', o)).toBe('y');
    expect(who(SHANGHAI, '2026-03-02T09:00:00Z', o)).toBe('x');
  });

  it('an override before the rotation starts puts someone on call', () => {
    const o = [override('o1', 'x', '2026-02-27T00:00:00Z', '2026-02-28T00:00:00Z')];
    expect(who(SHANGHAI, '2026-02-27T12:00:00Z', o)).toBe('x');
  });
});

describe('schedule', () => {
  it('lists segments split at hand-offs and override edges', () => {
    const o = [override('o1', 'x', '2026-03-02T04:00:00Z', '2026-03-02T10:00:00Z')];
    const segs = scheduleBetween(SHANGHAI, o, at('2026-03-01T12:00:00Z'), at('2026-03-03T12:00:00Z')).map(
      (s) => [s.contactId, s.source, s.startsAt.toISOString(), s.endsAt.toISOString()],
    );
    expect(segs).toEqual([
      ['a', 'rotation', '2026-03-01T12:00:00.000Z', '2026-03-02T00:00:00.000Z'],
      ['b', 'rotation', '2026-03-02T00:00:00.000Z', '2026-03-02T04:00:00.000Z'],
      ['x', 'override', '2026-03-02T04:00:00.000Z', '2026-03-02T10:00:00.000Z'],
      ['b', 'rotation', '2026-03-02T10:00:00.000Z', '2026-03-03T00:00:00.000Z'],
      ['c', 'rotation', '2026-03-03T00:00:00.000Z', '2026-03-03T12:00:00.000Z'],
    ]);
  });

  it('agrees with onCallAt across a week', () => {
    const o = [
      override('o1', 'x', '2026-03-02T04:17:00Z', '2026-03-03T02:00:00Z'),
      override('o2', 'y', '2026-03-04T23:00:00Z', '2026-03-05T01:00:00Z'),
    ];
    const rule = { ...SHANGHAI, shiftHours: 12 };
    const from = at('2026-03-01T00:00:00Z');
    const to = at('2026-03-08T00:00:00Z');
    const segs = scheduleBetween(rule, o, from, to);
    // A prime step in minutes, so the probes fall at every minute offset within the hour over the week.
    for (let t = from.getTime(); t < to.getTime(); t += 13 * 60_000) {
      const seg = segs.find((s) => s.startsAt.getTime() <= t && t < s.endsAt.getTime());
      expect(seg?.contactId).toBe(onCallAt(rule, o, new Date(t)).contactId);
    }
  });
});

describe('in a zone with daylight saving (if TZ were Europe/Berlin)', () => {
  const BERLIN: RotationRule = { ...SHANGHAI, timeZone: 'Europe/Berlin', startDate: '2026-03-25' };
  // Berlin springs forward on 2026-03-29 (02:00 → 03:00) and falls back on 2026-10-25 (03:00 → 02:00).

  it('hands off at 08:00 local on both sides of the spring-forward change', () => {
    // 2026-03-28 08:00 CET (UTC+1) = 07:00Z; 2026-03-29 08:00 CEST (UTC+2) = 06:00Z.
    expect(who(BERLIN, '2026-03-28T07:00:00Z')).toBe('a'); // index 3 → a
    expect(who(BERLIN, '2026-03-29T05:59:59Z')).toBe('a');
    expect(who(BERLIN, '2026-03-29T06:00:00Z')).toBe('b');
    // That shift was 23 hours long.
    const s = shiftAt(BERLIN, at('2026-03-28T12:00:00Z'))!;
    expect(s.endsAt.getTime() - s.startsAt.getTime()).toBe(23 * 3_600_000);
  });

  it('hands off at 08:00 local on both sides of the fall-back change (a 25-hour shift)', () => {
    // 2026-10-25 08:00 CET = 07:00Z; the day before 08:00 CEST = 06:00Z.
    const s = shiftAt(BERLIN, at('2026-10-24T12:00:00Z'))!;
    expect(s.startsAt.toISOString()).toBe('2026-10-24T06:00:00.000Z');
    expect(s.endsAt.toISOString()).toBe('2026-10-25T07:00:00.000Z');
    expect(who(BERLIN, '2026-10-25T06:59:59Z')).toBe(s.contactId);
    expect(who(BERLIN, '2026-10-25T07:00:00Z')).not.toBe(s.contactId);
  });

  it('a hand-off inside the skipped hour happens at the first instant that exists', () => {
    const rule = { ...BERLIN, handoffTime: '02:30' };
    // 02:30 does not exist on 2026-03-29 in Berlin; the hand-off happens at 03:00 CEST = 01:00Z.
    const s = shiftAt(rule, at('2026-03-29T01:30:00Z'))!;
    expect(s.startsAt.getTime()).toBeLessThanOrEqual(at('2026-03-29T01:30:00Z').getTime());
    expect(s.startsAt.getTime()).toBeGreaterThanOrEqual(at('2026-03-29T00:00:00Z').getTime());
    const before = shiftAt(rule, at('2026-03-29T00:59:59Z'))!;
    expect(before.index).toBe(s.index - 1);
  });
});
