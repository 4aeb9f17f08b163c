import { describe, expect, it } from '@jest/globals';
import { addWorkingDays, addYears, dayIn } from './plan-dates.js';

describe('plan deadlines', () => {
  it('takes the calendar day in the zone, not in UTC', () => {
    // 2026-11-28 16:30 UTC is already 29 November in Huaibei.
    expect(dayIn(new Date('2026-11-28T16:30:00Z'), 'Asia/Shanghai')).toBe('2026-11-29');
    expect(dayIn(new Date('2026-11-28T15:59:59Z'), 'Asia/Shanghai')).toBe('2026-11-28');
  });

  it('adds years, with 29 February falling back to 28 February', () => {
    expect(addYears('2026-11-28', 3)).toBe('2029-11-28');
    expect(addYears('2028-02-29', 3)).toBe('2031-02-28');
    expect(addYears('2028-02-29', 4)).toBe('2032-02-29');
  });

  it('counts working days Monday to Friday', () => {
    // Friday + 1 working day = Monday; Saturday + 1 = Monday; 20 working days = 4 weeks.
    expect(addWorkingDays('2026-11-27', 1)).toBe('2026-11-30');
    expect(addWorkingDays('2026-11-28', 1)).toBe('2026-11-30');
    expect(addWorkingDays('2026-11-30', 20)).toBe('2026-12-28');
    expect(addWorkingDays('2026-12-28', 5)).toBe('2027-01-04');
  });
});
