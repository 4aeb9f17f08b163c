import { describe, expect, it } from '@jest/globals';
import type { MapFeatureView, TypedRoomEvent } from '../contracts';
import { areaOptions, assemblyPoints } from './warning-areas';

const feature = (
  id: string,
  kind: MapFeatureView['kind'],
  geometry: MapFeatureView['geometry'],
  radiusM: number | null = null,
) =>
  ({
    id,
    incidentId: 'i',
    kind,
    label: id,
    geometry,
    radiusM,
    createdAt: '',
    updatedAt: '',
  }) as MapFeatureView;

const square = [
  [
    [116.8, 34],
    [116.81, 34],
    [116.81, 34.01],
    [116.8, 34],
  ],
];

describe('warning areas', () => {
  it('offers hazard zones, cordons and circles, then threat zones worst first', () => {
    const features = [
      feature('zone', 'hazard_zone', { type: 'Polygon', coordinates: square }),
      feature('ring', 'cordon', { type: 'Point', coordinates: [116.8, 34] }, 300),
      feature('post', 'command_post', { type: 'Point', coordinates: [116.8, 34] }),
      feature('route', 'evacuation_route', {
        type: 'LineString',
        coordinates: [
          [116.8, 34],
          [116.81, 34],
        ],
      }),
    ];
    const zone = (id: string, rank: number) => ({
      id,
      modelRunId: 'r',
      model: 'plume' as const,
      level: `AEGL-${4 - rank}`,
      rank,
      geometry: { type: 'Polygon' as const, coordinates: square },
    });
    const events = [
      {
        seq: 1,
        type: 'consequence.modelled',
        payload: {
          modelRunId: 'r',
          model: 'plume',
          title: '氯气',
          inputs: {},
          zones: [zone('r:2', 2), zone('r:1', 1)],
        },
        actor: { id: null, name: 's', role: 'system' },
        at: '',
      },
    ] as TypedRoomEvent[];
    expect(areaOptions(features, events).map((o) => o.key)).toEqual(['f:zone', 'f:ring', 'z:r:1', 'z:r:2']);
    expect(areaOptions(features, events)[2]).toMatchObject({
      label: '氯气 · AEGL-3',
      area: { threatZoneId: 'r:1' },
    });
  });

  it('lists the assembly points', () => {
    const points = [
      feature('a', 'assembly_point', { type: 'Point', coordinates: [116.8, 34] }),
      feature('b', 'command_post', { type: 'Point', coordinates: [116.8, 34] }),
    ];
    expect(assemblyPoints(points).map((p) => p.id)).toEqual(['a']);
  });
});
