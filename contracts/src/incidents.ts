import type { IncidentSource, ReportingChainView } from './reporting-chain.js';

/**
 * Incidents and their rooms, as the API and the live gateway speak of them; outside clients
 * rely on these shapes.
 */
import type { FileView } from './hazards.js';
import type { UnitOverview } from './incident-forms.js';
export const SEVERITIES = ['especially_serious', 'serious', 'relatively_serious', 'ordinary'] as const;
export type Severity = (typeof SEVERITIES)[number];

/** Accident categories (after GB 6441); road traffic and fire have the 7-day supplementary window. */
export const INCIDENT_CATEGORIES = [
  'fire',
  'explosion',
  'hazardous_chemical_leak',
  'poisoning_asphyxiation',
  'mechanical_injury',
  'electrocution',
  'fall_from_height',
  'object_strike',
  'collapse',
  'confined_space',
  'road_traffic',
  'natural_disaster',
  'other',
] as const;
export type IncidentCategory = (typeof INCIDENT_CATEGORIES)[number];

export const INCIDENT_STATUSES = ['reported', 'verified', 'responding', 'contained', 'closed'] as const;
export type IncidentStatus = (typeof INCIDENT_STATUSES)[number];

export const RESPONSE_LEVELS = ['I', 'II', 'III', 'IV'] as const;
export type ResponseLevel = (typeof RESPONSE_LEVELS)[number];

export interface Casualties {
  deaths: number;
  missing: number;
  seriousInjuries: number;
  minorInjuries: number;
}

/**
 * The first-report duty of Decree 493 Art. 9 as it stands: once met there is nothing left to
 * count down, only what was done, when, and how late.
 */
export interface ReportingDuty {
  met: boolean;
  /** When the first report reached the system; null while it has not. */
  metAt: string | null;
  /** Minutes after the deadline the duty was met, rounded up; 0 when on time or not yet met. */
  lateByMinutes: number;
}

export interface ReportingClock {
  /** When the unit's head was informed + 1 hour (Decree 493 Art. 9). */
  deadline: string;
  /** When the unit's head was informed: the enterprise's 1-hour clock starts here. */
  headInformedAt: string;
  reportedAt: string;
  /** 迟报: the enterprise's report reached the zone after the deadline (or has not, past it). */
  late: boolean;
  duty: ReportingDuty;
  /**
   * The last instant a change in casualties may re-grade the incident: the end of the 30th
   * calendar day (7th for road traffic and fire) after the day of the occurrence, zone time.
   */
  supplementaryUntil: string;
}

