import type { SpotCheckDrawView, SpotCheckTaskView } from '@muster/contracts';
import type { SpotCheckDraw, SpotCheckTask } from './spot-check.entities.js';

export function mapTask(t: SpotCheckTask): SpotCheckTaskView {
  return {
    id: t.id,
    title: t.title,
    periodStart: t.periodStart,
    periodEnd: t.periodEnd,
    enterpriseCount: t.enterpriseCount,
    inspectorsPerEnterprise: t.inspectorsPerEnterprise,
    industries: t.industries,
    riskClasses: t.riskClasses,
    excludedEnterpriseIds: t.excludedEnterpriseIds,
    excludeCheckedWithinDays: t.excludeCheckedWithinDays,
    recusals: t.recusals,
    checklist: t.checklist,
    status: t.status,
    publishedAt: t.publishedAt?.toISOString() ?? null,
    createdAt: t.createdAt.toISOString(),
  };
}

export function mapDraw(d: SpotCheckDraw, userNames: Map<string, string>): SpotCheckDrawView {
  return {
    id: d.id,
    taskId: d.taskId,
    seq: d.seq,
    seed: d.seed,
    algorithm: d.algorithm,
    enterpriseCandidates: d.enterpriseCandidates,
    inspectorCandidates: d.inspectorCandidates,
    recusals: d.recusals,
    pairs: d.pairs,
    reason: d.reason,
    superseded: d.superseded,
    drawnBy: d.drawnBy ? (userNames.get(d.drawnBy) ?? null) : null,
    drawnAt: d.drawnAt.toISOString(),
  };
}
