/**
 * Enterprises' implementation plans (实施方案) of the zone's safety production work plan: the
 * template the zone publishes each year, the plan each enterprise fills in from it, the zone's
 * review, and the quarterly progress reports on its tasks. Types and the pure rules both the
 * server and the console apply (quarter due dates and states, what a plan still lacks).
 */
import type { FileView } from './hazards.js';

/** Where a section of the template stands in the zone's plan (二、工作目标; 三、具体工作举措; 四、保障措施). */
export const WORK_PLAN_SECTION_KINDS = ['goals', 'tasks', 'safeguards'] as const;
export type WorkPlanSectionKind = (typeof WORK_PLAN_SECTION_KINDS)[number];

/** A task heading every enterprise's plan must answer, drawn from the zone plan's key tasks. */
export interface WorkPlanTemplateTask {
  key: string;
  heading: string;
  /** What the zone expects under it (the plan's own words). */
  guidance: string;
}

export interface WorkPlanTemplateSection {
  key: string;
  kind: WorkPlanSectionKind;
  title: string;
  guidance: string;
  /** Required task headings; only sections of kind `tasks` have them. */
  tasks: WorkPlanTemplateTask[];
}

export type WorkPlanTemplateStatus = 'draft' | 'published';

export interface WorkPlanTemplateView {
  id: string;
  year: number;
  title: string;
  status: WorkPlanTemplateStatus;
  /** Zone-local day by the end of which each enterprise submits its plan. */
  submissionDeadline: string;
  sections: WorkPlanTemplateSection[];
  publishedAt: string | null;
  updatedAt: string;
}

export const WORK_PLAN_STATUSES = ['draft', 'submitted', 'returned', 'approved'] as const;
export type WorkPlanStatus = (typeof WORK_PLAN_STATUSES)[number];

/** One task of an enterprise's plan: a template heading answered, or one of its own. */
export interface WorkPlanTask {
  /** The template task's key, or `x-…` for a task the enterprise added. */
  key: string;
  /** The `tasks` section it belongs to. */
  sectionKey: string;
  heading: string;
  measures: string;
  /** A person of the enterprise's directory; their name as it was when the plan was saved. */
  responsibleContactId: string | null;
  responsibleName: string | null;
  /** Zone-local day the task is to be done by, within the plan's year. */
  deadline: string | null;
  extra: boolean;
}

/** What the enterprise wrote under a goals or safeguards section. */
export interface WorkPlanSectionText {
  key: string;
  text: string;
}

export interface WorkPlanContent {
  /** The text of each goals and safeguards section, in the template's order. */
  sections: WorkPlanSectionText[];
  tasks: WorkPlanTask[];
}

export interface WorkPlanSectionComment {
  sectionKey: string;
  comment: string;
}

export type WorkPlanDecision = 'approved' | 'returned';

/** One submission of a plan, as submitted, with the zone's review of it. */
export interface WorkPlanVersionView {
  version: number;
  content: WorkPlanContent;
  submittedAt: string;
  submittedBy: string | null;
  /** Submitted after the template's deadline (zone-local day). */
  late: boolean;
  decision: WorkPlanDecision | null;
  reviewedAt: string | null;
  reviewedBy: string | null;
  comment: string | null;
  sectionComments: WorkPlanSectionComment[];
}

export const PROGRESS_STATUSES = ['not_started', 'in_progress', 'done', 'delayed'] as const;
export type ProgressStatus = (typeof PROGRESS_STATUSES)[number];

export interface WorkPlanProgressEntry {
  taskKey: string;
  status: ProgressStatus;
  percent: number;
  /** Why a delayed task is behind; null otherwise. */
  reason: string | null;
  evidence: FileView[];
}

export const QUARTERS = [1, 2, 3, 4] as const;
export type Quarter = (typeof QUARTERS)[number];

export interface WorkPlanProgressReportView {
  quarter: Quarter;
  dueOn: string;
  firstSubmittedAt: string;
  submittedAt: string;
  submittedBy: string | null;
  /** First submitted after its due day. */
  late: boolean;
  note: string;
  entries: WorkPlanProgressEntry[];
}

/**
 * A quarter's report as the zone's matrix shows it: not owed (no approved plan, or approved after
 * the quarter ended), upcoming (not open yet), open (may be submitted, not due yet), submitted on
 * time, late, or missing (due day passed without one).
 */
export const QUARTER_STATES = ['not_owed', 'upcoming', 'open', 'submitted', 'late', 'missing'] as const;
export type QuarterState = (typeof QUARTER_STATES)[number];

export interface WorkPlanQuarterCell {
  quarter: Quarter;
  dueOn: string;
  state: QuarterState;
  submittedAt: string | null;
}

