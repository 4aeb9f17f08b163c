/**
 * GB 18218-2018《危险化学品重大危险源辨识》(Identification of major hazard installations for
 * hazardous chemicals), the tables the identification and the grading read:
 * - Table 1: critical quantities (t) of named hazardous chemicals. The entries below are the
 *   rows of Table 1 for the substances the zone's enterprises hold or commonly meet; a
 *   substance not listed here is identified by its hazard category (Table 2), as § 4.1.2 does
 *   for every chemical not in Table 1.
 * - Table 2: critical quantities (t) by hazard category (GB 30000 classes).
 * - Annex B (grading, Table 3 and Table 4): the correction factor β of named toxic gases, and β
 *   by category for everything else; Table 5: α by the people normally present within 500 m
 *   outside the plant boundary. These are the figures of the MEM's grading method.
 */

/** The categories of Table 2, with their critical quantity (t) and grading factor β (Table 4). */
export const GB18218_CATEGORIES = {
  // Health hazards (健康危险性)
  J1: {
    zh: '急性毒性-类别1，所有暴露途径，气体（剧毒气体）',
    en: 'Acute toxicity cat. 1, all routes, gases (highly toxic gas)',
    criticalT: 5,
    beta: 4,
  },
  J2: {
    zh: '急性毒性-类别1，所有暴露途径，固体、液体',
    en: 'Acute toxicity cat. 1, all routes, solids and liquids',
    criticalT: 50,
    beta: 1,
  },
  J3: {
    zh: '急性毒性-类别2、类别3，所有暴露途径，气体（有毒气体）',
    en: 'Acute toxicity cat. 2–3, all routes, gases (toxic gas)',
    criticalT: 50,
    beta: 2,
  },
  J4: {
    zh: '急性毒性-类别2、类别3，吸入途径，液体（沸点≤35 ℃）',
    en: 'Acute toxicity cat. 2–3, inhalation, liquids boiling ≤ 35 °C',
    criticalT: 50,
    beta: 1,
  },
  J5: {
    zh: '急性毒性-类别2，所有暴露途径，液体（除J4外）、固体',
    en: 'Acute toxicity cat. 2, all routes, liquids (other than J4) and solids',
    criticalT: 500,
    beta: 1,
  },
  // Physical hazards (物理危险性)
  'W1.1': {
    zh: '不稳定爆炸物；1.1项爆炸物',
    en: 'Unstable explosives; explosives division 1.1',
    criticalT: 1,
    beta: 2,
  },
  'W1.2': {
    zh: '1.2、1.3、1.5、1.6项爆炸物',
    en: 'Explosives divisions 1.2, 1.3, 1.5, 1.6',
    criticalT: 10,
    beta: 2,
  },
  'W1.3': { zh: '1.4项爆炸物', en: 'Explosives division 1.4', criticalT: 50, beta: 2 },
  W2: { zh: '易燃气体 类别1和类别2', en: 'Flammable gases cat. 1 and 2', criticalT: 10, beta: 1.5 },
  W3: { zh: '气溶胶 类别1和类别2', en: 'Aerosols cat. 1 and 2', criticalT: 150, beta: 1 },
  W4: { zh: '氧化性气体 类别1', en: 'Oxidizing gases cat. 1', criticalT: 50, beta: 1 },
  'W5.1': {
    zh: '易燃液体 类别1；类别2和3，工作温度高于沸点',
    en: 'Flammable liquids cat. 1; cat. 2–3 above their boiling point',
    criticalT: 10,
    beta: 1,
  },
  'W5.2': {
    zh: '易燃液体 类别2和3，具有引发重大事故的特殊工艺条件',
    en: 'Flammable liquids cat. 2–3 under special process conditions',
    criticalT: 50,
    beta: 1,
  },
  'W5.3': {
    zh: '不属于W5.1或W5.2的易燃液体 类别2',
    en: 'Other flammable liquids cat. 2',
    criticalT: 1000,
    beta: 1,
  },
  'W5.4': {
    zh: '不属于W5.1或W5.2的易燃液体 类别3',
    en: 'Other flammable liquids cat. 3',
    criticalT: 5000,
    beta: 1,
  },
  'W6.1': {
    zh: '自反应物质和混合物 A型和B型；有机过氧化物 A型和B型',
    en: 'Self-reactive substances and organic peroxides, types A and B',
    criticalT: 10,
    beta: 1,
  },
  'W6.2': {
    zh: '自反应物质和混合物 C型至F型；有机过氧化物 C型至F型',
    en: 'Self-reactive substances and organic peroxides, types C to F',
    criticalT: 50,
    beta: 1,
  },
  W7: {
    zh: '自燃液体 类别1；自燃固体 类别1',
    en: 'Pyrophoric liquids and solids cat. 1',
    criticalT: 50,
    beta: 1,
  },
  'W8.1': { zh: '氧化性固体和液体 类别1', en: 'Oxidizing solids and liquids cat. 1', criticalT: 50, beta: 1 },
  'W8.2': {
    zh: '氧化性固体和液体 类别2和类别3',
    en: 'Oxidizing solids and liquids cat. 2 and 3',
    criticalT: 200,
    beta: 1,
  },
  W9: {
    zh: '遇水放出易燃气体的物质和混合物 类别1',
    en: 'Substances emitting flammable gas with water, cat. 1',
    criticalT: 100,
    beta: 1,
  },
} as const;

