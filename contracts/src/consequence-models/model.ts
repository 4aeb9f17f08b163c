/**
 * A consequence model run from its inputs: validation naming each bad field, the threat zones
 * (closed [lng, lat] polygons, worst first) and what the model says at any point. Pure, so the
 * server stores what the console would compute and the console reads any clicked point.
 */
import type { ConsequenceModel, ThreatZone, ThreatZoneGeometry } from '../consequences.js';
import { CONSEQUENCE_MODELS } from '../consequences.js';
import {
  STABILITY_CLASSES,
  TERRAINS,
  briggsSigmas,
  gaussianFootprint,
  plumeConcentration,
  puffPeakConcentration,
  type DispersionConditions,
  type StabilityClass,
  type Terrain,
} from './dispersion.js';
import {
  DEFAULT_VCE_YIELD,
  OVERPRESSURE_LEVELS,
  RADIATION_LEVELS,
  overpressureAt,
  poolFireFlux,
  poolFireRadius,
  tntEquivalentKg,
  vceRadii,
  type PoolFire,
} from './fire-explosion.js';
import { circleRing, fromWindFrame, lngLatToOffset, toWindFrame, type LatLng } from './geo.js';
import {
  AEGL_LEVELS,
  FUELS,
  TOXIC_SUBSTANCES,
  fuel,
  mgM3ToPpm,
  ppmToMgM3,
  toxicSubstance,
} from './substances.js';

interface DispersionInputs {
  source: LatLng;
  substance: string;
  sourceHeightM: number;
  windSpeedMS: number;
  /** Where the wind blows from, degrees clockwise from north. */
  windFromDeg: number;
  stability: StabilityClass;
  terrain: Terrain;
}
export interface PlumeInputs extends DispersionInputs {
  model: 'plume';
  releaseRateKgS: number;
  durationS: number;
}
export interface PuffInputs extends DispersionInputs {
  model: 'puff';
  massKg: number;
}
export interface PoolFireInputs {
  model: 'pool_fire';
  source: LatLng;
  fuel: string;
  poolAreaM2: number;
  radiativeFraction: number;
}
export interface VceInputs {
  model: 'vce';
  source: LatLng;
  fuel: string;
  massKg: number;
  yieldFactor: number;
}
export type ModelInputs = PlumeInputs | PuffInputs | PoolFireInputs | VceInputs;

/** Bounds of each input, so the console's form and the server refuse the same things. */
export const INPUT_LIMITS = {
  releaseRateKgS: [0.001, 10_000],
  durationS: [1, 86_400],
  massKg: [0.001, 1_000_000],
  sourceHeightM: [0, 300],
  /** Below 1 m/s the Gaussian model does not hold (calm: the gas pools and meanders). */
  windSpeedMS: [1, 30],
  windFromDeg: [0, 360],
  poolAreaM2: [0.1, 100_000],
  radiativeFraction: [0.1, 0.4],
  yieldFactor: [0.01, 0.2],
} as const;
export const DEFAULT_RADIATIVE_FRACTION = 0.35;

type Raw = Record<string, unknown>;
export type InputCheck = { ok: true; inputs: ModelInputs } | { ok: false; errors: string[] };

