import { describe, expect, it } from '@jest/globals';
import {
  alphaFor,
  assessInstallation,
  criticalQuantity,
  gradeFor,
  type InstallationChemical,
} from './installations.js';
import { GB18218_CATEGORIES, GB18218_SUBSTANCES } from './gb18218-data.js';

const chem = (
  c: Partial<InstallationChemical> & Pick<InstallationChemical, 'maxQuantityT'>,
): InstallationChemical => ({
  substance: null,
  name: c.substance ?? 'x',
  category: 'W5.4',
  ...c,
});

describe('GB 18218-2018 identification', () => {
  it('a single substance is a major hazard installation from q = Q, not below', () => {
    expect(
      assessInstallation([chem({ substance: 'chlorine', category: 'J3', maxQuantityT: 4.99 })], 0).isMajor,
    ).toBe(false);
    expect(
      assessInstallation([chem({ substance: 'chlorine', category: 'J3', maxQuantityT: 5 })], 0).isMajor,
    ).toBe(true);
  });

  it('several substances: Σ q/Q on both sides of 1', () => {
    // chlorine 2 t of 5 (0.4) + ammonia 5.9 t of 10 (0.59) = 0.99; 6 t of ammonia makes 1.00.
    const below = assessInstallation(
      [
        chem({ substance: 'chlorine', category: 'J3', maxQuantityT: 2 }),
        chem({ substance: 'ammonia', category: 'J3', maxQuantityT: 5.9 }),
      ],
      0,
    );
    expect(below.ratioSum).toBeCloseTo(0.99, 10);
    expect(below.isMajor).toBe(false);
    expect(below.grade).toBeNull();
    const at = assessInstallation(
      [
        chem({ substance: 'chlorine', category: 'J3', maxQuantityT: 2 }),
        chem({ substance: 'ammonia', category: 'J3', maxQuantityT: 6 }),
      ],
      0,
    );
    expect(at.ratioSum).toBeCloseTo(1, 10);
    expect(at.isMajor).toBe(true);
  });

  it('a substance not named in Table 1 takes the critical quantity and β of its category', () => {
    const unnamed = criticalQuantity({ substance: null, category: 'W2' });
    expect(unnamed).toEqual({ criticalT: GB18218_CATEGORIES.W2.criticalT, beta: 1.5, source: 'category' });
    expect(criticalQuantity({ substance: null, category: 'J1' })).toEqual({
      criticalT: 5,
      beta: 4,
      source: 'category',
    });
    expect(criticalQuantity({ substance: null, category: 'J3' })).toEqual({
      criticalT: 50,
      beta: 2,
      source: 'category',
    });
    // A name the table does not know (an older or newer client) falls back to the category too.
    expect(criticalQuantity({ substance: 'unobtainium' as never, category: 'W5.4' })).toEqual({
      criticalT: 5000,
      beta: 1,
      source: 'category',
    });
    const a = assessInstallation([chem({ name: '某易燃气体', category: 'W2', maxQuantityT: 10 })], 0);
    expect(a.isMajor).toBe(true);
    expect(a.chemicals[0]!.source).toBe('category');
  });

  it('named substances take Table 1 quantities and, for the toxic gases of Table 3, their own β', () => {
    expect(criticalQuantity({ substance: 'chlorine', category: 'J3' })).toEqual({
      criticalT: 5,
      beta: 4,
      source: 'named',
    });
    expect(criticalQuantity({ substance: 'phosgene', category: 'J1' })).toEqual({
      criticalT: 0.3,
      beta: 20,
      source: 'named',
    });
    expect(criticalQuantity({ substance: 'hydrogen', category: 'W2' })).toEqual({
      criticalT: 5,
      beta: 1.5,
      source: 'named',
    });
    expect(criticalQuantity({ substance: 'methanol', category: 'W5.3' })).toEqual({
      criticalT: 500,
      beta: 1,
      source: 'named',
    });
    for (const [key, s] of Object.entries(GB18218_SUBSTANCES)) {
      expect({ key, category: s.category in GB18218_CATEGORIES }).toEqual({ key, category: true });
    }
  });
});

describe('grading: R = α Σ β q/Q', () => {
  it('α at each band of people within 500 m', () => {
    expect([0, 1, 29, 30, 49, 50, 99, 100, 5000].map(alphaFor)).toEqual([
      0.5, 1, 1, 1.2, 1.2, 1.5, 1.5, 2, 2,
    ]);
  });

  it('grades at R = 10, 50, 100 and just below each', () => {
    expect([9.999, 10, 49.999, 50, 99.999, 100].map(gradeFor)).toEqual([4, 3, 3, 2, 2, 1]);
  });

  it('R and the grade at each boundary with α and β applied', () => {
    // Chlorine β 4, Q 5 t: q = 12.5 t gives Σβq/Q = 10; α 1.0 (1–29 people) → R 10, 三级.
    const at10 = assessInstallation(
      [chem({ substance: 'chlorine', category: 'J3', maxQuantityT: 12.5 })],
      10,
    );
    expect(at10.alpha).toBe(1);
    expect(at10.r).toBeCloseTo(10, 10);
    expect(at10.grade).toBe(3);
    // Just below: 12.4 t → R 9.92, 四级.
    expect(
      assessInstallation([chem({ substance: 'chlorine', category: 'J3', maxQuantityT: 12.4 })], 10).grade,
    ).toBe(4);
    // Hydrogen β 1.5, Q 5 t: q = 50 t gives 15; α 2.0 (≥ 100 people) → R 30; add methanol β 1,
    // Q 500 t, q = 5000 t (10) → α(15 + 10) = 50, 二级; one person fewer than 100 makes α 1.5 → 37.5, 三级.
    const mixed = [
      chem({ substance: 'hydrogen', category: 'W2', maxQuantityT: 50 }),
      chem({ substance: 'methanol', category: 'W5.3', maxQuantityT: 5000 }),
    ];
    const at50 = assessInstallation(mixed, 100);
    expect(at50.r).toBeCloseTo(50, 10);
    expect(at50.grade).toBe(2);
    expect(assessInstallation(mixed, 99).r).toBeCloseTo(37.5, 10);
    expect(assessInstallation(mixed, 99).grade).toBe(3);
    // Phosgene β 20, Q 0.3 t: q = 1.2 t gives 80; α 1.2 (30–49 people) → R 96, 二级; α 1.5 → 120, 一级;
    // α 0.5 (nobody) → 40, 三级. R = 100 exactly: q = 1.25 t gives 83.33… × 1.2 = 100, 一级.
    const phosgene = (q: number) => [chem({ substance: 'phosgene', category: 'J1', maxQuantityT: q })];
    expect(assessInstallation(phosgene(1.2), 30).grade).toBe(2);
    expect(assessInstallation(phosgene(1.2), 50).grade).toBe(1);
    expect(assessInstallation(phosgene(1.2), 0).r).toBeCloseTo(40, 10);
    const at100 = assessInstallation(phosgene(1.25), 30);
    expect(at100.r).toBeCloseTo(100, 10);
    expect(at100.grade).toBe(1);
    expect(assessInstallation(phosgene(1.249), 30).grade).toBe(2);
  });
});
