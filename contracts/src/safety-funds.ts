/**
 * Safety funds (安全生产费用), 财资〔2022〕136号 企业安全生产费用提取和使用管理办法: what an enterprise
 * must set aside in a year, from the prior year's revenue by its industry's progressive bands, and
 * what it may spend it on. The rates are data (`SAFETY_FUND_RULES`), each citing its article.
 */
import type { FileView } from './hazards.js';

export const SAFETY_FUND_INDUSTRIES = [
  'dangerous_goods',
  'metallurgy',
  'transport_general',
  'transport_special',
] as const;
export type SafetyFundIndustry = (typeof SAFETY_FUND_INDUSTRIES)[number];

/** One band: the part of revenue up to `upTo` yuan (null: no upper end) at `rateBp` basis points. */
export interface SafetyFundBand {
  upTo: number | null;
  rateBp: number;
}

export interface SafetyFundRule {
  /** The article setting the rates; `usesArticle` the one listing what the funds may pay for. */
  article: string;
  usesArticle: string;
  bands: readonly SafetyFundBand[];
}

const M = 10_000;
/** 万元 → yuan. */
const wan = (n: number) => n * M;

export const SAFETY_FUND_RULES: Record<SafetyFundIndustry, SafetyFundRule> = {
  // 危险品生产与储存企业: 4.5 % / 2.25 % / 0.55 % / 0.2 %.
  dangerous_goods: {
    article: '财资〔2022〕136号 第二十一条',
    usesArticle: '财资〔2022〕136号 第二十二条',
    bands: [
      { upTo: wan(1000), rateBp: 450 },
      { upTo: wan(10_000), rateBp: 225 },
      { upTo: wan(100_000), rateBp: 55 },
      { upTo: null, rateBp: 20 },
    ],
  },
  // 冶金企业: 3 % / 1.5 % / 0.5 % / 0.2 % / 0.1 % / 0.05 %.
  metallurgy: {
    article: '财资〔2022〕136号 第二十七条',
    usesArticle: '财资〔2022〕136号 第二十八条',
    bands: [
      { upTo: wan(1000), rateBp: 300 },
      { upTo: wan(10_000), rateBp: 150 },
      { upTo: wan(100_000), rateBp: 50 },
      { upTo: wan(500_000), rateBp: 20 },
      { upTo: wan(1_000_000), rateBp: 10 },
      { upTo: null, rateBp: 5 },
    ],
  },
  // 交通运输企业, 普通货运业务: 1 % flat.
  transport_general: {
    article: '财资〔2022〕136号 第二十四条第（一）项',
    usesArticle: '财资〔2022〕136号 第二十五条',
    bands: [{ upTo: null, rateBp: 100 }],
  },
  // 交通运输企业, 客运、管道运输、危险品等特殊货运业务: 1.5 % flat.
  transport_special: {
    article: '财资〔2022〕136号 第二十四条第（二）项',
    usesArticle: '财资〔2022〕136号 第二十五条',
    bands: [{ upTo: null, rateBp: 150 }],
  },
};

/**
 * The uses the rules allow (the list each industry's uses article gives, in the order of 第二十二条):
 * protective facilities, emergency equipment and drills, major hazards and hazard rectification,
 * inspections and assessments, training, protective equipment, new technology, testing,
 * liability insurance, and other spending directly for safety.
 */
export const SAFETY_FUND_CATEGORIES = [
  'facilities',
  'emergency',
  'hazard_control',
  'assessment',
  'training',
  'protective_equipment',
  'new_technology',
  'testing',
  'insurance',
  'other',
] as const;
export type SafetyFundCategory = (typeof SAFETY_FUND_CATEGORIES)[number];

/**
 * The year's amount to set aside, in fen (0.01 yuan), from the prior year's revenue in yuan:
 * each band's part of the revenue at its rate (超额累退), summed, rounded to the fen once.
 */
export function requiredSafetyFundFen(industry: SafetyFundIndustry, revenueYuan: number): number {
  let lower = 0;
  // Basis points × yuan = 1/10,000 yuan; whole numbers, so no rounding until the end.
  let sum = 0;
  for (const band of SAFETY_FUND_RULES[industry].bands) {
    const upper = band.upTo ?? Infinity;
    if (revenueYuan <= lower) break;
    sum += (Math.min(revenueYuan, upper) - lower) * band.rateBp;
    lower = upper;
  }
  return Math.round(sum / 100);
}

export interface SafetyFundYearView {
  enterpriseId: string;
  enterpriseName: string;
  year: number;
  industry: SafetyFundIndustry | null;
  /** Prior year's revenue in yuan; null while not reported. */
  priorRevenue: number | null;
  /** Yuan; null while revenue or industry is unknown. */
  required: number | null;
  setAside: number;
  spent: number;
  /** Balance carried into this year from the years before (set aside less spent). */
  carriedOver: number;
  /** carriedOver + setAside − spent. */
  balance: number;
  /** Set aside less than required. */
  belowRequirement: boolean;
  article: string | null;
}

export interface SafetyFundSpendView {
  id: string;
  enterpriseId: string;
  spentOn: string;
  category: SafetyFundCategory;
  amount: number;
  description: string;
  receipts: FileView[];
  createdAt: string;
}

/** One enterprise's year and its spending, for its ledger page. */
export interface SafetyFundLedgerView {
  year: SafetyFundYearView;
  spends: SafetyFundSpendView[];
}
