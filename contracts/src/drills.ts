/**
 * Drills (AQ/T 9007-2019, AQ/T 9009-2015, HSEEP): scenarios (the MSEL), runs with a scenario
 * clock, measured expected actions, evaluation, after-action reports and drill compliance.
 */
import type { ConsequenceModel } from './consequences.js';
import type { Casualties, IncidentCategory, MapFeatureKind, FeatureGeometry } from './incidents.js';
import type { PlanType } from './plans.js';
import type { RegulatoryCategory } from './regulatory-category.js';

/** 桌面 (discussion-based) / 实战 (operations-based). */
export const DRILL_FORMS = ['tabletop', 'live'] as const;
export type DrillForm = (typeof DRILL_FORMS)[number];

/** 单项 / 综合. */
export const DRILL_SCOPES = ['single_function', 'comprehensive'] as const;
export type DrillScope = (typeof DRILL_SCOPES)[number];

export const INJECT_KINDS = [
  /** A message to the target roles, posted in the drill room. */
  'message',
  /** A simulated (supplementary) incident report from the enterprise: figures may rise. */
  'incident_report',
  /** A map event: a hazard zone growing, a road closing… drawn on the drill room's map. */
  'map_event',
  /** A resource becomes unavailable for the rest of the drill. */
  'resource_unavailable',
  /** A responder cannot be reached for the rest of the drill: call-outs skip them. */
  'responder_unreachable',
] as const;
export type InjectKind = (typeof INJECT_KINDS)[number];

export interface MessageInjectContent {
  text: string;
}
export interface IncidentReportInjectContent {
  summary: string;
  casualties: Casualties;
  directLossCny: number;
}
export interface MapEventInjectContent {
  featureKind: MapFeatureKind;
  label: string;
  geometry: FeatureGeometry;
  radiusM?: number | null;
}
export interface ResourceUnavailableInjectContent {
  resourceId?: string | null;
  label: string;
}
export interface ResponderUnreachableInjectContent {
  contactId: string;
  name: string;
}
export type InjectContent =
  | MessageInjectContent
  | IncidentReportInjectContent
  | MapEventInjectContent
  | ResourceUnavailableInjectContent
  | ResponderUnreachableInjectContent;

/** Which room events count as having done an expected action. */
export const ACTION_MATCHES = [
  'callout_started',
  'callout_acknowledged',
  'callout_quorum_met',
  'task_done',
  'map_feature_added',
  'resource_dispatched',
  'level_set',
  'status_changed',
  'message_posted',
  'consequence_modelled',
] as const;
export type ActionMatchKind = (typeof ACTION_MATCHES)[number];

export interface ActionMatch {
  kind: ActionMatchKind;
  /** map_feature_added: the kind drawn (e.g. `cordon`). */
  featureKind?: MapFeatureKind;
  /** task_done / message_posted: text the title or message must contain. */
  textIncludes?: string;
  /** status_changed: the status reached. */
  status?: string;
}

export interface ExpectedAction {
  id: string;
  description: string;
  match: ActionMatch;
  /** Seconds after the inject is released by which the action should have happened. */
  targetSeconds: number;
  objectiveId: string | null;
}

export interface ScenarioInject {
  /** Stable within the scenario (expected actions and runs refer to it). */
  id: string;
  offsetSeconds: number;
  synopsis: string;
  kind: InjectKind;
  targetRoles: string[];
  content: InjectContent;
  expectedActions: ExpectedAction[];
}

export interface ScenarioObjective {
  id: string;
  text: string;
}

/** Where the drill's simulated incident happens; the drill room opens with this report. */
export interface ScenarioSetting {
  enterpriseId: string | null;
  category: IncidentCategory;
  title: string;
  address: string;
  location: { lat: number; lng: number };
  summary: string;
}

/** The part of a scenario that is versioned, copied, exported and imported. */
export interface ScenarioDocument {
  title: string;
  form: DrillForm;
  scope: DrillScope;
  /** The plan exercised; its type decides which drill requirement a run satisfies. */
  planId: string | null;
  responseLevel: string | null;
  objectives: ScenarioObjective[];
  /** Roles and teams taking part (e.g. 总指挥, 危化品救援队). */
  roles: string[];
  teamIds: string[];
  setting: ScenarioSetting;
  injects: ScenarioInject[];
}

export interface ScenarioView extends ScenarioDocument {
  id: string;
  version: number;
  enterpriseId: string | null;
  enterpriseName: string | null;
  planTitle: string | null;
  planType: PlanType | null;
  createdAt: string;
  updatedAt: string;
}

export interface ScenarioVersionSummary {
  version: number;
  title: string;
  createdAt: string;
  /** The author's name (null for the demo seed and imports by the system). */
  createdBy: string | null;
}

