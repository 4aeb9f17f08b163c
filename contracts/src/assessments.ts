/**
 * The zone's yearly assessment of enterprises (监督考核, the plan's 三(一) and 四(三)): a scheme of
 * weighted indicators, each enterprise's sheet scored from the system's own records and by
 * inspectors, reviewed and published by the zone admin, with bands, a ranking, objections and
 * the commendation and public-criticism notices.
 */
import { zoneDocumentNo } from './incident-forms.js';
import type { Severity } from './incidents.js';

/**
 * What a computed indicator measures, over the scheme's zone-local calendar year:
 * - `major_hazard_rectification`: major hazards closed / found (Order 16 target: 100 %);
 * - `on_time_rectification`: hazards closed by their deadline / closed with a deadline;
 * - `overdue_hazards`: hazards still open past their deadline (count);
 * - `drill_duties`: Order 2 Art. 33 drill duties not overdue / all duties (count: overdue);
 * - `reports_on_time`: incidents first reported within Decree 493's hour / incidents (count: late);
 * - `incidents`: real incidents (count: ordinary ones); relatively serious or graver veto the sheet
 *   when the indicator has the veto;
 * - `alarm_handling`: mean minutes from a monitoring alarm raised to acknowledged (value);
 * - `training_coverage`: people whose yearly training hours meet their Order 3 requirement / people
 *   owing hours (count: not met);
 * - `operation_certificates`: special operation certificates in order / held (count: lapsed or
 *   review overdue);
 * - `safety_funds`: safety funds set aside / required (capped at 1; unreported: 0);
 * - `work_plan`: the implementation plan and its quarterly progress reports handed in on time /
 *   owed by now (count: late or missing);
 * - `safety_office`: the safety office or managers and registered safety engineers the enterprise's
 *   industry and headcount require are in place (rate 1 or 0; count: requirements unmet);
 * - `responsibility_statements`: holders of the responsibility list's posts who signed the
 *   statement in force / holders (count: unsigned).
 * A zone department's (subject `department`), over the enterprises it supervises by industry:
 * - `supervised_inspections`: the zone's scheduled inspections there done / due (count: missed);
 * - `supervised_major_hazards`: major hazards there closed / found;
 * - `supervised_overdue_hazards`: hazards there still open past their deadline (count).
 * `manual`: an inspector gives the points, with a note and evidence files.
 */
export const ASSESSMENT_METRICS = [
  'major_hazard_rectification',
  'on_time_rectification',
  'overdue_hazards',
  'drill_duties',
  'reports_on_time',
  'incidents',
  'alarm_handling',
  'training_coverage',
  'operation_certificates',
  'safety_funds',
  'work_plan',
  'safety_office',
  'responsibility_statements',
  'supervised_inspections',
  'supervised_major_hazards',
  'supervised_overdue_hazards',
  'manual',
] as const;
export type AssessmentMetric = (typeof ASSESSMENT_METRICS)[number];
export type ComputedMetric = Exclude<AssessmentMetric, 'manual'>;

/** Who a scheme assesses: the enterprises, or the zone's own departments (against their duty lists). */
export const ASSESSMENT_SUBJECTS = ['enterprise', 'department'] as const;
export type AssessmentSubject = (typeof ASSESSMENT_SUBJECTS)[number];

/** The subjects each measure applies to. */
export const METRIC_SUBJECTS: Record<AssessmentMetric, readonly AssessmentSubject[]> = {
  major_hazard_rectification: ['enterprise'],
  on_time_rectification: ['enterprise'],
  overdue_hazards: ['enterprise'],
  drill_duties: ['enterprise'],
  reports_on_time: ['enterprise'],
  incidents: ['enterprise'],
  alarm_handling: ['enterprise'],
  training_coverage: ['enterprise'],
  operation_certificates: ['enterprise'],
  safety_funds: ['enterprise'],
  work_plan: ['enterprise'],
  safety_office: ['enterprise'],
  responsibility_statements: ['enterprise'],
  supervised_inspections: ['department'],
  supervised_major_hazards: ['department'],
  supervised_overdue_hazards: ['department'],
  manual: ['enterprise', 'department'],
};

