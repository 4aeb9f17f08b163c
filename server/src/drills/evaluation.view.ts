import type { EvaluationView, ObservationView } from '@muster/contracts';
import type { DrillEvaluation, DrillObservation } from './drill.entities.js';

export function mapObservation(o: DrillObservation, evaluatorName: string): ObservationView {
  return {
    id: o.id,
    runId: o.runId,
    evaluatorId: o.evaluatorId,
    evaluatorName,
    kind: o.kind,
    text: o.text,
    eventSeq: o.eventSeq,
    scenarioSeconds: Math.floor(o.scenarioMs / 1000),
    createdAt: o.createdAt.toISOString(),
  };
}

export function mapEvaluation(e: DrillEvaluation, evaluatorName: string): EvaluationView {
  return {
    runId: e.runId,
    evaluatorId: e.evaluatorId,
    evaluatorName,
    scores: e.scores,
    overall: e.overall,
    updatedAt: e.updatedAt.toISOString(),
  };
}
