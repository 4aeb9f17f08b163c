/**
 * Safety training (SAWS Order 3, 生产经营单位安全培训规定) and special operation certificates
 * (SAWS Order 30, 特种作业人员安全技术培训考核管理规定): the hours each person owes in a year and
 * where they stand, and a certificate's review and expiry dates.
 */
import type { EvaluationCategory } from './api.js';
import type { FileView } from './hazards.js';

/** What a session was: a training class, a lecture, an exhibition, or a drill (linked to its run). */
export const TRAINING_KINDS = ['class', 'lecture', 'exhibition', 'drill'] as const;
export type TrainingKind = (typeof TRAINING_KINDS)[number];

/** Order 3's groups: 主要负责人, 安全生产管理人员, 从业人员. The zone's inspectors take one too. */
export const TRAINING_ROLES = ['principal', 'safety_manager', 'employee'] as const;
export type TrainingRole = (typeof TRAINING_ROLES)[number];

/**
 * Order 3 sets higher hours for coal and non-coal mines, hazardous chemicals, fireworks and metal
 * smelting (Art. 9, 13) than for every other unit.
 */
export type TrainingIndustry = 'high_risk' | 'general';

const HIGH_RISK: readonly EvaluationCategory[] = ['mine', 'dangerous_goods', 'fireworks', 'metal_smelting'];

/** The enterprise's recorded category decides; unrecorded (and the zone itself) is general. */
export function trainingIndustryOf(category: EvaluationCategory | null): TrainingIndustry {
  return category && HIGH_RISK.includes(category) ? 'high_risk' : 'general';
}

export type TrainingBasis = 'initial' | 'pre_job' | 'refresher';

export interface TrainingRequirement {
  basis: TrainingBasis;
  hours: number;
}

/**
 * Hours a person owes in a year: the first year in the post is the initial training (principal
 * persons and safety managers, Art. 9: 32, or 48 in high-risk industries) or the pre-job training
 * (employees, Art. 13: 24, or 72); later years the refresher (12 or 16; employees 20 in high-risk
 * industries, none set for other units). Null: no legal minimum.
 */
export function trainingRequirement(
  role: TrainingRole,
  industry: TrainingIndustry,
  firstYear: boolean,
): TrainingRequirement | null {
  const high = industry === 'high_risk';
  if (role === 'employee') {
    if (firstYear) return { basis: 'pre_job', hours: high ? 72 : 24 };
    return high ? { basis: 'refresher', hours: 20 } : null;
  }
  return firstYear
    ? { basis: 'initial', hours: high ? 48 : 32 }
    : { basis: 'refresher', hours: high ? 16 : 12 };
}

export type TrainingState = 'met' | 'short' | 'overdue' | 'none';

export interface TrainingStatus {
  state: TrainingState;
  basis: TrainingBasis | null;
  required: number;
  hours: number;
  /** Hours still missing (0 when met or none). */
  shortBy: number;
  /** YYYY-MM-DD the hours are due by: the day pre-job training must precede, else the year's end. */
  dueOn: string | null;
}

export interface TrainingStatusInput {
  role: TrainingRole;
  industry: TrainingIndustry;
  /** YYYY-MM-DD the person took the post; null: before any year on record. */
  startedOn: string | null;
  year: number;
  hours: number;
  /** Today in the zone, YYYY-MM-DD. */
  today: string;
}

/** Where a person stands for a year: met, short by N hours, overdue (the due day has passed short). */
export function trainingStatus(p: TrainingStatusInput): TrainingStatus {
  const yearEnd = `${p.year}-12-31`;
  const none: TrainingStatus = {
    state: 'none',
    basis: null,
    required: 0,
    hours: p.hours,
    shortBy: 0,
    dueOn: null,
  };
  if (p.startedOn && p.startedOn > yearEnd) return none;
  const firstYear = p.startedOn !== null && p.startedOn.slice(0, 4) === String(p.year);
  const req = trainingRequirement(p.role, p.industry, firstYear);
  if (!req) return none;
  // Pre-job training comes before the post is taken (Art. 13); the rest within the year.
  const dueOn = req.basis === 'pre_job' ? p.startedOn! : yearEnd;
  const shortBy = Math.max(0, roundHours(req.hours - p.hours));
  const state: TrainingState = shortBy === 0 ? 'met' : p.today > dueOn ? 'overdue' : 'short';
  return { state, basis: req.basis, required: req.hours, hours: p.hours, shortBy, dueOn };
}

