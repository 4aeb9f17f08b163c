import type { ConsequenceRunView } from '@muster/contracts';
import type { ConsequenceRun } from './consequence-run.entity.js';

export function mapConsequenceRun(run: ConsequenceRun): ConsequenceRunView {
  return {
    id: run.id,
    incidentId: run.incidentId,
    model: run.model,
    title: run.title,
    inputs: run.inputs,
    zones: run.zones,
    createdAt: run.createdAt.toISOString(),
    createdBy: { id: run.createdById, name: run.createdByName },
  };
}