export type Gb18218Category = keyof typeof GB18218_CATEGORIES;
export const GB18218_CATEGORY_CODES = Object.keys(GB18218_CATEGORIES) as Gb18218Category[];

interface NamedSubstance {
  zh: string;
  en: string;
  cas: string;
  /** Table 1 critical quantity, t. */
  criticalT: number;
  /** The category it falls back to and is graded by when it is not a named toxic gas. */
  category: Gb18218Category;
  /** Table 3: β of a toxic gas named there; other substances take their category's β. */
  beta?: number;
}

/** Table 1 rows (named substances) and, for the toxic gases of Table 3, their β. */
export const GB18218_SUBSTANCES = {
  chlorine: { zh: '氯', en: 'Chlorine', cas: '7782-50-5', criticalT: 5, category: 'J3', beta: 4 },
  ammonia: { zh: '氨', en: 'Ammonia', cas: '7664-41-7', criticalT: 10, category: 'J3', beta: 2 },
  hydrogen_sulfide: {
    zh: '硫化氢',
    en: 'Hydrogen sulfide',
    cas: '7783-06-4',
    criticalT: 5,
    category: 'J3',
    beta: 5,
  },
  phosgene: { zh: '光气', en: 'Phosgene', cas: '75-44-5', criticalT: 0.3, category: 'J1', beta: 20 },
  carbon_monoxide: {
    zh: '一氧化碳',
    en: 'Carbon monoxide',
    cas: '630-08-0',
    criticalT: 10,
    category: 'J3',
    beta: 2,
  },
  sulfur_dioxide: {
    zh: '二氧化硫',
    en: 'Sulfur dioxide',
    cas: '7446-09-5',
    criticalT: 20,
    category: 'J3',
    beta: 2,
  },
  ethylene_oxide: {
    zh: '环氧乙烷',
    en: 'Ethylene oxide',
    cas: '75-21-8',
    criticalT: 10,
    category: 'J3',
    beta: 2,
  },
  hydrogen_chloride: {
    zh: '氯化氢（无水）',
    en: 'Hydrogen chloride (anhydrous)',
    cas: '7647-01-0',
    criticalT: 20,
    category: 'J3',
    beta: 3,
  },
  methyl_bromide: {
    zh: '溴甲烷',
    en: 'Methyl bromide',
    cas: '74-83-9',
    criticalT: 10,
    category: 'J3',
    beta: 3,
  },
  hydrogen_fluoride: {
    zh: '氟化氢',
    en: 'Hydrogen fluoride',
    cas: '7664-39-3',
    criticalT: 1,
    category: 'J3',
    beta: 5,
  },
  nitrogen_dioxide: {
    zh: '二氧化氮',
    en: 'Nitrogen dioxide',
    cas: '10102-44-0',
    criticalT: 1,
    category: 'J3',
    beta: 10,
  },
  hydrogen_cyanide: {
    zh: '氰化氢',
    en: 'Hydrogen cyanide',
    cas: '74-90-8',
    criticalT: 1,
    category: 'J1',
    beta: 10,
  },
  phosphine: { zh: '磷化氢', en: 'Phosphine', cas: '7803-51-2', criticalT: 1, category: 'J1', beta: 20 },
  methyl_isocyanate: {
    zh: '异氰酸甲酯',
    en: 'Methyl isocyanate',
    cas: '624-83-9',
    criticalT: 0.75,
    category: 'J1',
    beta: 20,
  },
  hydrogen: { zh: '氢', en: 'Hydrogen', cas: '1333-74-0', criticalT: 5, category: 'W2' },
  lpg: { zh: '液化石油气', en: 'Liquefied petroleum gas', cas: '68476-85-7', criticalT: 50, category: 'W2' },
  methane: { zh: '甲烷、天然气', en: 'Methane, natural gas', cas: '74-82-8', criticalT: 50, category: 'W2' },
  acetylene: { zh: '乙炔', en: 'Acetylene', cas: '74-86-2', criticalT: 1, category: 'W2' },
  ethylene: { zh: '乙烯', en: 'Ethylene', cas: '74-85-1', criticalT: 50, category: 'W2' },
  vinyl_chloride: { zh: '氯乙烯', en: 'Vinyl chloride', cas: '75-01-4', criticalT: 50, category: 'W2' },
  benzene: { zh: '苯', en: 'Benzene', cas: '71-43-2', criticalT: 50, category: 'W5.3' },
  toluene: { zh: '甲苯', en: 'Toluene', cas: '108-88-3', criticalT: 500, category: 'W5.3' },
  methanol: { zh: '甲醇', en: 'Methanol', cas: '67-56-1', criticalT: 500, category: 'W5.3' },
  ethanol: { zh: '乙醇', en: 'Ethanol', cas: '64-17-5', criticalT: 500, category: 'W5.3' },
  acetone: { zh: '丙酮', en: 'Acetone', cas: '67-64-1', criticalT: 500, category: 'W5.3' },
  carbon_disulfide: {
    zh: '二硫化碳',
    en: 'Carbon disulfide',
    cas: '75-15-0',
    criticalT: 20,
    category: 'W5.1',
  },
  gasoline: {
    zh: '汽油（含甲醇汽油、乙醇汽油）',
    en: 'Gasoline',
    cas: '86290-81-5',
    criticalT: 200,
    category: 'W5.3',
  },
} as const satisfies Record<string, NamedSubstance>;

export type Gb18218Substance = keyof typeof GB18218_SUBSTANCES;
export const GB18218_SUBSTANCE_KEYS = Object.keys(GB18218_SUBSTANCES) as Gb18218Substance[];

/** Table 5: α by the people normally present within 500 m outside the plant boundary. */
export const GB18218_ALPHA_BANDS: readonly { atLeast: number; alpha: number }[] = [
  { atLeast: 100, alpha: 2.0 },
  { atLeast: 50, alpha: 1.5 },
  { atLeast: 30, alpha: 1.2 },
  { atLeast: 1, alpha: 1.0 },
  { atLeast: 0, alpha: 0.5 },
];

/** Grades by R: 一级 R ≥ 100, 二级 50 ≤ R < 100, 三级 10 ≤ R < 50, 四级 R < 10. */
export const GB18218_GRADE_BANDS: readonly { atLeast: number; grade: 1 | 2 | 3 }[] = [
  { atLeast: 100, grade: 1 },
  { atLeast: 50, grade: 2 },
  { atLeast: 10, grade: 3 },
];
