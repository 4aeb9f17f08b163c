import { describe, expect, it } from '@jest/globals';
import { RESOURCE_STATUSES, RESOURCE_TYPES, type ResourceMapPoint, type ResourceView } from '../contracts';
import {
  countByType,
  formatDistance,
  markerHtml,
  RESOURCE_STYLE,
  toResourceMarkers,
} from './resource-features';

function resource(id: string, type: ResourceView['type'], status: ResourceView['status']): ResourceMapPoint {
  return [id, type, status, 'ok', 33.99, 116.83];
}

describe('resource layer features', () => {
  const all = [
    resource('h1', 'fire_hydrant', 'available'),
    resource('h2', 'fire_hydrant', 'maintenance'),
    resource('w1', 'warehouse', 'available'),
  ];

  it('keeps only the chosen types and statuses, as [lat, lng] markers', () => {
    const markers = toResourceMarkers(all, {
      types: new Set(['fire_hydrant']),
      statuses: new Set(['available']),
    });
    expect(markers).toEqual([
      {
        id: 'h1',
        position: [33.99, 116.83],
        type: 'fire_hydrant',
        alert: 'ok',
        status: 'available',
      },
    ]);
    expect(
      toResourceMarkers(all, { types: new Set(RESOURCE_TYPES), statuses: new Set(RESOURCE_STATUSES) }),
    ).toHaveLength(3);
  });

  it('counts by type', () => {
    expect(countByType(all)).toEqual({ fire_hydrant: 2, warehouse: 1 });
  });

  it('formats distances in metres, then kilometres', () => {
    expect(formatDistance(0)).toBe('0 m');
    expect(formatDistance(849.6)).toBe('850 m');
    expect(formatDistance(1234)).toBe('1.2 km');
    expect(formatDistance(12_345)).toBe('12 km');
  });

  it('rings expiring and expired resources', () => {
    expect(markerHtml({ type: 'fire_hydrant', alert: 'expired', status: 'available' }, 'zh-CN')).toContain(
      'resource-pin--expired',
    );
    expect(markerHtml({ type: 'shelter', alert: 'ok', status: 'available' }, 'zh-CN')).toContain('避');
  });

  it("draws each glyph in the reader's language: no Chinese on an English map", () => {
    for (const type of Object.keys(RESOURCE_STYLE) as (keyof typeof RESOURCE_STYLE)[]) {
      const en = markerHtml({ type, alert: 'ok', status: 'available' }, 'en');
      expect({ type, chinese: /\p{Script=Han}/u.test(en) }).toEqual({ type, chinese: false });
      expect(markerHtml({ type, alert: 'ok', status: 'available' }, 'zh-CN')).toMatch(/\p{Script=Han}/u);
    }
  });
});
