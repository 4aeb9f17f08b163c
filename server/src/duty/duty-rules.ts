import {
  type DutyRule,
  type DutyTarget,
  type IncidentCategory,
  type Severity,
  SEVERITY_RANK,
} from '@muster/contracts';

/** A target's identity, so the same target named by two rules of a tier is resolved once. */
export function targetKey(t: DutyTarget): string {
  if (t.kind === 'team') return `team:${t.teamId}`;
  if (t.kind === 'contact') return `contact:${t.contactId}`;
  return t.kind;
}

export function ruleApplies(rule: DutyRule, severity: Severity, category: IncidentCategory): boolean {
  return (
    SEVERITY_RANK[severity] >= SEVERITY_RANK[rule.minSeverity] &&
    (rule.category === null || rule.category === category)
  );
}

/**
 * The targets of each tier for an incident of that grade and category: every rule that applies
 * adds its targets to its tier. Tiers keep their positions (an empty one is left out later, when
 * the people are known), and a target is listed once per tier.
 */
export function targetsByTier(
  rules: readonly DutyRule[],
  tierCount: number,
  severity: Severity,
  category: IncidentCategory,
): DutyTarget[][] {
  const tiers: DutyTarget[][] = Array.from({ length: tierCount }, () => []);
  const seen = tiers.map(() => new Set<string>());
  for (const rule of rules) {
    if (rule.tier >= tierCount || !ruleApplies(rule, severity, category)) continue;
    for (const t of rule.targets) {
      const key = targetKey(t);
      if (seen[rule.tier]!.has(key)) continue;
      seen[rule.tier]!.add(key);
      tiers[rule.tier]!.push(t);
    }
  }
  return tiers;
}
