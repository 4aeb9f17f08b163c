/**
 * Which published plans apply to an incident, and at which response level. Pure: the plan service
 * loads the published candidates and their levels, this decides their order and the level each
 * maps the severity to.
 */
import type {
  IncidentCategory,
  PlanLevelView,
  PlanSuggestion,
  PlanSuggestionItem,
  PlanView,
  Role,
  Severity,
  SuggestionMatch,
} from '@muster/contracts';

/** Most specific first: an enterprise's own plans before the zone's, special before comprehensive. */
export const MATCH_ORDER: readonly SuggestionMatch[] = [
  'enterprise_special',
  'enterprise_comprehensive',
  'zone_special',
  'zone_comprehensive',
];

/** A published plan that covers the category, with the version in force. */
export interface SuggestionCandidate {
  plan: PlanView;
  versionId: string;
}

export interface SuggestionInput {
  category: IncidentCategory;
  /** The enterprise where it happens; null for the zone's plans only. */
  enterpriseId: string | null;
  severity?: Severity | null;
  /** In the order to keep among equals (the repository's: by title). */
  candidates: SuggestionCandidate[];
  /** The levels of the candidates' versions, by rank (the most severe response first). */
  levels: PlanLevelView[];
}

/**
 * The enterprise a suggestion is for: the one asked about, else an enterprise officer's own,
 * else none (the zone's plans only).
 */
export function suggestionEnterprise(
  requested: string | null | undefined,
  caller: { role: Role; enterpriseId: string | null } | null,
): string | null {
  return requested ?? (caller?.role === 'enterprise_officer' ? caller.enterpriseId : null);
}

/** How specific a comprehensive or special plan is for the incident: whose it is, and of which type. */
export function matchOf(plan: Pick<PlanView, 'enterpriseId' | 'type'>): SuggestionMatch | null {
  if (plan.type === 'on_site') return null;
  return `${plan.enterpriseId !== null ? 'enterprise' : 'zone'}_${plan.type}`;
}

/**
 * The level of a version that answers the severity: the first (by rank) whose severities include
 * it; none when no severity is given or no level of that version names it.
 */
export function levelFor(
  levels: PlanLevelView[],
  versionId: string,
  severity: Severity | null | undefined,
): PlanLevelView | null {
  if (!severity) return null;
  return levels.find((l) => l.versionId === versionId && l.severities.includes(severity)) ?? null;
}

/**
 * Comprehensive and special plans become the items, most specific first, each with its level;
 * on-site disposal plans (post-level actions, no response levels) are listed apart, the
 * enterprise's own before the zone's. Among equals the candidates keep their order.
 */
export function suggestPlans(input: SuggestionInput): PlanSuggestion {
  const items: PlanSuggestionItem[] = [];
  const onSite: { view: PlanView; own: boolean }[] = [];
  for (const c of input.candidates) {
    const match = matchOf(c.plan);
    if (match === null) {
      onSite.push({ view: c.plan, own: c.plan.enterpriseId !== null });
      continue;
    }
    items.push({
      match,
      plan: c.plan,
      versionId: c.versionId,
      level: levelFor(input.levels, c.versionId, input.severity),
    });
  }
  items.sort((a, b) => MATCH_ORDER.indexOf(a.match) - MATCH_ORDER.indexOf(b.match));
  onSite.sort((a, b) => Number(b.own) - Number(a.own));
  return {
    category: input.category,
    enterpriseId: input.enterpriseId,
    severity: input.severity ?? null,
    items,
    onSite: onSite.map((o) => o.view),
  };
}