/** Each measure's name, wherever it is shown: a new metric is named here once. */
export const ASSESSMENT_METRIC_TEXT: Record<AssessmentMetric, [zh: string, en: string]> = {
  major_hazard_rectification: ['重大隐患整改率', 'Major hazards rectified'],
  on_time_rectification: ['隐患按期整改率', 'Hazards rectified on time'],
  overdue_hazards: ['逾期未整改隐患', 'Overdue hazards'],
  drill_duties: ['演练义务履行', 'Drill duties met'],
  reports_on_time: ['事故按时报告', 'Incidents reported on time'],
  incidents: ['事故起数', 'Incidents'],
  alarm_handling: ['报警响应时长', 'Alarm response time'],
  training_coverage: ['安全培训学时达标率', 'Training hours met'],
  operation_certificates: ['特种作业操作证有效', 'Special operation certificates in order'],
  safety_funds: ['安全生产费用足额提取', 'Safety funds set aside as required'],
  work_plan: ['实施方案及季度进展按时报送', 'Implementation plan and quarterly progress on time'],
  safety_office: ['安全管理机构和人员配备', 'Safety office and managers as required'],
  responsibility_statements: ['岗位安全生产责任书签订率', 'Post responsibility statements signed'],
  supervised_inspections: ['监管企业检查完成率', 'Inspections done at supervised enterprises'],
  supervised_major_hazards: ['监管企业重大隐患整改率', 'Major hazards rectified at supervised enterprises'],
  supervised_overdue_hazards: ['监管企业逾期未整改隐患', 'Overdue hazards at supervised enterprises'],
  manual: ['检查人员评分', "Inspector's score"],
};

/**
 * The enterprises a zone department supervises (管行业必须管安全): those whose industry its duty
 * list names; "危险化学品" names the hazardous-chemical enterprises by their recorded category.
 */
export function supervisedBy(
  industries: readonly string[],
  enterprise: { industry: string; evaluationCategory: string | null },
): boolean {
  if (industries.includes(enterprise.industry)) return true;
  return (
    industries.includes('危险化学品') &&
    ['dangerous_goods', 'hazardous_chemicals_user'].includes(enterprise.evaluationCategory ?? '')
  );
}

/**
 * How an indicator's measure becomes points (`w` its weight, `p` its parameter):
 * - `proportional`: w × rate (no cases to measure: full points);
 * - `target`: w when rate ≥ p (e.g. 1 for a 100 % target), else 0;
 * - `deduct`: w − p per counted item, not below 0;
 * - `limit`: w when value ≤ p, else w × p / value (no value: full points);
 * - `manual`: the inspector's points, 0 to w.
 */
export const SCORING_RULES = ['proportional', 'target', 'deduct', 'limit', 'manual'] as const;
export type ScoringRule = (typeof SCORING_RULES)[number];

/** The rules each measure can be scored by. */
export const METRIC_RULES: Record<AssessmentMetric, readonly ScoringRule[]> = {
  major_hazard_rectification: ['target', 'proportional'],
  on_time_rectification: ['proportional', 'target'],
  overdue_hazards: ['deduct'],
  drill_duties: ['proportional', 'target', 'deduct'],
  reports_on_time: ['proportional', 'target', 'deduct'],
  incidents: ['deduct'],
  alarm_handling: ['limit'],
  training_coverage: ['proportional', 'target', 'deduct'],
  operation_certificates: ['target', 'proportional', 'deduct'],
  safety_funds: ['target', 'proportional'],
  work_plan: ['proportional', 'target', 'deduct'],
  safety_office: ['target', 'deduct'],
  responsibility_statements: ['proportional', 'target', 'deduct'],
  supervised_inspections: ['proportional', 'target', 'deduct'],
  supervised_major_hazards: ['target', 'proportional'],
  supervised_overdue_hazards: ['deduct'],
  manual: ['manual'],
};

