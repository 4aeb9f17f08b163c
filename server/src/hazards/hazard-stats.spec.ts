import { describe, expect, it } from '@jest/globals';
import type { HazardStatRow } from './hazard.repository.js';
import { computeStats, monthsBetween } from './hazard-stats.js';

const row = (over: Partial<HazardStatRow>): HazardStatRow => ({
  enterpriseId: 'a',
  enterpriseName: '甲',
  category: 'fire',
  level: 'general',
  status: 'found',
  deadline: null,
  foundMonth: '2026-01',
  closedMonth: null,
  closedDate: null,
  ...over,
});

describe('hazard statistics', () => {
  it('counts the edge cases as documented', () => {
    const s = computeStats(
      [
        // closed the day of its deadline: on time
        row({ status: 'closed', deadline: '2026-01-31', closedDate: '2026-01-31', closedMonth: '2026-01' }),
        // closed a day late
        row({ status: 'closed', deadline: '2026-01-31', closedDate: '2026-02-01', closedMonth: '2026-02' }),
        // closed on the spot, no deadline: not in the on-time denominator
        row({ status: 'closed', closedDate: '2026-01-05', closedMonth: '2026-01' }),
        // open, deadline today: not overdue yet
        row({
          status: 'rectifying',
          deadline: '2026-03-10',
          level: 'major',
          enterpriseId: 'b',
          enterpriseName: '乙',
        }),
        // open, deadline yesterday: overdue
        row({
          status: 'submitted',
          deadline: '2026-03-09',
          enterpriseId: 'b',
          enterpriseName: '乙',
          foundMonth: '2026-03',
        }),
      ],
      '2026-03-10',
      { from: null, to: null },
    );
    expect(s.rectificationRate).toEqual({ numerator: 3, denominator: 5, rate: 0.6 });
    expect(s.onTimeRate).toEqual({ numerator: 1, denominator: 2, rate: 0.5 });
    expect(s.majorRectificationRate).toEqual({ numerator: 0, denominator: 1, rate: 0 });
    expect(s.overdueOpen).toBe(1);
    expect(s.byEnterprise).toEqual([
      { enterpriseId: 'a', enterpriseName: '甲', total: 3, closed: 3, major: 0, overdue: 0 },
      { enterpriseId: 'b', enterpriseName: '乙', total: 2, closed: 0, major: 1, overdue: 1 },
    ]);
    expect(s.monthly).toEqual([
      { month: '2026-01', found: 4, closed: 2 },
      { month: '2026-02', found: 0, closed: 1 },
      { month: '2026-03', found: 1, closed: 0 },
    ]);
  });

  it('has no rate where there is nothing to measure', () => {
    const s = computeStats([], '2026-03-10', { from: '2026-01-01', to: '2026-03-31' });
    expect(s.rectificationRate.rate).toBeNull();
    expect(s.majorRectificationRate.rate).toBeNull();
    expect(s.monthly.map((m) => m.month)).toEqual(['2026-01', '2026-02', '2026-03']);
  });

  it('lists months across a year end', () => {
    expect(monthsBetween('2025-11', '2026-02')).toEqual(['2025-11', '2025-12', '2026-01', '2026-02']);
  });
});
