import type { InspectionPlanView, InspectionRecordView } from '@muster/contracts';
import type { InspectionPlan, InspectionRecord } from './inspection.entity.js';

export function mapPlan(p: InspectionPlan): InspectionPlanView {
  return {
    id: p.id,
    title: p.title,
    kind: p.kind,
    enterpriseId: p.enterpriseId,
    enterpriseIds: p.enterpriseIds,
    frequency: p.frequency,
    startsOn: p.startsOn,
    endsOn: p.endsOn,
    checklist: p.checklist,
    active: p.active,
    createdAt: p.createdAt.toISOString(),
  };
}

export function mapRecord(r: InspectionRecord, enterpriseName: string): InspectionRecordView {
  return {
    id: r.id,
    planId: r.planId,
    kind: r.kind,
    enterpriseId: r.enterpriseId,
    enterpriseName,
    inspector: r.inspector,
    status: r.status,
    startedAt: r.startedAt.toISOString(),
    completedAt: r.completedAt?.toISOString() ?? null,
    dueOn: r.dueOn,
    dueBy: r.dueBy,
    items: r.items.map((i) => ({
      itemId: i.itemId,
      text: i.text,
      category: i.category,
      result: i.result,
      note: i.note,
      hazardId: i.hazardId,
    })),
    rechecks: r.rechecks,
  };
}
