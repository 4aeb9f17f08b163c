/**
 * Safety culture (安全文化): publicity activities, and the model-enterprise programme
 * (安全文化建设示范企业创建) with the zone's yearly criteria, an enterprise's application with its
 * self-assessment and evidence, the zone's review and the award. See docs/safety-culture.md.
 */
import type { FileView } from './hazards.js';

/**
 * Kinds of publicity activity: 安全生产月 (June), 安全宣传咨询日 (the Month's consultation day),
 * 119 消防宣传日, 知识竞赛, 展览/展板, 讲座/报告会, 应急演练开放日 and other.
 */
export const CULTURE_ACTIVITY_KINDS = [
  'safety_month',
  'consultation_day',
  'fire_day',
  'contest',
  'exhibition',
  'lecture',
  'open_day',
  'other',
] as const;
export type CultureActivityKind = (typeof CULTURE_ACTIVITY_KINDS)[number];

export interface CultureParticipant {
  id: string;
  name: string;
}

export interface CultureActivityView {
  id: string;
  /** The organising enterprise; null when the zone's committee organised it. */
  enterpriseId: string | null;
  organiserName: string;
  /** Zone-local date it was held. */
  heldOn: string;
  kind: CultureActivityKind;
  title: string;
  place: string;
  participantCount: number;
  /** People of the directory named as taking part (the count may be larger). */
  participants: CultureParticipant[];
  description: string;
  /** Images only. */
  photos: FileView[];
  createdAt: string;
  updatedAt: string;
}

/** One organiser's activities of a year, by kind. */
export interface CultureOrganiserCount {
  enterpriseId: string | null;
  organiserName: string;
  total: number;
  participants: number;
  byKind: Partial<Record<CultureActivityKind, number>>;
}

export interface CultureYearStats {
  year: number;
  total: number;
  participants: number;
  byKind: Partial<Record<CultureActivityKind, number>>;
  /** Per month 1–12 (index 0 is January). */
  byMonth: number[];
  byOrganiser: CultureOrganiserCount[];
}

/** One item of the zone's criteria: what is scored, its points, and the evidence expected. */
export interface ModelCriteriaItem {
  /** Stable within the year, e.g. "A1.2"; the applications' items refer to it. */
  code: string;
  /** The element it belongs to (e.g. 安全承诺). */
  section: string;
  title: string;
  points: number;
  evidence: string;
}

export interface ModelCriteriaView {
  year: number;
  items: ModelCriteriaItem[];
  totalPoints: number;
  /** Reviewed points needed for the award. */
  passScore: number;
  /** An incident of relatively serious grade or worse within this many years blocks applying. */
  incidentYears: number;
  /** Years the title is valid, counting the award year. */
  validityYears: number;
  updatedAt: string;
}

export const MODEL_APPLICATION_STATUSES = ['draft', 'submitted', 'returned', 'awarded', 'declined'] as const;
export type ModelApplicationStatus = (typeof MODEL_APPLICATION_STATUSES)[number];

/** Which prerequisite, and whether it holds: a failing one blocks submitting. */
export const MODEL_PREREQUISITES = ['no_serious_incident', 'no_overdue_major_hazard'] as const;
export type ModelPrerequisite = (typeof MODEL_PREREQUISITES)[number];

export interface ModelPrerequisiteCheck {
  code: ModelPrerequisite;
  ok: boolean;
  /** What was found: incidents of relatively serious grade or worse, or overdue major hazards. */
  count: number;
  /** The window looked at, for incidents (years back from the check). */
  years: number | null;
  /** Zone-local date the window starts, for incidents. */
  since: string | null;
}

export interface ModelApplicationItemView {
  code: string;
  selfScore: number | null;
  selfNote: string;
  evidence: FileView[];
  reviewScore: number | null;
  reviewNote: string;
}

