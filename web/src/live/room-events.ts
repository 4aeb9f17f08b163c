import type {
  DispatchView,
  IncidentSummary,
  IncidentView,
  MapFeatureView,
  TaskView,
  TypedRoomEvent,
} from '../contracts';

/**
 * Pure bookkeeping of a room's event log on the client. The server numbers every event of a room
 * 1, 2, 3…; a client may receive an event twice (a live broadcast that races the join's replay)
 * or out of order (two server processes), so everything here is keyed by `seq`, never by arrival.
 */

export interface MergeResult {
  /** The room's events, each seq once, in seq order. */
  events: TypedRoomEvent[];
  /** The incoming events that were not seen before, in seq order. */
  added: TypedRoomEvent[];
}

/**
 * The door from the wire: an entry with a seq and a type is taken as the event the server's
 * log says it is (its payload as `RoomEventPayloads` types it; the server appends only those).
 */
function isUsableEvent(e: unknown): e is TypedRoomEvent {
  return (
    typeof e === 'object' &&
    e !== null &&
    Number.isInteger((e as TypedRoomEvent).seq) &&
    (e as TypedRoomEvent).seq > 0 &&
    typeof (e as TypedRoomEvent).type === 'string'
  );
}

/** The event alone, without what a broadcast adds to it (its incidentId). */
function logEntry(e: TypedRoomEvent): TypedRoomEvent {
  const { seq, type, payload, actor, at } = e;
  // Taken apart and put together again, the type and its payload are still one event's.
  return { seq, type, payload: payload ?? {}, actor, at } as TypedRoomEvent;
}

/** Adds `incoming` to `current`, dropping any seq already held. Leaves both inputs alone. */
export function mergeRoomEvents(
  current: readonly TypedRoomEvent[],
  incoming: readonly unknown[],
): MergeResult {
  const seen = new Set(current.map((e) => e.seq));
  const added: TypedRoomEvent[] = [];
  for (const candidate of incoming) {
    if (!isUsableEvent(candidate) || seen.has(candidate.seq)) continue;
    seen.add(candidate.seq);
    added.push(logEntry(candidate));
  }
  if (added.length === 0) return { events: current as TypedRoomEvent[], added };
  added.sort((a, b) => a.seq - b.seq);
  const last = current.at(-1)?.seq ?? 0;
  // The usual case: new events follow the ones held, so no full sort is needed.
  const events =
    added[0]!.seq > last ? [...current, ...added] : [...current, ...added].sort((a, b) => a.seq - b.seq);
  return { events, added };
}

/**
 * The highest seq up to which nothing is missing (1…n all held). A client rejoins with this as
 * `sinceSeq`: the server then sends everything after it, and what is already held is dropped.
 */
export function contiguousSeq(events: readonly TypedRoomEvent[], from = 0): number {
  let expected = from + 1;
  for (const e of events) {
    if (e.seq < expected) continue;
    if (e.seq !== expected) break;
    expected += 1;
  }
  return expected - 1;
}

/** True when some seq below the highest one held is missing (an event was lost in transit). */
export function hasGap(events: readonly TypedRoomEvent[], from = 0): boolean {
  const last = events.at(-1)?.seq ?? from;
  return contiguousSeq(events, from) < last;
}

// ── Room events → the room's lists ───────────────────────────────────────

interface Versioned {
  id: string;
  updatedAt: string;
}

/** Inserts or replaces by id; an older copy (a replayed event) never overwrites a newer one. */
function upsertById<T extends Versioned>(list: readonly T[], item: T): T[] {
  const index = list.findIndex((x) => x.id === item.id);
  if (index < 0) return [...list, item];
  const existing = list[index]!;
  if (Date.parse(existing.updatedAt) > Date.parse(item.updatedAt)) return list as T[];
  const next = [...list];
  next[index] = item;
  return next;
}

