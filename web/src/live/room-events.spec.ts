import { describe, expect, it } from '@jest/globals';
import type {
  DispatchView,
  IncidentSummary,
  MapFeatureView,
  RoomEventType,
  TaskView,
  TypedRoomEvent,
} from '../contracts';
import {
  affectedRecords,
  applyDispatchEvents,
  applyFeatureEvents,
  applyTaskEvents,
  contiguousSeq,
  hasGap,
  mergeRoomEvents,
  upsertOpenIncident,
} from './room-events';

const actor = { id: 'u1', name: '王建国', role: 'commander' };

// A fixture carries only the payload fields its test is about.
function event(
  seq: number,
  type: RoomEventType = 'message',
  payload: Record<string, unknown> = {},
): TypedRoomEvent {
  return {
    seq,
    type,
    payload: { text: `#${seq}`, ...payload },
    actor,
    at: `2026-11-28T08:00:${String(seq).padStart(2, '0')}.000Z`,
  } as TypedRoomEvent;
}

const seqs = (events: TypedRoomEvent[]) => events.map((e) => e.seq);

describe('mergeRoomEvents', () => {
  it('appends new events in seq order and reports which were new', () => {
    const { events, added } = mergeRoomEvents([event(1), event(2)], [event(4), event(3)]);
    expect(seqs(events)).toEqual([1, 2, 3, 4]);
    expect(seqs(added)).toEqual([3, 4]);
  });

  it('drops events already held, and repeats within one batch', () => {
    const current = [event(1), event(2), event(3)];
    const { events, added } = mergeRoomEvents(current, [event(2), event(3), event(4), event(4)]);
    expect(seqs(events)).toEqual([1, 2, 3, 4]);
    expect(seqs(added)).toEqual([4]);
  });

  it('keeps the very same list when nothing is new, so React need not re-render', () => {
    const current = [event(1), event(2)];
    const result = mergeRoomEvents(current, [event(1)]);
    expect(result.events).toBe(current);
    expect(result.added).toEqual([]);
  });

  it('slots a late event into its place when a live broadcast overtook the replay', () => {
    // Joined at seq 5: the broadcast of 8 arrives before the join's answer with 6, 7, 8.
    const afterBroadcast = mergeRoomEvents([event(4), event(5)], [event(8)]).events;
    const { events, added } = mergeRoomEvents(afterBroadcast, [event(6), event(7), event(8)]);
    expect(seqs(events)).toEqual([4, 5, 6, 7, 8]);
    expect(seqs(added)).toEqual([6, 7]);
  });

  it('ignores malformed entries instead of failing', () => {
    const { events } = mergeRoomEvents([], [null, { seq: 'x' }, { seq: 0, type: 'message' }, event(1)]);
    expect(seqs(events)).toEqual([1]);
  });

  it('leaves its inputs alone', () => {
    const current = [event(1)];
    const incoming = [event(3), event(2)];
    mergeRoomEvents(current, incoming);
    expect(seqs(current)).toEqual([1]);
    expect(seqs(incoming)).toEqual([3, 2]);
  });
});

describe('contiguousSeq and hasGap', () => {
  it('is the last seq before the first hole: the sinceSeq to rejoin with', () => {
    expect(contiguousSeq([])).toBe(0);
    expect(contiguousSeq([event(1), event(2), event(3)])).toBe(3);
    expect(contiguousSeq([event(1), event(2), event(5)])).toBe(2);
    expect(contiguousSeq([event(2)])).toBe(0);
  });

  it('counts from where the client started', () => {
    expect(contiguousSeq([event(6), event(7)], 5)).toBe(7);
    expect(contiguousSeq([event(7)], 5)).toBe(5);
  });

  it('sees a hole below the highest seq held', () => {
    expect(hasGap([event(1), event(2)])).toBe(false);
    expect(hasGap([event(1), event(3)])).toBe(true);
    expect(hasGap([])).toBe(false);
  });
});