/** Hours are kept to the tenth (a 45-minute class hour is recorded as 0.8 by some organisers). */
export function roundHours(h: number): number {
  return Math.round(h * 10) / 10;
}

/** A special operation certificate is reviewed every 3 years and valid 6 (Order 30, Art. 19, 21). */
export const OPERATION_CERTIFICATE_REVIEW_YEARS = 3;
export const OPERATION_CERTIFICATE_VALID_YEARS = 6;

/** YYYY-MM-DD plus whole years; 29 February falls on the 28th in a common year. */
export function addYears(day: string, years: number): string {
  const y = Number(day.slice(0, 4)) + years;
  const m = Number(day.slice(5, 7));
  const d = Number(day.slice(8, 10));
  const last = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return `${String(y).padStart(4, '0')}-${day.slice(5, 7)}-${String(Math.min(d, last)).padStart(2, '0')}`;
}

export interface OperationCertificateDates {
  reviewOn: string;
  expiresOn: string;
}

export function operationCertificateDates(issuedOn: string): OperationCertificateDates {
  return {
    reviewOn: addYears(issuedOn, OPERATION_CERTIFICATE_REVIEW_YEARS),
    expiresOn: addYears(issuedOn, OPERATION_CERTIFICATE_VALID_YEARS),
  };
}

/**
 * Whether a special operation certificate has lapsed on `today` (YYYY-MM-DD): past its expiry
 * (recorded, else 6 years from issue), or past its 3-year review with none recorded. Null: in order.
 */
export function operationCertificateLapse(
  c: { issuedOn: string; expiresOn?: string | null; reviewedOn?: string | null },
  today: string,
): 'expired' | 'review_overdue' | null {
  const dates = operationCertificateDates(c.issuedOn);
  const expiresOn = c.expiresOn ?? dates.expiresOn;
  if (today > expiresOn) return 'expired';
  if (!c.reviewedOn && dates.reviewOn < expiresOn && today > dates.reviewOn) return 'review_overdue';
  return null;
}

export const ATTENDANCE_METHODS = ['link', 'organiser'] as const;
export type AttendanceMethod = (typeof ATTENDANCE_METHODS)[number];

export interface TrainingSessionView {
  id: string;
  /** Null: a session the zone holds (its inspectors, or the zone's enterprises together). */
  enterpriseId: string | null;
  enterpriseName: string | null;
  kind: TrainingKind;
  title: string;
  trainer: string;
  startsAt: string;
  hours: number;
  content: string;
  materialFileIds: string[];
  drillRunId: string | null;
  /** The sign-in link's path (`/training/sign-in/<token>`), for the QR code on the session page. */
  signInPath: string;
  attendeeCount: number;
  createdAt: string;
}

export interface TrainingAttendanceView {
  id: string;
  sessionId: string;
  contactId: string;
  contactName: string;
  hours: number;
  method: AttendanceMethod;
  signedAt: string;
}

export interface TrainingSessionDetail extends TrainingSessionView {
  attendance: TrainingAttendanceView[];
  /** The files of `materialFileIds`, in that order. */
  materials: FileView[];
}

/** What the public sign-in page shows before anyone signs in. */
export interface TrainingSignInView {
  title: string;
  kind: TrainingKind;
  trainer: string;
  startsAt: string;
  hours: number;
  organiser: string;
}

export interface TrainingSignInResult {
  contactName: string;
  hours: number;
  /** True when this person had already signed in (nothing was added). */
  already: boolean;
}

export interface TrainingPersonView {
  contactId: string;
  name: string;
  post: string;
  enterpriseId: string | null;
  enterpriseName: string | null;
  role: TrainingRole;
  startedOn: string | null;
  industry: TrainingIndustry;
  year: number;
  status: TrainingStatus;
}

export interface TrainingRecordView extends TrainingPersonView {
  attendance: (TrainingAttendanceView & { title: string; kind: TrainingKind; startsAt: string })[];
}

/** A special operation certificate about to need its review or to lapse, for the zone's list. */
export interface LapsingCertificateView {
  contactId: string;
  name: string;
  organization: string;
  enterpriseId: string | null;
  operationType: string;
  number: string | null;
  issuedOn: string;
  reviewOn: string;
  reviewedOn: string | null;
  expiresOn: string;
  /** What comes first: the review (not yet done) or the expiry. */
  next: 'review' | 'expiry';
  nextOn: string;
  daysLeft: number;
}
