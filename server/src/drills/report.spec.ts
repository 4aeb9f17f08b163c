import { describe, expect, it } from '@jest/globals';
import type { EvaluationView, RoomEventType, RoomEventView } from '@muster/contracts';
import { dimensionAverages, scenarioTimeline } from './report.js';

const T0 = Date.parse('2026-05-20T02:00:00Z');
let seq = 0;
const ev = (
  type: RoomEventType,
  atSeconds: number,
  payload: Record<string, unknown> = {},
): RoomEventView => ({
  seq: ++seq,
  type,
  payload,
  actor: { id: null, name: 'system', role: 'system' },
  at: new Date(T0 + atSeconds * 1000).toISOString(),
});

describe('report timeline on the scenario clock', () => {
  it('replays the clock through pauses and takes injects at their recorded second', () => {
    const timeline = scenarioTimeline(
      [
        ev('incident.reported', 0, { title: '液氯泄漏', category: 'hazmat', severity: 'ordinary' }),
        ev('drill.started', 1, { runId: 'r', title: '液氯泄漏演练' }),
        ev('message', 61.9, { text: '收到' }),
        ev('drill.paused', 121, { runId: 'r', scenarioSeconds: 120 }),
        ev('message', 400, { text: '暂停中' }),
        ev('drill.resumed', 601, { runId: 'r', scenarioSeconds: 120 }),
        ev('drill.inject', 631, {
          runId: 'r',
          kind: 'incident_report',
          synopsis: '泄漏扩大',
          scenarioSeconds: 150,
          manual: true,
        }),
        ev('callout.started', 661, { message: '危化品救援队集结', recipients: 4 }),
        ev('drill.ended', 721, { runId: 'r', scenarioSeconds: 240 }),
        ev('message', 900, { text: '总结' }),
      ],
      'zh-CN',
    );
    expect(timeline.map((e) => [e.type, e.scenarioSeconds])).toEqual([
      ['incident.reported', 0],
      ['drill.started', 0],
      ['message', 60],
      ['drill.paused', 120],
      ['message', 120],
      ['drill.resumed', 120],
      ['drill.inject', 150],
      ['callout.started', 180],
      ['drill.ended', 240],
      ['message', 240],
    ]);
    expect(timeline[6]!.text).toBe('演练注入（手动发布）T+02:30（模拟事故报告）：泄漏扩大');
    expect(timeline[7]!.text).toBe('发起应急呼叫：危化品救援队集结（4 人）');
    expect(timeline[2]!.text).toBe('收到');
  });

  it('replays the clock even when pause events carry no scenario second', () => {
    const timeline = scenarioTimeline(
      [
        ev('drill.started', 0),
        ev('drill.paused', 30),
        ev('drill.resumed', 100),
        ev('message', 110, { text: 'x' }),
      ],
      'zh-CN',
    );
    expect(timeline.map((e) => e.scenarioSeconds)).toEqual([0, 30, 30, 40]);
  });
});

describe('dimension averages', () => {
  const form = (scores: [string, number][]): EvaluationView =>
    ({
      runId: 'r',
      evaluatorId: 'u',
      evaluatorName: 'u',
      overall: '',
      updatedAt: '',
      scores: scores.map(([dimension, score]) => ({ dimension, score, comment: '' })),
    }) as EvaluationView;

  it('averages over the forms that scored a dimension, in dimension order', () => {
    expect(
      dimensionAverages([
        form([
          ['response_speed', 4],
          ['plan_applicability', 3],
        ]),
        form([
          ['response_speed', 5],
          ['communications', 2],
        ]),
        form([['response_speed', 5]]),
      ]),
    ).toEqual([
      { dimension: 'plan_applicability', average: 3, forms: 1 },
      { dimension: 'communications', average: 2, forms: 1 },
      { dimension: 'response_speed', average: 4.67, forms: 3 },
    ]);
  });

  it('is empty without forms', () => {
    expect(dimensionAverages([])).toEqual([]);
  });
});
