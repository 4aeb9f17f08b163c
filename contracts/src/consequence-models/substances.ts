/**
 * The substances the dispersion models know, with the 60-minute Acute Exposure Guideline Levels
 * (AEGL) the footprints are drawn at, and the fuels of the fire and explosion models. Every value
 * names where it comes from; a value is changed only with its source.
 */

/** Molar volume of an ideal gas at 25 °C and 101.325 kPa (L/mol): mg/m³ = ppm × M / 24.45. */
export const MOLAR_VOLUME_L = 24.45;

export const AEGL_LEVELS = ['AEGL-3', 'AEGL-2', 'AEGL-1'] as const;
export type AeglLevel = (typeof AEGL_LEVELS)[number];

export interface ToxicSubstance {
  id: string;
  /** Chinese and English names, for the console and the record. */
  name: { zh: string; en: string };
  cas: string;
  /** g/mol. */
  molecularWeight: number;
  /** Denser than air (molecular weight above 29): the plume's neutral-buoyancy assumption fails near the source. */
  dense: boolean;
  /** 60-minute AEGL in ppm; `null` where EPA did not recommend one (insufficient data). */
  aegl60: Record<AeglLevel, number | null>;
  /** `final` or `interim`, as EPA's AEGL table marks the chemical. */
  aeglStatus: 'final' | 'interim';
  source: string;
}

const EPA_AEGL = 'US EPA, Acute Exposure Guideline Levels (AEGLs) values table, 60-minute column';
const PUBCHEM = 'molecular weight: PubChem';

/** Ordered as the zone's enterprises hold them: chlorine first (the demo's drill). */
export const TOXIC_SUBSTANCES: readonly ToxicSubstance[] = [
  {
    id: 'chlorine',
    name: { zh: '氯气', en: 'Chlorine' },
    cas: '7782-50-5',
    molecularWeight: 70.9,
    dense: true,
    aegl60: { 'AEGL-1': 0.5, 'AEGL-2': 2, 'AEGL-3': 20 },
    aeglStatus: 'final',
    source: `${EPA_AEGL} (NRC, AEGLs for Selected Airborne Chemicals, Vol. 4, 2004); ${PUBCHEM}`,
  },
  {
    id: 'ammonia',
    name: { zh: '氨', en: 'Ammonia' },
    cas: '7664-41-7',
    molecularWeight: 17.03,
    dense: false,
    aegl60: { 'AEGL-1': 30, 'AEGL-2': 160, 'AEGL-3': 1100 },
    aeglStatus: 'final',
    source: `${EPA_AEGL} (NRC, Vol. 6, 2008); ${PUBCHEM}`,
  },
  {
    id: 'hydrogen_sulfide',
    name: { zh: '硫化氢', en: 'Hydrogen sulfide' },
    cas: '7783-06-4',
    molecularWeight: 34.08,
    dense: true,
    aegl60: { 'AEGL-1': 0.51, 'AEGL-2': 27, 'AEGL-3': 50 },
    aeglStatus: 'final',
    source: `${EPA_AEGL} (NRC, Vol. 9, 2010); ${PUBCHEM}`,
  },
  {
    id: 'hydrogen_chloride',
    name: { zh: '氯化氢', en: 'Hydrogen chloride' },
    cas: '7647-01-0',
    molecularWeight: 36.46,
    dense: true,
    aegl60: { 'AEGL-1': 1.8, 'AEGL-2': 22, 'AEGL-3': 100 },
    aeglStatus: 'final',
    source: `${EPA_AEGL} (NRC, Vol. 4, 2004); ${PUBCHEM}`,
  },
  {
    id: 'sulfur_dioxide',
    name: { zh: '二氧化硫', en: 'Sulfur dioxide' },
    cas: '7446-09-5',
    molecularWeight: 64.07,
    dense: true,
    aegl60: { 'AEGL-1': 0.2, 'AEGL-2': 0.75, 'AEGL-3': 30 },
    aeglStatus: 'final',
    source: `${EPA_AEGL} (NRC, Vol. 8, 2010); ${PUBCHEM}`,
  },
  {
    id: 'phosgene',
    name: { zh: '光气', en: 'Phosgene' },
    cas: '75-44-5',
    molecularWeight: 98.92,
    dense: true,
    aegl60: { 'AEGL-1': null, 'AEGL-2': 0.3, 'AEGL-3': 0.75 },
    aeglStatus: 'final',
    source: `${EPA_AEGL} (NRC, Vol. 1, 2000; AEGL-1 not recommended); ${PUBCHEM}`,
  },
  {
    id: 'benzene',
    name: { zh: '苯蒸气', en: 'Benzene vapour' },
    cas: '71-43-2',
    molecularWeight: 78.11,
    dense: true,
    aegl60: { 'AEGL-1': 52, 'AEGL-2': 800, 'AEGL-3': 4000 },
    aeglStatus: 'interim',
    source: `${EPA_AEGL} (interim values); ${PUBCHEM}`,
  },
  {
    id: 'methanol',
    name: { zh: '甲醇蒸气', en: 'Methanol vapour' },
    cas: '67-56-1',
    molecularWeight: 32.04,
    dense: true,
    aegl60: { 'AEGL-1': 530, 'AEGL-2': 2100, 'AEGL-3': 7200 },
    aeglStatus: 'interim',
    source: `${EPA_AEGL} (interim values); ${PUBCHEM}`,
  },
];

