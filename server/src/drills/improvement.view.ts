import type { ImprovementItemView } from '@muster/contracts';
import type { DrillImprovement } from './drill.entities.js';

/** Overdue: still open after its due day has passed in the zone. */
export function mapImprovement(i: DrillImprovement, runTitle: string, today: string): ImprovementItemView {
  return {
    id: i.id,
    runId: i.runId,
    runTitle,
    enterpriseId: i.enterpriseId,
    title: i.title,
    owner: i.owner,
    dueOn: i.dueOn,
    status: i.status,
    overdue: i.status === 'open' && i.dueOn < today,
    completedAt: i.completedAt?.toISOString() ?? null,
    completionNote: i.completionNote,
    createdAt: i.createdAt.toISOString(),
  };
}