export interface WorkPlanView {
  id: string;
  enterpriseId: string;
  enterpriseName: string;
  year: number;
  templateId: string;
  status: WorkPlanStatus;
  content: WorkPlanContent;
  /** Submissions so far. */
  versions: number;
  firstSubmittedAt: string | null;
  submittedAt: string | null;
  /** First submitted after the template's deadline. */
  submittedLate: boolean;
  approvedAt: string | null;
  updatedAt: string;
}

export interface WorkPlanDetail extends WorkPlanView {
  template: WorkPlanTemplateView;
  /** Every submission, newest first, with its review. */
  history: WorkPlanVersionView[];
  reports: WorkPlanProgressReportView[];
  quarters: WorkPlanQuarterCell[];
}

export interface WorkPlanTaskTally {
  total: number;
  done: number;
  delayed: number;
}

/** One enterprise's row of the zone's overview. */
export interface WorkPlanOverviewRow {
  enterpriseId: string;
  enterpriseName: string;
  planId: string | null;
  status: WorkPlanStatus | 'not_started';
  firstSubmittedAt: string | null;
  submittedLate: boolean;
  approvedAt: string | null;
  quarters: WorkPlanQuarterCell[];
  /** By the latest report's status of each task; null before any report. */
  tasks: WorkPlanTaskTally | null;
}

export interface WorkPlanOverview {
  year: number;
  template: WorkPlanTemplateView | null;
  rows: WorkPlanOverviewRow[];
}

/** What the assessment scores of an enterprise's plan in a year. */
export interface WorkPlanEnterpriseStatus {
  enterpriseId: string;
  year: number;
  submitted: boolean;
  /** The plan is owed by now: the year's template is published, and it was submitted or its deadline passed. */
  planDue: boolean;
  /** First submitted by the template's deadline. */
  submittedOnTime: boolean;
  approved: boolean;
  /** Quarters whose report was owed and is due by now. */
  quartersDue: number;
  quartersOnTime: number;
  quartersLate: number;
  quartersMissing: number;
}

/** Days after a quarter's end its progress report is due: the 10th of the following month. */
export const QUARTER_REPORT_GRACE_DAYS = 10;

function isoDay(y: number, month: number, day: number): string {
  return new Date(Date.UTC(y, month - 1, day)).toISOString().slice(0, 10);
}

export function quarterStartOn(year: number, q: Quarter): string {
  return isoDay(year, (q - 1) * 3 + 1, 1);
}

export function quarterEndOn(year: number, q: Quarter): string {
  // Day 0 of the next month is the last day of this one.
  return isoDay(year, q * 3 + 1, 0);
}

/** A report opens with the quarter's last month: progress is reported as the quarter closes. */
export function quarterOpensOn(year: number, q: Quarter): string {
  return isoDay(year, q * 3, 1);
}

/** The zone-local day a quarter's report is due by: 10 days after the quarter ends. */
export function quarterDueOn(year: number, q: Quarter): string {
  return isoDay(year, q * 3 + 1, QUARTER_REPORT_GRACE_DAYS);
}

/** Whether an approved plan owes this quarter's report: it was approved by the quarter's end. */
export function quarterOwed(year: number, q: Quarter, approvedOn: string | null): boolean {
  return approvedOn !== null && approvedOn <= quarterEndOn(year, q);
}

/** A quarter's cell of the matrix; days are zone-local 'YYYY-MM-DD'. */
export function quarterState(input: {
  year: number;
  quarter: Quarter;
  approvedOn: string | null;
  submittedOn: string | null;
  today: string;
}): QuarterState {
  const { year, quarter, approvedOn, submittedOn, today } = input;
  const due = quarterDueOn(year, quarter);
  if (submittedOn) return submittedOn <= due ? 'submitted' : 'late';
  if (!quarterOwed(year, quarter, approvedOn)) return 'not_owed';
  if (today > due) return 'missing';
  return today >= quarterOpensOn(year, quarter) ? 'open' : 'upcoming';
}

/** The empty plan a template starts: one task per required heading, no text yet. */
export function blankWorkPlan(sections: readonly WorkPlanTemplateSection[]): WorkPlanContent {
  return {
    sections: sections.filter((s) => s.kind !== 'tasks').map((s) => ({ key: s.key, text: '' })),
    tasks: sections.flatMap((s) =>
      s.tasks.map((t) => ({
        key: t.key,
        sectionKey: s.key,
        heading: t.heading,
        measures: '',
        responsibleContactId: null,
        responsibleName: null,
        deadline: null,
        extra: false,
      })),
    ),
  };
}

/**
 * What a plan still lacks before it can be submitted, each as `field: problem` (the field a
 * path into the content: `sections.goals`, `tasks.t-2-1.measures`): every goals and safeguards
 * section written, every required task answered, and every task with measures, a responsible
 * person and a deadline within the year.
 */
