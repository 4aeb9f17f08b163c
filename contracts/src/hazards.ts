/**
 * Hazard ledger (SAWS Order 16), inspections, files and in-app notifications: the shapes the
 * server answers with and the web console reads.
 */
import type { GeoPoint } from './api.js';
import type { NotificationKind, NotificationParams } from './notifications.js';

export const HAZARD_LEVELS = ['general', 'major'] as const;
export type HazardLevel = (typeof HAZARD_LEVELS)[number];

export const HAZARD_SOURCES = [
  'self_inspection',
  'zone_inspection',
  'spot_check',
  'drill_improvement',
  'report',
  'monitoring',
] as const;
export type HazardSource = (typeof HAZARD_SOURCES)[number];

export const HAZARD_CATEGORIES = [
  'fire',
  'electrical',
  'hazardous_chemicals',
  'machinery',
  'special_equipment',
  'confined_space',
  'work_at_height',
  'hot_work',
  'occupational_health',
  'management',
  'other',
] as const;
export type HazardCategory = (typeof HAZARD_CATEGORIES)[number];

/** found → rectifying → submitted (for acceptance) → closed (销号). */
export const HAZARD_STATUSES = ['found', 'rectifying', 'submitted', 'closed'] as const;
export type HazardStatus = (typeof HAZARD_STATUSES)[number];

export const HAZARD_ACTIONS = ['start', 'submit', 'accept', 'reject', 'close_on_spot'] as const;
export type HazardAction = (typeof HAZARD_ACTIONS)[number];

/** The six contents of a major hazard's governance plan (Order 16, art. 15). */
export interface GovernancePlan {
  objectives: string;
  methods: string;
  fundsAndMaterials: string;
  responsible: string;
  timeLimit: string;
  safetyMeasures: string;
}
export const GOVERNANCE_PLAN_FIELDS: ReadonlyArray<keyof GovernancePlan> = [
  'objectives',
  'methods',
  'fundsAndMaterials',
  'responsible',
  'timeLimit',
  'safetyMeasures',
];

/** Order 16 Art. 16: production stopped in part or whole while a major hazard is fixed. */
export const STOPPAGE_SCOPES = ['partial', 'whole'] as const;
export type StoppageScope = (typeof STOPPAGE_SCOPES)[number];
export interface HazardStoppage {
  scope: StoppageScope;
  /** What is stopped: the unit, line, equipment or area. */
  what: string;
  /** People withdrawn from the danger area (从危险区域内撤出作业人员). */
  peopleWithdrawn: boolean;
  /** Zone-local dates; `until` is set when the regulator approves resumption. */
  from: string;
  until: string | null;
  recordedBy: string;
  recordedAt: string;
}

/** Order 16 Art. 18: who evaluates the finished fix. */
export const HAZARD_EVALUATORS = ['technical_staff', 'qualified_agency'] as const;
export type HazardEvaluatorKind = (typeof HAZARD_EVALUATORS)[number];
export interface HazardEvaluation {
  by: HazardEvaluatorKind;
  /** The people or the agency's name. */
  evaluator: string;
  /** Zone-local date. */
  date: string;
  /** Whether the evaluation found the hazard eliminated. */
  passed: boolean;
  conclusion: string;
  reportFileId: string | null;
  recordedBy: string;
  recordedAt: string;
}

/** Order 16 Art. 18: the application to resume production and the regulator's review. */
export const RESUMPTION_DECISIONS = ['pending', 'approved', 'refused'] as const;
export type ResumptionDecision = (typeof RESUMPTION_DECISIONS)[number];
export interface HazardResumption {
  decision: ResumptionDecision;
  note: string;
  appliedAt: string;
  appliedBy: string;
  reviewNote: string | null;
  reviewedAt: string | null;
  reviewedBy: string | null;
}

/** The regulator's listed supervision (挂牌督办) of a major hazard. */
export interface HazardListedSupervision {
  /** The issuing body, e.g. 园区应急管理局. */
  body: string;
  /** Zone-local date by which it must be fixed. */
  deadline: string;
  listedAt: string;
  listedBy: string;
}

/** One line of the workplace notice to employees (Work Safety Law Art. 41). */
export interface HazardNoticeItem {
  code: string;
  level: HazardLevel;
  status: HazardStatus;
  place: string;
  description: string;
  measures: string | null;
  responsiblePerson: string | null;
  deadline: string | null;
}
export interface HazardNoticeView {
  enterpriseId: string;
  enterpriseName: string;
  /** Zone-local date of the notice. */
  date: string;
  items: HazardNoticeItem[];
}

export interface FileView {
  id: string;
  name: string;
  mime: string;
  size: number;
  url: string;
  thumbnailUrl: string | null;
  createdAt: string;
}

export interface HazardView {
  id: string;
  /** Ledger number, e.g. YH-000042. */
  code: string;
  enterpriseId: string;
  enterpriseName: string;
  place: string;
  location: GeoPoint | null;
  category: HazardCategory;
  description: string;
  level: HazardLevel;
  source: HazardSource;
  foundBy: string;
  foundAt: string;
  /** The five in place (五落实). */
  measures: string | null;
  responsiblePerson: string | null;
  /** CNY, two decimals, as a string to keep it exact. */
  funds: string | null;
  /** Zone-local date (YYYY-MM-DD); due by the end of that day in the zone's time zone. */
  deadline: string | null;
  contingencyPlanRef: string | null;
  contingencyPlanId: string | null;
  governancePlan: GovernancePlan | null;
  /** 危害程度和整改难易程度分析, required in a major hazard's report (Order 16 Art. 14). */
  harmAnalysis: string | null;
  stoppage: HazardStoppage | null;
  evaluation: HazardEvaluation | null;
  resumption: HazardResumption | null;
  listedSupervision: HazardListedSupervision | null;
  status: HazardStatus;
  overdue: boolean;
  reportedToZoneAt: string | null;
  submittedAt: string | null;
  submittedBy: string | null;
  closedAt: string | null;
  closedBy: string | null;
  inspectionRecordId: string | null;
  /** The risk point whose failed control measure this hazard is (dual prevention). */
  riskPointId: string | null;
  photos: FileView[];
  createdAt: string;
  updatedAt: string;
}

