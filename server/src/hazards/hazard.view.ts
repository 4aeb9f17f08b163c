import { type FileView, hazardCode, type HazardTransitionView, type HazardView } from '@muster/contracts';
import type { Hazard, HazardTransition } from './hazard.entity.js';

export function mapHazard(
  h: Hazard,
  enterpriseName: string,
  files: Map<string, FileView>,
  overdue: boolean,
): HazardView {
  return {
    id: h.id,
    code: hazardCode(h.seq),
    enterpriseId: h.enterpriseId,
    enterpriseName,
    place: h.place,
    location: h.lat !== null && h.lng !== null ? { lat: h.lat, lng: h.lng } : null,
    category: h.category,
    description: h.description,
    level: h.level,
    source: h.source,
    foundBy: h.foundBy,
    foundAt: h.foundAt.toISOString(),
    measures: h.measures,
    responsiblePerson: h.responsiblePerson,
    funds: h.funds,
    deadline: h.deadline,
    contingencyPlanRef: h.contingencyPlanRef,
    contingencyPlanId: h.contingencyPlanId,
    governancePlan: h.governancePlan,
    harmAnalysis: h.harmAnalysis ?? null,
    stoppage: h.stoppage ?? null,
    evaluation: h.evaluation ?? null,
    resumption: h.resumption ?? null,
    listedSupervision: h.listedSupervision ?? null,
    status: h.status,
    overdue,
    reportedToZoneAt: h.reportedToZoneAt?.toISOString() ?? null,
    submittedAt: h.submittedAt?.toISOString() ?? null,
    submittedBy: h.submittedBy,
    closedAt: h.closedAt?.toISOString() ?? null,
    closedBy: h.closedBy,
    inspectionRecordId: h.inspectionRecordId,
    riskPointId: h.riskPointId ?? null,
    photos: h.photoIds.map((id) => files.get(id)).filter((f): f is FileView => Boolean(f)),
    createdAt: h.createdAt.toISOString(),
    updatedAt: h.updatedAt.toISOString(),
  };
}

export function mapTransition(t: HazardTransition, files: Map<string, FileView>): HazardTransitionView {
  return {
    id: String(t.id),
    action: t.action as HazardTransitionView['action'],
    fromStatus: t.fromStatus,
    toStatus: t.toStatus,
    comment: t.comment,
    actorId: t.actorId,
    actorName: t.actorName,
    actorRole: t.actorRole,
    at: t.at.toISOString(),
    photos: t.photoIds.map((id) => files.get(id)).filter((f): f is FileView => Boolean(f)),
  };
}