/** What the evidence behind an indicator is: records the system links, or files an inspector attaches. */
export const EVIDENCE_KINDS = ['records', 'files'] as const;
export type EvidenceKind = (typeof EVIDENCE_KINDS)[number];

/** The severities that fall under the one-vote veto (一票否决): relatively serious or graver. */
export const VETO_SEVERITIES: readonly Severity[] = ['relatively_serious', 'serious', 'especially_serious'];

/**
 * Bands by the total out of 100 (the weights of a scheme add up to 100): 优秀 from 90, 良好 from
 * 80, 合格 from 60, 不合格 below 60 or under the veto.
 */
export const ASSESSMENT_BANDS = ['excellent', 'good', 'pass', 'fail'] as const;
export type AssessmentBand = (typeof ASSESSMENT_BANDS)[number];
export const BAND_THRESHOLDS: Record<Exclude<AssessmentBand, 'fail'>, number> = {
  excellent: 90,
  good: 80,
  pass: 60,
};

export function assessmentBand(total: number, vetoed: boolean): AssessmentBand {
  if (vetoed) return 'fail';
  if (total >= BAND_THRESHOLDS.excellent) return 'excellent';
  if (total >= BAND_THRESHOLDS.good) return 'good';
  if (total >= BAND_THRESHOLDS.pass) return 'pass';
  return 'fail';
}

export const ASSESSMENT_BAND_TEXT: Record<AssessmentBand, [zh: string, en: string]> = {
  excellent: ['优秀', 'Excellent'],
  good: ['良好', 'Good'],
  pass: ['合格', 'Pass'],
  fail: ['不合格', 'Fail'],
};

export interface IndicatorInput {
  group: string;
  name: string;
  metric: AssessmentMetric;
  rule: ScoringRule;
  weight: number;
  /** The rule's parameter (target rate, points per item, limit in minutes); null for proportional and manual. */
  param: number | null;
  evidence: EvidenceKind;
  /** Only for `incidents`: a relatively serious or graver incident fails the whole sheet. */
  veto: boolean;
}

export interface IndicatorView extends IndicatorInput {
  id: string;
  position: number;
}

export type SchemeStatus = 'draft' | 'published';

export interface SchemeView {
  id: string;
  year: number;
  /** Enterprises, or the zone's departments. */
  subject: AssessmentSubject;
  title: string;
  /** Days after publication in which an enterprise may object to its sheet. */
  objectionDays: number;
  status: SchemeStatus;
  publishedAt: string | null;
  /** The last day an objection is taken (zone-local), once published. */
  objectionsUntil: string | null;
  indicators: IndicatorView[];
}

/** What a computed point stands on: the figures and the records counted. */
export interface ScoreEvidence {
  /** A rate's numerator and denominator, a count, or a value, as the measure has them. */
  numerator?: number;
  denominator?: number;
  count?: number;
  value?: number | null;
  /** Incidents by severity, for `incidents`. */
  bySeverity?: Partial<Record<Severity, number>>;
  /** Records behind the figure (hazards overdue, duties overdue), for the sheet to list. */
  items?: string[];
}

export interface ScoreView {
  indicatorId: string;
  points: number | null;
  evidence: ScoreEvidence | null;
  note: string;
  files: { id: string; name: string }[];
  scoredBy: string | null;
  scoredAt: string | null;
}

export interface ObjectionView {
  id: string;
  sheetId: string;
  text: string;
  filedBy: string;
  filedAt: string;
  reply: string | null;
  repliedBy: string | null;
  repliedAt: string | null;
}

/**
 * One enterprise's (or zone department's) line in the ranking. `S`: the scheme's subjects; an
 * enterprise scheme's lines (the default) always name their enterprise.
 */
export interface SheetSummary<S extends AssessmentSubject = 'enterprise'> {
  id: string;
  schemeId: string;
  year: number;
  subject: S;
  /** Null on a department's sheet. */
  enterpriseId: S extends 'enterprise' ? string : null;
  /** A zone department's sheet: the department's name. */
  department: S extends 'department' ? string : null;
  /** The enterprise's or department's name as it was assessed. */
  enterpriseName: string;
  total: number;
  vetoed: boolean;
  band: AssessmentBand;
  /** Competition ranking (1, 1, 3): equal totals share a place. */
  rank: number;
  /** Manual indicators still without points. */
  unscored: number;
  published: boolean;
}

