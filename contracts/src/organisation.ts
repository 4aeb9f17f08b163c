/**
 * Organisation (the plan's 四(二) 组织保障): the zone's work safety leading group (安全生产工作
 * 领导小组) with its office, its meetings and the decisions it assigns (督办事项) tracked to a
 * verified close; and each enterprise's safety management organisation against the Work Safety
 * Law (2021) Art. 24 and Art. 27.
 */
import type { EvaluationCategory } from './api.js';
import type { FileView } from './hazards.js';
import type { RegulatoryCategory } from './regulatory-category.js';

// ---------------------------------------------------------------------------------------------
// The leading group

/** 组长, 副组长, 成员, and the director of the group's office (办公室主任). */
export const LEADING_GROUP_ROLES = ['leader', 'deputy_leader', 'member', 'office_director'] as const;
export type LeadingGroupRole = (typeof LEADING_GROUP_ROLES)[number];

/** One person's place in the group over a span of days; a change ends it and starts another. */
export interface LeadingGroupMemberView {
  id: string;
  contactId: string;
  name: string;
  role: LeadingGroupRole;
  department: string;
  post: string;
  /** YYYY-MM-DD, zone-local. */
  fromDate: string;
  /** The last day in this place; null while it lasts. */
  untilDate: string | null;
  note: string;
}

/** 全体会议 and 专题会议. */
export const MEETING_KINDS = ['plenary', 'special'] as const;
export type MeetingKind = (typeof MEETING_KINDS)[number];

export interface MeetingView {
  id: string;
  kind: MeetingKind;
  title: string;
  heldOn: string;
  /** The group's people who attended, by name as they were listed. */
  attendees: { contactId: string; name: string }[];
  /** Others present (invited enterprises, experts), as written. */
  otherAttendees: string;
  agenda: string;
  minutes: string;
  minutesFiles: FileView[];
  decisionCount: number;
  openDecisionCount: number;
  createdAt: string;
}

export interface MeetingDetail extends MeetingView {
  decisions: DecisionView[];
}

// ---------------------------------------------------------------------------------------------
// Decisions the group assigns (督办事项)

/** assigned → in progress (progress notes) → done (evidence) → verified by the group's office. */
export const DECISION_STATUSES = ['assigned', 'in_progress', 'done', 'verified'] as const;
export type DecisionStatus = (typeof DECISION_STATUSES)[number];

/** What may be done to a decision: report progress, report it done, verify it, or send it back. */
export const DECISION_ACTIONS = ['progress', 'complete', 'verify', 'return'] as const;
export type DecisionAction = (typeof DECISION_ACTIONS)[number];

const DECISION_MOVES: Record<DecisionAction, { from: readonly DecisionStatus[]; to: DecisionStatus }> = {
  progress: { from: ['assigned', 'in_progress'], to: 'in_progress' },
  complete: { from: ['in_progress'], to: 'done' },
  verify: { from: ['done'], to: 'verified' },
  return: { from: ['done'], to: 'in_progress' },
};

/**
 * Where an action takes a decision, or null when its status refuses it: a decision is worked on
 * before it is reported done, and only a reported one is verified or sent back.
 */
export function nextDecisionStatus(status: DecisionStatus, action: DecisionAction): DecisionStatus | null {
  const move = DECISION_MOVES[action];
  return move.from.includes(status) ? move.to : null;
}

/** The statuses an action may start from, for the refusal's words. */
export function decisionActionFrom(action: DecisionAction): readonly DecisionStatus[] {
  return DECISION_MOVES[action].from;
}

/** The actions a decision in this status offers (the office alone verifies or sends back). */
export function decisionActions(status: DecisionStatus): DecisionAction[] {
  return DECISION_ACTIONS.filter((a) => nextDecisionStatus(status, a) !== null);
}

/** Still owed: neither reported done nor verified. */
export function isDecisionOpen(status: DecisionStatus): boolean {
  return status === 'assigned' || status === 'in_progress';
}

/** Open past its deadline's day (zone-local dates, YYYY-MM-DD). */
export function isDecisionOverdue(status: DecisionStatus, deadline: string, today: string): boolean {
  return isDecisionOpen(status) && today > deadline;
}

export interface DecisionUpdateView {
  id: string;
  action: DecisionAction;
  /** The status it left the decision in. */
  status: DecisionStatus;
  note: string;
  files: FileView[];
  byName: string | null;
  at: string;
}