/** Steps of closing a major hazard (Order 16 Art. 16, 18) kept in its history beside the actions. */
export const HAZARD_RECORD_STEPS = [
  'stoppage',
  'evaluation',
  'resumption_applied',
  'resumption_reviewed',
  'supervision_listed',
  'supervision_lifted',
] as const;
export type HazardRecordStep = (typeof HAZARD_RECORD_STEPS)[number];

export interface HazardTransitionView {
  id: string;
  action: HazardAction | HazardRecordStep | 'create' | 'update';
  fromStatus: HazardStatus | null;
  toStatus: HazardStatus;
  comment: string | null;
  actorId: string | null;
  actorName: string;
  actorRole: string;
  at: string;
  photos: FileView[];
}

export interface HazardDetailView extends HazardView {
  history: HazardTransitionView[];
  /** Workflow actions the caller may take now. */
  allowedActions: HazardAction[];
}

export interface RateView {
  numerator: number;
  denominator: number;
  /** numerator / denominator, or null when there is nothing to measure. */
  rate: number | null;
}

export interface HazardStatsView {
  from: string | null;
  to: string | null;
  total: number;
  byLevel: Record<HazardLevel, number>;
  byStatus: Record<HazardStatus, number>;
  byCategory: { category: HazardCategory; count: number }[];
  byEnterprise: {
    enterpriseId: string;
    enterpriseName: string;
    total: number;
    closed: number;
    major: number;
    overdue: number;
  }[];
  /** Closed / all. */
  rectificationRate: RateView;
  /** Closed by the end of the deadline day / closed with a deadline. */
  onTimeRate: RateView;
  /** Closed major / all major (target 100 %). */
  majorRectificationRate: RateView;
  overdueOpen: number;
  /** Zone-local months, YYYY-MM. */
  monthly: { month: string; found: number; closed: number }[];
}

export interface NotificationView {
  id: string;
  kind: NotificationKind;
  /** What the words are filled from (codes and names), for a client that words it itself. */
  params: NotificationParams;
  /** Worded in the reader's language (the request's Accept-Language). */
  title: string;
  body: string;
  urgent: boolean;
  entity: string | null;
  entityId: string | null;
  createdAt: string;
  readAt: string | null;
}

export const INSPECTION_KINDS = ['self_inspection', 'zone_inspection', 'spot_check'] as const;
export type InspectionKind = (typeof INSPECTION_KINDS)[number];

export const INSPECTION_FREQUENCIES = ['once', 'daily', 'weekly', 'monthly', 'quarterly', 'yearly'] as const;
export type InspectionFrequency = (typeof INSPECTION_FREQUENCIES)[number];

export interface ChecklistItem {
  id: string;
  text: string;
  category: HazardCategory;
  /** A control measure of a risk point this item checks (dual prevention); absent otherwise. */
  riskPointId?: string | null;
  measureId?: string | null;
}

export interface InspectionPlanView {
  id: string;
  title: string;
  kind: InspectionKind;
  /** Null: a zone plan over `enterpriseIds`; else an enterprise's own plan. */
  enterpriseId: string | null;
  enterpriseIds: string[];
  frequency: InspectionFrequency;
  startsOn: string;
  endsOn: string | null;
  checklist: ChecklistItem[];
  active: boolean;
  createdAt: string;
}

export const CHECK_RESULTS = ['pass', 'fail', 'na'] as const;
export type CheckResult = (typeof CHECK_RESULTS)[number];

export interface InspectionResultItem {
  itemId: string;
  text: string;
  category: HazardCategory;
  result: CheckResult | null;
  note: string | null;
  hazardId: string | null;
  /** The risk point whose control measure the item checks: a failure is a hazard linked to it. */
  riskPointId?: string | null;
}

export const RECHECK_RESULTS = ['holds', 'recurred'] as const;
export type RecheckResult = (typeof RECHECK_RESULTS)[number];

export interface RecheckItem {
  hazardId: string;
  hazardCode: string;
  description: string;
  result: RecheckResult | null;
  note: string | null;
  /** The new hazard recorded when the closed one recurred. */
  newHazardId: string | null;
}

export interface InspectionRecordView {
  id: string;
  planId: string | null;
  kind: InspectionKind;
  enterpriseId: string;
  enterpriseName: string;
  /** Null: created by the plan's schedule and not taken up yet. */
  inspector: string | null;
  status: 'open' | 'completed';
  startedAt: string;
  completedAt: string | null;
  /** The period a scheduled inspection is due in (zone-local dates); null when not scheduled. */
  dueOn: string | null;
  dueBy: string | null;
  items: InspectionResultItem[];
  rechecks: RecheckItem[];
}

/** A hazard's register number as people read and print it: YH- and six digits of its sequence. */
export function hazardCode(seq: string | number): string {
  return `YH-${String(seq).padStart(6, '0')}`;
}
