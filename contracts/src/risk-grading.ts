/**
 * Safety risk grading (安全风险分级管控): the two assessment methods Muster offers and their bands,
 * in one place so the server grades and the console previews by the same table.
 *
 * Both are the bands in widespread use in Chinese enterprises' dual-prevention work (e.g. the
 * provincial guidelines for 安全风险分级管控 that follow 国务院安委办〔2016〕11号 and the LEC
 * method of Graham & Kinney as taught in AQ/T safety assessment practice):
 *
 * - LEC (作业条件危险性分析法): D = L × E × C;
 *   D ≥ 320 重大, 160 ≤ D < 320 较大, 70 ≤ D < 160 一般, D < 70 低.
 * - Risk matrix (风险矩阵法): R = L × S, L and S each 1–5;
 *   20–25 重大, 15–16 较大, 9–12 一般, 1–8 低 (no product falls between these ranges).
 *
 * The four grades are the enterprise risk classes (`RISK_CLASSES`): major 重大 red, high 较大
 * orange, medium 一般 yellow, low 低 blue.
 */
import type { RiskClass } from './api.js';

export const RISK_METHODS = ['lec', 'matrix'] as const;
export type RiskMethod = (typeof RISK_METHODS)[number];

/** LEC's scored values (Graham–Kinney): L likelihood, E exposure, C consequence. */
export const LEC_L_VALUES = [0.1, 0.2, 0.5, 1, 3, 6, 10] as const;
export const LEC_E_VALUES = [0.5, 1, 2, 3, 6, 10] as const;
export const LEC_C_VALUES = [1, 3, 7, 15, 40, 100] as const;
/** The matrix's likelihood and severity, each 1 (lowest) to 5 (highest). */
export const MATRIX_VALUES = [1, 2, 3, 4, 5] as const;

/** Lower bounds, highest grade first: a score at or above `min` has that grade. */
export const LEC_BANDS: readonly { grade: RiskClass; min: number }[] = [
  { grade: 'major', min: 320 },
  { grade: 'high', min: 160 },
  { grade: 'medium', min: 70 },
  { grade: 'low', min: 0 },
];

export const MATRIX_BANDS: readonly { grade: RiskClass; min: number }[] = [
  { grade: 'major', min: 20 },
  { grade: 'high', min: 15 },
  { grade: 'medium', min: 9 },
  { grade: 'low', min: 1 },
];

export interface RiskFactors {
  /** Likelihood (both methods). */
  l: number;
  /** LEC exposure frequency. */
  e?: number | null;
  /** LEC consequence. */
  c?: number | null;
  /** Matrix severity. */
  s?: number | null;
}

export interface RiskScore {
  score: number;
  grade: RiskClass;
}

function band(score: number, bands: readonly { grade: RiskClass; min: number }[]): RiskClass {
  return (bands.find((b) => score >= b.min) ?? bands[bands.length - 1]!).grade;
}

/** LEC: D = L × E × C, rounded to 0.01 so that 0.1 × 6 × 40 is 24, not 24.000000000000004. */
export function gradeLec(l: number, e: number, c: number): RiskScore {
  const score = Math.round(l * e * c * 100) / 100;
  return { score, grade: band(score, LEC_BANDS) };
}

/** Risk matrix: R = L × S. */
export function gradeMatrix(l: number, s: number): RiskScore {
  const score = l * s;
  return { score, grade: band(score, MATRIX_BANDS) };
}

/**
 * Which factors a method needs and whether each is one of its scored values: the problems as
 * `field: message`, empty when the factors can be graded.
 */
export function riskFactorProblems(method: RiskMethod, f: RiskFactors): string[] {
  const problems: string[] = [];
  const check = (field: string, value: number | null | undefined, allowed: readonly number[]) => {
    if (value === null || value === undefined) problems.push(`${field}: required for ${method}`);
    else if (!allowed.includes(value)) problems.push(`${field}: must be one of ${allowed.join(', ')}`);
  };
  if (method === 'lec') {
    check('l', f.l, LEC_L_VALUES);
    check('e', f.e, LEC_E_VALUES);
    check('c', f.c, LEC_C_VALUES);
    if (f.s !== null && f.s !== undefined) problems.push('s: not used by lec');
  } else {
    check('l', f.l, MATRIX_VALUES);
    check('s', f.s, MATRIX_VALUES);
    if (f.e !== null && f.e !== undefined) problems.push('e: not used by matrix');
    if (f.c !== null && f.c !== undefined) problems.push('c: not used by matrix');
  }
  return problems;
}

/** Grades valid factors by their method (check them first with `riskFactorProblems`). */
export function gradeRisk(method: RiskMethod, f: RiskFactors): RiskScore {
  return method === 'lec' ? gradeLec(f.l, f.e ?? 0, f.c ?? 0) : gradeMatrix(f.l, f.s ?? 0);
}

/** Grades from worst to least: `RISK_CLASSES` order. */
const RANK: Record<RiskClass, number> = { major: 4, high: 3, medium: 2, low: 1 };

/**
 * The enterprise's overall grade: that of its worst assessed risk point (the principle that a
 * unit is as risky as its riskiest point). Null when none is assessed yet.
 */
export function worstGrade(grades: readonly (RiskClass | null)[]): RiskClass | null {
  let worst: RiskClass | null = null;
  for (const g of grades) if (g && (!worst || RANK[g] > RANK[worst])) worst = g;
  return worst;
}

/**
 * China's four-colour safety-risk scheme (红橙黄蓝): 重大 red, 较大 orange, 一般 yellow, 低 blue.
 * Inspectors read these colours without a legend, so they are not a theme choice.
 */
export const RISK_COLORS: Record<RiskClass, { fill: string; stroke: string }> = {
  major: { fill: '#e02424', stroke: '#9b1c1c' },
  high: { fill: '#f97316', stroke: '#b45309' },
  medium: { fill: '#facc15', stroke: '#a16207' },
  low: { fill: '#2563eb', stroke: '#1e40af' },
};

/**
 * How often each grade's control measures are checked (排查频次), and the lowest level that must
 * own one of its measures (管控层级): the higher the grade, the higher the level and the more
 * frequent the check. A generated inspection plan covers each measure at its point's frequency.
 */
export const RISK_CONTROL_TABLE: Record<
  RiskClass,
  { frequency: 'daily' | 'weekly' | 'monthly' | 'quarterly'; level: ControlLevel }
> = {
  major: { frequency: 'daily', level: 'company' },
  high: { frequency: 'weekly', level: 'workshop' },
  medium: { frequency: 'monthly', level: 'team' },
  low: { frequency: 'quarterly', level: 'post' },
};

/** Who owns a control measure, from the top: company 公司, workshop 车间, team 班组, post 岗位. */
export const CONTROL_LEVELS = ['company', 'workshop', 'team', 'post'] as const;
export type ControlLevel = (typeof CONTROL_LEVELS)[number];

/**
 * Whether the measures' levels reach the one the grade requires (a 重大 risk needs a measure the
 * company owns; a 较大 one, the workshop or above…).
 */
export function controlLevelReached(grade: RiskClass, levels: readonly ControlLevel[]): boolean {
  const needed = CONTROL_LEVELS.indexOf(RISK_CONTROL_TABLE[grade].level);
  return levels.some((l) => CONTROL_LEVELS.indexOf(l) <= needed);
}
