import type { PointThresholds } from '../contracts';

export interface ThresholdLine {
  value: number;
  label: 'HH' | 'H' | 'L' | 'LL';
  color: string;
}

const RED = '#c62828';
const AMBER = '#e08a00';

/** The thresholds a point has, as the lines its chart draws. */
export function thresholdLines(t: PointThresholds): ThresholdLine[] {
  const lines: ThresholdLine[] = [];
  if (t.highHigh !== null) lines.push({ value: t.highHigh, label: 'HH', color: RED });
  if (t.high !== null) lines.push({ value: t.high, label: 'H', color: AMBER });
  if (t.low !== null) lines.push({ value: t.low, label: 'L', color: AMBER });
  if (t.lowLow !== null) lines.push({ value: t.lowLow, label: 'LL', color: RED });
  return lines;
}

export const ALARM_STATE_COLORS = { normal: '#2e7d32', warning: AMBER, critical: RED } as const;