export interface ModelApplicationView {
  id: string;
  enterpriseId: string;
  enterpriseName: string;
  year: number;
  status: ModelApplicationStatus;
  items: ModelApplicationItemView[];
  selfTotal: number;
  reviewTotal: number;
  submittedAt: string | null;
  /** What the zone asked for when it returned the application. */
  returnNote: string | null;
  decidedAt: string | null;
  decisionReason: string | null;
  /** The last day the title holds, once awarded. */
  validUntil: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface ModelApplicationDetail {
  application: ModelApplicationView;
  criteria: ModelCriteriaView;
  /** As of now, for the applying enterprise. */
  prerequisites: ModelPrerequisiteCheck[];
}

/** A title held: what the public list and the assessment read. */
export interface ModelEnterpriseView {
  enterpriseId: string;
  enterpriseName: string;
  title: string;
  year: number;
  awardedOn: string;
  validUntil: string;
}

export const MODEL_ENTERPRISE_TITLE = '安全文化建设示范企业';

/** The last day a title awarded for `year` holds: the end of its last year of validity. */
export function modelTitleValidUntil(year: number, validityYears: number): string {
  return `${year + validityYears - 1}-12-31`;
}

/** Sum of points, kept to a tenth (scores may be given in halves and tenths). */
export function sumPoints(values: readonly (number | null)[]): number {
  return Math.round(values.reduce<number>((s, v) => s + (v ?? 0), 0) * 10) / 10;
}

/**
 * The checklist the zone starts a year from, after the structure of the national 安全文化建设
 * 示范企业评价标准 and the elements of AQ/T 9004-2008 企业安全文化建设导则 (our reading, see
 * docs/safety-culture.md): 100 points over the organisation behind the work and the seven elements,
 * plus the enterprise's results and features. The zone edits it before publishing a year.
 */
export const MODEL_CRITERIA_TEMPLATE: ModelCriteriaItem[] = [
  {
    code: 'A1',
    section: '组织保障',
    title: '成立由主要负责人牵头的安全文化建设领导机构，明确归口部门和人员',
    points: 6,
    evidence: '成立文件、职责分工',
  },
  {
    code: 'A2',
    section: '组织保障',
    title: '制定安全文化建设规划和年度实施计划，保障经费投入',
    points: 6,
    evidence: '规划、年度计划、经费使用记录',
  },
  {
    code: 'B1',
    section: '安全承诺',
    title: '确立安全理念、愿景、使命和目标，形成文字并广泛宣贯',
    points: 6,
    evidence: '理念手册、宣贯记录、现场标识照片',
  },
  {
    code: 'B2',
    section: '安全承诺',
    title: '主要负责人和各级管理者作出安全承诺并带头履行',
    points: 6,
    evidence: '承诺书、领导带班和讲安全课记录',
  },
  {
    code: 'C1',
    section: '行为规范与程序',
    title: '建立覆盖各岗位的安全行为规范和操作规程，并定期评审修订',
    points: 8,
    evidence: '行为规范、操作规程、评审修订记录',
  },
  {
    code: 'C2',
    section: '行为规范与程序',
    title: '开展不安全行为观察与纠正，作业现场标准化、可视化',
    points: 6,
    evidence: '行为观察记录、现场照片',
  },
  {
    code: 'D1',
    section: '安全行为激励',
    title: '建立安全绩效考核和奖惩制度，将安全表现纳入员工考核',
    points: 6,
    evidence: '考核办法、奖惩兑现记录',
  },
  {
    code: 'D2',
    section: '安全行为激励',
    title: '对报告隐患、提出安全建议的员工给予表彰和奖励',
    points: 4,
    evidence: '隐患随手拍或合理化建议台账、奖励记录',
  },
  {
    code: 'E1',
    section: '安全信息传播与沟通',
    title: '利用宣传栏、内刊、网络平台等多种载体传播安全信息',
    points: 6,
    evidence: '宣传载体照片或截图',
  },
  {
    code: 'E2',
    section: '安全信息传播与沟通',
    title: '开展安全生产月、安全宣传咨询日等主题活动，事故案例警示教育',
    points: 6,
    evidence: '活动方案、照片、签到表',
  },
  {
    code: 'F1',
    section: '自主学习与改进',
    title: '全员安全教育培训达到规定学时，特种作业人员持证上岗',
    points: 8,
    evidence: '培训计划、学时台账、持证清单',
  },
  {
    code: 'F2',
    section: '自主学习与改进',
    title: '开展事故、未遂事件和隐患的分析与经验分享，持续改进',
    points: 4,
    evidence: '分析报告、分享会记录',
  },
  {
    code: 'G1',
    section: '安全事务参与',
    title: '员工参与风险辨识、隐患排查和安全制度制定，工会依法监督',
    points: 6,
    evidence: '参与记录、职代会或工会监督记录',
  },
  {
    code: 'G2',
    section: '安全事务参与',
    title: '承包商、相关方纳入安全文化建设和统一管理',
    points: 4,
    evidence: '相关方管理制度、培训和检查记录',
  },
  {
    code: 'H1',
    section: '审核与评估',
    title: '定期开展安全文化建设评估，对发现的问题制定改进措施',
    points: 8,
    evidence: '评估报告、改进措施和落实情况',
  },
  {
    code: 'I1',
    section: '建设成效与特色',
    title: '安全生产标准化达标，安全生产形势持续稳定',
    points: 6,
    evidence: '标准化证书、事故统计',
  },
  {
    code: 'I2',
    section: '建设成效与特色',
    title: '形成具有企业特色的安全文化品牌和可推广的经验做法',
    points: 4,
    evidence: '特色做法材料、获奖或推广情况',
  },
];
