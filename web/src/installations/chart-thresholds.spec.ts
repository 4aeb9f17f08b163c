import { describe, expect, it } from '@jest/globals';
import { thresholdLines } from './chart-thresholds';

describe('chart threshold lines', () => {
  it('draws each threshold a point has, the outer ones red', () => {
    expect(
      thresholdLines({ high: 85, highHigh: 90, low: 10, lowLow: null }).map((l) => [
        l.label,
        l.value,
        l.color,
      ]),
    ).toEqual([
      ['HH', 90, '#c62828'],
      ['H', 85, '#e08a00'],
      ['L', 10, '#e08a00'],
    ]);
    expect(thresholdLines({ high: null, highHigh: null, low: null, lowLow: 1 })).toHaveLength(1);
  });
});
