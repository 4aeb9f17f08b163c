import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import {
  STABILITY_CLASSES,
  checkModelInputs,
  deathRadius,
  modelZones,
  overpressureRadius,
  pasquillClasses,
  plumeConcentration,
  poolFireRadius,
  propertyDamageRadius,
  puffPeakConcentration,
  readoutAt,
  suggestStability,
  tntEquivalentKg,
  type DispersionConditions,
  type ModelInputs,
  type PlumeInputs,
  type StabilityClass,
} from './index.js';

/**
 * Worked values: each expected number is computed here from the published formula with its
 * coefficients written out (Briggs 1973 open country; ground-level plume with reflection), not
 * by calling the code under test.
 */
const ground = (stability: StabilityClass, sourceHeightM = 0): DispersionConditions => ({
  windSpeedMS: 3,
  sourceHeightM,
  stability,
  terrain: 'open',
});
const Q = 2; // kg/s
const qMg = Q * 1e6;
const u = 3;

describe('Gaussian plume against hand-computed values', () => {
  const cases: [StabilityClass, number, number, number][] = [
    // class, x, σy = a·x·(1+b·x)^-½, σz per Briggs open country
    ['A', 200, (0.22 * 200) / Math.sqrt(1 + 0.0001 * 200), 0.2 * 200],
    ['A', 1000, (0.22 * 1000) / Math.sqrt(1 + 0.0001 * 1000), 0.2 * 1000],
    ['D', 200, (0.08 * 200) / Math.sqrt(1 + 0.0001 * 200), (0.06 * 200) / Math.sqrt(1 + 0.0015 * 200)],
    ['D', 1000, (0.08 * 1000) / Math.sqrt(1.1), (0.06 * 1000) / Math.sqrt(2.5)],
    ['D', 5000, (0.08 * 5000) / Math.sqrt(1.5), (0.06 * 5000) / Math.sqrt(8.5)],
    ['F', 200, (0.04 * 200) / Math.sqrt(1.02), (0.016 * 200) / (1 + 0.0003 * 200)],
    ['F', 1000, (0.04 * 1000) / Math.sqrt(1.1), (0.016 * 1000) / 1.3],
    ['F', 5000, (0.04 * 5000) / Math.sqrt(1.5), (0.016 * 5000) / 2.5],
  ];

  it.each(cases)('class %s at %d m on the centreline, ground release', (cls, x, sy, sz) => {
    const expected = qMg / (Math.PI * u * sy * sz);
    expect(plumeConcentration(Q, ground(cls), x, 0)).toBeCloseTo(expected, 6);
  });

  it('D at 1 km, 100 m off the axis, released at 20 m', () => {
    const sy = 80 / Math.sqrt(1.1);
    const sz = 60 / Math.sqrt(2.5);
    const expected =
      (qMg / (2 * Math.PI * u * sy * sz)) *
      Math.exp(-(100 ** 2) / (2 * sy ** 2)) *
      (Math.exp(-((0 - 20) ** 2) / (2 * sz ** 2)) + Math.exp(-((0 + 20) ** 2) / (2 * sz ** 2)));
    expect(plumeConcentration(Q, ground('D', 20), 1000, 100)).toBeCloseTo(expected, 6);
  });

  it('a worked number: 2 kg/s, 3 m/s, class D, 1 km downwind is about 73 mg/m³', () => {
    // σy = 80/√1.1 = 76.277 m, σz = 60/√2.5 = 37.947 m: 2e6 / (π · 3 · 76.277 · 37.947) = 73.3 mg/m³.
    const value = plumeConcentration(Q, ground('D'), 1000, 0);
    expect(value).toBeCloseTo(2e6 / (Math.PI * 3 * 76.277 * 37.9473), 1);
    expect(Math.round(value)).toBe(73);
  });

  it('is zero upwind and at the source', () => {
    expect(plumeConcentration(Q, ground('D'), -500, 0)).toBe(0);
    expect(plumeConcentration(Q, ground('F'), 0, 0)).toBe(0);
    const inputs = chlorine({ windFromDeg: 90 }); // from the east: the gas goes west
    const east = { lat: inputs.source.lat, lng: inputs.source.lng + 0.01 };
    const west = { lat: inputs.source.lat, lng: inputs.source.lng - 0.01 };
    expect(readoutAt(inputs, east).value).toBe(0);
    expect(readoutAt(inputs, east).arrivalSeconds).toBeNull();
    expect(readoutAt(inputs, west).value).toBeGreaterThan(0);
  });

  it('a puff peaks at 2M / ((2π)^1.5 σy² σz) as its centre passes', () => {
    const sy = (0.08 * 1000) / Math.sqrt(1.1);
    const sz = (0.06 * 1000) / Math.sqrt(2.5);
    const expected = (2 * 500e6) / ((2 * Math.PI) ** 1.5 * sy * sy * sz);
    expect(puffPeakConcentration(500, ground('D'), 1000, 0)).toBeCloseTo(expected, 6);
  });

  it('urban D uses Briggs urban coefficients', () => {
    const sy = (0.16 * 1000) / Math.sqrt(1 + 0.0004 * 1000);
    const sz = (0.14 * 1000) / Math.sqrt(1 + 0.0003 * 1000);
    expect(plumeConcentration(Q, { ...ground('D'), terrain: 'urban' }, 1000, 0)).toBeCloseTo(
      qMg / (Math.PI * u * sy * sz),
      6,
    );
  });
});