export interface DecisionView {
  id: string;
  meetingId: string;
  meetingTitle: string;
  meetingHeldOn: string;
  item: string;
  department: string;
  /** The person answerable for it, from the zone's directory; null: the department as a whole. */
  responsibleContactId: string | null;
  responsibleName: string | null;
  deadline: string;
  status: DecisionStatus;
  overdue: boolean;
  /** Days to the deadline (negative once past), for open items; null once reported done. */
  daysLeft: number | null;
  createdAt: string;
  updatedAt: string;
}

export interface DecisionDetail extends DecisionView {
  updates: DecisionUpdateView[];
}

/** The 督办 board: open items by department, with the overdue ones counted. */
export interface DecisionBoardView {
  items: DecisionView[];
  departments: { department: string; open: number; overdue: number }[];
}

// ---------------------------------------------------------------------------------------------
// Enterprises' safety management organisation

/**
 * What Art. 24 and Art. 27 of the Work Safety Law (2021) tell apart: mines, metal smelting,
 * construction, transport, units producing, storing or loading dangerous goods (Art. 27 adds the
 * registered engineers for these), units trading in dangerous goods without storing them (Art. 24
 * only), and every other unit.
 */
export const SAFETY_ORG_INDUSTRIES = [
  'mine',
  'metal_smelting',
  'construction',
  'transport',
  'dangerous_goods',
  'dangerous_goods_trade',
  'other',
] as const;
export type SafetyOrgIndustry = (typeof SAFETY_ORG_INDUSTRIES)[number];

/** 注册安全工程师 specialties (注册安全工程师分类管理办法 Art. 3). */
export const ENGINEER_SPECIALTIES = [
  'coal_mine',
  'metal_nonmetal_mine',
  'chemical',
  'metal_smelting',
  'construction',
  'road_transport',
  'other',
] as const;
export type EngineerSpecialty = (typeof ENGINEER_SPECIALTIES)[number];

/** 初级（助理）, 中级, 高级 (注册安全工程师分类管理办法 Art. 4). */
export const ENGINEER_LEVELS = ['junior', 'intermediate', 'senior'] as const;
export type EngineerLevel = (typeof ENGINEER_LEVELS)[number];

export const SAFETY_MANAGER_KINDS = ['full_time', 'part_time'] as const;
export type SafetyManagerKind = (typeof SAFETY_MANAGER_KINDS)[number];

/** Art. 24 ¶2: above this many employees an ordinary unit is held to what high-risk ones are. */
export const SAFETY_OFFICE_HEADCOUNT = 100;
/**
 * 注册安全工程师分类管理办法 (安监总人事〔2017〕118号): registered engineers of the matching
 * specialty, intermediate or above, about 15 % of the safety managers; Art. 27 ¶3 asks for one at
 * least. Counted here as no fewer than 15 %, rounded up.
 */
export const ENGINEER_SHARE_PERCENT = 15;

const HIGH_RISK: readonly SafetyOrgIndustry[] = [
  'mine',
  'metal_smelting',
  'construction',
  'transport',
  'dangerous_goods',
  'dangerous_goods_trade',
];

/** Art. 27 ¶3's units, and the specialties that are "相应" for each. */
const ENGINEER_SPECIALTIES_FOR: Partial<Record<SafetyOrgIndustry, readonly EngineerSpecialty[]>> = {
  mine: ['coal_mine', 'metal_nonmetal_mine'],
  metal_smelting: ['metal_smelting'],
  dangerous_goods: ['chemical'],
};

/**
 * The Art. 24 group an enterprise's recorded categories point to, until the enterprise or the zone
 * records its own: the Order 2 categories name mines, smelting, construction and dangerous goods
 * (fireworks are dangerous goods, Art. 117); urban rail is transport. A chemical user is not a
 * dangerous goods unit by that alone, so it stays `other` until recorded otherwise.
 */
export function suggestSafetyOrgIndustry(
  evaluation: EvaluationCategory | null,
  regulatory: RegulatoryCategory | null,
): SafetyOrgIndustry | null {
  if (regulatory === 'urban_rail') return 'transport';
  switch (evaluation ?? regulatory) {
    case 'mine':
      return 'mine';
    case 'metal_smelting':
      return 'metal_smelting';
    case 'construction':
      return 'construction';
    case 'dangerous_goods':
    case 'fireworks':
      return 'dangerous_goods';
    case null:
    case undefined:
      return null;
    default:
      return 'other';
  }
}

export interface SafetyOrgRequirement {
  /**
   * `office_or_full_time`: a safety office or full-time safety managers (Art. 24 ¶1, and ¶2 above
   * 100 employees); `managers`: full-time or part-time safety managers (Art. 24 ¶2, up to 100).
   */
  organisation: 'office_or_full_time' | 'managers';
  /** Registered engineers of a matching specialty, intermediate or above; 0 where none is required. */
  engineers: number;
  engineerSpecialties: readonly EngineerSpecialty[];
  /** The articles this follows, as cited. */
  basis: string[];
}