/** The JSON a scenario is exported as and imported from. */
export interface ScenarioExport {
  format: 'muster.drill-scenario';
  formatVersion: 1;
  exportedAt: string;
  scenario: ScenarioDocument;
}

export const RUN_STATUSES = ['scheduled', 'running', 'paused', 'ended', 'cancelled'] as const;
export type RunStatus = (typeof RUN_STATUSES)[number];

export const RUN_INJECT_STATES = ['pending', 'released', 'skipped'] as const;
export type RunInjectState = (typeof RUN_INJECT_STATES)[number];

export interface RunInjectView extends ScenarioInject {
  /** The run's own id for this inject (scenario ids repeat across runs). */
  runInjectId: string;
  order: number;
  state: RunInjectState;
  source: 'scenario' | 'added';
  releasedAt: string | null;
  /** Scenario time when it was released (or skipped). */
  releasedAtSeconds: number | null;
  /** Release by hand ("release now") rather than by the clock. */
  releasedBy: string | null;
}

export interface RosterView {
  contacts: { contactId: string; name: string; phone: string | null }[];
  teams: { teamId: string; name: string }[];
  evaluators: { userId: string; name: string }[];
}

/** People who may direct or evaluate a run, for the scheduling form (users are otherwise the admin's). */
export interface StaffMember {
  id: string;
  name: string;
  role: string;
}

export interface DrillStaffView {
  directors: StaffMember[];
  evaluators: StaffMember[];
}

export interface ScenarioClock {
  /** Scenario seconds elapsed at `asOf`. */
  elapsedSeconds: number;
  running: boolean;
  asOf: string;
}

export interface RunView {
  id: string;
  scenarioId: string;
  scenarioVersion: number;
  title: string;
  form: DrillForm;
  scope: DrillScope;
  planType: PlanType | null;
  enterpriseId: string | null;
  enterpriseName: string | null;
  status: RunStatus;
  scheduledFor: string;
  directorId: string;
  directorName: string;
  incidentId: string | null;
  startedAt: string | null;
  endedAt: string | null;
  /** MEM Order 2 Art. 33: the drill's report to the competent department, once recorded. */
  departmentReport: DepartmentReportView | null;
  clock: ScenarioClock;
  roster: RosterView;
  injects: RunInjectView[];
  objectives: ScenarioObjective[];
  createdAt: string;
}

export type ActionOutcome = 'met' | 'late' | 'missed' | 'pending' | 'not_released';

export interface ActionMetric {
  injectId: string;
  actionId: string;
  description: string;
  objectiveId: string | null;
  targetSeconds: number;
  /** Scenario seconds when the inject was released. */
  releasedAtSeconds: number | null;
  /** Seconds from the inject's release to the matching room event. */
  achievedAfterSeconds: number | null;
  matchedSeq: number | null;
  outcome: ActionOutcome;
}

export type ObjectiveOutcome = 'met' | 'partly_met' | 'not_met' | 'pending';

export interface ObjectiveMetric {
  objectiveId: string;
  text: string;
  outcome: ObjectiveOutcome;
  actions: number;
  met: number;
}

export interface ResponderMetric {
  name: string;
  phone: string;
  state: string;
  channel: string | null;
  /** From first notification to the answer; null while unanswered. */
  secondsToRespond: number | null;
}

/** A roll call held in the drill: how long until everyone was accounted for, on the scenario clock. */
export interface RollCallMetric {
  rollCallId: string;
  /** Scenario second it was opened at; null if before the drill started. */
  openedAtSeconds: number | null;
  /** From opening to 100 % accounted for; null while (or if never) reached. */
  secondsToAllAccounted: number | null;
  /** The final numbers once closed, else the latest reported. */
  expected: number;
  accounted: number;
  missing: number;
  closed: boolean;
}

export interface RunMetrics {
  runId: string;
  /** Roll calls at the assembly points, in the order they were opened. */
  rollCalls: RollCallMetric[];
  actions: ActionMetric[];
  objectives: ObjectiveMetric[];
  responders: ResponderMetric[];
  /** Median seconds to acknowledge over those who acknowledged. */
  medianAckSeconds: number | null;
  acknowledged: number;
  paged: number;
  /** The consequence models run in the room, in order, with when on the scenario clock. */
  modelRuns: ModelRunMetric[];
}

export interface ModelRunMetric {
  modelRunId: string;
  seq: number;
  model: ConsequenceModel;
  title: string;
  /** Scenario second it was run at; `null` before the drill started. */
  scenarioSeconds: number | null;
  /** Each zone's level and how far it reaches, worst first. */
  zones: { level: string; extentM: number | null }[];
}

export const OBSERVATION_KINDS = ['strength', 'improvement'] as const;
export type ObservationKind = (typeof OBSERVATION_KINDS)[number];

