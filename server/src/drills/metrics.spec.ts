import { describe, expect, it } from '@jest/globals';
import type { RunInjectView, RoomEventView } from '@muster/contracts';
import { measureActions, measureRollCalls, median, objectiveOutcomes, scenarioTimeOf } from './metrics.js';

const T0 = Date.parse('2026-11-28T02:00:00Z');
let seq = 0;
const ev = (wallSeconds: number, type: string, payload: Record<string, unknown> = {}): RoomEventView =>
  ({
    seq: ++seq,
    type,
    payload,
    actor: { id: null, name: 'x', role: 'commander' },
    at: new Date(T0 + wallSeconds * 1000).toISOString(),
  }) as RoomEventView;

const inject = (over: Partial<RunInjectView> = {}): RunInjectView => ({
  id: 'i1',
  runInjectId: 'r1',
  offsetSeconds: 10,
  synopsis: 's',
  kind: 'message',
  targetRoles: [],
  content: { text: 't' },
  expectedActions: [
    {
      id: 'cordon',
      description: '警戒',
      match: { kind: 'map_feature_added', featureKind: 'cordon' },
      targetSeconds: 60,
      objectiveId: 'o1',
    },
    {
      id: 'call',
      description: '呼叫',
      match: { kind: 'callout_started' },
      targetSeconds: 30,
      objectiveId: 'o1',
    },
  ],
  order: 0,
  state: 'released',
  source: 'scenario',
  releasedAt: null,
  releasedAtSeconds: 10,
  releasedBy: null,
  ...over,
});

describe('scenario time from the clock marks', () => {
  it('stands still between a pause and the resume', () => {
    seq = 0;
    const toScenario = scenarioTimeOf([
      ev(0, 'drill.started', { scenarioMs: 0 }),
      ev(20, 'drill.paused', { scenarioMs: 20_000 }),
      ev(120, 'drill.resumed', { scenarioMs: 20_000 }),
    ]);
    expect(toScenario(new Date(T0 - 1000).toISOString())).toBeNull();
    expect(toScenario(new Date(T0 + 10_000).toISOString())).toBe(10_000);
    expect(toScenario(new Date(T0 + 60_000).toISOString())).toBe(20_000);
    expect(toScenario(new Date(T0 + 130_000).toISOString())).toBe(30_000);
  });
});

describe('expected actions', () => {
  it('measures from the release, not counting time paused, and ignores what the scenario drew itself', () => {
    seq = 0;
    const events = [
      ev(0, 'drill.started', { scenarioMs: 0 }),
      ev(10, 'map_feature.added', { feature: { id: 'f-inject', kind: 'cordon' } }),
      ev(10, 'drill.inject', { runInjectId: 'r1', featureId: 'f-inject', scenarioMs: 10_000 }),
      ev(20, 'drill.paused', { scenarioMs: 20_000 }),
      ev(500, 'drill.resumed', { scenarioMs: 20_000 }),
      // 40 s of scenario time after the release although 520 s of wall time went by.
      ev(530, 'map_feature.added', { feature: { id: 'f-player', kind: 'cordon' } }),
      ev(545, 'callout.started', {}),
    ];
    const [cordon, call] = measureActions({
      injects: [inject()],
      objectives: [],
      events,
      nowScenarioMs: 70_000,
      ended: false,
    });
    expect(cordon).toMatchObject({ outcome: 'met', achievedAfterSeconds: 40, matchedSeq: 6 });
    expect(call).toMatchObject({ outcome: 'late', achievedAfterSeconds: 55 });
  });

  it('is pending while the target may still be met, missed once it passed or the run ended', () => {
    seq = 0;
    const events = [ev(0, 'drill.started', { scenarioMs: 0 }), ev(10, 'drill.inject', { runInjectId: 'r1' })];
    const at = (nowScenarioMs: number, ended: boolean) =>
      measureActions({ injects: [inject()], objectives: [], events, nowScenarioMs, ended }).map(
        (a) => a.outcome,
      );
    expect(at(30_000, false)).toEqual(['pending', 'pending']);
    expect(at(45_000, false)).toEqual(['pending', 'missed']);
    expect(at(45_000, true)).toEqual(['missed', 'missed']);
  });

  it('reports actions of injects never released as not released', () => {
    seq = 0;
    const out = measureActions({
      injects: [inject({ state: 'skipped' })],
      objectives: [],
      events: [ev(0, 'drill.started', { scenarioMs: 0 })],
      nowScenarioMs: 100_000,
      ended: true,
    });
    expect(out.map((a) => a.outcome)).toEqual(['not_released', 'not_released']);
  });
});

describe('objectives', () => {
  const action = (objectiveId: string, outcome: string) =>
    ({ objectiveId, outcome }) as Parameters<typeof objectiveOutcomes>[1][number];
  it('are met, partly met or not met by their actions', () => {
    const objectives = ['a', 'b', 'c', 'd', 'e'].map((id) => ({ id, text: id }));
    const out = objectiveOutcomes(objectives, [
      action('a', 'met'),
      action('a', 'met'),
      action('b', 'met'),
      action('b', 'missed'),
      action('c', 'late'),
      action('c', 'missed'),
      action('d', 'missed'),
      action('d', 'not_released'),
      action('e', 'pending'),
    ]);
    expect(out.map((o) => o.outcome)).toEqual(['met', 'partly_met', 'partly_met', 'not_met', 'pending']);
    expect(out.find((o) => o.objectiveId === 'd')).toMatchObject({ actions: 1, met: 0 });
  });

  it('median of response times', () => {
    expect(median([])).toBeNull();
    expect(median([30, 10, 20])).toBe(20);
    expect(median([10, 20, 30, 41])).toBe(25);
  });
});

describe('roll calls in a drill', () => {
  const totals = (expected: number, accounted: number) => ({
    expected,
    accounted,
    missing: expected - accounted,
    reported: 1,
    enterprises: 1,
    checkedIn: 0,
    complete: expected === accounted,
  });

  it('times 100 % accounted on the scenario clock, a pause standing still, and keeps the final numbers', () => {
    const events = [
      ev(0, 'drill.started', { scenarioMs: 0 }),
      ev(100, 'rollcall.opened', { rollCallId: 'rc' }),
      ev(160, 'rollcall.counted', { rollCallId: 'rc', totals: totals(48, 40) }),
      ev(200, 'drill.paused', { scenarioMs: 200_000 }),
      ev(500, 'drill.resumed', { scenarioMs: 200_000 }),
      ev(530, 'rollcall.counted', { rollCallId: 'rc', totals: totals(48, 48) }),
      ev(530, 'rollcall.all_accounted', { rollCallId: 'rc', expected: 48, secondsSinceOpened: 430 }),
      ev(600, 'rollcall.closed', { rollCallId: 'rc', final: totals(48, 48) }),
    ];
    expect(measureRollCalls(events)).toEqual([
      {
        rollCallId: 'rc',
        openedAtSeconds: 100,
        secondsToAllAccounted: 130,
        expected: 48,
        accounted: 48,
        missing: 0,
        closed: true,
      },
    ]);
  });

  it('leaves the time empty while people are still missing', () => {
    const events = [
      ev(0, 'drill.started', { scenarioMs: 0 }),
      ev(10, 'rollcall.opened', { rollCallId: 'rc' }),
      ev(20, 'rollcall.counted', { rollCallId: 'rc', totals: totals(10, 7) }),
    ];
    expect(measureRollCalls(events)[0]).toMatchObject({
      secondsToAllAccounted: null,
      missing: 3,
      closed: false,
    });
  });
});