export interface IncidentView {
  id: string;
  enterpriseId: string | null;
  enterpriseName: string | null;
  title: string;
  category: IncidentCategory;
  occurredAt: string;
  location: { lat: number; lng: number };
  /** The point lies outside the zone's boundary: accepted, but worth a second look. */
  outsideZone: boolean;
  address: string;
  summary: string;
  casualties: Casualties;
  directLossCny: number;
  measuresTaken: string;
  /** Art. 12 item 6: anything else to report. */
  otherMatters: string;
  /** Art. 12 item 1, as last reported; null for a zone report naming no enterprise. */
  unitOverview: UnitOverview | null;
  reporter: { name: string; phone: string };
  severity: Severity;
  status: IncidentStatus;
  responseLevel: ResponseLevel | null;
  planId: string | null;
  isDrill: boolean;
  clock: ReportingClock;
  /** Who put it on record: the enterprise's report, or the zone learning of it elsewhere. */
  source: IncidentSource;
  /** The whole reporting chain; on the single incident's read only. */
  chain?: ReportingChainView;
  lastSeq: number;
  /** When a duty officer or commander first acknowledged the duty call-out (接警), and who. */
  takenInChargeAt: string | null;
  takenInChargeBy: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface IncidentReportView {
  id: string;
  incidentId: string;
  kind: 'initial' | 'supplementary';
  casualties: Casualties;
  directLossCny: number;
  summary: string;
  /** Art. 12: the unit overview, measures taken and other matters as this report gave them. */
  unitOverview: UnitOverview | null;
  measuresTaken: string;
  otherMatters: string;
  /** Photos and documents filed with this report. */
  attachments: FileView[];
  /** Given when the report is first printed (事故快报/续报 numbering per year); null before. */
  documentNo: string | null;
  severityAfter: Severity;
  /** Filed after the supplementary window: accepted and kept, but it no longer re-grades. */
  outsideWindow: boolean;
  submittedAt: string;
  submittedBy: string | null;
}

export interface RoomActor {
  id: string | null;
  name: string;
  role: string;
}

/** One entry of the room's append-only log; `seq` counts 1, 2, 3… within the room. */
export interface RoomEventView<P = Record<string, unknown>> {
  seq: number;
  type: RoomEventType;
  payload: P;
  actor: RoomActor;
  at: string;
}

export const ROOM_EVENT_TYPES = [
  'incident.reported',
  'incident.supplementary_report',
  'incident.regraded',
  'incident.taken_in_charge',
  'incident.status_changed',
  'incident.level_set',
  'message',
  'task.created',
  'task.updated',
  'map_feature.added',
  'map_feature.updated',
  'map_feature.removed',
  'resource.dispatched',
  'resource.status_changed',
  'callout.started',
  'callout.tier_paged',
  'callout.recipient_updated',
  /** A responder shared where they are from the call-out link: the maps move their marker. */
  'callout.location_shared',
  'callout.tier_escalated',
  'callout.ended',
  'drill.started',
  'drill.inject',
  'drill.inject_skipped',
  'drill.paused',
  'drill.resumed',
  'drill.ended',
  /** A real incident was filed while this drill runs: the director must see it at once. */
  'drill.real_incident',
  /** An act of the reporting chain was recorded (onward, provincial, 补报, investigation…). */
  'reporting.act_recorded',
  /** A consequence model was run: its threat zones, drawn on every map in the room. */
  'consequence.modelled',
  /** Roll call at the assembly points (清点人数): opened, a count, a check-in, a named missing person, 100 %, closed. */
  'rollcall.opened',
  'rollcall.counted',
  'rollcall.checked_in',
  'rollcall.missing_named',
  'rollcall.missing_cleared',
  'rollcall.all_accounted',
  'rollcall.closed',
  /** A geo-targeted warning (or its update or cancel) went out to everyone inside an area. */
  'warning.sent',
] as const;
export type RoomEventType = (typeof ROOM_EVENT_TYPES)[number];

export const TASK_STATUSES = ['open', 'accepted', 'done', 'cancelled'] as const;
export type TaskStatus = (typeof TASK_STATUSES)[number];

export interface TaskView {
  id: string;
  incidentId: string;
  title: string;
  detail: string;
  assigneeUserId: string | null;
  assigneeTeamId: string | null;
  assigneeLabel: string | null;
  dueAt: string | null;
  status: TaskStatus;
  source: 'manual' | 'checklist';
  createdAt: string;
  updatedAt: string;
}

export const MAP_FEATURE_KINDS = [
  'incident_point',
  'hazard_zone',
  'cordon',
  'evacuation_route',
  'command_post',
  'assembly_point',
] as const;
export type MapFeatureKind = (typeof MAP_FEATURE_KINDS)[number];

/** GeoJSON geometry of a feature; a circle is a Point with `radiusM`. */
export interface FeatureGeometry {
  type: 'Point' | 'LineString' | 'Polygon';
  coordinates: number[] | number[][] | number[][][];
}

export interface MapFeatureView {
  id: string;
  incidentId: string;
  kind: MapFeatureKind;
  label: string;
  geometry: FeatureGeometry;
  radiusM: number | null;
  createdAt: string;
  updatedAt: string;
}

export const DISPATCH_STATES = ['en_route', 'on_scene', 'released'] as const;
export type DispatchState = (typeof DISPATCH_STATES)[number];

export interface DispatchView {
  id: string;
  incidentId: string;
  resourceId: string | null;
  label: string;
  state: DispatchState;
  updatedAt: string;
}

/** A compact record of an open incident for the commander's overview map. */
export interface IncidentSummary {
  id: string;
  title: string;
  category: IncidentCategory;
  severity: Severity;
  status: IncidentStatus;
  responseLevel: ResponseLevel | null;
  location: { lat: number; lng: number };
  enterpriseName: string | null;
  isDrill: boolean;
  occurredAt: string;
  deadline: string;
  late: boolean;
  duty: ReportingDuty;
  takenInChargeAt: string | null;
  takenInChargeBy: string | null;
}

/** An incident summary in the spirit of ICS-209: where things stand, on one page. */
export interface IncidentStatusSummary {
  incident: IncidentView;
  reports: IncidentReportView[];
  tasks: { total: number; open: number; accepted: number; done: number; cancelled: number; overdue: number };
  resources: { enRoute: number; onScene: number; released: number; items: DispatchView[] };
  mapFeatures: MapFeatureView[];
  lastEventAt: string | null;
  generatedAt: string;
}

/** A year of real incidents in the caller's scope; drills are counted apart and never mixed in. */
export interface IncidentStatistics {
  year: number;
  total: number;
  bySeverity: Record<Severity, number>;
  byCategory: Partial<Record<IncidentCategory, number>>;
  /** Twelve counts, January first, by the month of occurrence in the zone's time zone. */
  byMonth: number[];
  deaths: number;
  seriousInjuries: number;
  directLossCny: number;
  /** 迟报: first reports that reached the system after their deadline. */
  lateReports: number;
  /** Drills of the same year: shown so nobody wonders where they went, never in the figures. */
  drills: number;
}
