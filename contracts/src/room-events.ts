/**
 * What each room event carries. The server's `RoomLog.append` is typed by this map, so the
 * compiler checks every event written against it; the console reads the log as
 * `TypedRoomEvent`, whose `type` tells TypeScript which payload it holds.
 *
 * The payloads are exactly what the server writes today (the log is append-only and kept): a
 * field is optional where some call site leaves it out. A new event type is added to
 * `ROOM_EVENT_TYPES` and here together.
 */
import type {
  AnswerChannel,
  CalloutChannel,
  CalloutStatusValue,
  PageFailure,
  RecipientStateValue,
} from './callouts.js';
import type { DrillForm, DrillScope, InjectContent, InjectKind } from './drills.js';
import type {
  Casualties,
  DispatchState,
  DispatchView,
  IncidentCategory,
  IncidentStatus,
  MapFeatureKind,
  MapFeatureView,
  ResponseLevel,
  RoomEventType,
  RoomEventView,
  Severity,
  TaskView,
} from './incidents.js';
import type { ChainActView } from './reporting-chain.js';
import type { ConsequenceModel, ThreatZone } from './consequences.js';
import type { RollCallChannel, RollCallTotals } from './rollcall.js';
import type { WarningAction, WarningCounts, WarningMsgType } from './warnings.js';

/** Where the scenario clock stood when a drill started, paused, resumed or ended. */
export type DrillClockPayload = {
  runId: string;
  scenarioSeconds: number;
  scenarioMs: number;
};

/** What an inject did beyond its event, by kind (a plain message does nothing more). */
export type DrillInjectEffect = {
  /** incident_report: the supplementary report it filed. */
  reportId?: string;
  /** map_event: the feature it drew. */
  featureId?: string;
  /** resource_unavailable: the resource named, if any. */
  resourceId?: string | null;
  /** responder_unreachable: the contact, and how many open pages to them were stopped. */
  contactId?: string;
  recipientsMarked?: number;
};

/**
 * Room event type → payload. Object types here (not interfaces) so that a typed event is still
 * a `RoomEventView` with its default `Record<string, unknown>` payload.
 */
