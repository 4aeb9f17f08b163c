import {
  type AssessmentBand,
  type AssessmentMetric,
  type ScoreEvidence,
  type ScoringRule,
  assessmentBand,
  pointsFor,
  round2,
} from '@muster/contracts';
import type { Measures } from '../measures/measure-providers.js';

export interface ScoredIndicator {
  id: string;
  metric: AssessmentMetric;
  rule: ScoringRule;
  weight: number;
  param: number | null;
  veto: boolean;
}

export interface ComputedScore {
  indicatorId: string;
  points: number;
  evidence: ScoreEvidence;
}

/** The computed indicators' points of one sheet; manual ones are left to the inspector. */
export function computedScores(indicators: ScoredIndicator[], measures: Measures): ComputedScore[] {
  return indicators.flatMap((i) => {
    if (i.metric === 'manual') return [];
    const m = measures[i.metric] ?? { evidence: {} };
    return [{ indicatorId: i.id, points: pointsFor(i, m), evidence: m.evidence }];
  });
}

/**
 * A sheet's total, veto and band from its points (a manual indicator without points counts 0
 * and is reported as unscored). The veto fails the sheet and sets its total to 0, whatever
 * the other points.
 */
export function totalOf(
  indicators: ScoredIndicator[],
  points: Map<string, number | null>,
  vetoes: boolean,
): { total: number; vetoed: boolean; band: AssessmentBand; unscored: number } {
  const vetoed = vetoes && indicators.some((i) => i.metric === 'incidents' && i.veto);
  let sum = 0;
  let unscored = 0;
  for (const i of indicators) {
    const p = points.get(i.id) ?? null;
    if (p === null) unscored++;
    else sum += p;
  }
  const total = vetoed ? 0 : round2(sum);
  return { total, vetoed, band: assessmentBand(total, vetoed), unscored };
}