/** A line of either kind of scheme. */
export type AnySheetSummary = SheetSummary<AssessmentSubject>;

export interface SheetView<S extends AssessmentSubject = 'enterprise'> extends SheetSummary<S> {
  scheme: SchemeView;
  scores: ScoreView[];
  objections: ObjectionView[];
  /** An objection may still be filed (published, inside the period). */
  objectionOpen: boolean;
  computedAt: string | null;
  /** A department's duties from the zone's responsibility list, as assessed. */
  duties: string[];
}

export type AnySheetView = SheetView<AssessmentSubject>;

export const NOTICE_KINDS = ['commendation', 'criticism'] as const;
export type NoticeKind = (typeof NOTICE_KINDS)[number];

export interface NoticeView {
  id: string;
  schemeId: string;
  kind: NoticeKind;
  documentNo: string;
  enterprises: { id: string; name: string; total: number; band: AssessmentBand }[];
  issuedAt: string;
}

/** Points of one indicator from its measure; manual indicators are scored by hand. */
export function pointsFor(
  indicator: Pick<IndicatorInput, 'rule' | 'weight' | 'param'>,
  measure: { rate?: number | null; count?: number; value?: number | null },
): number {
  const w = indicator.weight;
  const p = indicator.param ?? 0;
  switch (indicator.rule) {
    case 'proportional':
      return round2(measure.rate == null ? w : w * measure.rate);
    case 'target':
      return measure.rate == null || measure.rate >= p ? w : 0;
    case 'deduct':
      return round2(Math.max(0, w - p * (measure.count ?? 0)));
    case 'limit':
      return round2(measure.value == null || measure.value <= p ? w : (w * p) / measure.value);
    case 'manual':
      return 0;
  }
}

export function round2(n: number): number {
  return Math.round(n * 100) / 100;
}

/** Competition ranking over totals, highest first; a vetoed sheet ranks below every other. */
export function rankSheets<T extends { total: number; vetoed: boolean; name: string }>(
  sheets: T[],
): (T & { rank: number })[] {
  const key = (s: T) => (s.vetoed ? -1 : s.total);
  const sorted = [...sheets].sort((a, b) => key(b) - key(a) || a.name.localeCompare(b.name, 'zh-CN'));
  return sorted.map((s) => ({ ...s, rank: 1 + sorted.filter((o) => key(o) > key(s)).length }));
}

/** The number of a notice: 杜集开发区考核表彰〔2026〕1号 / 杜集开发区考核通报〔2026〕1号. */
export function formatNoticeDocumentNo(kind: NoticeKind, no: { year: number; seq: number }): string {
  return zoneDocumentNo(kind === 'commendation' ? '考核表彰' : '考核通报', no);
}

/** The leaders' dashboard (驾驶舱): the zone at a glance, as one read. */
export interface CockpitView {
  generatedAt: string;
  year: number;
  /** The plan's three targets: this year and last, by grade of real incidents. */
  targets: {
    thisYear: Record<Severity, number>;
    lastYear: Record<Severity, number>;
  };
  incidentsByMonth: { thisYear: number[]; lastYear: number[] };
  openIncidents: {
    id: string;
    title: string;
    severity: Severity;
    status: string;
    lat: number;
    lng: number;
    enterpriseName: string | null;
  }[];
  hazards: {
    open: number;
    overdue: number;
    major: { found: number; closed: number; rate: number | null };
  };
  /** Risk points by grade (major, large, general, low, unassessed). */
  risks: Record<string, number>;
  drills: { due: number; overdue: number };
  alarms: { open: number };
  callouts: { active: number; items: { id: string; title: string; startedAt: string }[] };
  ranking: {
    year: number | null;
    items: { enterpriseName: string; total: number; band: AssessmentBand; rank: number }[];
  };
}
