/** Pure parts of the after-action report: the timeline on the scenario clock, and the averages. */
import {
  EVALUATION_DIMENSIONS,
  describeRoomEvent,
  type DrillReport,
  type EvaluationDimension,
  type EvaluationView,
  type RecordLanguage,
  type RoomEventView,
  type TypedRoomEvent,
} from '@muster/contracts';

export type TimelineEntry = DrillReport['timeline'][number];

/**
 * Each room event with the scenario second it happened at. The clock stands still while the
 * drill is paused, so wall time alone cannot give it; the room's own `drill.*` events record
 * every start, pause and resume, and the clock is replayed from them. Events before the start
 * (the room opening) are at 0; injects carry the second they were released at.
 */
export function scenarioTimeline(events: RoomEventView[], lang: RecordLanguage): TimelineEntry[] {
  let anchorMs: number | null = null;
  let anchorSeconds = 0;
  let running = false;

  const clockAt = (atMs: number): number =>
    running && anchorMs !== null ? anchorSeconds + Math.max(0, atMs - anchorMs) / 1000 : anchorSeconds;

  return events.map((e) => {
    const atMs = Date.parse(e.at);
    const recorded = numberOr(e.payload.scenarioSeconds, null);
    const seconds = Math.max(0, Math.floor(recorded ?? clockAt(atMs)));
    switch (e.type) {
      case 'drill.started':
        [anchorMs, anchorSeconds, running] = [atMs, recorded ?? 0, true];
        break;
      case 'drill.resumed':
        [anchorMs, anchorSeconds, running] = [atMs, recorded ?? clockAt(atMs), true];
        break;
      case 'drill.paused':
      case 'drill.ended':
        [anchorMs, anchorSeconds, running] = [atMs, recorded ?? clockAt(atMs), false];
        break;
    }
    return {
      seq: e.seq,
      type: e.type,
      at: e.at,
      scenarioSeconds: seconds,
      text: describeRoomEvent(e as TypedRoomEvent, lang),
    };
  });
}

/**
 * Mean score per dimension over the forms that scored it, two decimals, in the order of
 * EVALUATION_DIMENSIONS; a dimension nobody scored is left out rather than shown as 0.
 */
export function dimensionAverages(evaluations: EvaluationView[]): DrillReport['dimensionAverages'] {
  const sums = new Map<EvaluationDimension, { total: number; forms: number }>();
  for (const e of evaluations) {
    for (const s of e.scores) {
      const acc = sums.get(s.dimension) ?? { total: 0, forms: 0 };
      acc.total += s.score;
      acc.forms += 1;
      sums.set(s.dimension, acc);
    }
  }
  return EVALUATION_DIMENSIONS.filter((d) => sums.has(d)).map((dimension) => {
    const { total, forms } = sums.get(dimension)!;
    return { dimension, average: Math.round((total / forms) * 100) / 100, forms };
  });
}

function numberOr<T>(v: unknown, fallback: T): number | T {
  return typeof v === 'number' && Number.isFinite(v) ? v : fallback;
}