function chlorine(over: Partial<PlumeInputs> = {}): PlumeInputs {
  return {
    model: 'plume',
    source: { lat: 33.95, lng: 116.85 },
    substance: 'chlorine',
    releaseRateKgS: 1,
    durationS: 600,
    sourceHeightM: 0,
    windSpeedMS: 2,
    windFromDeg: 270,
    stability: 'D',
    terrain: 'open',
    ...over,
  };
}

describe('threat zones of a plume', () => {
  it('ends where the centreline falls to the AEGL, and the far end is downwind', () => {
    const inputs = chlorine();
    const zones = modelZones(inputs);
    expect(zones.map((z) => z.level)).toEqual(['AEGL-3', 'AEGL-2', 'AEGL-1']);
    const aegl3 = zones[0]!;
    // 20 ppm of chlorine is 20 × 70.9 / 24.45 mg/m³; at the zone's end the centreline is there.
    const thresholdMg = (20 * 70.9) / 24.45;
    const atEnd = plumeConcentration(1, ground('D'), aegl3.extentM!, 0) * (3 / 2);
    expect(atEnd).toBeCloseTo(thresholdMg, 1);
    // Wind from the west: every vertex is at or east of the source.
    for (const [lng] of aegl3.geometry.coordinates[0]!) expect(lng!).toBeGreaterThanOrEqual(116.85 - 1e-9);
    const ring = aegl3.geometry.coordinates[0]!;
    expect(ring[0]).toEqual(ring[ring.length - 1]);
    expect(aegl3.arrivalSeconds).toBe(Math.round(aegl3.extentM! / 2));
  });

  it('cuts a footprint at 10 km, where Briggs fits end, and says so', () => {
    const far = modelZones(chlorine({ stability: 'F', releaseRateKgS: 5 })).find(
      (z) => z.level === 'AEGL-1',
    )!;
    expect(far.truncated).toBe(true);
    expect(far.extentM).toBe(10_000);
    expect(modelZones(chlorine())[0]!.truncated).toBe(false);
  });

  it('leaves out a level the substance has none of (phosgene AEGL-1)', () => {
    const zones = modelZones(chlorine({ substance: 'phosgene' }));
    expect(zones.map((z) => [z.level, z.rank])).toEqual([
      ['AEGL-3', 1],
      ['AEGL-2', 2],
    ]);
  });
});

describe('pool fire and vapour cloud explosion against hand-computed radii', () => {
  it('benzene pool of 100 m²: r = √(η m″ A ΔHc / 4πq)', () => {
    // η 0.35, m″ 0.085 kg/m²s, ΔHc 40 100 kJ/kg: 119 297.5 kW radiated.
    const radiated = 0.35 * 0.085 * 100 * 40100;
    const zones = modelZones({
      model: 'pool_fire',
      source: { lat: 33.95, lng: 116.85 },
      fuel: 'benzene',
      poolAreaM2: 100,
      radiativeFraction: 0.35,
    });
    const expected = [37.5, 12.5, 4].map((q) => Math.sqrt(radiated / (4 * Math.PI * q)));
    expect(zones.map((z) => z.extentM)).toEqual(expected.map((r) => Number(r.toFixed(1))));
    expect(expected.map((r) => Math.round(r))).toEqual([16, 28, 49]);
    expect(
      poolFireRadius(
        { areaM2: 100, burningRate: 0.085, heatOfCombustion: 40100, radiativeFraction: 0.35 },
        4,
      ),
    ).toBeCloseTo(expected[2]!, 9);
  });

  it('1 t of LPG: TNT equivalent, death, injury and property radii', () => {
    const w = (1.8 * 0.04 * 1000 * 46350) / 4520; // 738.3 kg TNT
    expect(tntEquivalentKg({ massKg: 1000, heatOfCombustion: 46350, yieldFactor: 0.04 })).toBeCloseTo(w, 9);
    expect(deathRadius(w)).toBeCloseTo(13.6 * (w / 1000) ** 0.37, 9);
    expect(propertyDamageRadius(w)).toBeCloseTo((5.6 * Math.cbrt(w)) / (1 + (3175 / w) ** 2) ** (1 / 6), 9);
    const scale = Math.cbrt((w * 4520 * 1000) / 101325);
    const kinneyGraham = (z: number) => 0.137 / z ** 3 + 0.119 / z ** 2 + 0.269 / z - 0.019;
    for (const pa of [44000, 17000]) {
      const r = overpressureRadius(w, pa);
      expect(kinneyGraham(r / scale)).toBeCloseTo(pa / 101325, 6);
    }
    // By hand: ΔP/P₀ = 0.434 at Z ≈ 1.09 and 0.168 at Z ≈ 1.96.
    expect(overpressureRadius(w, 44000) / scale).toBeCloseTo(1.09, 2);
    expect(overpressureRadius(w, 17000) / scale).toBeCloseTo(1.96, 2);
  });
});

