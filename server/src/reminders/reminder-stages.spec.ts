import { describe, expect, it } from '@jest/globals';
import { dayStage, daysLeft, horizon } from './reminder-stages.js';

const TZ = 'Asia/Shanghai';
const at = (iso: string) => new Date(iso);

describe('day-counted reminder stages in the zone', () => {
  it('starts each stage at midnight in Asia/Shanghai, not in UTC', () => {
    // 30 June is the deadline: the 7-day stage begins at 00:00 on 23 June in Shanghai (16:00 UTC
    // on 22 June), the overdue one at 00:00 on 1 July.
    expect(dayStage('2031-06-30', at('2031-05-30T15:59:59Z'), TZ, [30, 7])).toBeNull();
    expect(dayStage('2031-06-30', at('2031-05-30T16:00:00Z'), TZ, [30, 7])).toBe('due_in_30_days');
    expect(dayStage('2031-06-30', at('2031-06-22T15:59:59Z'), TZ, [30, 7])).toBe('due_in_30_days');
    expect(dayStage('2031-06-30', at('2031-06-22T16:00:00Z'), TZ, [7, 30])).toBe('due_in_7_days');
    expect(dayStage('2031-06-30', at('2031-06-30T15:59:59Z'), TZ, [30, 7])).toBe('due_in_7_days');
    expect(dayStage('2031-06-30', at('2031-06-30T16:00:00Z'), TZ, [30, 7])).toBe('overdue');
  });

  it('gives only the most urgent stage, and none past the day for deadlines without an overdue', () => {
    // Entered six days before its deadline: the 7-day reminder, never a stale 30-day one.
    expect(dayStage('2031-03-20', at('2031-03-14T02:00:00Z'), TZ, [30, 7])).toBe('due_in_7_days');
    expect(dayStage('2031-03-20', at('2031-03-21T02:00:00Z'), TZ, [7, 1], { overdue: false })).toBeNull();
    expect(dayStage('2031-03-20', at('2031-03-19T02:00:00Z'), TZ, [7, 1], { overdue: false })).toBe(
      'due_in_1_day',
    );
  });

  it('counts calendar days left and the horizon a source loads', () => {
    expect(daysLeft('2031-01-15', at('2031-01-07T16:30:00Z'), TZ)).toBe(7);
    expect(daysLeft('2031-01-15', at('2031-01-15T16:00:00Z'), TZ)).toBe(-1);
    expect(horizon(at('2031-01-07T16:30:00Z'), TZ, [30, 7])).toBe('2031-02-07');
  });
});
