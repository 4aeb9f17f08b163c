import { controlLevelReached, type RiskAssessmentView, type RiskPointView } from '@muster/contracts';
import type { RiskAssessment, RiskPoint } from './risk.entities.js';

export function mapRiskPoint(p: RiskPoint, enterpriseName: string, openHazardCount: number): RiskPointView {
  return {
    id: p.id,
    enterpriseId: p.enterpriseId,
    enterpriseName,
    name: p.name,
    kind: p.kind,
    place: p.place,
    post: p.post,
    location: p.lat !== null && p.lng !== null ? { lat: p.lat, lng: p.lng } : null,
    hazards: p.hazards,
    measures: p.measures,
    emergencyActions: p.emergencyActions,
    grade: p.grade,
    score: p.score,
    method: p.method,
    assessedAt: p.assessedAt?.toISOString() ?? null,
    nextAssessmentOn: p.nextAssessmentOn,
    controlLevelReached: p.grade
      ? controlLevelReached(
          p.grade,
          p.measures.map((m) => m.level),
        )
      : true,
    openHazardCount,
    createdAt: p.createdAt.toISOString(),
    updatedAt: p.updatedAt.toISOString(),
  };
}

export function mapAssessment(a: RiskAssessment): RiskAssessmentView {
  return {
    id: a.id,
    method: a.method,
    l: a.l,
    e: a.e,
    c: a.c,
    s: a.s,
    score: a.score,
    grade: a.grade,
    note: a.note,
    assessedBy: a.assessedBy,
    assessedAt: a.assessedAt.toISOString(),
  };
}