/** Checks raw inputs (a request body, a form) and fills defaults; errors are `field: problem`. */
export function checkModelInputs(raw: Raw): InputCheck {
  const errors: string[] = [];
  const model = raw.model as ConsequenceModel;
  if (!CONSEQUENCE_MODELS.includes(model)) {
    return { ok: false, errors: [`model: must be one of ${CONSEQUENCE_MODELS.join(', ')}`] };
  }
  const num = (field: keyof typeof INPUT_LIMITS, fallback?: number): number => {
    const v = raw[field] ?? fallback;
    const [min, max] = INPUT_LIMITS[field];
    if (typeof v !== 'number' || !Number.isFinite(v)) errors.push(`${field}: must be a number`);
    else if (v < min || v > max) errors.push(`${field}: must be between ${min} and ${max}`);
    return v as number;
  };
  const oneOf = <T extends string>(field: string, allowed: readonly T[]): T => {
    const v = raw[field] as T;
    if (!allowed.includes(v)) errors.push(`${field}: must be one of ${allowed.join(', ')}`);
    return v;
  };
  const src = raw.source as Partial<LatLng> | undefined;
  const source = { lat: Number(src?.lat), lng: Number(src?.lng) };
  if (
    typeof src !== 'object' ||
    src === null ||
    typeof src.lat !== 'number' ||
    typeof src.lng !== 'number' ||
    Math.abs(src.lat) > 85 ||
    Math.abs(src.lng) > 180
  ) {
    errors.push('source: must be { lat, lng } in degrees');
  }
  let inputs: ModelInputs;
  if (model === 'plume' || model === 'puff') {
    const base: DispersionInputs = {
      source,
      substance: oneOf(
        'substance',
        TOXIC_SUBSTANCES.map((s) => s.id),
      ),
      sourceHeightM: num('sourceHeightM', 0),
      windSpeedMS: num('windSpeedMS'),
      windFromDeg: num('windFromDeg'),
      stability: oneOf('stability', STABILITY_CLASSES),
      terrain: oneOf('terrain', TERRAINS),
    };
    if (model === 'puff') inputs = { model, ...base, massKg: num('massKg') };
    else {
      const durationS = num('durationS');
      // A release given as a mass over a duration is the same steady plume at mass/duration.
      const releaseRateKgS =
        raw.releaseRateKgS === undefined && typeof raw.massKg === 'number' && durationS > 0
          ? Number((raw.massKg / durationS).toPrecision(6))
          : num('releaseRateKgS');
      if (raw.releaseRateKgS === undefined && raw.massKg !== undefined) {
        const [min, max] = INPUT_LIMITS.releaseRateKgS;
        if (!(releaseRateKgS >= min && releaseRateKgS <= max))
          errors.push(`massKg: over durationS must give a rate between ${min} and ${max} kg/s`);
      }
      inputs = { model, ...base, releaseRateKgS, durationS };
    }
  } else if (model === 'pool_fire') {
    inputs = {
      model,
      source,
      fuel: oneOf(
        'fuel',
        FUELS.filter((f) => f.burningRate !== null).map((f) => f.id),
      ),
      poolAreaM2: num('poolAreaM2'),
      radiativeFraction: num('radiativeFraction', DEFAULT_RADIATIVE_FRACTION),
    };
  } else {
    inputs = {
      model,
      source,
      fuel: oneOf(
        'fuel',
        FUELS.map((f) => f.id),
      ),
      massKg: num('massKg'),
      yieldFactor: num('yieldFactor', DEFAULT_VCE_YIELD),
    };
  }
  return errors.length ? { ok: false, errors } : { ok: true, inputs };
}

/** A threat zone before it belongs to a run (the run's id and the zone's are the server's). */
export type ModelZone = Omit<ThreatZone, 'id' | 'modelRunId'>;

function conditions(i: DispersionInputs): DispersionConditions {
  return {
    windSpeedMS: i.windSpeedMS,
    sourceHeightM: i.sourceHeightM,
    stability: i.stability,
    terrain: i.terrain,
  };
}

/** Ground-level concentration (mg/m³; for a puff, the peak as it passes) at x downwind, y across. */
function dispersionAt(i: PlumeInputs | PuffInputs, x: number, y: number): number {
  return i.model === 'plume'
    ? plumeConcentration(i.releaseRateKgS, conditions(i), x, y)
    : puffPeakConcentration(i.massKg, conditions(i), x, y);
}

function polygon(ring: number[][]): ThreatZoneGeometry {
  return { type: 'Polygon', coordinates: [ring] };
}

const round = (v: number, digits = 0) => Number(v.toFixed(digits));

/** The run's threat zones, worst first; a level the release never reaches has none. */
export function modelZones(inputs: ModelInputs): ModelZone[] {
  switch (inputs.model) {
    case 'plume':
    case 'puff': {
      const substance = toxicSubstance(inputs.substance)!;
      const zones: ModelZone[] = [];
      AEGL_LEVELS.forEach((level, index) => {
        const ppm = substance.aegl60[level];
        if (ppm === null) return;
        const fp = gaussianFootprint(
          (x) => dispersionAt(inputs, x, 0),
          (x) => briggsSigmas(x, inputs.stability, inputs.terrain).sy,
          ppmToMgM3(ppm, substance.molecularWeight),
        );
        if (!fp) return;
        const ring = fp.outline.map(([x, y]) => fromWindFrame(inputs.source, x, y, inputs.windFromDeg));
        ring[ring.length - 1] = ring[0]!;
        zones.push({
          model: inputs.model,
          level,
          rank: index + 1,
          geometry: polygon(ring),
          extentM: round(fp.toM),
          widthM: round(fp.maxWidthM),
          threshold: { value: ppm, unit: 'ppm' },
          arrivalSeconds: round(fp.toM / inputs.windSpeedMS),
          truncated: fp.truncated,
        });
      });
      return zones.map((z, i) => ({ ...z, rank: i + 1 }));
    }
    case 'pool_fire': {
      const fire = poolFire(inputs);
      return RADIATION_LEVELS.map(({ level, fluxKwM2 }, i) => {
        const r = poolFireRadius(fire, fluxKwM2);
        return {
          model: inputs.model,
          level,
          rank: i + 1,
          geometry: polygon(circleRing(inputs.source, r)),
          extentM: round(r, 1),
          threshold: { value: fluxKwM2, unit: 'kW/m2' as const },
        };
      });
    }
    case 'vce': {
      const tnt = vceTnt(inputs);
      const radii = vceRadii(tnt);
      return OVERPRESSURE_LEVELS.map(({ level, pressurePa }, i) => ({
        model: inputs.model,
        level,
        rank: i + 1,
        geometry: polygon(circleRing(inputs.source, radii[level])),
        extentM: round(radii[level], 1),
        ...(pressurePa === null ? {} : { threshold: { value: pressurePa, unit: 'Pa' as const } }),
      }));
    }
  }
}

