/**
 * Gaussian dispersion of a neutrally buoyant gas from a point source, with ground reflection:
 * the continuous plume and the instantaneous puff. Dispersion coefficients are Briggs' (1973)
 * fits of the Pasquill–Gifford curves, open country and urban, as tabulated in Turner's
 * Workbook of Atmospheric Dispersion Estimates (2nd ed., 1994) and CCPS, Guidelines for Chemical
 * Process Quantitative Risk Analysis (2nd ed., 2000), Table 2.13. The formulas and their limits
 * are in docs/consequence-models.md.
 */
export const STABILITY_CLASSES = ['A', 'B', 'C', 'D', 'E', 'F'] as const;
export type StabilityClass = (typeof STABILITY_CLASSES)[number];
export const TERRAINS = ['open', 'urban'] as const;
export type Terrain = (typeof TERRAINS)[number];

type Sigma = (x: number) => number;
const inv =
  (a: number, b: number): Sigma =>
  (x) =>
    a * x * (1 + b * x) ** -0.5;

/** σy and σz (m) at x metres downwind, Briggs (1973). */
const BRIGGS: Record<Terrain, Record<StabilityClass, { y: Sigma; z: Sigma }>> = {
  open: {
    A: { y: inv(0.22, 0.0001), z: (x) => 0.2 * x },
    B: { y: inv(0.16, 0.0001), z: (x) => 0.12 * x },
    C: { y: inv(0.11, 0.0001), z: inv(0.08, 0.0002) },
    D: { y: inv(0.08, 0.0001), z: inv(0.06, 0.0015) },
    E: { y: inv(0.06, 0.0001), z: (x) => (0.03 * x) / (1 + 0.0003 * x) },
    F: { y: inv(0.04, 0.0001), z: (x) => (0.016 * x) / (1 + 0.0003 * x) },
  },
  urban: {
    A: { y: inv(0.32, 0.0004), z: (x) => 0.24 * x * (1 + 0.001 * x) ** 0.5 },
    B: { y: inv(0.32, 0.0004), z: (x) => 0.24 * x * (1 + 0.001 * x) ** 0.5 },
    C: { y: inv(0.22, 0.0004), z: (x) => 0.2 * x },
    D: { y: inv(0.16, 0.0004), z: inv(0.14, 0.0003) },
    E: { y: inv(0.11, 0.0004), z: inv(0.08, 0.0015) },
    F: { y: inv(0.11, 0.0004), z: inv(0.08, 0.0015) },
  },
};

export function briggsSigmas(
  x: number,
  stability: StabilityClass,
  terrain: Terrain,
): { sy: number; sz: number } {
  const c = BRIGGS[terrain][stability];
  return { sy: c.y(x), sz: c.z(x) };
}

export interface DispersionConditions {
  /** m/s at 10 m. */
  windSpeedMS: number;
  /** Height of the release above ground, m. */
  sourceHeightM: number;
  stability: StabilityClass;
  terrain: Terrain;
}

/**
 * Ground-level concentration (mg/m³) of a continuous release of `rateKgS` at x metres downwind
 * and y across: C = Q / (π u σy σz) · exp(−y²/2σy²) · exp(−H²/2σz²) (the plume formula at z = 0,
 * its two reflection terms equal). Nothing reaches upwind of the source.
 */
export function plumeConcentration(rateKgS: number, c: DispersionConditions, x: number, y: number): number {
  if (!(x > 0)) return 0;
  const { sy, sz } = briggsSigmas(x, c.stability, c.terrain);
  const q = rateKgS * 1e6;
  return (
    (q / (Math.PI * c.windSpeedMS * sy * sz)) *
    Math.exp(-(y * y) / (2 * sy * sy)) *
    Math.exp(-(c.sourceHeightM * c.sourceHeightM) / (2 * sz * sz))
  );
}

/**
 * The highest ground-level concentration (mg/m³) an instantaneous release of `massKg` brings to
 * a point x downwind and y across, as the puff's centre passes it at t = x/u:
 * C = 2M / ((2π)^{3/2} σx σy σz) · exp(−y²/2σy²) · exp(−H²/2σz²), with σx = σy and the plume's
 * Briggs coefficients (a screening choice: puff coefficients are smaller, see the docs).
 */
export function puffPeakConcentration(massKg: number, c: DispersionConditions, x: number, y: number): number {
  if (!(x > 0)) return 0;
  const { sy, sz } = briggsSigmas(x, c.stability, c.terrain);
  const m = massKg * 1e6;
  return (
    ((2 * m) / ((2 * Math.PI) ** 1.5 * sy * sy * sz)) *
    Math.exp(-(y * y) / (2 * sy * sy)) *
    Math.exp(-(c.sourceHeightM * c.sourceHeightM) / (2 * sz * sz))
  );
}

/** Beyond this a footprint is cut and flagged: Briggs' fits are for 100 m to 10 km. */
export const MAX_DOWNWIND_M = 10_000;
const MIN_DOWNWIND_M = 1;
const SAMPLES = 240;

