import { describe, expect, it } from '@jest/globals';
import { type HazardFeatureCollection, toHazardMarkers } from './map-features';

const feature = (id: string, coords: [number, number], located: boolean) => ({
  type: 'Feature' as const,
  id,
  geometry: { type: 'Point' as const, coordinates: coords },
  properties: {
    id,
    code: `YH-${id}`,
    enterpriseId: 'e',
    enterpriseName: '企业',
    place: '部位',
    category: 'fire' as const,
    level: 'general' as const,
    status: 'found' as const,
    deadline: null,
    overdue: false,
    located,
    listedSupervision: null as { body: string; deadline: string; listedAt: string; listedBy: string } | null,
  },
});

describe('open hazards on the map', () => {
  it('Order 16: marks a hazard under listed supervision (挂牌督办) with its body and deadline', () => {
    const listed = feature('1', [116.8, 33.9], true);
    listed.properties.listedSupervision = {
      body: '园区应急管理局',
      deadline: '2027-01-31',
      listedAt: '2026-12-01T00:00:00.000Z',
      listedBy: '王督查',
    };
    const [marker, plain] = toHazardMarkers({
      type: 'FeatureCollection',
      features: [listed, feature('2', [116.9, 33.8], true)],
    });
    expect(marker!.listed).toMatchObject({ body: '园区应急管理局', deadline: '2027-01-31' });
    expect(plain!.listed).toBeNull();
  });

  it('puts a located hazard at its own point, as [lat, lng]', () => {
    const fc: HazardFeatureCollection = {
      type: 'FeatureCollection',
      features: [feature('1', [116.8, 33.9], true)],
    };
    expect(toHazardMarkers(fc)[0]!.position).toEqual([33.9, 116.8]);
  });

  it('fans out hazards that share their enterprise site so none hides another', () => {
    const fc: HazardFeatureCollection = {
      type: 'FeatureCollection',
      features: ['1', '2', '3'].map((id) => feature(id, [116.8, 33.9], false)),
    };
    const positions = toHazardMarkers(fc).map((m) => m.position.join(','));
    expect(new Set(positions).size).toBe(3);
    for (const m of toHazardMarkers(fc)) {
      expect(Math.hypot(m.position[0] - 33.9, m.position[1] - 116.8)).toBeLessThan(0.001);
    }
  });
});