export function poolFire(i: PoolFireInputs): PoolFire {
  const f = fuel(i.fuel)!;
  return {
    areaM2: i.poolAreaM2,
    burningRate: f.burningRate!,
    heatOfCombustion: f.heatOfCombustion,
    radiativeFraction: i.radiativeFraction,
  };
}

export function vceTnt(i: VceInputs): number {
  return tntEquivalentKg({
    massKg: i.massKg,
    heatOfCombustion: fuel(i.fuel)!.heatOfCombustion,
    yieldFactor: i.yieldFactor,
  });
}

export interface PointReadout {
  distanceM: number;
  quantity: 'concentration' | 'radiation' | 'overpressure';
  /** ppm, kW/m² or Pa; `null` where the model does not answer (the blast fit's range). */
  value: number | null;
  unit: 'ppm' | 'kW/m2' | 'Pa';
  /** The concentration in mg/m³ too. */
  mgM3?: number;
  /** Seconds after the release the gas arrives (dispersion; `null` upwind). */
  arrivalSeconds?: number | null;
  /** Seconds after the release a plume has passed (its duration after arriving). */
  clearsSeconds?: number | null;
  /** The worst level whose zone holds the point, or `null`. */
  level: string | null;
}

/** What the model says at a point: the concentration and arrival, the heat flux, or the overpressure. */
export function readoutAt(
  inputs: ModelInputs,
  point: LatLng,
  zones: ModelZone[] = modelZones(inputs),
): PointReadout {
  const { eastM, northM } = lngLatToOffset(inputs.source, point);
  const distanceM = round(Math.hypot(eastM, northM), 1);
  switch (inputs.model) {
    case 'plume':
    case 'puff': {
      const substance = toxicSubstance(inputs.substance)!;
      const { x, y } = toWindFrame(inputs.source, point, inputs.windFromDeg);
      const mgM3 = dispersionAt(inputs, x, y);
      const ppm = mgM3ToPpm(mgM3, substance.molecularWeight);
      const arrival = x > 0 ? x / inputs.windSpeedMS : null;
      const level = zones.find((z) => z.threshold && ppm >= z.threshold.value)?.level ?? null;
      return {
        distanceM,
        quantity: 'concentration',
        value: ppm,
        unit: 'ppm',
        mgM3,
        arrivalSeconds: arrival === null ? null : round(arrival),
        clearsSeconds: arrival === null || inputs.model === 'puff' ? null : round(arrival + inputs.durationS),
        level,
      };
    }
    case 'pool_fire': {
      const flux = poolFireFlux(poolFire(inputs), distanceM);
      return {
        distanceM,
        quantity: 'radiation',
        value: flux,
        unit: 'kW/m2',
        level: zones.find((z) => z.threshold && flux >= z.threshold.value)?.level ?? null,
      };
    }
    case 'vce':
      return {
        distanceM,
        quantity: 'overpressure',
        value: overpressureAt(vceTnt(inputs), distanceM),
        unit: 'Pa',
        level: zones.find((z) => distanceM <= (z.extentM ?? 0))?.level ?? null,
      };
  }
}

/** A short title of the run, in the language of whoever reads or ran it. */
export function describeModelInputs(i: ModelInputs, lang: 'zh-CN' | 'en'): string {
  const zh = lang === 'zh-CN';
  switch (i.model) {
    case 'plume': {
      const s = toxicSubstance(i.substance)!;
      return zh
        ? `${s.name.zh}连续泄漏 ${i.releaseRateKgS} kg/s，${i.durationS} 秒（烟羽模型）`
        : `${s.name.en} release ${i.releaseRateKgS} kg/s for ${i.durationS} s (plume)`;
    }
    case 'puff': {
      const s = toxicSubstance(i.substance)!;
      return zh
        ? `${s.name.zh}瞬时泄漏 ${i.massKg} kg（烟团模型）`
        : `${s.name.en} instantaneous release ${i.massKg} kg (puff)`;
    }
    case 'pool_fire': {
      const f = fuel(i.fuel)!;
      return zh ? `${f.name.zh}池火 ${i.poolAreaM2} m²` : `${f.name.en} pool fire ${i.poolAreaM2} m²`;
    }
    case 'vce': {
      const f = fuel(i.fuel)!;
      return zh
        ? `${f.name.zh}蒸气云爆炸 ${i.massKg} kg`
        : `${f.name.en} vapour cloud explosion ${i.massKg} kg`;
    }
  }
}