export interface ObservationView {
  id: string;
  runId: string;
  evaluatorId: string;
  evaluatorName: string;
  kind: ObservationKind;
  text: string;
  /** The room event it is about, if tagged to one. */
  eventSeq: number | null;
  scenarioSeconds: number;
  createdAt: string;
}

/** Evaluation dimensions in the spirit of AQ/T 9009-2015 and HSEEP's EEG. */
export const EVALUATION_DIMENSIONS = [
  'plan_applicability',
  'command_coordination',
  'information_reporting',
  'communications',
  'response_speed',
  'on_site_disposal',
  'resource_support',
  'personnel_safety',
] as const;
export type EvaluationDimension = (typeof EVALUATION_DIMENSIONS)[number];

export interface EvaluationScore {
  dimension: EvaluationDimension;
  /** 1 (poor) – 5 (excellent). */
  score: number;
  comment: string;
}

export interface EvaluationView {
  runId: string;
  evaluatorId: string;
  evaluatorName: string;
  scores: EvaluationScore[];
  overall: string;
  updatedAt: string;
}

export const IMPROVEMENT_STATUSES = ['open', 'done'] as const;
export type ImprovementStatus = (typeof IMPROVEMENT_STATUSES)[number];

export interface ImprovementItemView {
  id: string;
  runId: string;
  runTitle: string;
  enterpriseId: string | null;
  title: string;
  owner: string;
  dueOn: string;
  status: ImprovementStatus;
  overdue: boolean;
  completedAt: string | null;
  completionNote: string;
  createdAt: string;
}

export interface RunSummaryText {
  problems: string;
  lessons: string;
}

/** The after-action (summary) report of one run. */
export interface DrillReport {
  run: RunView;
  summary: RunSummaryText;
  metrics: RunMetrics;
  /** `text`: the event in words, in the language the report was asked for (Accept-Language). */
  timeline: { seq: number; type: string; at: string; scenarioSeconds: number; text: string }[];
  observations: ObservationView[];
  evaluations: EvaluationView[];
  /** Mean score per dimension over every evaluator's form. */
  dimensionAverages: { dimension: EvaluationDimension; average: number; forms: number }[];
  improvements: ImprovementItemView[];
}

/**
 * A drill duty of MEM Order 2 Art. 33: every unit, a comprehensive or special plan drill a year
 * and (with an on-site disposal plan) an on-site drill every half year; a listed unit, besides, a
 * drill of any of its plans every half year.
 */
export const DRILL_REQUIREMENTS = ['comprehensive_or_special', 'on_site', 'any_plan'] as const;
export type DrillRequirement = (typeof DRILL_REQUIREMENTS)[number];

export interface ComplianceItem {
  enterpriseId: string;
  enterpriseName: string;
  requirement: DrillRequirement;
  intervalMonths: 6 | 12;
  /** The enterprise's Art. 33 category; null while the zone has not recorded it. */
  category: RegulatoryCategory | null;
  /** Named in Art. 33's second paragraph (half-yearly drills, each reported to the department). */
  listed: boolean;
  lastDrillOn: string | null;
  lastRunId: string | null;
  dueOn: string;
  overdue: boolean;
  daysUntilDue: number;
}

/** An ended plan drill of a listed unit with no report to the competent department recorded. */
export interface UnreportedDrill {
  runId: string;
  enterpriseId: string;
  enterpriseName: string;
  title: string;
  planType: PlanType;
  endedOn: string;
}

/** One planned drill of a yearly drill plan (MEM Order 2 Art. 33); enterpriseId null: the zone's own. */
export interface DrillPlanEntryView {
  id: string;
  enterpriseId: string | null;
  enterpriseName: string | null;
  year: number;
  month: number;
  planType: PlanType;
  title: string;
}

/** A unit's (or the zone's) yearly drill plan against what it has done, per plan level. */
export interface PlanVsDone {
  enterpriseId: string | null;
  enterpriseName: string | null;
  year: number;
  /** False: the unit has no drill plan for the year, which Art. 33 asks it to make. */
  hasPlan: boolean;
  byType: {
    planType: PlanType;
    /** Planned for the whole year. */
    planned: number;
    /** Planned for the months already over. */
    plannedToDate: number;
    /** Ended drills of this plan level in the year. */
    done: number;
  }[];
  /** Fewer drills done than planned for the months already over, at some level. */
  behind: boolean;
}

/** `PUT /api/drills/runs/:id/department-report`: the drill's report to the competent department. */
export interface DepartmentReportView {
  reportedAt: string;
  department: string;
  fileId: string | null;
}

export interface ComplianceReport {
  asOf: string;
  items: ComplianceItem[];
  overdue: ComplianceItem[];
  /** Art. 33: listed units report each drill to the competent department; these have not. */
  unreported: UnreportedDrill[];
  /** Art. 33: the year's drill plan of each unit (and the zone's own) against the drills done. */
  planned: PlanVsDone[];
}
