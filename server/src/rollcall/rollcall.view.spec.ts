import { describe, expect, it } from '@jest/globals';
import type { RollCall, RollCallCount, RollCallEnterprise, RollCallPoint } from './rollcall.entities.js';
import { mapRollCall, type RollCallRecord } from './rollcall.view.js';

const at = new Date('2026-12-06T02:00:00Z');
const point = (id: string, code: string) =>
  ({
    id,
    code,
    label: code,
    lat: 34,
    lng: 116.8,
    source: 'room',
    sourceId: null,
    position: 0,
    rollCallId: 'rc',
  }) as RollCallPoint;
const entry = (enterpriseId: string, pointId: string, expected: number | null) =>
  ({
    rollCallId: 'rc',
    enterpriseId,
    pointId,
    expected,
    lastReportAt: expected === null ? null : at,
    lastChannel: 'sms',
  }) as RollCallEnterprise;
const count = (enterpriseId: string, pointId: string, accounted: number) =>
  ({ rollCallId: 'rc', enterpriseId, pointId, accounted, reportedAt: at }) as RollCallCount;

function record(enterprises: RollCallEnterprise[], counts: RollCallCount[]): RollCallRecord {
  return {
    rollCall: {
      id: 'rc',
      incidentId: 'i',
      status: 'open',
      openedAt: at,
      closedAt: null,
      allAccountedAt: null,
      final: null,
      reportId: null,
      openedBy: null,
      closedBy: null,
    } as RollCall,
    isDrill: false,
    points: [point('a', 'A'), point('b', 'B')],
    enterprises,
    counts,
    checkIns: [],
    missing: [],
  };
}

describe('the roll call board’s numbers', () => {
  it('seeks the missing at the point their enterprise was sent to, wherever the rest were counted', () => {
    const view = mapRollCall(
      record(
        [entry('coal', 'a', 48), entry('fine', 'b', 30)],
        [count('coal', 'a', 40), count('coal', 'b', 3), count('fine', 'b', 30)],
      ),
      new Map([
        ['coal', 'Coal'],
        ['fine', 'Fine'],
      ]),
    );
    expect(view.enterprises.map((e) => [e.name, e.expected, e.accounted, e.missing])).toEqual([
      ['Coal', 48, 43, 5],
      ['Fine', 30, 30, 0],
    ]);
    expect(view.points.map((p) => [p.code, p.expected, p.accounted, p.missing])).toEqual([
      ['A', 45, 40, 5],
      ['B', 33, 33, 0],
    ]);
    expect(view.totals).toMatchObject({
      expected: 78,
      accounted: 73,
      missing: 5,
      reported: 2,
      complete: false,
    });
  });

  it('is complete only once every enterprise has reported and all are accounted for', () => {
    const waiting = mapRollCall(
      record([entry('coal', 'a', 10), entry('fine', 'b', null)], [count('coal', 'a', 10)]),
      new Map(),
    );
    expect(waiting.totals).toMatchObject({
      expected: 10,
      accounted: 10,
      missing: 0,
      reported: 1,
      complete: false,
    });
    expect(waiting.enterprises[1]).toMatchObject({ expected: null, missing: null });
    const done = mapRollCall(record([entry('coal', 'a', 10)], [count('coal', 'a', 10)]), new Map());
    expect(done.totals.complete).toBe(true);
  });
});
