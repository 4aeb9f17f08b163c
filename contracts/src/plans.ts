/**
 * Contingency plans (GB/T 29639-2020, MEM Order 2), their versions, response levels, disposal
 * cards, escalation policies and responsibility lists, as the API answers them.
 */
import type { IncidentCategory, Severity } from './incidents.js';
import type { InstallationGrade } from './installations.js';

export const PLAN_TYPES = ['comprehensive', 'special', 'on_site'] as const;
/** 综合应急预案 / 专项应急预案 / 现场处置方案. */
export type PlanType = (typeof PLAN_TYPES)[number];

/** What a plan guards against (risk identification of GB/T 29639 §5.2). */
export const PLAN_HAZARDS = [
  'fire',
  'explosion',
  'toxic_release',
  'poisoning_asphyxiation',
  'electrical',
  'mechanical',
  'confined_space',
  'work_at_height',
  'pressure_equipment',
  'vehicle',
  'natural_disaster',
  'environmental',
  'other',
] as const;
export type PlanHazard = (typeof PLAN_HAZARDS)[number];

export const PLAN_VERSION_STATUSES = ['draft', 'in_review', 'published', 'superseded'] as const;
export type PlanVersionStatus = (typeof PLAN_VERSION_STATUSES)[number];

/** MEM Order 2 Art. 36: what obliges a unit to revise its plan. */
export const REVISION_TRIGGERS = [
  'regulations_changed',
  'command_changed',
  'risk_changed',
  'resources_changed',
  'drill_or_response_findings',
  'other',
] as const;
export type RevisionTrigger = (typeof REVISION_TRIGGERS)[number];

/** The GB/T 29639-2020 outline of a comprehensive plan; special plans use a subset. */
export const PLAN_SECTION_KEYS = [
  'general',
  'organization',
  'reporting',
  'warning',
  'response_start',
  'response_disposal',
  'response_support',
  'response_end',
  'aftermath',
  'support_measures',
  'other',
] as const;
export type PlanSectionKey = (typeof PLAN_SECTION_KEYS)[number];

export interface PlanSection {
  key: PlanSectionKey;
  title: string;
  body: string;
}

export const ANNEX_KINDS = [
  'resource_list',
  'contact_list',
  'report_template',
  'map',
  'procedure',
  'other',
] as const;
export type AnnexKind = (typeof ANNEX_KINDS)[number];

export interface PlanAnnex {
  kind: AnnexKind;
  title: string;
  body: string;
}

/** One action of a level's checklist: who does it and how many minutes after activation. */
export interface LevelChecklistItem {
  item: string;
  /** The post or role that carries it out (e.g. 现场指挥), shown when no team is named. */
  role: string | null;
  teamId: string | null;
  targetMinutes: number;
}

export interface PlanOwner {
  /** null: the zone's own plan. */
  enterpriseId: string | null;
  enterpriseName: string | null;
}

export interface PlanVersionSummary {
  id: string;
  number: number;
  label: string;
  status: PlanVersionStatus;
  publishedAt: string | null;
  evaluationDueOn: string | null;
}

export interface PlanView extends PlanOwner {
  id: string;
  type: PlanType;
  code: string;
  title: string;
  scope: string;
  hazards: PlanHazard[];
  incidentCategories: IncidentCategory[];
  published: PlanVersionSummary | null;
  /** The draft or in-review version, if one is being prepared. */
  open: PlanVersionSummary | null;
  createdAt: string;
  updatedAt: string;
}

export interface PlanDetailView extends PlanView {
  versions: PlanVersionSummary[];
}

export interface PolicySummary {
  id: string;
  name: string;
  tierCount: number;
}

export interface PlanLevelView {
  id: string;
  versionId: string;
  /** 1 = the most severe response. */
  rank: number;
  code: string;
  name: string;
  activationCriteria: string;
  /** Accident grades (Decree 493) for which this level is the suggested response. */
  severities: Severity[];
  checklist: LevelChecklistItem[];
  policy: PolicySummary | null;
}

export interface DisposalCardView {
  id: string;
  versionId: string;
  position: number;
  post: string;
  title: string;
  hazards: string;
  steps: string[];
  precautions: string[];
  contacts: { name: string; phone: string }[];
}

/**
 * How a version was examined before publication (MEM Order 2 Art. 21): an expert review (评审),
 * which the article requires of the units it lists and of medium-size or larger ones, or for the
 * others a discussion (论证), e.g. with the employees.
 */
export const PLAN_REVIEW_KINDS = ['expert_review', 'discussion'] as const;
export type PlanReviewKind = (typeof PLAN_REVIEW_KINDS)[number];

export interface PlanReviewMember {
  name: string;
  /** Employer or department, e.g. an outside expert's institute. */
  affiliation: string;
}

export interface PlanReviewView {
  kind: PlanReviewKind;
  heldOn: string;
  members: PlanReviewMember[];
  conclusion: string;
  recordedBy: string;
}

/** Art. 24: the principal's signature, then publication. */
export interface PlanSignatureView {
  signedBy: string;
  signedOn: string;
}

/** Art. 24: neighbouring units and people who may be affected are told of what concerns them. */
export interface NeighbourNoticeView {
  /** Whether the plan concerns anyone outside the unit (e.g. a toxic release's downwind zone). */
  required: boolean;
  notifiedOn: string | null;
  /** Who was told: units, villages, residents' committees. */
  notified: string[];
  /** How: a meeting, a letter, a notice board. */
  how: string;
}

/** A plan version's filing with the emergency management department (MEM Order 2 Art. 26). */
export interface PlanFilingView {
  /** Calendar day in the zone, 'YYYY-MM-DD'. */
  filedOn: string;
  /** The department it was filed with. */
  filedWith: string;
  /** The receipt number (备案编号) the department gave; '' when it gave none. */
  receiptNo: string;
  /** The filing receipt or the submitted document, an uploaded file. */
  fileId: string | null;
  recordedBy: string;
}

