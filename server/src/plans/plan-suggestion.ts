/**
 * Which published plans apply to an incident, and at which response level. Pure: the plan service
 * loads the published candidates and their levels, this decides their order and the level each
 * maps the severity to.
 */
import type {
  IncidentCategory,
  InstallationExposure,
  PlanHazard,
  PlanLevelView,
  PlanSuggestion,
  PlanSuggestionItem,
  PlanView,
  Role,
  Severity,
  SuggestionInstallation,
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
  /** The enterprise's registered installations (the register's exposure); only graded ones count. */
  installations?: InstallationExposure[];
}

/**
 * What a GB 18218-2018 hazard category can cause, as plan hazards: toxic substances (J) a release
 * and poisoning; oxidizers (W4, W9) a fire; explosives, self-reactive substances and organic
 * peroxides (W1, W6, W7) and the flammables (the other W) a fire and an explosion.
 */
export function hazardsOfCategory(category: string): PlanHazard[] {
  if (category.startsWith('J')) return ['toxic_release', 'poisoning_asphyxiation'];
  if (/^W(4|9)(\.|$)/.test(category)) return ['fire'];
  return ['fire', 'explosion'];
}

/**
 * The plans a major hazard installation calls for among the suggested ones: a comprehensive or
 * special plan that guards against something its chemicals can cause, and an on-site disposal
 * plan that names it (on-site plans are written per unit, and carry no other link to it).
 */
export function installationCalls(
  installations: InstallationExposure[],
  plans: PlanView[],
): SuggestionInstallation[] {
  return installations.flatMap((i) => {
    if (i.grade === null) return [];
    const hazards = [...new Set(i.chemicals.flatMap((c) => hazardsOfCategory(c.category)))];
    const names = (p: PlanView) =>
      [i.name, i.code].some((n) => n !== '' && (p.title.includes(n) || p.scope.includes(n)));
    const planIds = plans
      .filter((p) => (p.type === 'on_site' ? names(p) : p.hazards.some((h) => hazards.includes(h))))
      .map((p) => p.id);
    return [
      {
        installationId: i.installationId,
        name: i.name,
        grade: i.grade,
        chemicals: i.chemicals.map((c) => ({ name: c.name, maxQuantityT: c.maxQuantityT })),
        hazards,
        planIds,
      },
    ];
  });
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
 * enterprise's own before the zone's. Among equals, a plan one of the enterprise's major hazard
 * installations calls for comes first, then the candidates keep their order.
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
  const installations = installationCalls(
    input.installations ?? [],
    input.candidates.map((c) => c.plan),
  );
  const called = new Set(installations.flatMap((i) => i.planIds));
  const calledFirst = (a: PlanView, b: PlanView) => Number(called.has(b.id)) - Number(called.has(a.id));
  items.sort(
    (a, b) => MATCH_ORDER.indexOf(a.match) - MATCH_ORDER.indexOf(b.match) || calledFirst(a.plan, b.plan),
  );
  onSite.sort((a, b) => Number(b.own) - Number(a.own) || calledFirst(a.view, b.view));
  return {
    category: input.category,
    enterpriseId: input.enterpriseId,
    severity: input.severity ?? null,
    items,
    onSite: onSite.map((o) => o.view),
    installations,
  };
}
