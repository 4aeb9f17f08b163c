/**
 * The directory: contacts, rescue teams (救援队伍) and on-call rotations (值班). Records with a
 * null `enterpriseId` belong to the zone (管委会); the others to one enterprise.
 */
import type { GeoPoint } from './api.js';

export const CONTACT_LANGUAGES = ['zh-CN', 'en'] as const;
export type ContactLanguage = (typeof CONTACT_LANGUAGES)[number];

export interface Certification {
  name: string;
  /** Certificate number, when the certificate has one. */
  number: string | null;
  /** YYYY-MM-DD; null for a certificate that does not expire. */
  expiresOn: string | null;
  /**
   * A special operation certificate (特种作业操作证, SAWS Order 30) names its operation type and
   * issue day: it is reviewed 3 years after issue (`reviewedOn` once done) and expires after 6.
   */
  operationType?: string | null;
  issuedOn?: string | null;
  reviewedOn?: string | null;
}

export interface ContactView {
  id: string;
  enterpriseId: string | null;
  name: string;
  organization: string;
  post: string;
  /** E.164, first is the preferred number. */
  phones: string[];
  skills: string[];
  certifications: Certification[];
  language: ContactLanguage;
  userId: string | null;
  notes: string;
  createdAt: string;
  updatedAt: string;
}

export const TEAM_TYPES = [
  'fire',
  'hazmat',
  'medical',
  'rescue',
  'evacuation',
  'engineering',
  'comms',
  'security',
  'environmental',
  'logistics',
] as const;
export type TeamType = (typeof TEAM_TYPES)[number];

export const TEAM_READINESS = ['ready', 'limited', 'unavailable'] as const;
export type TeamReadiness = (typeof TEAM_READINESS)[number];

export interface TeamView {
  id: string;
  enterpriseId: string | null;
  name: string;
  type: TeamType;
  leaderContactId: string | null;
  /** In the team's order; the leader is one of them. */
  memberContactIds: string[];
  base: GeoPoint | null;
  baseAddress: string;
  readiness: TeamReadiness;
  notes: string;
  createdAt: string;
  updatedAt: string;
}

export interface RotationOverrideView {
  id: string;
  contactId: string;
  startsAt: string;
  endsAt: string;
  reason: string;
}

export interface RotationView {
  id: string;
  enterpriseId: string | null;
  name: string;
  /** Members in the order they take shifts. */
  memberContactIds: string[];
  shiftHours: number;
  /** HH:mm, wall-clock time in `timeZone`. */
  handoffTime: string;
  /** YYYY-MM-DD: the first shift starts on this day at the hand-off time. */
  startDate: string;
  /** The zone's time zone, in which hand-off times are kept. */
  timeZone: string;
  overrides: RotationOverrideView[];
  notes: string;
  createdAt: string;
  updatedAt: string;
}

export interface OnCallView {
  rotationId: string;
  at: string;
  /** Null before the rotation's first shift. */
  contactId: string | null;
  contact: ContactView | null;
  source: 'rotation' | 'override' | 'none';
  /** The rotation's shift around `at` (who would be on call without overrides). */
  shift: { index: number; contactId: string; startsAt: string; endsAt: string } | null;
  override: RotationOverrideView | null;
}

/** One stretch of a rotation's schedule with the same person on call. */
export interface ScheduleSegment {
  contactId: string;
  startsAt: string;
  endsAt: string;
  source: 'rotation' | 'override';
}

export interface RotationScheduleView {
  rotationId: string;
  from: string;
  to: string;
  timeZone: string;
  segments: ScheduleSegment[];
}

/** One bad cell or row of an import file; `row` counts as the spreadsheet does (header = 1). */
export interface ImportProblem {
  row: number;
  field: string;
  problem: string;
}

export interface ImportResult {
  created: number;
  updated: number;
}
