import type {
  CultureActivityView,
  FileView,
  ModelApplicationItemView,
  ModelApplicationView,
  ModelCriteriaView,
} from '@muster/contracts';
import { sumPoints } from '@muster/contracts';
import type { CultureActivity, ModelApplication, ModelCriteria } from './culture.entities.js';

const pick = (files: Map<string, FileView>, ids: string[]): FileView[] =>
  ids.flatMap((id) => {
    const f = files.get(id);
    return f ? [f] : [];
  });

export function mapActivity(
  a: CultureActivity,
  organiserName: string,
  people: Map<string, string>,
  files: Map<string, FileView>,
): CultureActivityView {
  return {
    id: a.id,
    enterpriseId: a.enterpriseId,
    organiserName,
    heldOn: a.heldOn,
    kind: a.kind,
    title: a.title,
    place: a.place,
    participantCount: a.participantCount,
    participants: a.participantContactIds.flatMap((id) => {
      const name = people.get(id);
      return name ? [{ id, name }] : [];
    }),
    description: a.description,
    photos: pick(files, a.photoFileIds),
    createdAt: a.createdAt.toISOString(),
    updatedAt: a.updatedAt.toISOString(),
  };
}

export function mapCriteria(c: ModelCriteria): ModelCriteriaView {
  return {
    year: c.year,
    items: c.items,
    totalPoints: sumPoints(c.items.map((i) => i.points)),
    passScore: c.passScore,
    incidentYears: c.incidentYears,
    validityYears: c.validityYears,
    updatedAt: c.updatedAt.toISOString(),
  };
}

/**
 * The application's items in the criteria's order, one per criteria item (an item the enterprise
 * has not filled in yet shows empty), so a changed checklist never leaves an item out.
 */
export function mapApplication(
  m: ModelApplication,
  criteria: ModelCriteria | null,
  enterpriseName: string,
  files: Map<string, FileView>,
): ModelApplicationView {
  const stored = new Map(m.items.map((i) => [i.code, i]));
  const codes = criteria ? criteria.items.map((i) => i.code) : m.items.map((i) => i.code);
  const items: ModelApplicationItemView[] = codes.map((code) => {
    const s = stored.get(code);
    return {
      code,
      selfScore: s?.selfScore ?? null,
      selfNote: s?.selfNote ?? '',
      evidence: pick(files, s?.evidenceFileIds ?? []),
      reviewScore: s?.reviewScore ?? null,
      reviewNote: s?.reviewNote ?? '',
    };
  });
  return {
    id: m.id,
    enterpriseId: m.enterpriseId,
    enterpriseName,
    year: m.year,
    status: m.status,
    items,
    selfTotal: sumPoints(items.map((i) => i.selfScore)),
    reviewTotal: sumPoints(items.map((i) => i.reviewScore)),
    submittedAt: m.submittedAt?.toISOString() ?? null,
    returnNote: m.returnNote,
    decidedAt: m.decidedAt?.toISOString() ?? null,
    decisionReason: m.decisionReason,
    validUntil: m.validUntil,
    createdAt: m.createdAt.toISOString(),
    updatedAt: m.updatedAt.toISOString(),
  };
}
