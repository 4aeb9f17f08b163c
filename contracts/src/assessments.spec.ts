import { describe, expect, it } from '@jest/globals';
import { assessmentBand, formatNoticeDocumentNo, pointsFor, rankSheets } from './assessments.js';

describe('assessment scoring rules', () => {
  it('scores a rate proportionally, and full points when there is nothing to measure', () => {
    const i = { rule: 'proportional', weight: 15, param: null } as const;
    expect(pointsFor(i, { rate: 0.75 })).toBe(11.25);
    expect(pointsFor(i, { rate: 2 / 3 })).toBe(10);
    expect(pointsFor(i, { rate: null })).toBe(15);
  });

  it('gives a target all or nothing', () => {
    const i = { rule: 'target', weight: 15, param: 1 } as const;
    expect(pointsFor(i, { rate: 1 })).toBe(15);
    expect(pointsFor(i, { rate: 0.99 })).toBe(0);
    expect(pointsFor(i, { rate: null })).toBe(15);
  });

  it('deducts per item down to zero', () => {
    const i = { rule: 'deduct', weight: 10, param: 3 } as const;
    expect(pointsFor(i, { count: 0 })).toBe(10);
    expect(pointsFor(i, { count: 3 })).toBe(1);
    expect(pointsFor(i, { count: 4 })).toBe(0);
  });

  it('scales a time over its limit', () => {
    const i = { rule: 'limit', weight: 5, param: 15 } as const;
    expect(pointsFor(i, { value: 15 })).toBe(5);
    expect(pointsFor(i, { value: 30 })).toBe(2.5);
    expect(pointsFor(i, { value: null })).toBe(5);
  });

  it('bands at 90, 80 and 60, and fails a vetoed sheet whatever its total', () => {
    expect([90, 89.99, 80, 79.5, 60, 59.99].map((t) => assessmentBand(t, false))).toEqual([
      'excellent',
      'good',
      'good',
      'pass',
      'pass',
      'fail',
    ]);
    expect(assessmentBand(100, true)).toBe('fail');
  });

  it('ranks by competition ranking with vetoed sheets last', () => {
    const ranked = rankSheets([
      { name: '乙', total: 90, vetoed: false },
      { name: '甲', total: 95, vetoed: false },
      { name: '丙', total: 90, vetoed: false },
      { name: '丁', total: 0, vetoed: true },
      { name: '戊', total: 0, vetoed: false },
    ]);
    expect(ranked.map((r) => [r.name, r.rank])).toEqual([
      ['甲', 1],
      ['丙', 2],
      ['乙', 2],
      ['戊', 4],
      ['丁', 5],
    ]);
  });

  it('numbers notices per kind in the zone’s style', () => {
    expect(formatNoticeDocumentNo('commendation', { year: 2026, seq: 3 })).toBe(
      '杜集开发区考核表彰〔2026〕3号',
    );
    expect(formatNoticeDocumentNo('criticism', { year: 2026, seq: 1 })).toBe('杜集开发区考核通报〔2026〕1号');
  });
});