describe('room events → cached lists', () => {
  const task = (overrides: Partial<TaskView> = {}): TaskView => ({
    id: 't1',
    incidentId: 'i1',
    title: '关闭上游阀门',
    detail: '',
    assigneeUserId: null,
    assigneeTeamId: null,
    assigneeLabel: null,
    dueAt: null,
    status: 'open',
    source: 'manual',
    createdAt: '2026-11-28T08:00:00.000Z',
    updatedAt: '2026-11-28T08:00:00.000Z',
    ...overrides,
  });

  it('adds a created task and replaces an updated one', () => {
    const created = task();
    const accepted = task({ status: 'accepted', updatedAt: '2026-11-28T08:05:00.000Z' });
    expect(applyTaskEvents([], [event(1, 'task.created', { task: created })])).toEqual([created]);
    expect(applyTaskEvents([created], [event(2, 'task.updated', { task: accepted })])).toEqual([accepted]);
  });

  it('never lets a replayed older event overwrite a newer copy', () => {
    const done = task({ status: 'done', updatedAt: '2026-11-28T09:00:00.000Z' });
    const replay = [
      event(1, 'task.created', { task: task() }),
      event(2, 'task.updated', { task: task({ status: 'accepted', updatedAt: '2026-11-28T08:30:00.000Z' }) }),
    ];
    expect(applyTaskEvents([done], replay)).toEqual([done]);
  });

  it('leaves a list that was never loaded to its fetch', () => {
    expect(applyTaskEvents(undefined, [event(1, 'task.created', { task: task() })])).toBeUndefined();
  });

  const feature: MapFeatureView = {
    id: 'f1',
    incidentId: 'i1',
    kind: 'hazard_zone',
    label: '',
    geometry: { type: 'Point', coordinates: [116.81, 33.99] },
    radiusM: 200,
    createdAt: '2026-11-28T08:00:00.000Z',
    updatedAt: '2026-11-28T08:00:00.000Z',
  };

  it('adds, changes and removes map features', () => {
    const added = applyFeatureEvents([], [event(1, 'map_feature.added', { feature })]);
    expect(added).toEqual([feature]);
    const wider = { ...feature, radiusM: 500, updatedAt: '2026-11-28T08:10:00.000Z' };
    expect(applyFeatureEvents(added, [event(2, 'map_feature.updated', { feature: wider })])).toEqual([wider]);
    expect(
      applyFeatureEvents(added, [event(3, 'map_feature.removed', { featureId: 'f1', kind: 'hazard_zone' })]),
    ).toEqual([]);
  });

  it('replays a whole history to the current state', () => {
    const history = [
      event(1, 'map_feature.added', { feature }),
      event(2, 'map_feature.added', { feature: { ...feature, id: 'f2', kind: 'cordon' } }),
      event(3, 'map_feature.removed', { featureId: 'f1', kind: 'hazard_zone' }),
    ];
    expect(applyFeatureEvents([], history)?.map((f) => f.id)).toEqual(['f2']);
  });

  it('follows a dispatched resource from en route to on scene', () => {
    const dispatch: DispatchView = {
      id: 'd1',
      incidentId: 'i1',
      resourceId: null,
      label: '消防一中队 水罐车',
      state: 'en_route',
      updatedAt: '2026-11-28T08:00:00.000Z',
    };
    const onScene = { ...dispatch, state: 'on_scene' as const, updatedAt: '2026-11-28T08:20:00.000Z' };
    expect(
      applyDispatchEvents(
        [],
        [
          event(1, 'resource.dispatched', { dispatch }),
          event(2, 'resource.status_changed', { dispatch: onScene, from: 'en_route' }),
        ],
      ),
    ).toEqual([onScene]);
  });

  it('names the records a batch of events touches', () => {
    expect(affectedRecords([event(1, 'message')])).toEqual({
      incident: false,
      reports: false,
      tasks: false,
      features: false,
      dispatches: false,
      callouts: false,
    });
    expect(affectedRecords([event(1, 'callout.recipient_updated')]).callouts).toBe(true);
    expect(
      affectedRecords([event(1, 'incident.supplementary_report'), event(2, 'map_feature.added')]),
    ).toMatchObject({
      incident: true,
      reports: true,
      features: true,
      tasks: false,
    });
  });
});

describe('upsertOpenIncident', () => {
  const summary = (id: string, overrides: Partial<IncidentSummary> = {}): IncidentSummary => ({
    id,
    title: `事故${id}`,
    category: 'fire',
    severity: 'ordinary',
    status: 'reported',
    responseLevel: null,
    location: { lat: 33.99, lng: 116.83 },
    enterpriseName: null,
    isDrill: false,
    occurredAt: '2026-11-28T08:00:00.000Z',
    deadline: '2026-11-28T09:00:00.000Z',
    late: false,
    duty: { met: true, metAt: '2026-11-28T08:20:00.000Z', lateByMinutes: 0 },
    takenInChargeAt: null,
    takenInChargeBy: null,
    ...overrides,
  });

  it('adds a new incident, newest first', () => {
    const older = summary('a', { occurredAt: '2026-11-28T07:00:00.000Z' });
    const newer = summary('b');
    expect(upsertOpenIncident([older], newer)?.map((s) => s.id)).toEqual(['b', 'a']);
  });

  it('replaces a changed incident and drops a closed one', () => {
    const list = [summary('a')];
    expect(upsertOpenIncident(list, summary('a', { severity: 'serious' }))?.[0]?.severity).toBe('serious');
    expect(upsertOpenIncident(list, summary('a', { status: 'closed' }))).toEqual([]);
    expect(upsertOpenIncident(list, summary('z', { status: 'closed' }))).toBe(list);
  });
});
