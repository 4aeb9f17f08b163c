/**
 * Fire and explosion screening models. Sources and limits: docs/consequence-models.md.
 */

/** Thermal radiation levels (kW/m²), worst first: equipment damage / lethal in about a minute; 1 % lethality in a minute; pain after about 20 s. */
export const RADIATION_LEVELS = [
  { level: 'kw_37_5', fluxKwM2: 37.5 },
  { level: 'kw_12_5', fluxKwM2: 12.5 },
  { level: 'kw_4', fluxKwM2: 4 },
] as const;

export interface PoolFire {
  /** Pool area, m². */
  areaM2: number;
  /** Mass burning rate, kg/(m²·s). */
  burningRate: number;
  /** Heat of combustion, kJ/kg. */
  heatOfCombustion: number;
  /** Fraction of the heat released that is radiated (CCPS gives 0.15–0.35). */
  radiativeFraction: number;
}

/** Heat radiated by the fire, kW: η · m″ · A · ΔHc. */
export function poolFireRadiatedKw(f: PoolFire): number {
  return f.radiativeFraction * f.burningRate * f.areaM2 * f.heatOfCombustion;
}

/**
 * Point-source model (CCPS 2000, §2.2.5): the radiated heat spreads over a sphere,
 * q(r) = τ · η m″ A ΔHc / (4π r²), kW/m², with the atmosphere's transmissivity τ taken as 1
 * (no absorption: the conservative side).
 */
export function poolFireFlux(f: PoolFire, distanceM: number): number {
  if (!(distanceM > 0)) return Infinity;
  return poolFireRadiatedKw(f) / (4 * Math.PI * distanceM * distanceM);
}

/** Distance (m) at which the flux falls to `fluxKwM2`: r = √(η m″ A ΔHc / (4π q)). */
export function poolFireRadius(f: PoolFire, fluxKwM2: number): number {
  return Math.sqrt(poolFireRadiatedKw(f) / (4 * Math.PI * fluxKwM2));
}

/** Blast energy of TNT, kJ/kg, as the TNT-equivalence method of the 安全评价 textbook uses it. */
export const TNT_HEAT_KJ_KG = 4520;
/** Ambient pressure, Pa. */
export const AMBIENT_PA = 101_325;
/** Ground-burst factor of the same method (a blast on the ground reflects its energy upward). */
export const GROUND_BURST_FACTOR = 1.8;
/** Default TNT equivalence (yield) factor of a vapour cloud: 4 % of its heat of combustion. */
export const DEFAULT_VCE_YIELD = 0.04;

/** Overpressure levels of the Chinese practice, worst first (Pa; `null`: given by its own radius formula). */
export const OVERPRESSURE_LEVELS = [
  { level: 'overpressure_death', pressurePa: null },
  { level: 'overpressure_serious_injury', pressurePa: 44_000 },
  { level: 'overpressure_light_injury', pressurePa: 17_000 },
  { level: 'overpressure_property_damage', pressurePa: null },
] as const;
export type OverpressureLevel = (typeof OVERPRESSURE_LEVELS)[number]['level'];

export interface VapourCloud {
  /** Flammable mass in the cloud, kg. */
  massKg: number;
  heatOfCombustion: number;
  /** TNT equivalence factor α. */
  yieldFactor: number;
}

/** TNT equivalent mass, kg: W_TNT = 1.8 · α · W_f · Q_f / Q_TNT. */
export function tntEquivalentKg(c: VapourCloud): number {
  return (GROUND_BURST_FACTOR * c.yieldFactor * c.massKg * c.heatOfCombustion) / TNT_HEAT_KJ_KG;
}

/**
 * Scaled overpressure ΔP/P₀ at scaled distance Z = R / (E/P₀)^{1/3} (E the blast energy, J):
 * ΔP/P₀ = 0.137 Z⁻³ + 0.119 Z⁻² + 0.269 Z⁻¹ − 0.019, fitted for 1 ≤ Z ≤ 10.
 */
export function scaledOverpressure(z: number): number {
  return 0.137 / z ** 3 + 0.119 / z ** 2 + 0.269 / z - 0.019;
}

/** (E/P₀)^{1/3}, m: the length the distance is scaled by. */
export function blastLengthM(tntKg: number): number {
  return ((tntKg * TNT_HEAT_KJ_KG * 1000) / AMBIENT_PA) ** (1 / 3);
}

export const Z_MIN = 1;
export const Z_MAX = 10;

/** Overpressure (Pa) at a distance, or `null` outside the fit's range of Z. */
export function overpressureAt(tntKg: number, distanceM: number): number | null {
  const z = distanceM / blastLengthM(tntKg);
  if (z < Z_MIN || z > Z_MAX) return null;
  return scaledOverpressure(z) * AMBIENT_PA;
}

/** The radius at which the overpressure falls to `pressurePa`, by bisection on the fit (decreasing in Z). */
export function overpressureRadius(tntKg: number, pressurePa: number): number {
  const target = pressurePa / AMBIENT_PA;
  let [lo, hi] = [Z_MIN, Z_MAX];
  if (scaledOverpressure(lo) <= target) return lo * blastLengthM(tntKg);
  if (scaledOverpressure(hi) >= target) return hi * blastLengthM(tntKg);
  for (let i = 0; i < 60; i++) {
    const mid = (lo + hi) / 2;
    if (scaledOverpressure(mid) > target) lo = mid;
    else hi = mid;
  }
  return ((lo + hi) / 2) * blastLengthM(tntKg);
}

/** Death radius (50 % lethality), m: R₀.₅ = 13.6 (W_TNT/1000)^0.37. */
export function deathRadius(tntKg: number): number {
  return 13.6 * (tntKg / 1000) ** 0.37;
}

/** Property damage radius, m: R = K_II · W^{1/3} / [1 + (3175/W)²]^{1/6}, K_II = 5.6. */
export function propertyDamageRadius(tntKg: number): number {
  return (5.6 * tntKg ** (1 / 3)) / (1 + (3175 / tntKg) ** 2) ** (1 / 6);
}

export function vceRadii(tntKg: number): Record<OverpressureLevel, number> {
  return {
    overpressure_death: deathRadius(tntKg),
    overpressure_serious_injury: overpressureRadius(tntKg, 44_000),
    overpressure_light_injury: overpressureRadius(tntKg, 17_000),
    overpressure_property_damage: propertyDamageRadius(tntKg),
  };
}
