/**
 * GB 18218-2018《危险化学品重大危险源辨识》(Identification of major hazard installations for
 * hazardous chemicals), the tables identification and grading read:
 * - Table 1: the 85 named hazardous chemicals and their critical quantities (t);
 * - Table 2: critical quantities (t) by hazard category (GB 30000 classes), for every chemical
 *   not named in Table 1 (§ 4.1.2);
 * - Table 3: the correction factor β of named toxic gases; Table 4: β by hazard category;
 * - Table 5: α by the people normally present within 500 m outside the plant boundary;
 * - Table 6: the grades by R.
 *
 * Source: the standard's text (GB 18218-2018, SAMR/SAC, in force 2019-03-01, Tables 1–6). The
 * figures were checked row by row against two independent transcriptions of it published as seed
 * data in public repositories (one extracted from the standard's PDF with its page numbers, one
 * corrected by hand), which agree with each other on every figure below.
 */

/** The categories of Table 2, with their critical quantity (t) and grading factor β (Table 4). */
export const GB18218_CATEGORIES = {
  // Health hazards (健康危险)
  J1: {
    zh: '急性毒性-类别1，所有暴露途径，气体',
    en: 'Acute toxicity cat. 1, all routes, gases',
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
    zh: '急性毒性-类别2、类别3，所有暴露途径，气体',
    en: 'Acute toxicity cat. 2–3, all routes, gases',
    criticalT: 50,
    beta: 2,
  },
  J4: {
    zh: '急性毒性-类别2、类别3，吸入途径，液体（沸点≤35 ℃）',
    en: 'Acute toxicity cat. 2–3, inhalation, liquids boiling ≤ 35 °C',
    criticalT: 50,
    beta: 2,
  },
  J5: {
    zh: '急性毒性-类别2，所有暴露途径，液体（除J4外）、固体',
    en: 'Acute toxicity cat. 2, all routes, liquids (other than J4) and solids',
    criticalT: 500,
    beta: 1,
  },
  // Physical hazards (物理危险)
  'W1.1': {
    zh: '爆炸物：不稳定爆炸物；1.1项爆炸物',
    en: 'Explosives: unstable; division 1.1',
    criticalT: 1,
    beta: 2,
  },
  'W1.2': {
    zh: '爆炸物：1.2、1.3、1.5、1.6项爆炸物',
    en: 'Explosives: divisions 1.2, 1.3, 1.5, 1.6',
    criticalT: 10,
    beta: 2,
  },
  'W1.3': { zh: '爆炸物：1.4项爆炸物', en: 'Explosives: division 1.4', criticalT: 50, beta: 2 },
  W2: { zh: '易燃气体 类别1和类别2', en: 'Flammable gases cat. 1 and 2', criticalT: 10, beta: 1.5 },
  // 150 t net weight.
  W3: { zh: '气溶胶 类别1和类别2', en: 'Aerosols cat. 1 and 2', criticalT: 150, beta: 1 },
  W4: { zh: '氧化性气体 类别1', en: 'Oxidizing gases cat. 1', criticalT: 50, beta: 1 },
  'W5.1': {
    zh: '易燃液体 类别1；类别2和3，工作温度高于沸点',
    en: 'Flammable liquids cat. 1; cat. 2–3 above their boiling point',
    criticalT: 10,
    beta: 1.5,
  },
  'W5.2': {
    zh: '易燃液体 类别2和3，具有引发重大事故的特殊工艺条件（危险化工工艺、爆炸极限范围或附近操作、操作压力大于1.6 MPa等）',
    en: 'Flammable liquids cat. 2–3 under special process conditions (hazardous processes, near the explosive limits, above 1.6 MPa…)',
    criticalT: 50,
    beta: 1,
  },
  'W5.3': {
    zh: '易燃液体：不属于W5.1或W5.2的其他类别2',
    en: 'Other flammable liquids cat. 2',
    criticalT: 1000,
    beta: 1,
  },
  'W5.4': {
    zh: '易燃液体：不属于W5.1或W5.2的其他类别3',
    en: 'Other flammable liquids cat. 3',
    criticalT: 5000,
    beta: 1,
  },
  'W6.1': {
    zh: '自反应物质和混合物 A型和B型',
    en: 'Self-reactive substances and mixtures, types A and B',
    criticalT: 10,
    beta: 1.5,
  },
  'W6.2': {
    zh: '自反应物质和混合物 C型、D型、E型',
    en: 'Self-reactive substances and mixtures, types C, D, E',
    criticalT: 50,
    beta: 1,
  },
  'W7.1': { zh: '有机过氧化物 A型和B型', en: 'Organic peroxides, types A and B', criticalT: 10, beta: 1.5 },
  'W7.2': {
    zh: '有机过氧化物 C型、D型、E型、F型',
    en: 'Organic peroxides, types C, D, E, F',
    criticalT: 50,
    beta: 1,
  },
  W8: {
    zh: '自燃液体 类别1；自燃固体 类别1',
    en: 'Pyrophoric liquids and solids cat. 1',
    criticalT: 50,
    beta: 1,
  },
  'W9.1': { zh: '氧化性固体和液体 类别1', en: 'Oxidizing solids and liquids cat. 1', criticalT: 50, beta: 1 },
  'W9.2': {
    zh: '氧化性固体和液体 类别2、类别3',
    en: 'Oxidizing solids and liquids cat. 2 and 3',
    criticalT: 200,
    beta: 1,
  },
  W10: { zh: '易燃固体 类别1', en: 'Flammable solids cat. 1', criticalT: 200, beta: 1 },
  W11: {
    zh: '遇水放出易燃气体的物质和混合物 类别1和类别2',
    en: 'Substances and mixtures emitting flammable gas with water, cat. 1 and 2',
    criticalT: 200,
    beta: 1,
  },
} as const;

