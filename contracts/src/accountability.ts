import type { EvaluationCategory } from './api.js';
import type { ResponsibilityKind } from './plans.js';
import type { RegulatoryCategory } from './regulatory-category.js';

/**
 * Accountability (责任追究): a finding held against the people whose duties it concerns, taken
 * from the responsibility lists, with the measure decided and whether it was carried out.
 */
export const FINDING_KINDS = ['incident', 'hazard', 'assessment', 'enforcement_case'] as const;
export type FindingKind = (typeof FINDING_KINDS)[number];

/** 约谈, 书面批评, 通报批评, 移送 (to the competent authority or 纪检监察), other. */
export const ACCOUNTABILITY_MEASURES = [
  'talk',
  'written_criticism',
  'public_criticism',
  'transfer',
  'other',
] as const;
export type AccountabilityMeasure = (typeof ACCOUNTABILITY_MEASURES)[number];

export const ACCOUNTABILITY_STATUSES = ['proposed', 'decided', 'carried_out', 'withdrawn'] as const;
export type AccountabilityStatus = (typeof ACCOUNTABILITY_STATUSES)[number];

export type AccountabilityAction = 'decide' | 'carry_out' | 'withdraw';

/** proposed → decided → carried out; withdrawn (with a reason) before it is carried out. */
const NEXT: Record<
  AccountabilityAction,
  { from: readonly AccountabilityStatus[]; to: AccountabilityStatus }
> = {
  decide: { from: ['proposed'], to: 'decided' },
  carry_out: { from: ['decided'], to: 'carried_out' },
  withdraw: { from: ['proposed', 'decided'], to: 'withdrawn' },
};

/** The status an action leads to from `status`, or null when it may not be taken there. */
export function accountabilityNext(
  status: AccountabilityStatus,
  action: AccountabilityAction,
): AccountabilityStatus | null {
  const rule = NEXT[action];
  return rule.from.includes(status) ? rule.to : null;
}

export function accountabilityActions(status: AccountabilityStatus): AccountabilityAction[] {
  return (Object.keys(NEXT) as AccountabilityAction[]).filter((a) => accountabilityNext(status, a));
}

/** Words in a duty that say it concerns a finding of this kind. */
export const FINDING_DUTY_WORDS: Record<FindingKind, readonly string[]> = {
  incident: ['事故', '应急', '救援', '报告', '预案', '演练', '安全生产'],
  hazard: ['隐患', '排查', '整改', '治理', '检查', '重大危险源', '风险'],
  assessment: ['考核', '目标', '责任制', '安全生产'],
  enforcement_case: ['执法', '违法', '监管', '检查', '整改', '处罚'],
};

/** The duties among `duties` that concern a finding of `kind`. */
export function dutiesConcerning(kind: FindingKind, duties: readonly string[]): string[] {
  const words = FINDING_DUTY_WORDS[kind];
  return duties.filter((d) => words.some((w) => d.includes(w)));
}

/**
 * Whether a zone department that supervises `industries` (管行业必须管安全) supervises the
 * enterprise: by its industry as recorded, or, for the dangerous-goods and construction lines the
 * lists name by regulatory class, by the enterprise's recorded category.
 */
export function supervisesEnterprise(
  industries: readonly string[],
  e: {
    industry: string;
    regulatoryCategory: RegulatoryCategory | null;
    evaluationCategory: EvaluationCategory | null;
  },
): boolean {
  if (!industries.length || industries.includes(e.industry)) return true;
  const dangerous =
    e.regulatoryCategory === 'dangerous_goods' ||
    e.evaluationCategory === 'dangerous_goods' ||
    e.evaluationCategory === 'hazardous_chemicals_user';
  if (dangerous && industries.includes('危险化学品')) return true;
  const construction = e.regulatoryCategory === 'construction' || e.evaluationCategory === 'construction';
  return construction && industries.includes('建筑施工');
}

/** One person held to account, as the responsibility list named them when the record was made. */
export interface AccountablePerson {
  /** `zone` for a zone department's list, else the enterprise's. */
  list: 'zone' | 'enterprise';
  kind: ResponsibilityKind | 'first_responsible';
  unit: string;
  post: string | null;
  holder: string | null;
  /** The duties of the list the finding concerns. */
  duties: string[];
}

export interface FindingSummary {
  kind: FindingKind;
  id: string;
  /** The enterprise the finding is about; null for a zone incident naming none. */
  enterpriseId: string | null;
  enterpriseName: string | null;
  title: string;
  /** Zone-local date or ISO instant of the finding. */
  at: string | null;
}

/** A responsibility list entry suggested for a finding, with the duties that concern it. */
export interface AccountabilityCandidate extends AccountablePerson {
  /** Every duty of the entry; `duties` are those concerning the finding. */
  allDuties: string[];
}

export interface AccountabilityCandidatesView {
  finding: FindingSummary;
  candidates: AccountabilityCandidate[];
}

export interface AccountabilityRecordView {
  id: string;
  finding: FindingSummary;
  /** The enterprise whose people are held to account; null for the zone's own departments. */
  enterpriseId: string | null;
  enterpriseName: string | null;
  persons: AccountablePerson[];
  facts: string;
  measure: AccountabilityMeasure;
  /** The authority a case is transferred to, or what "other" is. */
  measureDetail: string;
  status: AccountabilityStatus;
  decidedOn: string | null;
  /** The measure is to be carried out by this zone-local date. */
  dueOn: string | null;
  carriedOutOn: string | null;
  outcome: string;
  withdrawnReason: string | null;
  attachments: { id: string; name: string }[];
  overdue: boolean;
  createdBy: string | null;
  createdAt: string;
  updatedAt: string;
}