export interface SafetyOrgManagerInput {
  kind: SafetyManagerKind;
  engineer: { specialty: EngineerSpecialty; level: EngineerLevel } | null;
}

export interface SafetyOrgInput {
  industry: SafetyOrgIndustry | null;
  headcount: number | null;
  hasOffice: boolean;
  managers: readonly SafetyOrgManagerInput[];
}

export const SAFETY_ORG_PROBLEMS = [
  'industry_unknown',
  'headcount_unknown',
  'office_or_full_time_missing',
  'manager_missing',
  'engineers_short',
] as const;
export type SafetyOrgProblem = (typeof SAFETY_ORG_PROBLEMS)[number];

export interface SafetyOrgStatus {
  met: boolean;
  problems: SafetyOrgProblem[];
  /** Null until the industry (and, for an ordinary unit, the headcount) is known. */
  requirement: SafetyOrgRequirement | null;
  fullTime: number;
  partTime: number;
  /** Registered engineers who count toward the requirement. */
  qualifyingEngineers: number;
}

const ART_24 = '《安全生产法》第二十四条';
const ART_27 = '《安全生产法》第二十七条第三款';
const ENGINEER_RULES = '《注册安全工程师分类管理办法》';

/** What Art. 24 and Art. 27 ask of a unit of this industry and headcount, with this many managers. */
export function safetyOrgRequirement(
  industry: SafetyOrgIndustry,
  headcount: number | null,
  managerCount: number,
): SafetyOrgRequirement | null {
  const high = HIGH_RISK.includes(industry);
  if (!high && headcount === null) return null;
  const specialties = ENGINEER_SPECIALTIES_FOR[industry] ?? [];
  const engineers = specialties.length
    ? Math.max(1, Math.ceil((managerCount * ENGINEER_SHARE_PERCENT) / 100))
    : 0;
  const large = headcount !== null && headcount > SAFETY_OFFICE_HEADCOUNT;
  return {
    organisation: high || large ? 'office_or_full_time' : 'managers',
    engineers,
    engineerSpecialties: specialties,
    basis: engineers ? [ART_24, ART_27, ENGINEER_RULES] : [ART_24],
  };
}

const LEVEL_COUNTS: Record<EngineerLevel, boolean> = { junior: false, intermediate: true, senior: true };

/** Whether an enterprise's safety organisation meets what applies to it, and if not, why. */
export function safetyOrgStatus(input: SafetyOrgInput): SafetyOrgStatus {
  const fullTime = input.managers.filter((m) => m.kind === 'full_time').length;
  const partTime = input.managers.length - fullTime;
  const requirement = input.industry
    ? safetyOrgRequirement(input.industry, input.headcount, input.managers.length)
    : null;
  const qualifyingEngineers = requirement
    ? input.managers.filter(
        (m) =>
          m.engineer &&
          LEVEL_COUNTS[m.engineer.level] &&
          requirement.engineerSpecialties.includes(m.engineer.specialty),
      ).length
    : 0;
  const problems: SafetyOrgProblem[] = [];
  if (!input.industry) problems.push('industry_unknown');
  else if (!requirement) problems.push('headcount_unknown');
  else {
    if (requirement.organisation === 'office_or_full_time' && !input.hasOffice && fullTime === 0) {
      problems.push('office_or_full_time_missing');
    }
    if (requirement.organisation === 'managers' && input.managers.length === 0) {
      problems.push('manager_missing');
    }
    if (qualifyingEngineers < requirement.engineers) problems.push('engineers_short');
  }
  return { met: problems.length === 0, problems, requirement, fullTime, partTime, qualifyingEngineers };
}

export interface SafetyManagerView {
  id: string;
  contactId: string;
  name: string;
  post: string;
  kind: SafetyManagerKind;
  /** 注册安全工程师: the registration certificate's number, specialty and level; null if not one. */
  engineer: { certificateNo: string; specialty: EngineerSpecialty; level: EngineerLevel } | null;
}

export interface SafetyOrgView {
  enterpriseId: string;
  enterpriseName: string;
  /** The recorded industry group, or the one the enterprise's categories suggest. */
  industry: SafetyOrgIndustry | null;
  industryRecorded: boolean;
  headcount: number | null;
  hasOffice: boolean;
  /** The office's name as the enterprise calls it (安全环保部, 安全科…). */
  officeName: string;
  managers: SafetyManagerView[];
  status: SafetyOrgStatus;
  /** Null: never reported. */
  updatedAt: string | null;
}
