import { describe, expect, it } from '@jest/globals';
import { GB18218_CATEGORIES, GB18218_SUBSTANCES, type Gb18218Substance } from './gb18218-data.js';
import { criticalQuantity } from './installations.js';

const q = (s: Gb18218Substance) => GB18218_SUBSTANCES[s].criticalT;

describe('GB 18218-2018 Table 1', () => {
  it('holds the 85 rows, numbered 1 to 85 once each', () => {
    const numbers = Object.values(GB18218_SUBSTANCES)
      .map((s): number | null => s.no)
      .filter((n): n is number => n !== null)
      .sort((a, b) => a - b);
    expect(numbers).toEqual(Array.from({ length: 85 }, (_, i) => i + 1));
  });

  it('gives the standard critical quantities of a selection of rows', () => {
    expect({
      chlorine: q('chlorine'),
      ammonia: q('ammonia'),
      phosgene: q('phosgene'),
      hydrogen_sulfide: q('hydrogen_sulfide'),
      methyl_isocyanate: q('methyl_isocyanate'),
      sulfur_trioxide: q('sulfur_trioxide'),
      toluene_diisocyanate: q('toluene_diisocyanate'),
      lead_azide: q('lead_azide'),
      ammonium_nitrate: q('ammonium_nitrate'),
      ammonium_nitrate_combustible: q('ammonium_nitrate_combustible'),
      potassium_nitrate: q('potassium_nitrate'),
      hydrogen: q('hydrogen'),
      acetylene: q('acetylene'),
      oxygen: q('oxygen'),
      carbon_disulfide: q('carbon_disulfide'),
      propylene_oxide: q('propylene_oxide'),
      gasoline: q('gasoline'),
      methanol: q('methanol'),
      calcium_carbide: q('calcium_carbide'),
      sodium: q('sodium'),
    }).toEqual({
      chlorine: 5,
      ammonia: 10,
      phosgene: 0.3,
      hydrogen_sulfide: 5,
      methyl_isocyanate: 0.75,
      sulfur_trioxide: 75,
      toluene_diisocyanate: 100,
      lead_azide: 0.5,
      ammonium_nitrate: 50,
      ammonium_nitrate_combustible: 5,
      potassium_nitrate: 1000,
      hydrogen: 5,
      acetylene: 1,
      oxygen: 200,
      carbon_disulfide: 50,
      propylene_oxide: 10,
      gasoline: 200,
      methanol: 500,
      calcium_carbide: 100,
      sodium: 10,
    });
  });

  it('names the toxic gases of Table 3 with their β, and no other substance has its own β', () => {
    const named = Object.fromEntries(
      Object.entries(GB18218_SUBSTANCES).flatMap(([k, s]) => ('beta' in s ? [[k, s.beta]] : [])),
    );
    expect(named).toEqual({
      carbon_monoxide: 2,
      sulfur_dioxide: 2,
      ammonia: 2,
      ethylene_oxide: 2,
      hydrogen_chloride: 3,
      methyl_bromide: 3,
      chlorine: 4,
      hydrogen_sulfide: 5,
      hydrogen_fluoride: 5,
      nitrogen_dioxide: 10,
      hydrogen_cyanide: 10,
      phosgene: 20,
      phosphine: 20,
      methyl_isocyanate: 20,
    });
  });

  it('carbon monoxide is in Table 3 only: its Q is the lower of its categories', () => {
    expect(GB18218_SUBSTANCES.carbon_monoxide.no).toBeNull();
    expect(GB18218_SUBSTANCES.carbon_monoxide.criticalT).toBe(
      Math.min(GB18218_CATEGORIES.W2.criticalT, GB18218_CATEGORIES.J3.criticalT),
    );
  });

  it('every CAS number given has a valid check digit', () => {
    const bad = Object.entries(GB18218_SUBSTANCES).filter(([, s]) => {
      if (s.cas === null) return false;
      const digits = s.cas.replaceAll('-', '');
      const body = digits.slice(0, -1).split('').reverse();
      const sum = body.reduce((acc, d, i) => acc + Number(d) * (i + 1), 0);
      return sum % 10 !== Number(digits.at(-1));
    });
    expect(bad.map(([k]) => k)).toEqual([]);
  });
});

describe('GB 18218-2018 Tables 2 and 4', () => {
  it('gives each category its critical quantity and β', () => {
    const table = Object.fromEntries(
      Object.entries(GB18218_CATEGORIES).map(([code, c]) => [code, [c.criticalT, c.beta]]),
    );
    expect(table).toEqual({
      J1: [5, 4],
      J2: [50, 1],
      J3: [50, 2],
      J4: [50, 2],
      J5: [500, 1],
      'W1.1': [1, 2],
      'W1.2': [10, 2],
      'W1.3': [50, 2],
      W2: [10, 1.5],
      W3: [150, 1],
      W4: [50, 1],
      'W5.1': [10, 1.5],
      'W5.2': [50, 1],
      'W5.3': [1000, 1],
      'W5.4': [5000, 1],
      'W6.1': [10, 1.5],
      'W6.2': [50, 1],
      'W7.1': [10, 1.5],
      'W7.2': [50, 1],
      W8: [50, 1],
      'W9.1': [50, 1],
      'W9.2': [200, 1],
      W10: [200, 1],
      W11: [200, 1],
    });
  });

  it('a named substance outside Table 3 takes Q from Table 1 and β from its category', () => {
    expect(criticalQuantity({ substance: 'propylene_oxide', category: 'W5.3' })).toEqual({
      criticalT: 10,
      beta: 1.5,
      source: 'named',
    });
    expect(criticalQuantity({ substance: 'tnt', category: 'W5.4' })).toEqual({
      criticalT: 5,
      beta: 2,
      source: 'named',
    });
  });

  it('an unnamed chemical falls back to its category for both', () => {
    expect(criticalQuantity({ substance: null, category: 'W11' })).toEqual({
      criticalT: 200,
      beta: 1,
      source: 'category',
    });
    expect(criticalQuantity({ substance: null, category: 'J4' })).toEqual({
      criticalT: 50,
      beta: 2,
      source: 'category',
    });
  });
});
