import { Injectable } from '@nestjs/common';
import type { PlanLevelView, PlanVersionView, PlanView } from '@muster/contracts';
import { EscalationPolicyRepository } from './escalation-policy.repository.js';
import type { PlanLevel } from './plan-level.entity.js';
import type { PlanVersion } from './plan-version.entity.js';
import { mapCard, mapLevel, mapPlan, mapVersion } from './plan.dto.js';
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
  ) {}

  /** Each plan with its owner's name and its published and open versions (`knownVersions` if loaded). */
  async plans(rows: Plan[], knownVersions?: PlanVersion[]): Promise<PlanView[]> {
    const ids = rows.map((p) => p.id);
    const versions =
      knownVersions ?? (await this.repository.versionsOf(ids, ['published', 'draft', 'in_review']));
    const names = await this.repository.enterpriseNames([
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
