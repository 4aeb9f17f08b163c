import { randomBytes } from 'node:crypto';
import { uniformInt } from 'pure-rand/distribution/uniformInt';
import type { RandomGenerator } from 'pure-rand/types/RandomGenerator';
import { xoroshiro128plusFromState } from 'pure-rand/generator/xoroshiro128plus';
import type { SpotCheckPair } from '@muster/contracts';

export interface DrawInput {
  /** 32 hexadecimal digits: the generator's 128-bit starting state. */
  seed: string;
  /** Candidate ids in the order the draw takes them from. */
  enterprises: readonly string[];
  inspectors: readonly string[];
  /** Pairs that may not be drawn: an inspector recused from one enterprise (回避). */
  recusals: readonly { inspectorId: string; enterpriseId: string }[];
  enterpriseCount: number;
  inspectorsPerEnterprise: number;
}

const SEED = /^[0-9a-f]{32}$/;

/** A fresh seed from the operating system's cryptographic source, never all zeros. */
export function newSeed(): string {
  for (;;) {
    const seed = randomBytes(16).toString('hex');
    if (/[1-9a-f]/.test(seed)) return seed;
  }
}

function generator(seed: string): RandomGenerator {
  if (!SEED.test(seed) || !/[1-9a-f]/.test(seed)) throw new Error(`not a draw seed: ${seed}`);
  const words = [0, 8, 16, 24].map((i) => Number.parseInt(seed.slice(i, i + 8), 16) | 0);
  return xoroshiro128plusFromState(words);
}

/** The first `k` of a partial Fisher–Yates shuffle of `pool`, driven by `rng`. */
function pick(rng: RandomGenerator, pool: readonly string[], k: number): string[] {
  const a = [...pool];
  for (let i = 0; i < k; i++) {
    const j = uniformInt(rng, i, a.length - 1);
    [a[i], a[j]] = [a[j]!, a[i]!];
  }
  return a.slice(0, k);
}

/**
 * The double random draw: `enterpriseCount` enterprises, then for each, in the order drawn,
 * `inspectorsPerEnterprise` inspectors among those not recused from it. Everything it depends on
 * is in its input, so the same seed and lists give the same pairs on any machine; the caller
 * checks beforehand that the lists are long enough (`shortfall`).
 */
export function drawPairs(input: DrawInput): SpotCheckPair[] {
  const problem = shortfall(input);
  if (problem) throw new Error(problem);
  const rng = generator(input.seed);
  const enterprises = pick(rng, input.enterprises, input.enterpriseCount);
  return enterprises.map((enterpriseId) => {
    const pool = input.inspectors.filter(
      (i) => !input.recusals.some((r) => r.inspectorId === i && r.enterpriseId === enterpriseId),
    );
    return { enterpriseId, inspectorIds: pick(rng, pool, input.inspectorsPerEnterprise) };
  });
}

/**
 * Why the lists cannot give the draw asked for, or null. Checked for every enterprise, not only
 * those a seed happens to draw, so whether a draw is possible never depends on the seed.
 */
export function shortfall(input: Omit<DrawInput, 'seed'>): string | null {
  if (input.enterprises.length < input.enterpriseCount) {
    return `enterpriseCount: ${input.enterpriseCount} asked, ${input.enterprises.length} eligible`;
  }
  for (const e of input.enterprises) {
    const free = input.inspectors.filter(
      (i) => !input.recusals.some((r) => r.inspectorId === i && r.enterpriseId === e),
    ).length;
    if (free < input.inspectorsPerEnterprise) {
      return `inspectorsPerEnterprise: ${input.inspectorsPerEnterprise} asked, ${free} eligible for enterprise ${e}`;
    }
  }
  return null;
}

export function samePairs(a: readonly SpotCheckPair[], b: readonly SpotCheckPair[]): boolean {
  return (
    a.length === b.length &&
    a.every(
      (p, i) =>
        p.enterpriseId === b[i]!.enterpriseId &&
        p.inspectorIds.length === b[i]!.inspectorIds.length &&
        p.inspectorIds.every((x, j) => x === b[i]!.inspectorIds[j]),
    )
  );
}
