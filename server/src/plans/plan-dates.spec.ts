import { describe, expect, it } from '@jest/globals';
import { addWorkingDays, addYears, calendarCovers, dayIn, isWorkingDay } from './plan-dates.js';

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

  it('counts working days Monday to Friday outside the holidays', () => {
    // Friday + 1 working day = Monday; Saturday + 1 = Monday; 20 working days = 4 weeks.
    expect(addWorkingDays('2026-11-27', 1)).toBe('2026-11-30');
    expect(addWorkingDays('2026-11-28', 1)).toBe('2026-11-30');
    expect(addWorkingDays('2026-11-30', 20)).toBe('2026-12-28');
  });

  describe('MEM Order 2 Art. 26: filing within 20 working days on the State Council calendar', () => {
    it('skips the Spring Festival and counts its make-up Saturdays (2026: off 15–23 Feb, worked 14 and 28 Feb)', () => {
      expect(isWorkingDay('2026-02-14')).toBe(true); // Saturday, worked in exchange
      expect(isWorkingDay('2026-02-16')).toBe(false); // Monday, Spring Festival
      expect(isWorkingDay('2026-02-23')).toBe(false); // Monday, last day off
      expect(isWorkingDay('2026-02-28')).toBe(true); // Saturday, worked in exchange
      expect(isWorkingDay('2026-03-01')).toBe(false); // an ordinary Sunday
      // Published Friday 6 Feb: 9–13 Feb (5), Sat 14 Feb (6), 24–27 Feb (10), Sat 28 Feb (11),
      // 2–6 Mar (16), 9–12 Mar (20). Counting weekends only would say Friday 6 March.
      expect(addWorkingDays('2026-02-06', 20)).toBe('2026-03-12');
      // The make-up Saturday itself is the day after a Friday publication.
      expect(addWorkingDays('2026-02-13', 1)).toBe('2026-02-14');
      // Published on the make-up Saturday 28 Feb: the count starts the next day.
      expect(addWorkingDays('2026-02-28', 1)).toBe('2026-03-02');
    });

    it('skips National Day and counts the make-up days around it (2026: off 1–7 Oct, worked 20 Sep and 10 Oct)', () => {
      expect(addWorkingDays('2026-09-30', 1)).toBe('2026-10-08');
      expect(isWorkingDay('2026-10-10')).toBe(true);
    });

    it('counts Monday to Friday in a year whose schedule is not yet known, erring early', () => {
      expect(calendarCovers('2026-12-31')).toBe(true);
      expect(calendarCovers('2099-01-01')).toBe(false);
      expect(isWorkingDay('2099-01-01')).toBe(true); // a Thursday, holiday unknown
    });
  });
});
