/**
 * How a simulated point moves: a random walk around a plausible operating value, pulled back to
 * it (or, when drifted, to a target past a threshold). Pure, so the demo's behaviour is testable.
 */
export interface SimPoint {
  enterpriseCode: string;
  code: string;
  unit: string;
  rangeMin: number;
  rangeMax: number;
  high: number | null;
  highHigh: number | null;
  low: number | null;
  lowLow: number | null;
}

export const DRIFTS = ['normal', 'high', 'high_high', 'low', 'low_low'] as const;
export type Drift = (typeof DRIFTS)[number];

/** The value a quiet point hovers at: inside its band, nearer the safe side of its thresholds. */
export function operatingValue(p: SimPoint): number {
  const lowEdge = p.low ?? p.lowLow ?? p.rangeMin;
  const highEdge = p.high ?? p.highHigh ?? p.rangeMax;
  if (p.low === null && p.lowLow === null) return p.rangeMin + (highEdge - p.rangeMin) * 0.3;
  if (p.high === null && p.highHigh === null) return lowEdge + (p.rangeMax - lowEdge) * 0.5;
  return (lowEdge + highEdge) / 2;
}

/** Where a drifted point heads: a little past the threshold it is drifted to (or back home). */
export function targetOf(p: SimPoint, drift: Drift): number {
  const span = p.rangeMax - p.rangeMin;
  switch (drift) {
    case 'high_high':
      return Math.min(p.rangeMax, (p.highHigh ?? p.high ?? p.rangeMax) + span * 0.08);
    case 'high':
      return p.high !== null && p.highHigh !== null ? (p.high + p.highHigh) / 2 : (p.high ?? p.rangeMax);
    case 'low':
      return p.low !== null && p.lowLow !== null ? (p.low + p.lowLow) / 2 : (p.low ?? p.rangeMin);
    case 'low_low':
      return Math.max(p.rangeMin, (p.lowLow ?? p.low ?? p.rangeMin) - span * 0.08);
    case 'normal':
      return operatingValue(p);
  }
}

/**
 * The next value: a third of the way to the target each tick, plus noise of 1 % of the range,
 * kept inside the instrument's range and rounded as an instrument reports.
 */
export function nextValue(p: SimPoint, current: number, drift: Drift, noise: number): number {
  const span = p.rangeMax - p.rangeMin;
  const target = targetOf(p, drift);
  const moved = current + (target - current) / 3 + noise * span * 0.01;
  const bounded = Math.min(p.rangeMax, Math.max(p.rangeMin, moved));
  return Math.round(bounded * 1000) / 1000;
}