export type Gb18218Category = keyof typeof GB18218_CATEGORIES;
export const GB18218_CATEGORY_CODES = Object.keys(GB18218_CATEGORIES) as Gb18218Category[];

interface NamedSubstance {
  /** Its row (序号) in Table 1; null for a toxic gas Table 3 names that Table 1 does not. */
  no: number | null;
  zh: string;
  en: string;
  /** null where Table 1 gives none (mixtures). */
  cas: string | null;
  /** Table 1 critical quantity, t. */
  criticalT: number;
  /** The Table 2 category it is graded by when Table 3 does not name it. */
  category: Gb18218Category;
  /** Table 3: β of a toxic gas named there; other substances take their category's β. */
  beta?: number;
}

/**
 * Table 1 in its order, and carbon monoxide from Table 3. Names, CAS numbers, critical
 * quantities and Table 3 β are the standard's. The category of each row is not part of Table 1:
 * it is our reading of the substance's GHS classification, and it only chooses β (Table 4) for
 * a substance Table 3 does not name. Where that reading was not checked against a source the
 * row says so; β there is 1 unless the category is a toxic gas (J1 4, J3 2, J4 2), an explosive
 * (2), or a flammable gas, W5.1, W6.1 or W7.1 (1.5).
 */
export const GB18218_SUBSTANCES = {
  ammonia: {
    no: 1,
    zh: '氨（液氨；氨气）',
    en: 'Ammonia',
    cas: '7664-41-7',
    criticalT: 10,
    category: 'J3',
    beta: 2,
  },
  // Category unverified (see the note above GB18218_SUBSTANCES).
  oxygen_difluoride: {
    no: 2,
    zh: '二氟化氧（一氧化二氟）',
    en: 'Oxygen difluoride',
    cas: '7783-41-7',
    criticalT: 1,
    category: 'J1',
  },
  nitrogen_dioxide: {
    no: 3,
    zh: '二氧化氮',
    en: 'Nitrogen dioxide',
    cas: '10102-44-0',
    criticalT: 1,
    category: 'J3',
    beta: 10,
  },
  sulfur_dioxide: {
    no: 4,
    zh: '二氧化硫（亚硫酸酐）',
    en: 'Sulfur dioxide',
    cas: '7446-09-5',
    criticalT: 20,
    category: 'J3',
    beta: 2,
  },
  // Category unverified (see the note above GB18218_SUBSTANCES).
  fluorine: { no: 5, zh: '氟', en: 'Fluorine', cas: '7782-41-4', criticalT: 1, category: 'J1' },
  phosgene: {
    no: 6,
    zh: '碳酰氯（光气）',
    en: 'Phosgene (carbonyl chloride)',
    cas: '75-44-5',
    criticalT: 0.3,
    category: 'J1',
    beta: 20,
  },
  ethylene_oxide: {
    no: 7,
    zh: '环氧乙烷（氧化乙烯）',
    en: 'Ethylene oxide',
    cas: '75-21-8',
    criticalT: 10,
    category: 'J3',
    beta: 2,
  },
  // Category unverified (see the note above GB18218_SUBSTANCES).
  formaldehyde: {
    no: 8,
    zh: '甲醛（含量>90%）',
    en: 'Formaldehyde (> 90 %)',
    cas: '50-00-0',
    criticalT: 5,
    category: 'J3',
  },
  phosphine: {
    no: 9,
    zh: '磷化氢（膦）',
    en: 'Phosphine',
    cas: '7803-51-2',
    criticalT: 1,
    category: 'J1',
    beta: 20,
  },
  hydrogen_sulfide: {
    no: 10,
    zh: '硫化氢',
    en: 'Hydrogen sulfide',
    cas: '7783-06-4',
    criticalT: 5,
    category: 'J3',
    beta: 5,
  },
  hydrogen_chloride: {
    no: 11,
    zh: '氯化氢（无水）',
    en: 'Hydrogen chloride (anhydrous)',
    cas: '7647-01-0',
    criticalT: 20,
    category: 'J3',
    beta: 3,
  },
  chlorine: {
    no: 12,
    zh: '氯（液氯；氯气）',
    en: 'Chlorine',
    cas: '7782-50-5',
    criticalT: 5,
    category: 'J3',
    beta: 4,
  },
  // Category unverified (see the note above GB18218_SUBSTANCES).
  coal_gas: {
    no: 13,
    zh: '煤气（CO，CO和H₂、CH₄的混合物等）',
    en: 'Coal gas (CO, mixtures of CO with H₂ and CH₄)',
    cas: null,
    criticalT: 20,
    category: 'J3',
  },
  // Category unverified (see the note above GB18218_SUBSTANCES).
  arsine: { no: 14, zh: '砷化氢（胂）', en: 'Arsine', cas: '7784-42-1', criticalT: 1, category: 'J3' },
  // Category unverified (see the note above GB18218_SUBSTANCES).
  stibine: {
    no: 15,
    zh: '锑化氢（三氢化锑）',
    en: 'Stibine',
    cas: '7803-52-3',
    criticalT: 1,
    category: 'J3',
  },
  // Category unverified (see the note above GB18218_SUBSTANCES).
  hydrogen_selenide: {
    no: 16,
    zh: '硒化氢',
    en: 'Hydrogen selenide',
    cas: '7783-07-5',
    criticalT: 1,
    category: 'J3',
  },
  methyl_bromide: {
    no: 17,
    zh: '溴甲烷（甲基溴）',
    en: 'Methyl bromide',
    cas: '74-83-9',
    criticalT: 10,
    category: 'J3',
    beta: 3,
  },
  // Category unverified (see the note above GB18218_SUBSTANCES).
  acetone_cyanohydrin: {
    no: 18,
    zh: '丙酮氰醇（2-羟基异丁腈）',
    en: 'Acetone cyanohydrin',
    cas: '75-86-5',
    criticalT: 20,
    category: 'J2',
  },
  // Category unverified (see the note above GB18218_SUBSTANCES).
  acrolein: { no: 19, zh: '丙烯醛', en: 'Acrolein', cas: '107-02-8', criticalT: 20, category: 'J2' },
  hydrogen_fluoride: {
    no: 20,
    zh: '氟化氢',
    en: 'Hydrogen fluoride',
    cas: '7664-39-3',
    criticalT: 1,
    category: 'J3',
    beta: 5,
  },
  // Category unverified (see the note above GB18218_SUBSTANCES).
  epichlorohydrin: {
    no: 21,
    zh: '1-氯-2,3-环氧丙烷（环氧氯丙烷）',
    en: 'Epichlorohydrin',
    cas: '106-89-8',
    criticalT: 20,
    category: 'J5',
  },
  // Category unverified (see the note above GB18218_SUBSTANCES).
  epibromohydrin: {
    no: 22,
    zh: '3-溴-1,2-环氧丙烷（环氧溴丙烷）',
    en: 'Epibromohydrin',
    cas: '3132-64-7',
    criticalT: 20,
    category: 'J5',
  },
  // Category unverified (see the note above GB18218_SUBSTANCES).
  toluene_diisocyanate: {
    no: 23,
    zh: '甲苯二异氰酸酯（TDI）',
    en: 'Toluene diisocyanate (TDI)',
    cas: '26471-62-5',
    criticalT: 100,
    category: 'J5',
  },
  // Category unverified (see the note above GB18218_SUBSTANCES).
  sulfur_monochloride: {
    no: 24,
    zh: '一氯化硫（氯化硫）',
    en: 'Sulfur monochloride',
    cas: '10025-67-9',
    criticalT: 1,
    category: 'J5',
  },
  hydrogen_cyanide: {
    no: 25,
    zh: '氰化氢（无水氢氰酸）',
    en: 'Hydrogen cyanide',
    cas: '74-90-8',
    criticalT: 1,
    category: 'J4',
    beta: 10,
  },
  // Category unverified (see the note above GB18218_SUBSTANCES).
  sulfur_trioxide: {
    no: 26,
    zh: '三氧化硫（硫酸酐）',
    en: 'Sulfur trioxide',
    cas: '7446-11-9',
    criticalT: 75,
    category: 'J5',
  },
  // Category unverified (see the note above GB18218_SUBSTANCES).
  allylamine: {
    no: 27,
    zh: '3-氨基丙烯（烯丙胺）',
    en: 'Allylamine',
    cas: '107-11-9',
    criticalT: 20,
    category: 'J5',
  },
  // Category unverified (see the note above GB18218_SUBSTANCES).
  bromine: { no: 28, zh: '溴（溴素）', en: 'Bromine', cas: '7726-95-6', criticalT: 20, category: 'J5' },
  // Category unverified (see the note above GB18218_SUBSTANCES).
  ethyleneimine: {
    no: 29,
    zh: '乙撑亚胺（氮丙啶）',
    en: 'Ethyleneimine (aziridine)',
    cas: '151-56-4',
    criticalT: 20,
    category: 'J2',
  },
  methyl_isocyanate: {
    no: 30,
    zh: '异氰酸甲酯（甲基异氰酸酯）',
    en: 'Methyl isocyanate',
    cas: '624-83-9',
    criticalT: 0.75,
    category: 'J2',
    beta: 20,
  },
  barium_azide: {
    no: 31,
    zh: '叠氮化钡',
    en: 'Barium azide',
    cas: '18810-58-7',
    criticalT: 0.5,
    category: 'W1.1',
  },
  lead_azide: {
    no: 32,
    zh: '叠氮化铅',
    en: 'Lead azide',
    cas: '13424-46-9',
    criticalT: 0.5,
    category: 'W1.1',
  },
  mercury_fulminate: {
    no: 33,
    zh: '雷汞（雷酸汞）',
    en: 'Mercury fulminate',
    cas: '628-86-4',
    criticalT: 0.5,
    category: 'W1.1',
  },
  trinitroanisole: {
    no: 34,
    zh: '三硝基苯甲醚（三硝基茴香醚）',
    en: 'Trinitroanisole',
    cas: '28653-16-9',
    criticalT: 5,
    category: 'W1.1',
  },
  tnt: {
    no: 35,
    zh: '2,4,6-三硝基甲苯（梯恩梯；TNT）',
    en: '2,4,6-Trinitrotoluene (TNT)',
    cas: '118-96-7',
    criticalT: 5,
    category: 'W1.1',
  },
  nitroglycerin: {
    no: 36,
    zh: '硝化甘油',
    en: 'Nitroglycerin',
    cas: '55-63-0',
    criticalT: 1,
    category: 'W1.1',
  },
  nitrocellulose_dry: {
    no: 37,
    zh: '硝化纤维素［干的或含水（或乙醇）<25%］',
    en: 'Nitrocellulose, dry or wetted (water or alcohol) < 25 %',
    cas: '9004-70-0',
    criticalT: 1,
    category: 'W1.1',
  },
  nitrocellulose_unplasticized: {
    no: 38,
    zh: '硝化纤维素（未改型的，或增塑的，含增塑剂<18%）',
    en: 'Nitrocellulose, unmodified or plasticized < 18 %',
    cas: '9004-70-0',
    criticalT: 1,
    category: 'W1.1',
  },
  // Category unverified (see the note above GB18218_SUBSTANCES).
  nitrocellulose_ethanol: {
    no: 39,
    zh: '硝化纤维素（含乙醇≥25%）',
    en: 'Nitrocellulose, ethanol ≥ 25 %',
    cas: '9004-70-0',
    criticalT: 10,
    category: 'W1.2',
  },
  // Category unverified (see the note above GB18218_SUBSTANCES).
  nitrocellulose_low_nitrogen: {
    no: 40,
    zh: '硝化纤维素（含氮≤12.6%）',
    en: 'Nitrocellulose, nitrogen ≤ 12.6 %',
    cas: '9004-70-0',
    criticalT: 50,
    category: 'W10',
  },
  // Category unverified (see the note above GB18218_SUBSTANCES).
  nitrocellulose_water: {
    no: 41,
    zh: '硝化纤维素（含水≥25%）',
    en: 'Nitrocellulose, water ≥ 25 %',
    cas: '9004-70-0',
    criticalT: 50,
    category: 'W10',
  },
  // Category unverified (see the note above GB18218_SUBSTANCES).
  nitrocellulose_solution: {
    no: 42,
    zh: '硝化纤维素溶液（含氮量≤12.6%，含硝化纤维素≤55%）',
    en: 'Nitrocellulose solution (N ≤ 12.6 %, nitrocellulose ≤ 55 %)',
    cas: '9004-70-0',
    criticalT: 50,
    category: 'W5.3',
  },
  ammonium_nitrate_combustible: {
    no: 43,
    zh: '硝酸铵（含可燃物>0.2%，包括以碳计算的任何有机物，但不包括任何其他添加剂）',
    en: 'Ammonium nitrate, combustible matter > 0.2 %',
    cas: '6484-52-2',
    criticalT: 5,
    category: 'W1.1',
  },
  ammonium_nitrate: {
    no: 44,
    zh: '硝酸铵（含可燃物≤0.2%）',
    en: 'Ammonium nitrate, combustible matter ≤ 0.2 %',
    cas: '6484-52-2',
    criticalT: 50,
    category: 'W9.2',
  },
  ammonium_nitrate_fertilizer: {
    no: 45,
    zh: '硝酸铵肥料（含可燃物≤0.4%）',
    en: 'Ammonium nitrate fertilizer, combustible matter ≤ 0.4 %',
    cas: null,
    criticalT: 200,
    category: 'W9.2',
  },
  potassium_nitrate: {
    no: 46,
    zh: '硝酸钾',
    en: 'Potassium nitrate',
    cas: '7757-79-1',
    criticalT: 1000,
    category: 'W9.2',
  },
  butadiene: {
    no: 47,
    zh: '1,3-丁二烯（联乙烯）',
    en: '1,3-Butadiene',
    cas: '106-99-0',
    criticalT: 5,
    category: 'W2',
  },
  dimethyl_ether: {
    no: 48,
    zh: '二甲醚（甲醚）',
    en: 'Dimethyl ether',
    cas: '115-10-6',
    criticalT: 50,
    category: 'W2',
  },
  methane: {
    no: 49,
    zh: '甲烷，天然气',
    en: 'Methane, natural gas',
    cas: '74-82-8',
    criticalT: 50,
    category: 'W2',
  },
  vinyl_chloride: {
    no: 50,
    zh: '氯乙烯（乙烯基氯）',
    en: 'Vinyl chloride',
    cas: '75-01-4',
    criticalT: 50,
    category: 'W2',
  },
  hydrogen: { no: 51, zh: '氢（氢气）', en: 'Hydrogen', cas: '1333-74-0', criticalT: 5, category: 'W2' },
  lpg: {
    no: 52,
    zh: '液化石油气（含丙烷、丁烷及其混合物）',
    en: 'Liquefied petroleum gas (propane, butane and mixtures)',
    cas: '68476-85-7',
    criticalT: 50,
    category: 'W2',
  },
  methylamine: {
    no: 53,
    zh: '一甲胺（甲胺）',
    en: 'Methylamine',
    cas: '74-89-5',
    criticalT: 5,
    category: 'W2',
  },
  acetylene: { no: 54, zh: '乙炔（电石气）', en: 'Acetylene', cas: '74-86-2', criticalT: 1, category: 'W2' },
  ethylene: { no: 55, zh: '乙烯', en: 'Ethylene', cas: '74-85-1', criticalT: 50, category: 'W2' },
  oxygen: {
    no: 56,
    zh: '氧（压缩的或液化的）',
    en: 'Oxygen, compressed or liquefied',
    cas: '7782-44-7',
    criticalT: 200,
    category: 'W4',
  },
  benzene: { no: 57, zh: '苯（纯苯）', en: 'Benzene', cas: '71-43-2', criticalT: 50, category: 'W5.3' },
  styrene: {
    no: 58,
    zh: '苯乙烯（乙烯苯）',
    en: 'Styrene',
    cas: '100-42-5',
    criticalT: 500,
    category: 'W5.4',
  },
  acetone: {
    no: 59,
    zh: '丙酮（二甲基酮）',
    en: 'Acetone',
    cas: '67-64-1',
    criticalT: 500,
    category: 'W5.3',
  },
  acrylonitrile: {
    no: 60,
    zh: '2-丙烯腈（丙烯腈）',
    en: 'Acrylonitrile',
    cas: '107-13-1',
    criticalT: 50,
    category: 'W5.3',
  },
  carbon_disulfide: {
    no: 61,
    zh: '二硫化碳',
    en: 'Carbon disulfide',
    cas: '75-15-0',
    criticalT: 50,
    category: 'W5.3',
  },
  cyclohexane: { no: 62, zh: '环己烷', en: 'Cyclohexane', cas: '110-82-7', criticalT: 500, category: 'W5.3' },
  propylene_oxide: {
    no: 63,
    zh: '1,2-环氧丙烷（氧化丙烯）',
    en: 'Propylene oxide',
    cas: '75-56-9',
    criticalT: 10,
    category: 'W5.1',
  },
  toluene: { no: 64, zh: '甲苯', en: 'Toluene', cas: '108-88-3', criticalT: 500, category: 'W5.3' },
  methanol: { no: 65, zh: '甲醇', en: 'Methanol', cas: '67-56-1', criticalT: 500, category: 'W5.3' },
  gasoline: {
    no: 66,
    zh: '汽油（乙醇汽油、甲醇汽油）',
    en: 'Gasoline (incl. ethanol and methanol gasoline)',
    cas: '86290-81-5',
    criticalT: 200,
    category: 'W5.3',
  },
  ethanol: { no: 67, zh: '乙醇（酒精）', en: 'Ethanol', cas: '64-17-5', criticalT: 500, category: 'W5.3' },
  diethyl_ether: {
    no: 68,
    zh: '乙醚（二乙基醚）',
    en: 'Diethyl ether',
    cas: '60-29-7',
    criticalT: 10,
    category: 'W5.1',
  },
  ethyl_acetate: {
    no: 69,
    zh: '乙酸乙酯',
    en: 'Ethyl acetate',
    cas: '141-78-6',
    criticalT: 500,
    category: 'W5.3',
  },
  n_hexane: { no: 70, zh: '正己烷', en: 'n-Hexane', cas: '110-54-3', criticalT: 500, category: 'W5.3' },
  // Category unverified (see the note above GB18218_SUBSTANCES).
  peracetic_acid: {
    no: 71,
    zh: '过乙酸（过氧乙酸）',
    en: 'Peracetic acid',
    cas: '79-21-0',
    criticalT: 10,
    category: 'W7.2',
  },
  // Category unverified (see the note above GB18218_SUBSTANCES).
  mekp: {
    no: 72,
    zh: '过氧化甲基乙基酮（10%<有效氧含量≤10.7%，含A型稀释剂≥48%）',
    en: 'Methyl ethyl ketone peroxide (10 % < active oxygen ≤ 10.7 %, type A diluent ≥ 48 %)',
    cas: '1338-23-4',
    criticalT: 10,
    category: 'W7.2',
  },
  white_phosphorus: {
    no: 73,
    zh: '白磷（黄磷）',
    en: 'White phosphorus',
    cas: '12185-10-3',
    criticalT: 50,
    category: 'W8',
  },
  alkyl_aluminium: {
    no: 74,
    zh: '烷基铝（三烷基铝）',
    en: 'Alkylaluminium (trialkylaluminium)',
    cas: null,
    criticalT: 1,
    category: 'W8',
  },
  // Category unverified (see the note above GB18218_SUBSTANCES).
  pentaborane: {
    no: 75,
    zh: '戊硼烷（五硼烷）',
    en: 'Pentaborane',
    cas: '19624-22-7',
    criticalT: 1,
    category: 'W8',
  },
  potassium_peroxide: {
    no: 76,
    zh: '过氧化钾',
    en: 'Potassium peroxide',
    cas: '17014-71-0',
    criticalT: 20,
    category: 'W9.1',
  },
  sodium_peroxide: {
    no: 77,
    zh: '过氧化钠',
    en: 'Sodium peroxide',
    cas: '1313-60-6',
    criticalT: 20,
    category: 'W9.1',
  },
  potassium_chlorate: {
    no: 78,
    zh: '氯酸钾',
    en: 'Potassium chlorate',
    cas: '3811-04-9',
    criticalT: 100,
    category: 'W9.1',
  },
  sodium_chlorate: {
    no: 79,
    zh: '氯酸钠',
    en: 'Sodium chlorate',
    cas: '7775-09-9',
    criticalT: 100,
    category: 'W9.1',
  },
  fuming_nitric_acid: {
    no: 80,
    zh: '发烟硝酸',
    en: 'Fuming nitric acid',
    cas: '52583-42-3',
    criticalT: 20,
    category: 'W9.1',
  },
  // Category unverified (see the note above GB18218_SUBSTANCES).
  nitric_acid: {
    no: 81,
    zh: '硝酸（发红烟的除外，含硝酸>70%）',
    en: 'Nitric acid > 70 % (not red fuming)',
    cas: '7697-37-2',
    criticalT: 100,
    category: 'W9.2',
  },
  // Category unverified (see the note above GB18218_SUBSTANCES).
  guanidine_nitrate: {
    no: 82,
    zh: '硝酸胍（硝酸亚氨脲）',
    en: 'Guanidine nitrate',
    cas: '506-93-4',
    criticalT: 50,
    category: 'W9.2',
  },
  calcium_carbide: {
    no: 83,
    zh: '碳化钙（电石）',
    en: 'Calcium carbide',
    cas: '75-20-7',
    criticalT: 100,
    category: 'W11',
  },
  potassium: { no: 84, zh: '钾（金属钾）', en: 'Potassium', cas: '7440-09-7', criticalT: 1, category: 'W11' },
  sodium: { no: 85, zh: '钠（金属钠）', en: 'Sodium', cas: '7440-23-5', criticalT: 10, category: 'W11' },
  // Not in Table 1, only in Table 3 (β 2). Its Q is by category (§ 4.1.2): a flammable gas
  // cat. 1 and acutely toxic gas cat. 3, it takes the lower of W2 (10 t) and J3 (50 t).
  carbon_monoxide: {
    no: null,
    zh: '一氧化碳',
    en: 'Carbon monoxide',
    cas: '630-08-0',
    criticalT: 10,
    category: 'J3',
    beta: 2,
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

/** Table 6: 一级 R ≥ 100, 二级 50 ≤ R < 100, 三级 10 ≤ R < 50, 四级 R < 10. */
export const GB18218_GRADE_BANDS: readonly { atLeast: number; grade: 1 | 2 | 3 }[] = [
  { atLeast: 100, grade: 1 },
  { atLeast: 50, grade: 2 },
  { atLeast: 10, grade: 3 },
];
