import type {
  ActionMatch,
  ActionMetric,
  ActionOutcome,
  ModelRunMetric,
  ObjectiveMetric,
  ObjectiveOutcome,
  ResponderMetric,
  RollCallMetric,
  RunInjectView,
  ScenarioObjective,
  RoomEventView,
  RoomEventPayloads,
} from '@muster/contracts';

type Payload = Record<string, unknown>;

/**
 * Maps wall time to scenario time from the clock's own marks in the room log (started, paused,
 * resumed, ended — each carries the scenario time it happened at). Between a pause and the next
 * resume the scenario clock stands still, so anything done then counts at the pause's time.
 */
export function scenarioTimeOf(events: RoomEventView[]): (at: string) => number | null {
  const marks = events
    .filter((e) => e.type.startsWith('drill.') && typeof (e.payload as Payload).scenarioMs === 'number')
    .filter((e) => ['drill.started', 'drill.paused', 'drill.resumed', 'drill.ended'].includes(e.type))
    .map((e) => ({
      wall: Date.parse(e.at),
      scenario: (e.payload as Payload).scenarioMs as number,
      running: e.type === 'drill.started' || e.type === 'drill.resumed',
    }));
  return (at) => {
    const wall = Date.parse(at);
    let last: (typeof marks)[number] | undefined;
    for (const m of marks) {
      if (m.wall > wall) break;
      last = m;
    }
    if (!last) return null;
    return last.running ? last.scenario + (wall - last.wall) : last.scenario;
  };
}

export function matches(match: ActionMatch, e: RoomEventView, injectFeatureIds: Set<string>): boolean {
  const p = e.payload as Payload;
  const includes = (s: unknown) =>
    !match.textIncludes ||
    (typeof s === 'string' && s.toLowerCase().includes(match.textIncludes.toLowerCase()));
  switch (match.kind) {
    case 'callout_started':
      return e.type === 'callout.started';
    case 'callout_acknowledged':
      return e.type === 'callout.recipient_updated' && p.state === 'acknowledged';
    case 'callout_quorum_met':
      return e.type === 'callout.ended' && p.status === 'succeeded';
    case 'task_done': {
      const task = p.task as Payload | undefined;
      return e.type === 'task.updated' && task?.status === 'done' && includes(task.title);
    }
    case 'map_feature_added': {
      const feature = p.feature as Payload | undefined;
      // A feature an inject drew is the scenario talking, not the players acting.
      return (
        e.type === 'map_feature.added' &&
        feature?.kind === match.featureKind &&
        !injectFeatureIds.has(String(feature?.id))
      );
    }
    case 'resource_dispatched':
      return e.type === 'resource.dispatched';
    case 'level_set':
      return e.type === 'incident.level_set';
    case 'status_changed':
      return e.type === 'incident.status_changed' && p.to === match.status;
    case 'message_posted':
      return e.type === 'message' && includes(p.text);
    case 'consequence_modelled':
      return e.type === 'consequence.modelled';
  }
}

/** The consequence models run in the room, each with the scenario second it was run at. */
export function modelRuns(events: RoomEventView[]): ModelRunMetric[] {
  const toScenario = scenarioTimeOf(events);
  return events
    .filter((e) => e.type === 'consequence.modelled')
    .map((e) => {
      const p = e.payload as unknown as RoomEventPayloads['consequence.modelled'];
      const ms = toScenario(e.at);
      return {
        modelRunId: p.modelRunId,
        seq: e.seq,
        model: p.model,
        title: p.title,
        scenarioSeconds: ms === null ? null : Math.round(ms / 1000),
        zones: p.zones.map((z) => ({ level: z.level, extentM: z.extentM ?? null })),
      };
    });
}

export interface MetricsInput {
  injects: RunInjectView[];
  objectives: ScenarioObjective[];
  events: RoomEventView[];
  /** Scenario time now (the end of the run once it has ended). */
  nowScenarioMs: number;
  ended: boolean;
}

/**
 * Each expected action of each released inject, matched to the first room event after the
 * inject that does it: met within its target time, late after it, missed when the target has
 * passed (or the run ended) without it, pending while it still may happen.
 */
