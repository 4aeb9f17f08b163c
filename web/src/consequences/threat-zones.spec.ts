import { describe, expect, it } from '@jest/globals';
import type { ConsequenceRunView, TypedRoomEvent } from '../contracts';
import { applyConsequenceEvents, distanceParts, durationParts, rankColour, shownRuns } from './threat-zones';

const run = (id: string, model: ConsequenceRunView['model'], createdAt: string): ConsequenceRunView => ({
  id,
  incidentId: 'i',
  model,
  title: id,
  inputs: {},
  zones: [],
  createdAt,
  createdBy: { id: null, name: '' },
});

describe('threat zones on the map', () => {
  it('shows the latest run of each model', () => {
    const runs = [
      run('p1', 'plume', '2026-01-01T08:00:00Z'),
      run('f1', 'pool_fire', '2026-01-01T08:05:00Z'),
      run('p2', 'plume', '2026-01-01T08:10:00Z'),
    ];
    expect(shownRuns(runs).map((r) => r.id)).toEqual(['f1', 'p2']);
    expect(shownRuns(undefined)).toEqual([]);
  });

  it('adds the run a room event announces, once', () => {
    const event = {
      seq: 7,
      type: 'consequence.modelled',
      at: '2026-01-01T08:10:00Z',
      actor: { id: 'u', name: '指挥长', role: 'commander' },
      payload: { modelRunId: 'p2', model: 'plume', title: '氯气', inputs: {}, zones: [] },
    } as unknown as TypedRoomEvent;
    const held = [run('p1', 'plume', '2026-01-01T08:00:00Z')];
    const next = applyConsequenceEvents('i', held, [event])!;
    expect(next.map((r) => [r.id, r.createdBy.name])).toEqual([
      ['p1', ''],
      ['p2', '指挥长'],
    ]);
    expect(applyConsequenceEvents('i', next, [event])).toBe(next);
    // Nothing cached yet: the first fetch brings the run.
    expect(applyConsequenceEvents('i', undefined, [event])).toBeUndefined();
  });

  it('words distances, times and colours', () => {
    expect(distanceParts(950)).toEqual({ unit: 'm', value: '950' });
    expect(distanceParts(12_256)).toEqual({ unit: 'km', value: '12.3' });
    expect(durationParts(90)).toEqual({ unit: 's', value: '90' });
    expect(durationParts(484)).toEqual({ unit: 'min', value: '8' });
    expect(rankColour(1)).not.toBe(rankColour(2));
    expect(rankColour(9)).toBe(rankColour(4));
  });
});