export interface PlanVersionView extends PlanVersionSummary {
  planId: string;
  sections: PlanSection[];
  annexes: PlanAnnex[];
  changeSummary: string;
  revisionTriggers: RevisionTrigger[];
  reviewDueOn: string | null;
  /** Filing with the regulator is due 20 working days after publication (MEM Order 2 Art. 26). */
  filingDueOn: string | null;
  /** The filing as recorded; null: not filed (or not recorded). */
  filing: PlanFilingView | null;
  /** Art. 21; null: not reviewed yet. A version is published only once reviewed and signed. */
  review: PlanReviewView | null;
  signature: PlanSignatureView | null;
  neighbourNotice: NeighbourNoticeView;
  submittedAt: string | null;
  submittedBy: string | null;
  publishedBy: string | null;
  supersededAt: string | null;
  levels: PlanLevelView[];
  cards: DisposalCardView[];
  createdAt: string;
  updatedAt: string;
}

export type SuggestionMatch =
  'enterprise_special' | 'enterprise_comprehensive' | 'zone_special' | 'zone_comprehensive';

export interface PlanSuggestionItem {
  match: SuggestionMatch;
  plan: PlanView;
  versionId: string;
  /** The level of that version mapped to the severity, or null when none is (or no severity given). */
  level: PlanLevelView | null;
}

export interface PlanSuggestion {
  category: IncidentCategory;
  enterpriseId: string | null;
  severity: Severity | null;
  /** Most specific first: enterprise special > enterprise comprehensive > zone special > zone comprehensive. */
  items: PlanSuggestionItem[];
  /** The enterprise's published on-site disposal plans for the category (post-level actions). */
  onSite: PlanView[];
  /** The enterprise's major hazard installations, graded first: why plans are suggested for them. */
  installations: SuggestionInstallation[];
}

/** A major hazard installation (重大危险源) of the enterprise and the suggested plans it calls for. */
export interface SuggestionInstallation {
  installationId: string;
  name: string;
  grade: InstallationGrade;
  chemicals: { name: string; maxQuantityT: number }[];
  /** What its chemicals can cause, as the hazards a plan guards against. */
  hazards: PlanHazard[];
  /**
   * The suggested plans it calls for: a comprehensive or special plan guarding against one of its
   * hazards, an on-site disposal plan naming it (by name or code) in its title or scope.
   */
  planIds: string[];
}

// ---- escalation policies -------------------------------------------------------------------

export const CHANNELS = ['sms', 'voice'] as const;
export type Channel = (typeof CHANNELS)[number];

export interface EscalationTierView {
  contactIds: string[];
  teamIds: string[];
  /** Page whoever is on call on this rotation when the tier starts. */
  rotationId: string | null;
  /** In order: each later channel is tried `voiceDelaySeconds` after the first. */
  channels: Channel[];
  /** Seconds after the SMS before the voice call, when both channels are used. */
  voiceDelaySeconds: number;
  /** Seconds to wait for `quorum` acknowledgements before repeating or moving to the next tier. */
  ackTimeoutSeconds: number;
  quorum: number;
  /** How many times the tier is paged again before the next tier (0: once only). */
  repeats: number;
}

export interface EscalationPolicyView extends PlanOwner {
  id: string;
  name: string;
  description: string;
  tiers: EscalationTierView[];
  createdAt: string;
  updatedAt: string;
}

export type RecipientSource =
  | { kind: 'contact' }
  | { kind: 'team'; teamId: string; teamName: string }
  | { kind: 'rotation'; rotationId: string; rotationName: string };

export interface PreviewRecipient {
  contactId: string;
  name: string;
  /** The number paged (the contact's first phone, E.164). */
  phone: string | null;
  via: RecipientSource[];
}

export interface PreviewTier {
  index: number;
  /** Seconds after the call-out starts when this tier is paged if no earlier tier reached quorum. */
  startsAfterSeconds: number;
  channels: Channel[];
  voiceDelaySeconds: number;
  ackTimeoutSeconds: number;
  quorum: number;
  repeats: number;
  recipients: PreviewRecipient[];
  /** Why this tier may fail to reach quorum at that time (no one on call, missing phones…). */
  problems: string[];
}

export interface PolicyPreview {
  policyId: string;
  policyName: string;
  at: string;
  tiers: PreviewTier[];
}

// ---- responsibility lists ------------------------------------------------------------------

/** department/post: an enterprise's own duties; supervision: a zone department's (管行业必须管安全). */
export const RESPONSIBILITY_KINDS = ['department', 'post', 'supervision'] as const;
export type ResponsibilityKind = (typeof RESPONSIBILITY_KINDS)[number];

export interface ResponsibilityEntry {
  kind: ResponsibilityKind;
  /** Department (部门) or, for supervision, the zone department. */
  unit: string;
  post: string | null;
  holder: string | null;
  phone: string | null;
  /** Industries a zone department supervises. */
  industries: string[];
  duties: string[];
}

export interface ResponsibilityListView extends PlanOwner {
  /** The first person responsible: the enterprise's legal representative; null for the zone. */
  firstResponsible: string | null;
  /** 实际控制人, the other first person responsible (may be the same person); null: not recorded. */
  actualController: string | null;
  entries: ResponsibilityEntry[];
  /** Published plans of the same owner the list belongs to. */
  plans: { id: string; title: string; type: PlanType }[];
  updatedAt: string | null;
}

export interface ResponsibilityListSummary extends PlanOwner {
  firstResponsible: string | null;
  actualController: string | null;
  entryCount: number;
  updatedAt: string | null;
}