export function workPlanGaps(
  year: number,
  sections: readonly WorkPlanTemplateSection[],
  content: WorkPlanContent,
): string[] {
  const gaps: string[] = [];
  for (const s of sections) {
    if (s.kind !== 'tasks' && !(content.sections.find((x) => x.key === s.key)?.text ?? '').trim()) {
      gaps.push(`sections.${s.key}: 「${s.title}」 is not written yet`);
    }
    for (const t of s.tasks) {
      if (!content.tasks.some((x) => x.key === t.key))
        gaps.push(`tasks.${t.key}: 「${t.heading}」 is required`);
    }
  }
  for (const t of content.tasks) {
    if (!t.heading.trim()) gaps.push(`tasks.${t.key}.heading: is empty`);
    if (!t.measures.trim()) gaps.push(`tasks.${t.key}.measures: 「${t.heading}」 has no measures`);
    if (!t.responsibleContactId)
      gaps.push(`tasks.${t.key}.responsibleContactId: 「${t.heading}」 names no one`);
    if (!t.deadline) gaps.push(`tasks.${t.key}.deadline: 「${t.heading}」 has no deadline`);
    else if (!t.deadline.startsWith(`${year}-`)) {
      gaps.push(`tasks.${t.key}.deadline: 「${t.heading}」 is due outside ${year}`);
    }
  }
  return gaps;
}

/**
 * The template drawn from the zone's work plan (杜集经济开发区安全生产工作方案): its goals, the key
 * tasks that fall to enterprises (the zone's own supervisory tasks are left out), and the
 * safeguards. The zone edits it each year before publishing.
 */
export const ZONE_WORK_PLAN_SECTIONS: WorkPlanTemplateSection[] = [
  {
    key: 'goals',
    kind: 'goals',
    title: '工作目标',
    guidance:
      '对照园区总体目标（杜绝重特大生产安全事故，遏制较大生产安全事故，减少一般生产安全事故）和具体目标，写明本企业本年度安全生产工作目标，重大安全隐患整改率达到 100%。',
    tasks: [],
  },
  {
    key: 'responsibility',
    kind: 'tasks',
    title: '强化安全责任落实',
    guidance: '法定代表人、实际控制人是安全生产第一责任人，对本单位安全生产工作全面负责。',
    tasks: [
      {
        key: 'responsibility-system',
        heading: '建立健全安全生产责任制',
        guidance: '明确各部门、各岗位的安全生产职责，将责任层层压实到每一个环节、每一个岗位、每一名员工。',
      },
    ],
  },
  {
    key: 'hazards',
    kind: 'tasks',
    title: '加强安全隐患排查治理',
    guidance: '结合自身实际，定期组织开展安全隐患排查治理工作。',
    tasks: [
      {
        key: 'hazard-plan',
        heading: '制定隐患排查计划',
        guidance: '明确排查的时间、范围、内容和方式。',
      },
      {
        key: 'hazard-ledger',
        heading: '建立隐患排查治理台账',
        guidance:
          '详细记录隐患的位置、性质、程度、整改措施、整改责任人、整改期限，按“整改措施、责任、资金、时限、预案”五落实的要求及时整改。',
      },
      {
        key: 'hazard-closure',
        heading: '实行隐患整改闭环管理',
        guidance: '隐患整改到位、验收合格后销号。',
      },
    ],
  },
  {
    key: 'technology',
    kind: 'tasks',
    title: '提升本质安全水平',
    guidance: '推广应用先进的安全技术和装备，提高企业的本质安全水平。',
    tasks: [
      {
        key: 'technology-equipment',
        heading: '推广应用先进安全技术和装备',
        guidance: '配合园区安全生产信息化建设，实现安全生产状况的实时监控和动态管理。',
      },
    ],
  },
  {
    key: 'culture',
    kind: 'tasks',
    title: '推进安全文化建设',
    guidance: '提高员工的安全意识和自我保护能力，营造浓厚的安全文化氛围。',
    tasks: [
      {
        key: 'culture-education',
        heading: '开展安全生产宣传教育培训',
        guidance: '通过培训班、讲座、展览、演练等形式宣传安全生产法律法规和安全知识。',
      },
      {
        key: 'culture-model',
        heading: '加强企业安全文化建设',
        guidance: '培育企业安全文化，积极参加安全文化示范企业创建活动。',
      },
    ],
  },
  {
    key: 'funds',
    kind: 'safeguards',
    title: '资金保障',
    guidance: '按照国家有关规定提取和使用安全生产费用，保证安全投入到位。',
    tasks: [],
  },
  {
    key: 'organisation',
    kind: 'safeguards',
    title: '组织保障',
    guidance: '成立安全生产工作机构，明确专人负责安全生产工作，确保各项任务落到实处。',
    tasks: [],
  },
  {
    key: 'oversight',
    kind: 'safeguards',
    title: '监督考核',
    guidance: '建立内部安全生产检查考核机制，考核结果与评先评优、绩效挂钩。',
    tasks: [],
  },
];