export function toxicSubstance(id: string): ToxicSubstance | undefined {
  return TOXIC_SUBSTANCES.find((s) => s.id === id);
}

export function ppmToMgM3(ppm: number, molecularWeight: number): number {
  return (ppm * molecularWeight) / MOLAR_VOLUME_L;
}

export function mgM3ToPpm(mgM3: number, molecularWeight: number): number {
  return (mgM3 * MOLAR_VOLUME_L) / molecularWeight;
}

export interface Fuel {
  id: string;
  name: { zh: string; en: string };
  /** Large-pool mass burning rate m″∞, kg/(m²·s). `null`: not a pool fire fuel (a gas). */
  burningRate: number | null;
  /** Heat of combustion, kJ/kg. */
  heatOfCombustion: number;
  source: string;
}

const SFPE =
  'Babrauskas, "Heat Release Rates", SFPE Handbook of Fire Protection Engineering, large-pool burning rate table';
const PERRY = "Perry's Chemical Engineers' Handbook, heats of combustion (lower heating value)";

/** Fuels for the pool fire (liquids) and the vapour cloud explosion (liquids and gases). */
export const FUELS: readonly Fuel[] = [
  {
    id: 'benzene',
    name: { zh: '苯', en: 'Benzene' },
    burningRate: 0.085,
    heatOfCombustion: 40_100,
    source: SFPE,
  },
  {
    id: 'methanol',
    name: { zh: '甲醇', en: 'Methanol' },
    burningRate: 0.017,
    heatOfCombustion: 20_000,
    source: SFPE,
  },
  {
    id: 'gasoline',
    name: { zh: '汽油', en: 'Gasoline' },
    burningRate: 0.055,
    heatOfCombustion: 43_700,
    source: SFPE,
  },
  {
    id: 'kerosene',
    name: { zh: '煤油/柴油', en: 'Kerosene / diesel' },
    burningRate: 0.039,
    heatOfCombustion: 43_200,
    source: SFPE,
  },
  {
    id: 'hydrogen',
    name: { zh: '氢气', en: 'Hydrogen' },
    burningRate: null,
    heatOfCombustion: 120_000,
    source: PERRY,
  },
  {
    id: 'lpg',
    name: { zh: '液化石油气', en: 'LPG (propane)' },
    burningRate: null,
    heatOfCombustion: 46_350,
    source: PERRY,
  },
];

export function fuel(id: string): Fuel | undefined {
  return FUELS.find((f) => f.id === id);
}
