import { Injectable } from '@nestjs/common';
import type {
  DisposalCardView,
  PlanLevelView,
  PlanVersionSummary,
  PlanVersionView,
  PlanView,
  PolicySummary,
} from '@muster/contracts';
import type { DisposalCard } from './disposal-card.entity.js';
import { EnterpriseService } from '../enterprises/enterprise.service.js';
import { EscalationPolicyRepository } from './escalation-policy.repository.js';
import type { PlanLevel } from './plan-level.entity.js';
import type { PlanVersion } from './plan-version.entity.js';
import type { Plan } from './plan.entity.js';
import { PlanRepository } from './plan.repository.js';

/**
 * Plans, versions and levels as the API answers them, with the names and summaries they show
 * loaded for a whole list at once.
 */
@Injectable()
export class PlanViews {
  constructor(
    private readonly repository: PlanRepository,
    private readonly policies: EscalationPolicyRepository,
    private readonly enterprises: EnterpriseService,
  ) {}

  /** Each plan with its owner's name and its published and open versions (`knownVersions` if loaded). */
  async plans(rows: Plan[], knownVersions?: PlanVersion[]): Promise<PlanView[]> {
    const ids = rows.map((p) => p.id);
    const versions =
      knownVersions ?? (await this.repository.versionsOf(ids, ['published', 'draft', 'in_review']));
    const names = await this.enterprises.namesByIds([
      ...new Set(rows.flatMap((p) => (p.enterpriseId ? [p.enterpriseId] : []))),
    ]);
    return rows.map((p) => {
      const mine = versions.filter((v) => v.planId === p.id);
      return mapPlan(
        p,
        p.enterpriseId ? (names.get(p.enterpriseId) ?? null) : null,
        mine.find((v) => v.status === 'published'),
        mine.find((v) => v.status === 'draft' || v.status === 'in_review'),
      );
    });
  }

  /** Each level with a summary of the escalation policy it pages. */
  async levels(levels: PlanLevel[]): Promise<PlanLevelView[]> {
    const summaries = await this.policies.summaries(levels.flatMap((l) => (l.policyId ? [l.policyId] : [])));
    return levels.map((l) => mapLevel(l, l.policyId ? (summaries.get(l.policyId) ?? null) : null));
  }

  /** A version with its levels and disposal cards. */
  async version(v: PlanVersion): Promise<PlanVersionView> {
    const levels = await this.levels(await this.repository.levelsOf([v.id]));
    const cards = (await this.repository.cardsOf(v.id)).map(mapCard);
    return mapVersion(v, levels, cards);
  }
}

export function mapVersionSummary(v: PlanVersion): PlanVersionSummary {
  return {
    id: v.id,
    number: v.number,
    label: v.label,
    status: v.status,
    publishedAt: v.publishedAt?.toISOString() ?? null,
    evaluationDueOn: v.evaluationDueOn,
  };
}

export function mapPlan(
  p: Plan,
  enterpriseName: string | null,
  published: PlanVersion | undefined,
  open: PlanVersion | undefined,
): PlanView {
  return {
    id: p.id,
    enterpriseId: p.enterpriseId,
    enterpriseName,
    type: p.type,
    code: p.code,
    title: p.title,
    scope: p.scope,
    hazards: p.hazards,
    incidentCategories: p.incidentCategories,
    published: published ? mapVersionSummary(published) : null,
    open: open ? mapVersionSummary(open) : null,
    createdAt: p.createdAt.toISOString(),
    updatedAt: p.updatedAt.toISOString(),
  };
}

export function mapLevel(l: PlanLevel, policy: PolicySummary | null): PlanLevelView {
  return {
    id: l.id,
    versionId: l.versionId,
    rank: l.rank,
    code: l.code,
    name: l.name,
    activationCriteria: l.activationCriteria,
    severities: l.severities,
    checklist: l.checklist,
    policy,
  };
}

export function mapCard(c: DisposalCard): DisposalCardView {
  return {
    id: c.id,
    versionId: c.versionId,
    position: c.position,
    post: c.post,
    title: c.title,
    hazards: c.hazards,
    steps: c.steps,
    precautions: c.precautions,
    contacts: c.contacts,
  };
}

export function mapVersion(
  v: PlanVersion,
  levels: PlanLevelView[],
  cards: DisposalCardView[],
): PlanVersionView {
  return {
    ...mapVersionSummary(v),
    planId: v.planId,
    sections: v.sections,
    annexes: v.annexes,
    changeSummary: v.changeSummary,
    revisionTriggers: v.revisionTriggers,
    reviewDueOn: v.reviewDueOn,
    filingDueOn: v.filingDueOn,
    filing:
      v.filedOn && v.filedWith
        ? {
            filedOn: v.filedOn,
            filedWith: v.filedWith,
            receiptNo: v.filingReceiptNo ?? '',
            fileId: v.filingFileId,
            recordedBy: v.filedBy ?? '',
          }
        : null,
    review:
      v.reviewKind && v.reviewHeldOn && v.reviewConclusion !== null
        ? {
            kind: v.reviewKind,
            heldOn: v.reviewHeldOn,
            members: v.reviewMembers,
            conclusion: v.reviewConclusion,
            recordedBy: v.reviewRecordedBy ?? '',
          }
        : null,
    signature: v.signedBy && v.signedOn ? { signedBy: v.signedBy, signedOn: v.signedOn } : null,
    neighbourNotice: {
      required: v.concernsNeighbours,
      notifiedOn: v.neighboursNotifiedOn,
      notified: v.neighboursNotified,
      how: v.neighbourNoticeHow,
    },
    submittedAt: v.submittedAt?.toISOString() ?? null,
    submittedBy: v.submittedBy,
    publishedBy: v.publishedBy,
    supersededAt: v.supersededAt?.toISOString() ?? null,
    levels,
    cards,
    createdAt: v.createdAt.toISOString(),
    updatedAt: v.updatedAt.toISOString(),
  };
}
