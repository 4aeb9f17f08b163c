/**
 * The legal reporting chain of an incident (Decree 493 Art. 9–13, 29, 32; SAWS Order 21): who
 * owes which report to whom, by when, and what was done. The server computes every clock in the
 * zone's time zone and sends it whole, so the console shows the same deadlines it reminds of.
 */
import type { Severity } from './incidents.js';

/** The levels a report climbs above the county (Art. 10): 设区的市级, 省级, 国务院. */
export const REPORT_LEVELS = ['city', 'province', 'national'] as const;
export type ReportLevel = (typeof REPORT_LEVELS)[number];

export const REPORT_CHANNELS = ['phone', 'fax', 'online_system', 'email', 'document', 'in_person'] as const;
export type ReportChannel = (typeof REPORT_CHANNELS)[number];

/** Who put the incident on record first: the enterprise's own report, or the zone learning of it elsewhere. */
export const INCIDENT_SOURCES = ['enterprise', 'zone'] as const;
export type IncidentSource = (typeof INCIDENT_SOURCES)[number];

/**
 * Art. 10: ordinary accidents go up to the city, relatively serious ones to the province,
 * serious and especially serious ones to the State Council's department, each level on the way
 * included (the zone's report reaches the top through them, 2 hours per level, Art. 11).
 */
export function onwardLevels(severity: Severity): ReportLevel[] {
  switch (severity) {
    case 'ordinary':
      return ['city'];
    case 'relatively_serious':
      return ['city', 'province'];
    default:
      return ['city', 'province', 'national'];
  }
}

/** SAWS Order 21: a relatively serious or graver accident is also reported straight to the province. */
export function owesProvincialReport(severity: Severity): boolean {
  return severity !== 'ordinary';
}

/**
 * SAWS Order 21: follow-ups at least once a day, twice for serious and especially serious. Read
 * as a rolling interval from the latest report (24 or 12 hours): never longer between reports,
 * which also puts at least one (two) on every calendar day.
 */
export function followUpIntervalHours(severity: Severity): 12 | 24 {
  return severity === 'serious' || severity === 'especially_serious' ? 12 : 24;
}

export const CHAIN_ACT_KINDS = [
  /** The enterprise's own report, recorded after the zone learned of the incident elsewhere. */
  'enterprise_report',
  /** The zone's report to the next level up (Art. 10–11). */
  'onward',
  /** The enterprise's direct report to the provincial bureau (Order 21). */
  'provincial',
  /** A change in casualties became known: a 补报 is due the same day. */
  'casualty_change',
  'investigation_report',
  'investigation_extension',
  'investigation_reply',
] as const;
export type ChainActKind = (typeof CHAIN_ACT_KINDS)[number];

export interface ChainActView {
  id: string;
  incidentId: string;
  kind: ChainActKind;
  /** When it happened: sent, received, or (a casualty change) became known. */
  at: string;
  level: ReportLevel | null;
  recipient: string | null;
  channel: ReportChannel | null;
  senderName: string | null;
  /** A document in the file store (the report as sent, the investigation report, the reply). */
  fileId: string | null;
  note: string;
  /** investigation_extension: days added (Art. 29 allows 60 at most) and who approved it. */
  extensionDays: number | null;
  approver: string | null;
  recordedBy: string | null;
  recordedAt: string;
}

/**
 * - `owed`: the clock runs; `overdue`: past its deadline and not done (for the enterprise's
 *   first report: missing, 漏报 until it comes);
 * - `met` / `met_late` (迟报, with the minutes late); `not_owed`: the grade or the state asks nothing.
 */
export const DUTY_STATES = ['owed', 'overdue', 'met', 'met_late', 'not_owed'] as const;
export type DutyState = (typeof DUTY_STATES)[number];

export interface ChainDuty {
  state: DutyState;
  /** When the clock started; null when nothing is owed. */
  from: string | null;
  deadline: string | null;
  metAt: string | null;
  /** Minutes past the deadline, rounded up: when it was met late, or (overdue) until now. */
  lateByMinutes: number;
}

export interface ReportingChainView {
  generatedAt: string;
  /** Art. 9: the enterprise's report to the county-level regulator, 1 hour from its head being informed. */
  enterpriseReport: ChainDuty & { headInformedAt: string; source: IncidentSource; zoneKnewAt: string };
  /** Order 21: relatively serious and graver, the enterprise's direct report to the province in the same hour. */
  provincialReport: ChainDuty & { act: ChainActView | null };
  /** Art. 10–11: the zone's onward reports, 2 hours per level from receiving the report. */
  onward: {
    receivedAt: string;
    targetLevel: ReportLevel;
    levels: (ChainDuty & { level: ReportLevel; act: ChainActView | null })[];
  };
  /** Order 21 follow-ups (续报), counted from the latest report, while the response lasts. */
  followUp: ChainDuty & { intervalHours: 12 | 24; reports: number; lastAt: string };
  /** Art. 13: the window for casualty changes (30 days; 7 for road traffic and fire), its last instant. */
  supplementaryWindow: { days: number; until: string; open: boolean };
  /** 补报: each casualty change known inside the window, due by the end of that day. */
  supplements: (ChainDuty & { act: ChainActView })[];
  investigation: {
    /** Art. 29: 60 days from the occurrence, plus an approved extension of at most 60. */
    report: ChainDuty & { act: ChainActView | null };
    extension: ChainActView | null;
    /** Art. 32: 15 days after the report (30 for especially serious). */
    reply: ChainDuty & { act: ChainActView | null };
    /** The file closes with the reply: both are on record. */
    fileClosedAt: string | null;
  };
  /** The earliest deadline still running or passed, if any. */
  nextDue: { duty: string; deadline: string } | null;
}
