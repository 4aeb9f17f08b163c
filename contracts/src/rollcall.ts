/**
 * Roll call at the assembly points (清点人数): who is expected at each point, who is accounted
 * for, who is missing, as the enterprises and responders report it.
 */

/** How a count or a check-in reached the room: typed in the console, texted, or from the responder page. */
export const ROLL_CALL_CHANNELS = ['console', 'sms', 'link'] as const;
export type RollCallChannel = (typeof ROLL_CALL_CHANNELS)[number];

export const ROLL_CALL_STATUSES = ['open', 'closed'] as const;
export type RollCallStatus = (typeof ROLL_CALL_STATUSES)[number];

/** Where an assembly point came from: drawn in the room, or the zone's resource register (the plan's annex). */
export type AssemblyPointSource = 'room' | 'resource';

/** Expected, accounted for and missing; `expected` sums only the headcounts reported so far. */
export interface RollCallTally {
  expected: number;
  accounted: number;
  /** Expected minus accounted, never below 0. */
  missing: number;
}

/** A roll call's totals; `complete`: every enterprise reported a headcount and all are accounted for. */
export type RollCallTotals = RollCallTally & {
  reported: number;
  enterprises: number;
  checkedIn: number;
  complete: boolean;
};

export interface RollCallPointView extends RollCallTally {
  id: string;
  /** A, B, C…: what an SMS names the point by. */
  code: string;
  label: string;
  lat: number;
  lng: number;
  source: AssemblyPointSource;
  sourceId: string | null;
  /** Responders who checked in here. */
  checkedIn: number;
  lastReportAt: string | null;
}

export interface RollCallEnterpriseView {
  enterpriseId: string;
  name: string;
  /** The point its people go to unless a report names another. */
  pointId: string;
  /** On-shift headcount as last reported; null until the enterprise reports. */
  expected: number | null;
  accounted: number;
  /** Null until the headcount is known. */
  missing: number | null;
  /** Accounted for at each point it reported for. */
  counts: { pointId: string; accounted: number }[];
  lastReportAt: string | null;
  lastChannel: RollCallChannel | null;
}

export interface MissingPersonView {
  id: string;
  enterpriseId: string | null;
  name: string;
  note: string;
  createdAt: string;
}

export interface CheckInView {
  id: string;
  pointId: string;
  name: string;
  contactId: string | null;
  channel: RollCallChannel;
  at: string;
}

export interface RollCallView {
  id: string;
  incidentId: string;
  status: RollCallStatus;
  isDrill: boolean;
  openedAt: string;
  closedAt: string | null;
  /** When every enterprise had reported and all its people were accounted for; null until then. */
  allAccountedAt: string | null;
  points: RollCallPointView[];
  enterprises: RollCallEnterpriseView[];
  checkIns: CheckInView[];
  missingPersons: MissingPersonView[];
  totals: RollCallTotals;
  /** The numbers the roll call was closed with; null while open. */
  final: RollCallTotals | null;
  /** The supplementary report the final missing count was carried into, if any. */
  reportId: string | null;
}

/** An assembly point the commander may open a roll call at. */
export interface AssemblyPointCandidate {
  source: AssemblyPointSource;
  sourceId: string;
  label: string;
  lat: number;
  lng: number;
  distanceM: number;
}

/** An enterprise the roll call may concern; `suggested`: its site lies in a drawn area, a threat zone or the default radius. */
export interface RollCallEnterpriseCandidate {
  enterpriseId: string;
  name: string;
  distanceM: number;
  suggested: boolean;
  /** Why it is suggested: inside a drawn area or threat zone, or near the incident. */
  reason: 'area' | 'radius' | null;
}

export interface RollCallCandidates {
  points: AssemblyPointCandidate[];
  enterprises: RollCallEnterpriseCandidate[];
  /** The radius around the incident used when nothing is drawn. */
  radiusM: number;
}

/** An open roll call that concerns the signed-in officer's enterprise or a responder paged in its incident. */
export interface MyRollCall {
  rollCall: RollCallView;
  incidentTitle: string;
  /** The officer's enterprise, when they report for one. */
  enterpriseId: string | null;
  /** Where the responder checked in, if they did. */
  checkedInAt: string | null;
}

/** What a responder's signed-link page shows of the open roll call in the incident they were paged for. */
export interface LinkRollCall {
  /** Null when no roll call is open in the incident (then there are no points). */
  rollCallId: string | null;
  points: { id: string; code: string; label: string; lat: number; lng: number }[];
  /** The point they checked in at, if they did. */
  checkedInAt: string | null;
}

/** A roll call is complete when every enterprise has reported a headcount and all are accounted for. */
export function allAccounted(enterprises: Pick<RollCallEnterpriseView, 'expected' | 'accounted'>[]): boolean {
  return enterprises.length > 0 && enterprises.every((e) => e.expected !== null && e.accounted >= e.expected);
}

/** Accounted for as a share of expected, 0–100, for progress bars; 0 while nothing is expected. */
export function accountedPercent(t: Pick<RollCallTally, 'expected' | 'accounted'>): number {
  if (t.expected <= 0) return 0;
  return Math.min(100, Math.round((t.accounted / t.expected) * 100));
}
