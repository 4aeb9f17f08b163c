import { describe, expect, it } from '@jest/globals';
import { delayUntil, formatOffset, pauseClock, scenarioMs, startClock } from './scenario-clock.js';

const at = (s: number) => new Date(Date.UTC(2026, 10, 28, 2, 0, 0) + s * 1000);

describe('scenario clock', () => {
  it('reads the accumulated time while stopped and adds wall time while running', () => {
    const stopped = { elapsedMs: 90_000, clockStartedAt: null };
    expect(scenarioMs(stopped, at(500))).toBe(90_000);
    const running = startClock(stopped, at(10));
    expect(scenarioMs(running, at(10))).toBe(90_000);
    expect(scenarioMs(running, at(40))).toBe(120_000);
  });

  it('stops on pause and resumes where it stopped, so pending injects shift by the pause', () => {
    let c = startClock({ elapsedMs: 0, clockStartedAt: null }, at(0));
    expect(delayUntil(c, 300_000, at(0))).toBe(300_000);
    c = pauseClock(c, at(100));
    expect(scenarioMs(c, at(1000))).toBe(100_000);
    expect(delayUntil(c, 300_000, at(1000))).toBeNull();
    c = startClock(c, at(1000));
    // 200 s of scenario time remain: the inject is now due at wall time 1200 s instead of 300 s.
    expect(delayUntil(c, 300_000, at(1000))).toBe(200_000);
    expect(delayUntil(c, 300_000, at(1200))).toBe(0);
    expect(delayUntil(c, 300_000, at(1500))).toBe(0);
  });

  it('starting a running clock keeps its start instant', () => {
    const c = startClock({ elapsedMs: 0, clockStartedAt: null }, at(0));
    expect(startClock(c, at(50))).toBe(c);
  });

  it('never reads backwards when a process clock lags the stored start', () => {
    expect(scenarioMs({ elapsedMs: 5000, clockStartedAt: at(10) }, at(9))).toBe(5000);
  });

  it('formats offsets as T+mm:ss, with hours past an hour', () => {
    expect(formatOffset(0)).toBe('T+00:00');
    expect(formatOffset(305)).toBe('T+05:05');
    expect(formatOffset(3600 + 62)).toBe('T+1:01:02');
  });
});