describe('stability from Pasquill’s table', () => {
  it('reads the table', () => {
    expect(pasquillClasses(1.5, { daytime: true, insolation: 'strong' })).toEqual(['A']);
    expect(pasquillClasses(2.5, { daytime: true, insolation: 'strong' })).toEqual(['A', 'B']);
    expect(pasquillClasses(4, { daytime: true, insolation: 'moderate' })).toEqual(['B', 'C']);
    expect(pasquillClasses(7, { daytime: true, insolation: 'slight' })).toEqual(['D']);
    expect(pasquillClasses(2.5, { daytime: false, cloudOktas: 2 })).toEqual(['F']);
    expect(pasquillClasses(2.5, { daytime: false, cloudOktas: 5 })).toEqual(['E']);
    expect(pasquillClasses(4, { daytime: false, cloudOktas: 1 })).toEqual(['E']);
    expect(pasquillClasses(3, { daytime: false, cloudOktas: 8 })).toEqual(['D']);
    expect(pasquillClasses(1, { daytime: true, insolation: 'strong', overcast: true })).toEqual(['D']);
  });

  it('suggests the more stable class where two are allowed', () => {
    expect(suggestStability(2.5, { daytime: true, insolation: 'strong' })).toBe('B');
  });
});

describe('inputs', () => {
  it('names every bad field', () => {
    const check = checkModelInputs({ model: 'plume', substance: 'water', windSpeedMS: 0.5 });
    expect(check.ok).toBe(false);
    const fields = check.ok ? [] : check.errors.map((e) => e.split(':')[0]);
    expect(fields).toEqual(
      expect.arrayContaining(['source', 'substance', 'windSpeedMS', 'windFromDeg', 'stability', 'terrain']),
    );
  });

  it('turns a mass over a duration into a rate', () => {
    const check = checkModelInputs({ ...chlorine(), releaseRateKgS: undefined, massKg: 600, durationS: 300 });
    expect(check.ok && check.inputs.model === 'plume' && check.inputs.releaseRateKgS).toBe(2);
  });
});

describe('properties', () => {
  const cls = fc.constantFrom(...STABILITY_CLASSES);
  const terrain = fc.constantFrom('open' as const, 'urban' as const);

  it('concentration grows with the release rate', () => {
    fc.assert(
      fc.property(
        cls,
        terrain,
        fc.double({ min: 0.01, max: 100, noNaN: true }),
        fc.double({ min: 1.01, max: 10, noNaN: true }),
        fc.double({ min: 10, max: 20000, noNaN: true }),
        (stability, t, rate, factor, x) => {
          const c = { ...ground(stability), terrain: t };
          return plumeConcentration(rate * factor, c, x, 0) > plumeConcentration(rate, c, x, 0);
        },
      ),
    );
  });

  it('a ground release falls off with distance, along and across the wind', () => {
    fc.assert(
      fc.property(
        cls,
        terrain,
        fc.double({ min: 1, max: 20000, noNaN: true }),
        fc.double({ min: 1.01, max: 5, noNaN: true }),
        fc.double({ min: 0, max: 500, noNaN: true }),
        (stability, t, x, factor, y) => {
          const c = { ...ground(stability), terrain: t };
          return (
            // Off the axis a widening plume can bring more gas farther out: along the centreline only.
            plumeConcentration(1, c, x * factor, 0) < plumeConcentration(1, c, x, 0) &&
            plumeConcentration(1, c, x, y + 10) <= plumeConcentration(1, c, x, y)
          );
        },
      ),
    );
  });

  it('footprints reach farther with a larger release', () => {
    fc.assert(
      fc.property(
        cls,
        fc.double({ min: 0.05, max: 5, noNaN: true }),
        fc.double({ min: 1.5, max: 10, noNaN: true }),
        (stability, rate, factor) => {
          const small = modelZones(chlorine({ stability, releaseRateKgS: rate }));
          const large = modelZones(chlorine({ stability, releaseRateKgS: rate * factor }));
          return small.every((z) => {
            const big = large.find((l) => l.level === z.level);
            return big !== undefined && big.extentM! >= z.extentM!;
          });
        },
      ),
      { numRuns: 40 },
    );
  });

  it('a more stable class carries more gas to the far field and reaches farther', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 4 }),
        fc.double({ min: 2000, max: 20000, noNaN: true }),
        fc.double({ min: 0.1, max: 10, noNaN: true }),
        (i, x, rate) => {
          const [less, more] = [STABILITY_CLASSES[i]!, STABILITY_CLASSES[i + 1]!];
          const inputs = (stability: StabilityClass) => chlorine({ stability, releaseRateKgS: rate });
          const extent = (z: ModelInputs) =>
            modelZones(z).find((zone) => zone.level === 'AEGL-1')?.extentM ?? 0;
          return (
            plumeConcentration(rate, ground(more), x, 0) > plumeConcentration(rate, ground(less), x, 0) &&
            extent(inputs(more)) >= extent(inputs(less))
          );
        },
      ),
      { numRuns: 40 },
    );
  });
});
