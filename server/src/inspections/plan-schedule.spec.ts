import { describe, expect, it } from '@jest/globals';
import { addMonths, currentOccurrence } from './plan-schedule.js';

describe('inspection plan schedule', () => {
  it('adds months clamped to the end of the month, across years', () => {
    expect(addMonths('2026-01-31', 1)).toBe('2026-02-28');
    expect(addMonths('2028-01-31', 1)).toBe('2028-02-29');
    expect(addMonths('2026-01-31', 2)).toBe('2026-03-31');
    expect(addMonths('2026-11-15', 3)).toBe('2027-02-15');
    expect(addMonths('2026-05-10', 12)).toBe('2027-05-10');
  });

  it('has nothing due before the start or after the end', () => {
    const s = { frequency: 'weekly' as const, startsOn: '2026-03-02', endsOn: '2026-03-31' };
    expect(currentOccurrence(s, '2026-03-01')).toBeNull();
    expect(currentOccurrence(s, '2026-04-01')).toBeNull();
  });

  it('daily: today, due by the end of the day', () => {
    const s = { frequency: 'daily' as const, startsOn: '2026-03-02', endsOn: null };
    expect(currentOccurrence(s, '2026-03-02')).toEqual({ dueOn: '2026-03-02', dueBy: '2026-03-02' });
    expect(currentOccurrence(s, '2026-04-17')).toEqual({ dueOn: '2026-04-17', dueBy: '2026-04-17' });
  });

  it('weekly: the week containing today, due by the day before the next', () => {
    const s = { frequency: 'weekly' as const, startsOn: '2026-03-02', endsOn: null };
    expect(currentOccurrence(s, '2026-03-02')).toEqual({ dueOn: '2026-03-02', dueBy: '2026-03-08' });
    expect(currentOccurrence(s, '2026-03-08')).toEqual({ dueOn: '2026-03-02', dueBy: '2026-03-08' });
    expect(currentOccurrence(s, '2026-03-09')).toEqual({ dueOn: '2026-03-09', dueBy: '2026-03-15' });
  });

  it('monthly from the 31st stays anchored to the start date', () => {
    const s = { frequency: 'monthly' as const, startsOn: '2026-01-31', endsOn: null };
    expect(currentOccurrence(s, '2026-02-27')).toEqual({ dueOn: '2026-01-31', dueBy: '2026-02-27' });
    expect(currentOccurrence(s, '2026-02-28')).toEqual({ dueOn: '2026-02-28', dueBy: '2026-03-30' });
    expect(currentOccurrence(s, '2026-03-31')).toEqual({ dueOn: '2026-03-31', dueBy: '2026-04-29' });
    expect(currentOccurrence(s, '2027-01-31')).toEqual({ dueOn: '2027-01-31', dueBy: '2027-02-27' });
  });

  it('quarterly and yearly, the last period cut at the end date', () => {
    const q = { frequency: 'quarterly' as const, startsOn: '2026-01-01', endsOn: '2026-12-15' };
    expect(currentOccurrence(q, '2026-05-20')).toEqual({ dueOn: '2026-04-01', dueBy: '2026-06-30' });
    expect(currentOccurrence(q, '2026-12-15')).toEqual({ dueOn: '2026-10-01', dueBy: '2026-12-15' });
    const y = { frequency: 'yearly' as const, startsOn: '2024-02-29', endsOn: null };
    expect(currentOccurrence(y, '2025-02-28')).toEqual({ dueOn: '2025-02-28', dueBy: '2026-02-27' });
    expect(currentOccurrence(y, '2028-03-01')).toEqual({ dueOn: '2028-02-29', dueBy: '2029-02-27' });
  });

  it('once: due from its start until its end, then never again', () => {
    const s = { frequency: 'once' as const, startsOn: '2026-06-01', endsOn: '2026-06-30' };
    expect(currentOccurrence(s, '2026-06-10')).toEqual({ dueOn: '2026-06-01', dueBy: '2026-06-30' });
    expect(currentOccurrence(s, '2026-07-01')).toBeNull();
    expect(currentOccurrence({ ...s, endsOn: null }, '2027-01-01')).toEqual({
      dueOn: '2026-06-01',
      dueBy: null,
    });
  });
});