export interface RoomEventPayloads {
  'incident.reported': {
    title: string;
    category: IncidentCategory;
    severity: Severity;
    casualties: Casualties;
    directLossCny: number;
    late: boolean;
    deadline: string;
    outsideZone: boolean;
  };
  'incident.supplementary_report': {
    reportId: string;
    casualties: Casualties;
    directLossCny: number;
    summary: string;
    outsideWindow: boolean;
  };
  'incident.regraded': { from: Severity; to: Severity };
  'reporting.act_recorded': { act: ChainActView };
  /** `inputs` as the commander typed them, so the run can be repeated; `zones` worst first. */
  'consequence.modelled': {
    modelRunId: string;
    model: ConsequenceModel;
    title: string;
    inputs: Record<string, unknown>;
    zones: ThreatZone[];
  };
  'rollcall.opened': {
    rollCallId: string;
    points: { id: string; code: string; label: string; lat: number; lng: number }[];
    enterprises: number;
  };
  /** One enterprise's report at one point: its headcount and how many are accounted for there. */
  'rollcall.counted': {
    rollCallId: string;
    enterpriseId: string;
    enterpriseName: string;
    pointId: string;
    pointCode: string;
    expected: number;
    accounted: number;
    channel: RollCallChannel;
    totals: RollCallTotals;
  };
  'rollcall.checked_in': {
    rollCallId: string;
    pointId: string;
    pointCode: string;
    name: string;
    channel: RollCallChannel;
  };
  'rollcall.missing_named': {
    rollCallId: string;
    personId: string;
    name: string;
    enterpriseName: string | null;
  };
  'rollcall.missing_cleared': { rollCallId: string; personId: string; name: string };
  /** The first moment every enterprise had reported and everyone was accounted for. */
  'rollcall.all_accounted': { rollCallId: string; expected: number; secondsSinceOpened: number };
  /** `reportId`: the supplementary report the final missing count went into, if the commander chose to. */
  'rollcall.closed': {
    rollCallId: string;
    final: RollCallTotals;
    secondsToAllAccounted: number | null;
    reportId: string | null;
  };
  /** `counts` of the targets inside `areaLabel`; `calloutId` null for a cancel (nobody is paged). */
  'warning.sent': {
    warningId: string;
    msgType: WarningMsgType;
    referencesId: string | null;
    calloutId: string | null;
    areaLabel: string;
    action: WarningAction;
    isDrill: boolean;
    counts: WarningCounts;
  };
  /** The first acknowledgement of the duty call-out by a duty officer or commander. */
  'incident.taken_in_charge': {
    name: string;
    contactId: string | null;
    calloutId: string;
    channel: AnswerChannel;
    /** From filing to the acknowledgement. */
    secondsSinceReported: number;
  };
  'incident.status_changed': { from: IncidentStatus; to: IncidentStatus; reason: string | null };
  'incident.level_set': { from: ResponseLevel | null; to: ResponseLevel; planId: string | null };
  message: { text: string };
  'task.created': { task: TaskView };
  /** `changes`: the fields the request named. */
  'task.updated': { task: TaskView; changes: string[] };
  'map_feature.added': { feature: MapFeatureView };
  'map_feature.updated': { feature: MapFeatureView };
  'map_feature.removed': { featureId: string; kind: MapFeatureKind };
  'resource.dispatched': { dispatch: DispatchView };
  /** `reason`: why the system moved it (a closing incident releases what it held). */
  'resource.status_changed': { dispatch: DispatchView; from: DispatchState; reason?: string };
  /** `recipients` and `tiers` are counts; `outsideRoster` only in a drill (people named off its roster). */
  'callout.started': {
    calloutId: string;
    message: string;
    recipients: number;
    tiers: number;
    isDrill: boolean;
    outsideRoster?: number;
  };
  /** Tiers and rounds count from 0; `recipients` is how many were paged. */
  'callout.tier_paged': {
    calloutId: string;
    tier: number;
    round: number;
    recipients: number;
    channels: CalloutChannel[];
  };
  /**
   * One person's progress. An answer carries its channel and `secondsToRespond`; a call queued
   * after an SMS carries `channel: 'voice'` and the SMS's `failure`, if it failed; a number given
   * up on carries `unreachable`, `error` and `failure`.
   */
  'callout.recipient_updated': {
    calloutId: string;
    recipientId: string;
    name: string;
    state: RecipientStateValue;
    channel?: AnswerChannel;
    secondsToRespond?: number;
    unreachable?: true;
    error?: string;
    failure?: PageFailure;
  };
  'callout.location_shared': {
    calloutId: string;
    recipientId: string;
    name: string;
    lat: number;
    lng: number;
    /** When the position was received (ISO). */
    at: string;
  };
  'callout.tier_escalated': {
    calloutId: string;
    tier: number;
    round: number;
    reason: 'repeat' | 'quorum not met';
    recipients: number;
  };
  'callout.ended': {
    calloutId: string;
    status: Exclude<CalloutStatusValue, 'active'>;
    reason: string;
    acknowledged: number;
    recipients: number;
  };
  'drill.started': {
    runId: string;
    title: string;
    scenarioMs: number;
    form: DrillForm;
    scope: DrillScope;
  };
  /** `manual`: released by a controller ahead of (or instead of) the clock. */
  'drill.inject': {
    runId: string;
    runInjectId: string;
    injectId: string;
    kind: InjectKind;
    synopsis: string;
    targetRoles: string[];
    content: InjectContent;
    offsetSeconds: number;
    scenarioSeconds: number;
    scenarioMs: number;
    manual: boolean;
  } & DrillInjectEffect;
  'drill.inject_skipped': {
    runId: string;
    runInjectId: string;
    synopsis: string;
    scenarioSeconds: number;
  };
  'drill.paused': DrillClockPayload;
  'drill.resumed': DrillClockPayload;
  'drill.ended': DrillClockPayload;
  /** `incidentId`: the real incident (the event itself is in the drill's room). */
  'drill.real_incident': {
    runId: string;
    incidentId: string;
    title: string;
    severity: Severity;
    category: IncidentCategory;
    enterpriseName: string | null;
    location: { lat: number; lng: number };
  };
}

export type RoomEventPayload<T extends RoomEventType> = RoomEventPayloads[T];

/** A room event of one known type, with that type's payload. */
export type RoomEventOf<T extends RoomEventType> = RoomEventView<RoomEventPayloads[T]> & { type: T };

/** Any room event, discriminated by `type`: `switch (e.type)` narrows `e.payload`. */
export type TypedRoomEvent = { [T in RoomEventType]: RoomEventOf<T> }[RoomEventType];