/** The task list after the given events (task.created / task.updated). */
export function applyTaskEvents(
  tasks: readonly TaskView[] | undefined,
  events: readonly TypedRoomEvent[],
): TaskView[] | undefined {
  if (!tasks) return undefined;
  let next = tasks as TaskView[];
  for (const e of events) {
    if (e.type === 'task.created' || e.type === 'task.updated') next = upsertById(next, e.payload.task);
  }
  return next;
}

/** The map features after the given events; a removed feature leaves the list. */
export function applyFeatureEvents(
  features: readonly MapFeatureView[] | undefined,
  events: readonly TypedRoomEvent[],
): MapFeatureView[] | undefined {
  if (!features) return undefined;
  let next = features as MapFeatureView[];
  for (const e of events) {
    if (e.type === 'map_feature.added' || e.type === 'map_feature.updated') {
      next = upsertById(next, e.payload.feature);
    } else if (e.type === 'map_feature.removed') {
      const id = e.payload.featureId;
      if (next.some((f) => f.id === id)) next = next.filter((f) => f.id !== id);
    }
  }
  return next;
}

/** The dispatched resources after the given events. */
export function applyDispatchEvents(
  dispatches: readonly DispatchView[] | undefined,
  events: readonly TypedRoomEvent[],
): DispatchView[] | undefined {
  if (!dispatches) return undefined;
  let next = dispatches as DispatchView[];
  for (const e of events) {
    if (e.type === 'resource.dispatched' || e.type === 'resource.status_changed')
      next = upsertById(next, e.payload.dispatch);
  }
  return next;
}

/** Which of the room's server-side records the events change, so their caches can follow. */
export interface AffectedRecords {
  incident: boolean;
  reports: boolean;
  tasks: boolean;
  features: boolean;
  dispatches: boolean;
  callouts: boolean;
}

export function affectedRecords(events: readonly TypedRoomEvent[]): AffectedRecords {
  const out: AffectedRecords = {
    incident: false,
    reports: false,
    tasks: false,
    features: false,
    dispatches: false,
    callouts: false,
  };
  for (const e of events) {
    // The reporting chain rides on the incident's read: its acts refresh it.
    if (e.type.startsWith('incident.') || e.type.startsWith('reporting.')) out.incident = true;
    if (e.type === 'incident.supplementary_report' || e.type === 'incident.regraded') out.reports = true;
    if (e.type.startsWith('task.')) out.tasks = true;
    if (e.type.startsWith('map_feature.')) out.features = true;
    if (e.type.startsWith('resource.')) out.dispatches = true;
    if (e.type.startsWith('callout.')) out.callouts = true;
  }
  return out;
}

// ── Overview: the zone's open incidents ──────────────────────────────────

/** The compact overview record of a full incident. */
export function toIncidentSummary(i: IncidentView): IncidentSummary {
  return {
    id: i.id,
    title: i.title,
    category: i.category,
    severity: i.severity,
    status: i.status,
    responseLevel: i.responseLevel,
    location: i.location,
    enterpriseName: i.enterpriseName,
    isDrill: i.isDrill,
    occurredAt: i.occurredAt,
    deadline: i.clock.deadline,
    late: i.clock.late,
    duty: i.clock.duty,
    takenInChargeAt: i.takenInChargeAt,
    takenInChargeBy: i.takenInChargeBy,
  };
}

/**
 * The open incidents after an `incident:upsert`: a closed incident leaves, any other is added
 * or replaced; newest occurrence first, as the list shows them.
 */
export function upsertOpenIncident(
  list: readonly IncidentSummary[] | undefined,
  summary: IncidentSummary,
): IncidentSummary[] | undefined {
  if (!list) return undefined;
  const rest = list.filter((s) => s.id !== summary.id);
  if (summary.status === 'closed') return rest.length === list.length ? (list as IncidentSummary[]) : rest;
  return [...rest, summary].sort((a, b) => Date.parse(b.occurredAt) - Date.parse(a.occurredAt));
}
