import { describe, expect, it } from '@jest/globals';
import { type AlarmEffect, type AlarmRule, EMPTY_STATE, type LiveState, step } from './alarm-rules.js';

const rule: AlarmRule = { high: 10, highHigh: 20, low: null, lowLow: null, delaySeconds: 5, holdSeconds: 30 };
const t0 = Date.parse('2026-12-06T02:00:00Z');

/** Runs readings (seconds after t0, value) through the machine, giving every raised alarm an id. */
function run(readings: [number, number][], r = rule, start: LiveState = EMPTY_STATE) {
  let state = start;
  const effects: AlarmEffect[] = [];
  let n = 0;
  for (const [s, value] of readings) {
    const out = step(state, { ts: new Date(t0 + s * 1000), value }, r);
    state = out.state;
    for (const e of out.effects) {
      effects.push(e);
      if (e.kind === 'raise') state = { ...state, alarmId: `alarm-${++n}` };
    }
  }
  return { state, effects };
}

describe('alarm state machine', () => {
  it('a run of high-high readings raises one alarm, once out of band for the delay', () => {
    const { effects } = run([
      [0, 5],
      [1, 25],
      [3, 26],
      [6, 27],
      [7, 28],
      [8, 26],
    ]);
    const raises = effects.filter((e) => e.kind === 'raise');
    expect(raises).toEqual([
      {
        kind: 'raise',
        startedAt: new Date(t0 + 1000),
        at: new Date(t0 + 6000),
        level: 'high_high',
        peak: 27,
        limit: 20,
      },
    ]);
    expect(effects.filter((e) => e.kind === 'worsen').map((e) => e.kind === 'worsen' && e.peak)).toEqual([
      28,
    ]);
  });

  it('a blip shorter than the delay raises nothing', () => {
    expect(
      run([
        [0, 25],
        [2, 26],
        [3, 5],
        [4, 25],
        [6, 5],
      ]).effects,
    ).toEqual([]);
  });

  it('with no delay the first reading out of band raises', () => {
    expect(run([[0, 11]], { ...rule, delaySeconds: 0 }).effects.map((e) => e.kind)).toEqual(['raise']);
  });

  it('clears only after the hold time back in band; going out again before is the same excursion', () => {
    const { effects, state } = run([
      [0, 25],
      [5, 25],
      [10, 5],
      [30, 12], // out again (high) before 30 s in band: same alarm
      [31, 5],
      [60, 5], // 29 s in band
      [61, 5], // 30 s: cleared
      [62, 25],
      [70, 25], // a new excursion, a new alarm
    ]);
    expect(effects.map((e) => e.kind)).toEqual(['raise', 'clear', 'raise']);
    expect(effects[1]).toEqual({ kind: 'clear', alarmId: 'alarm-1', at: new Date(t0 + 61_000) });
    expect(state.alarmId).toBe('alarm-2');
  });

  it('the level only rises within an excursion: high then high-high worsens the alarm', () => {
    const { effects } = run([
      [0, 12],
      [5, 12],
      [6, 22],
      [7, 15],
    ]);
    expect(effects.map((e) => [e.kind, 'level' in e ? e.level : null])).toEqual([
      ['raise', 'high'],
      ['worsen', 'high_high'],
    ]);
  });

  it('low and low-low thresholds alarm on the way down with the lowest value as peak', () => {
    const low: AlarmRule = { high: null, highHigh: null, low: 2, lowLow: 1, delaySeconds: 0, holdSeconds: 0 };
    const { effects } = run(
      [
        [0, 1.5],
        [1, 0.5],
        [2, 3],
      ],
      low,
    );
    expect(effects.map((e) => [e.kind, 'peak' in e ? e.peak : null])).toEqual([
      ['raise', 1.5],
      ['worsen', 0.5],
      ['clear', null],
    ]);
  });

  it('a repeated or older reading moves nothing (a redelivered message after a restart)', () => {
    const first = run([
      [0, 25],
      [5, 25],
    ]);
    expect(first.effects.map((e) => e.kind)).toEqual(['raise']);
    const again = run(
      [
        [0, 25],
        [5, 25],
      ],
      rule,
      first.state,
    );
    expect(again.effects).toEqual([]);
    expect(again.state).toEqual(first.state);
  });
});
