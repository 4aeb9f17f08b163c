import type { Casualties, Severity } from './incidents.js';

/**
 * Decree 493 Art. 3: the grade is the highest that any one measure reaches. "At least" includes
 * the number, "below" excludes it. Missing persons count with deaths (死亡（含失踪）), and
 * serious injuries include acute industrial poisoning (the reporter counts them in).
 */
const THRESHOLDS: { severity: Severity; deaths: number; seriousInjuries: number; lossCny: number }[] = [
  { severity: 'especially_serious', deaths: 30, seriousInjuries: 100, lossCny: 100_000_000 },
  { severity: 'serious', deaths: 10, seriousInjuries: 50, lossCny: 50_000_000 },
  { severity: 'relatively_serious', deaths: 3, seriousInjuries: 10, lossCny: 10_000_000 },
];

export const SEVERITY_RANK: Record<Severity, number> = {
  ordinary: 0,
  relatively_serious: 1,
  serious: 2,
  especially_serious: 3,
};

export function gradeSeverity(
  c: Pick<Casualties, 'deaths' | 'missing' | 'seriousInjuries'>,
  directLossCny: number,
): Severity {
  const dead = c.deaths + c.missing;
  for (const t of THRESHOLDS) {
    if (dead >= t.deaths || c.seriousInjuries >= t.seriousInjuries || directLossCny >= t.lossCny)
      return t.severity;
  }
  return 'ordinary';
}

export function higherSeverity(a: Severity, b: Severity): Severity {
  return SEVERITY_RANK[a] >= SEVERITY_RANK[b] ? a : b;
}