export function measureActions(input: MetricsInput): ActionMetric[] {
  const toScenario = scenarioTimeOf(input.events);
  const injectFeatureIds = new Set(
    input.events
      .filter((e) => e.type === 'drill.inject' && (e.payload as Payload).featureId)
      .map((e) => String((e.payload as Payload).featureId)),
  );
  const releaseSeq = new Map(
    input.events
      .filter((e) => e.type === 'drill.inject')
      .map((e) => [String((e.payload as Payload).runInjectId), e.seq]),
  );
  const out: ActionMetric[] = [];
  for (const inject of input.injects) {
    for (const action of inject.expectedActions) {
      const base = {
        injectId: inject.id,
        actionId: action.id,
        description: action.description,
        objectiveId: action.objectiveId,
        targetSeconds: action.targetSeconds,
        releasedAtSeconds: inject.releasedAtSeconds,
      };
      const fromSeq = releaseSeq.get(inject.runInjectId);
      if (inject.state !== 'released' || fromSeq === undefined) {
        out.push({ ...base, achievedAfterSeconds: null, matchedSeq: null, outcome: 'not_released' });
        continue;
      }
      const releasedMs = toScenario(input.events.find((e) => e.seq === fromSeq)!.at) ?? 0;
      const hit = input.events.find((e) => e.seq > fromSeq && matches(action.match, e, injectFeatureIds));
      const hitMs = hit ? toScenario(hit.at) : null;
      let outcome: ActionOutcome;
      let after: number | null = null;
      if (hit && hitMs !== null) {
        const afterMs = Math.max(0, hitMs - releasedMs);
        after = Math.round(afterMs / 1000);
        outcome = afterMs <= action.targetSeconds * 1000 ? 'met' : 'late';
      } else {
        const overdue = input.nowScenarioMs - releasedMs > action.targetSeconds * 1000;
        outcome = input.ended || overdue ? 'missed' : 'pending';
      }
      out.push({ ...base, achievedAfterSeconds: after, matchedSeq: hit?.seq ?? null, outcome });
    }
  }
  return out;
}

/** Met when every action of it was met; partly when some were done (on time or late); else not met. */
export function objectiveOutcomes(
  objectives: ScenarioObjective[],
  actions: ActionMetric[],
): ObjectiveMetric[] {
  return objectives.map((o) => {
    const mine = actions.filter((a) => a.objectiveId === o.id && a.outcome !== 'not_released');
    const met = mine.filter((a) => a.outcome === 'met').length;
    const done = mine.filter((a) => a.outcome === 'met' || a.outcome === 'late').length;
    let outcome: ObjectiveOutcome;
    if (!mine.length || mine.some((a) => a.outcome === 'pending')) outcome = 'pending';
    else if (met === mine.length) outcome = 'met';
    else if (done > 0) outcome = 'partly_met';
    else outcome = 'not_met';
    return { objectiveId: o.id, text: o.text, outcome, actions: mine.length, met };
  });
}

export function median(values: number[]): number | null {
  if (!values.length) return null;
  const s = [...values].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid]! : Math.round((s[mid - 1]! + s[mid]!) / 2);
}

export function medianAck(responders: ResponderMetric[]): number | null {
  return median(
    responders
      .filter((r) => r.state === 'acknowledged' && r.secondsToRespond !== null)
      .map((r) => r.secondsToRespond!),
  );
}

/**
 * Each roll call of the drill room: time to 100 % accounted on the scenario clock (a pause stops
 * it, as it stops the drill), and its final numbers once closed, else the latest reported.
 */
export function measureRollCalls(events: RoomEventView[]): RollCallMetric[] {
  const toScenario = scenarioTimeOf(events);
  const out = new Map<string, RollCallMetric & { openedMs: number | null }>();
  for (const e of events) {
    const p = e.payload as Payload;
    const id = String(p.rollCallId ?? '');
    const m = out.get(id);
    switch (e.type) {
      case 'rollcall.opened': {
        const openedMs = toScenario(e.at);
        out.set(id, {
          rollCallId: id,
          openedMs,
          openedAtSeconds: openedMs === null ? null : Math.round(openedMs / 1000),
          secondsToAllAccounted: null,
          expected: 0,
          accounted: 0,
          missing: 0,
          closed: false,
        });
        break;
      }
      case 'rollcall.counted':
      case 'rollcall.closed': {
        if (!m) break;
        const t = (e.type === 'rollcall.closed' ? p.final : p.totals) as Payload;
        Object.assign(m, {
          expected: Number(t.expected),
          accounted: Number(t.accounted),
          missing: Number(t.missing),
        });
        if (e.type === 'rollcall.closed') m.closed = true;
        break;
      }
      case 'rollcall.all_accounted': {
        if (!m) break;
        const atMs = toScenario(e.at);
        m.secondsToAllAccounted =
          atMs !== null && m.openedMs !== null
            ? Math.round(Math.max(0, atMs - m.openedMs) / 1000)
            : Number(p.secondsSinceOpened);
        break;
      }
    }
  }
  return [...out.values()].map(({ openedMs: _, ...m }) => m);
}