export interface Footprint {
  /** Nearest and farthest distance downwind where the centreline exceeds the threshold, m. */
  fromM: number;
  toM: number;
  /** The widest the footprint gets, m (full width). */
  maxWidthM: number;
  /** Reached the model's distance limit while still above the threshold. */
  truncated: boolean;
  /** The outline in the wind frame: [x downwind, y across], closed. */
  outline: [number, number][];
}

/**
 * Where a concentration field with a Gaussian crosswind profile exceeds `threshold`: at each
 * distance x with centreline C(x) above it, the half-width is σy·√(2 ln(C(x)/threshold)).
 * Distances are sampled on a logarithmic scale and the ends found by bisection. `null` when the
 * threshold is never reached.
 */
export function gaussianFootprint(
  centreline: (x: number) => number,
  sigmaY: (x: number) => number,
  threshold: number,
): Footprint | null {
  const logMin = Math.log(MIN_DOWNWIND_M);
  const logMax = Math.log(MAX_DOWNWIND_M);
  const xs = Array.from({ length: SAMPLES + 1 }, (_, i) =>
    Math.exp(logMin + ((logMax - logMin) * i) / SAMPLES),
  );
  const above = xs.map((x) => centreline(x) > threshold);
  const first = above.indexOf(true);
  if (first < 0) return null;
  const last = above.lastIndexOf(true);
  const edge = (inside: number, outside: number) => {
    let [a, b] = [inside, outside];
    for (let i = 0; i < 50; i++) {
      const m = Math.sqrt(a * b);
      if (centreline(m) > threshold) a = m;
      else b = m;
    }
    return a;
  };
  const fromM = first === 0 ? xs[0]! : edge(xs[first]!, xs[first - 1]!);
  const truncated = last === SAMPLES;
  const toM = truncated ? xs[SAMPLES]! : edge(xs[last]!, xs[last + 1]!);
  const halfWidth = (x: number) => {
    const ratio = centreline(x) / threshold;
    return ratio > 1 ? sigmaY(x) * Math.sqrt(2 * Math.log(ratio)) : 0;
  };
  const steps = 96;
  const along = Array.from({ length: steps + 1 }, (_, i) => fromM * (toM / fromM) ** (i / steps));
  const side = along.map((x) => [x, halfWidth(x)] as [number, number]);
  const outline: [number, number][] = [
    ...side.map(([x, w]) => [x, w] as [number, number]),
    ...side
      .slice()
      .reverse()
      .map(([x, w]) => [x, -w] as [number, number]),
  ];
  outline.push(outline[0]!);
  return {
    fromM,
    toM,
    maxWidthM: 2 * Math.max(...side.map(([, w]) => w)),
    truncated,
    outline,
  };
}

export const INSOLATIONS = ['strong', 'moderate', 'slight'] as const;
export type Insolation = (typeof INSOLATIONS)[number];

/**
 * Pasquill's table (Pasquill 1961, as in Turner 1994 Table 2-1): the classes it allows for a
 * surface wind speed (m/s at 10 m) and the day's insolation or the night's cloud. Where it
 * gives two (A–B), both; where it gives none (a calm night), F, the most stable class a
 * screening model should assume. Overcast (8/8) is D by day or night.
 */
export function pasquillClasses(
  windSpeedMS: number,
  sky: { daytime: true; insolation: Insolation; overcast?: boolean } | { daytime: false; cloudOktas: number },
): StabilityClass[] {
  const band = windSpeedMS < 2 ? 0 : windSpeedMS < 3 ? 1 : windSpeedMS < 5 ? 2 : windSpeedMS < 6 ? 3 : 4;
  if (sky.daytime) {
    if (sky.overcast) return ['D'];
    const day: Record<Insolation, StabilityClass[][]> = {
      strong: [['A'], ['A', 'B'], ['B'], ['C'], ['C']],
      moderate: [['A', 'B'], ['B'], ['B', 'C'], ['C', 'D'], ['D']],
      slight: [['B'], ['C'], ['C'], ['D'], ['D']],
    };
    return day[sky.insolation][band]!;
  }
  if (sky.cloudOktas >= 8) return ['D'];
  const cloudy: StabilityClass[][] = [['F'], ['E'], ['D'], ['D'], ['D']];
  const clear: StabilityClass[][] = [['F'], ['F'], ['E'], ['D'], ['D']];
  return (sky.cloudOktas >= 4 ? cloudy : clear)[band]!;
}

/**
 * One class to start from: of those the table allows, the more stable, whose ground-level
 * footprint of a low release reaches farther (the conservative side for a warning).
 */
export function suggestStability(...args: Parameters<typeof pasquillClasses>): StabilityClass {
  const classes = pasquillClasses(...args);
  return classes[classes.length - 1]!;
}

/**
 * From cloud cover to Pasquill's daytime insolation, for a sun well above the horizon (the
 * zone's working hours): clear to 2/8 strong, up to 5/8 moderate, more slight, 8/8 overcast.
 */
export function insolationFromCloud(cloudOktas: number): { insolation: Insolation; overcast: boolean } {
  if (cloudOktas >= 8) return { insolation: 'slight', overcast: true };
  if (cloudOktas <= 2) return { insolation: 'strong', overcast: false };
  if (cloudOktas <= 5) return { insolation: 'moderate', overcast: false };
  return { insolation: 'slight', overcast: false };
}
