import { describe, expect, it } from '@jest/globals';
import { addDays, dueReminder, isOverdue, zoneDate } from './zone-time.js';

const TZ = 'Asia/Shanghai';

describe('zone-local dates (Asia/Shanghai, UTC+8)', () => {
  it('turns the date at 16:00 UTC, not at UTC midnight', () => {
    expect(zoneDate(new Date('2026-03-09T15:59:59.999Z'), TZ)).toBe('2026-03-09');
    expect(zoneDate(new Date('2026-03-09T16:00:00.000Z'), TZ)).toBe('2026-03-10');
  });

  it('adds days across months and leap days', () => {
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
  });
});

describe('overdue and reminders around midnight in the zone', () => {
  const deadline = '2026-03-10';

  it('is not overdue during the whole deadline day, and is from its first second after', () => {
    expect(isOverdue(deadline, new Date('2026-03-10T15:59:59Z'), TZ)).toBe(false); // 23:59:59 local
    expect(isOverdue(deadline, new Date('2026-03-10T16:00:00Z'), TZ)).toBe(true); // 00:00 on the 11th
    // A UTC reading would still say 10 March here and miss it.
    expect(new Date('2026-03-10T16:00:00Z').toISOString().slice(0, 10)).toBe(deadline);
    expect(isOverdue(null, new Date('2030-01-01T00:00:00Z'), TZ)).toBe(false);
  });

  it.each([
    ['2026-03-06T15:59:59Z', null], // 6 March 23:59:59 local: four days to go
    ['2026-03-06T16:00:00Z', 'due_in_3_days'], // 7 March 00:00 local
    ['2026-03-08T15:59:59Z', 'due_in_3_days'],
    ['2026-03-08T16:00:00Z', 'due_in_1_day'], // 9 March 00:00 local
    ['2026-03-10T15:59:59Z', 'due_in_1_day'], // last second of the deadline day
    ['2026-03-10T16:00:00Z', 'overdue'],
    ['2026-04-30T00:00:00Z', 'overdue'],
  ])('at %s owes %s', (at, kind) => {
    expect(dueReminder(deadline, new Date(at), TZ)).toBe(kind);
  });
});
