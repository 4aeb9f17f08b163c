import { describe, expect, it } from '@jest/globals';
import { nextValue, operatingValue, type SimPoint, targetOf } from './model.js';

const chlorine: SimPoint = {
  enterpriseCode: 'X',
  code: 'CL2-AT01',
  unit: 'ppm',
  rangeMin: 0,
  rangeMax: 20,
  high: 1,
  highHigh: 3,
  low: null,
  lowLow: null,
};
const level: SimPoint = {
  ...chlorine,
  code: 'LT',
  rangeMax: 100,
  high: 85,
  highHigh: 90,
  low: 10,
  lowLow: 5,
};

describe('simulated sensor values', () => {
  it('hover inside the band when left alone', () => {
    expect(operatingValue(chlorine)).toBeCloseTo(0.3);
    expect(operatingValue(level)).toBe(47.5);
    let v = operatingValue(chlorine);
    for (let i = 0; i < 50; i++) v = nextValue(chlorine, v, 'normal', i % 2 ? 1 : -1);
    expect(v).toBeLessThan(chlorine.high!);
  });

  it('cross the threshold they are drifted to within a few ticks, and come back', () => {
    let v = operatingValue(chlorine);
    const path: number[] = [];
    for (let i = 0; i < 8; i++) path.push((v = nextValue(chlorine, v, 'high_high', 0)));
    expect(path.at(-1)!).toBeGreaterThan(chlorine.highHigh!);
    expect(targetOf(chlorine, 'high_high')).toBeCloseTo(4.6);
    for (let i = 0; i < 20; i++) v = nextValue(chlorine, v, 'normal', 0);
    expect(v).toBeLessThan(chlorine.high!);
    let l = operatingValue(level);
    for (let i = 0; i < 10; i++) l = nextValue(level, l, 'low_low', 0);
    expect(l).toBeLessThan(level.lowLow!);
  });
});
