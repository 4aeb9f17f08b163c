import { type AlarmLevel, bandOf, type PointThresholds, worseLevel } from '@muster/contracts';

/**
 * The alarm state machine of one point, pure: the hot row (`point_live`) holds its state, and
 * each reading newer than the last moves it. An excursion raises one alarm once it has been out
 * of band for the point's delay (a shorter blip raises nothing), the alarm follows its worst
 * level and value, and clears once the readings have been back in band for the hold time; going
 * out again before that is the same excursion.
 */
export interface LiveState {
  /** The newest reading applied; older or repeated readings are stored but move nothing. */
  ts: Date | null;
  value: number | null;
  band: AlarmLevel | null;
  outSince: Date | null;
  outLevel: AlarmLevel | null;
  outPeak: number | null;
  inSince: Date | null;
  alarmId: string | null;
}

export interface AlarmRule extends PointThresholds {
  delaySeconds: number;
  holdSeconds: number;
}

export type AlarmEffect =
  | { kind: 'raise'; startedAt: Date; at: Date; level: AlarmLevel; peak: number; limit: number }
  | { kind: 'worsen'; alarmId: string; level: AlarmLevel; peak: number; limit: number }
  | { kind: 'clear'; alarmId: string; at: Date };

export const EMPTY_STATE: LiveState = {
  ts: null,
  value: null,
  band: null,
  outSince: null,
  outLevel: null,
  outPeak: null,
  inSince: null,
  alarmId: null,
};

/** Readings as people read them: to three decimals (a sensor's float noise left out). */
export function roundReading(n: number): number {
  return Math.round(n * 1000) / 1000;
}

export function limitOf(level: AlarmLevel, rule: PointThresholds): number {
  const limit = { high: rule.high, high_high: rule.highHigh, low: rule.low, low_low: rule.lowLow }[level];
  return limit ?? Number.NaN;
}

const isHigh = (level: AlarmLevel) => level === 'high' || level === 'high_high';

/** The more extreme value in the excursion's direction. */
function peakOf(level: AlarmLevel, a: number | null, b: number): number {
  if (a === null) return b;
  return isHigh(level) ? Math.max(a, b) : Math.min(a, b);
}

/**
 * Applies one reading. `effects` name what the caller does with alarms: insert one (`raise`,
 * whose id it then stores as `alarmId`), update its level and peak, or clear it.
 */
export function step(
  state: LiveState,
  reading: { ts: Date; value: number },
  rule: AlarmRule,
): { state: LiveState; effects: AlarmEffect[] } {
  if (state.ts && reading.ts.getTime() <= state.ts.getTime()) return { state, effects: [] };
  const band = bandOf(reading.value, rule);
  const next: LiveState = { ...state, ts: reading.ts, value: reading.value, band };
  const effects: AlarmEffect[] = [];
  if (band) {
    next.inSince = null;
    if (!next.outSince) {
      next.outSince = reading.ts;
      next.outLevel = band;
      next.outPeak = reading.value;
    } else {
      const level = worseLevel(next.outLevel, band)!;
      next.outPeak = peakOf(level, next.outPeak, reading.value);
      if (state.alarmId && (level !== next.outLevel || next.outPeak !== state.outPeak)) {
        effects.push({
          kind: 'worsen',
          alarmId: state.alarmId,
          level,
          peak: next.outPeak,
          limit: limitOf(level, rule),
        });
      }
      next.outLevel = level;
    }
    const outFor = reading.ts.getTime() - next.outSince.getTime();
    if (!next.alarmId && outFor >= rule.delaySeconds * 1000) {
      effects.push({
        kind: 'raise',
        startedAt: next.outSince,
        at: reading.ts,
        level: next.outLevel!,
        peak: next.outPeak!,
        limit: limitOf(next.outLevel!, rule),
      });
    }
    return { state: next, effects };
  }
  if (!next.alarmId) {
    // Back in band before the delay ran out: a blip, forgotten.
    return { state: { ...next, outSince: null, outLevel: null, outPeak: null, inSince: null }, effects };
  }
  next.inSince ??= reading.ts;
  if (reading.ts.getTime() - next.inSince.getTime() >= rule.holdSeconds * 1000) {
    effects.push({ kind: 'clear', alarmId: next.alarmId, at: reading.ts });
    return {
      state: { ...next, outSince: null, outLevel: null, outPeak: null, inSince: null, alarmId: null },
      effects,
    };
  }
  return { state: next, effects };
}
