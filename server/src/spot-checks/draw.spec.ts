import { describe, expect, it } from '@jest/globals';
import { drawPairs, newSeed, samePairs, shortfall } from './draw.js';

const enterprises = Array.from({ length: 12 }, (_, i) => `e${String(i).padStart(2, '0')}`);
const inspectors = ['i1', 'i2', 'i3', 'i4', 'i5'];
const base = { enterprises, inspectors, recusals: [], enterpriseCount: 4, inspectorsPerEnterprise: 2 };

describe('the double random draw', () => {
  it('gives the same pairs for the same seed and lists, and other pairs for another seed', () => {
    const seed = '0123456789abcdef0123456789abcdef';
    const first = drawPairs({ ...base, seed });
    expect(drawPairs({ ...base, seed })).toEqual(first);
    expect(samePairs(first, drawPairs({ ...base, seed }))).toBe(true);
    const seeds = Array.from({ length: 5 }, newSeed);
    const others = seeds.map((s) => drawPairs({ ...base, seed: s }));
    expect(others.some((o) => !samePairs(o, first))).toBe(true);
  });

  it('pins the pairs a recorded seed gives, so a change of library or algorithm shows', () => {
    expect(drawPairs({ ...base, seed: '00000000000000000000000000000001' })).toEqual([
      { enterpriseId: 'e09', inspectorIds: ['i3', 'i1'] },
      { enterpriseId: 'e02', inspectorIds: ['i1', 'i3'] },
      { enterpriseId: 'e11', inspectorIds: ['i4', 'i3'] },
      { enterpriseId: 'e05', inspectorIds: ['i5', 'i1'] },
    ]);
  });

  it('draws distinct enterprises from the list and distinct inspectors for each, from the lists only', () => {
    for (let n = 0; n < 50; n++) {
      const pairs = drawPairs({ ...base, seed: newSeed() });
      expect(pairs).toHaveLength(4);
      expect(new Set(pairs.map((p) => p.enterpriseId)).size).toBe(4);
      for (const p of pairs) {
        expect(enterprises).toContain(p.enterpriseId);
        expect(p.inspectorIds).toHaveLength(2);
        expect(new Set(p.inspectorIds).size).toBe(2);
        for (const i of p.inspectorIds) expect(inspectors).toContain(i);
      }
    }
  });

  it('never sends an inspector to an enterprise they are recused from', () => {
    const recusals = inspectors.slice(0, 3).map((i) => ({ inspectorId: i, enterpriseId: 'e00' }));
    for (let n = 0; n < 50; n++) {
      const pairs = drawPairs({ ...base, enterpriseCount: 12, recusals, seed: newSeed() });
      const e00 = pairs.find((p) => p.enterpriseId === 'e00')!;
      expect(e00.inspectorIds.sort()).toEqual(['i4', 'i5']);
    }
  });

  it('reaches every candidate over many draws (no candidate is left out by the shuffle)', () => {
    const seen = new Set<string>();
    for (let n = 0; n < 200; n++) {
      for (const p of drawPairs({
        ...base,
        enterpriseCount: 1,
        inspectorsPerEnterprise: 1,
        seed: newSeed(),
      })) {
        seen.add(p.enterpriseId);
        seen.add(p.inspectorIds[0]!);
      }
    }
    expect([...seen].sort()).toEqual([...enterprises, ...inspectors].sort());
  });

  it('names what is short when the lists cannot give the draw asked for', () => {
    expect(shortfall({ ...base, enterpriseCount: 13 })).toMatch(/^enterpriseCount: 13 asked, 12 eligible/);
    const recusals = inspectors.slice(0, 4).map((i) => ({ inspectorId: i, enterpriseId: 'e03' }));
    expect(shortfall({ ...base, recusals })).toMatch(
      /^inspectorsPerEnterprise: 2 asked, 1 eligible for enterprise e03/,
    );
    expect(() => drawPairs({ ...base, recusals, seed: newSeed() })).toThrow(/inspectorsPerEnterprise/);
    expect(shortfall(base)).toBeNull();
  });

  it('refuses a seed that is not 128 bits of hexadecimal, or all zeros', () => {
    expect(() => drawPairs({ ...base, seed: 'abc' })).toThrow(/seed/);
    expect(() => drawPairs({ ...base, seed: '0'.repeat(32) })).toThrow(/seed/);
    expect(newSeed()).toMatch(/^[0-9a-f]{32}$/);
  });
});
