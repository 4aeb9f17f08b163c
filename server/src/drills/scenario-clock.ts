/**
 * The scenario clock of a drill run. It is stored as the scenario time accumulated before the
 * clock last started plus the instant it started, so pausing and resuming need no timer and a
 * restarted process reads the same time as the one that died.
 */
export interface ClockState {
  elapsedMs: number;
  /** null while the clock stands still (scheduled, paused, ended). */
  clockStartedAt: Date | null;
}

export function scenarioMs(state: ClockState, now: Date): number {
  if (!state.clockStartedAt) return state.elapsedMs;
  return state.elapsedMs + Math.max(0, now.getTime() - state.clockStartedAt.getTime());
}

export function pauseClock(state: ClockState, now: Date): ClockState {
  return { elapsedMs: scenarioMs(state, now), clockStartedAt: null };
}

export function startClock(state: ClockState, now: Date): ClockState {
  if (state.clockStartedAt) return state;
  return { elapsedMs: state.elapsedMs, clockStartedAt: now };
}

/**
 * How long from `now` until the scenario clock reads `offsetMs` — the delay of that inject's job.
 * Zero when it is already due; null while the clock stands still (nothing is due until it runs).
 */
export function delayUntil(state: ClockState, offsetMs: number, now: Date): number | null {
  if (!state.clockStartedAt) return null;
  return Math.max(0, offsetMs - scenarioMs(state, now));
}

/** "T+mm:ss" (or "T+h:mm:ss" past an hour), the way drill staff read the scenario clock. */
export function formatOffset(seconds: number): string {
  const s = Math.max(0, Math.floor(seconds));
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const pad = (n: number) => String(n).padStart(2, '0');
  return h ? `T+${h}:${pad(m)}:${pad(s % 60)}` : `T+${pad(m)}:${pad(s % 60)}`;
}
