/**
 * The rules of an evaluation form's scores, pure: one score per dimension, kept in the order of
 * EVALUATION_DIMENSIONS so every form reads the same way.
 */
import { EVALUATION_DIMENSIONS, type EvaluationDimension, type EvaluationScore } from '@muster/contracts';

/** A score as it is sent: the comment may be left out. */
export interface ScoreInput {
  dimension: EvaluationDimension;
  score: number;
  comment?: string;
}

/** A 400 for the second score of one dimension: averages count one form once per dimension. */
export function duplicateDimensionProblems(scores: readonly ScoreInput[]): string[] {
  const seen = new Set<string>();
  const problems: string[] = [];
  scores.forEach((s, i) => {
    if (seen.has(s.dimension)) problems.push(`scores.${i}.dimension: ${s.dimension} is scored twice`);
    seen.add(s.dimension);
  });
  return problems;
}

/** Scores in the order of EVALUATION_DIMENSIONS, so every form reads the same way. */
export function orderScores(scores: readonly ScoreInput[]): EvaluationScore[] {
  return [...scores]
    .sort((a, b) => EVALUATION_DIMENSIONS.indexOf(a.dimension) - EVALUATION_DIMENSIONS.indexOf(b.dimension))
    .map((s) => ({ dimension: s.dimension, score: s.score, comment: s.comment ?? '' }));
}
