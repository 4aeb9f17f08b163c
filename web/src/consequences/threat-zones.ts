import type { ConsequenceModel, ConsequenceRunView, ModelInputs, TypedRoomEvent } from '../contracts';

/**
 * What the map shows of a room's runs: the latest run of each model (a new plume replaces the
 * old one when the wind turns; a fire and a plume of the same incident stay side by side).
 */
export function shownRuns(runs: readonly ConsequenceRunView[] | undefined): ConsequenceRunView[] {
  const latest = new Map<ConsequenceModel, ConsequenceRunView>();
  for (const run of runs ?? []) {
    const held = latest.get(run.model);
    if (!held || held.createdAt <= run.createdAt) latest.set(run.model, run);
  }
  return [...latest.values()].sort((a, b) => a.createdAt.localeCompare(b.createdAt));
}

/** Zone colours by rank: red for the worst, then orange, yellow and blue. */
const RANK_COLOURS = ['#d92d20', '#f79009', '#eaaa08', '#2e90fa'];
export function rankColour(rank: number): string {
  return RANK_COLOURS[Math.min(Math.max(rank, 1), RANK_COLOURS.length) - 1]!;
}

/** The run a `consequence.modelled` event announces, as the list endpoint would answer it. */
export function runFromEvent(incidentId: string, e: TypedRoomEvent): ConsequenceRunView | null {
  if (e.type !== 'consequence.modelled') return null;
  return {
    id: e.payload.modelRunId,
    incidentId,
    model: e.payload.model,
    title: e.payload.title,
    inputs: e.payload.inputs,
    zones: e.payload.zones,
    createdAt: e.at,
    createdBy: { id: e.actor.id, name: e.actor.name },
  };
}

/** The cached runs with those the new events announce, each once, oldest first. */
export function applyConsequenceEvents(
  incidentId: string,
  runs: ConsequenceRunView[] | undefined,
  added: readonly TypedRoomEvent[],
): ConsequenceRunView[] | undefined {
  if (!runs) return runs;
  const fresh = added
    .map((e) => runFromEvent(incidentId, e))
    .filter((r): r is ConsequenceRunView => r !== null && !runs.some((held) => held.id === r.id));
  return fresh.length ? [...runs, ...fresh] : runs;
}

/** The stored inputs as the models take them (they were checked by the server before storing). */
export function runInputs(run: ConsequenceRunView): ModelInputs {
  return run.inputs as unknown as ModelInputs;
}

/** Metres for people: under a kilometre in metres, else in kilometres with one decimal. */
export function distanceParts(m: number): { unit: 'm' | 'km'; value: string } {
  return m < 1000
    ? { unit: 'm', value: String(Math.round(m)) }
    : { unit: 'km', value: (m / 1000).toFixed(1) };
}

/** Seconds for people: under two minutes in seconds, else whole minutes. */
export function durationParts(s: number): { unit: 's' | 'min'; value: string } {
  return s < 120
    ? { unit: 's', value: String(Math.round(s)) }
    : { unit: 'min', value: String(Math.round(s / 60)) };
}

/** A concentration to three significant figures, small values without exponent noise. */
export function significant(v: number): string {
  if (v === 0) return '0';
  return v >= 1000 ? String(Math.round(v)) : Number(v.toPrecision(3)).toString();
}
