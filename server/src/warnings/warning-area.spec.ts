import { describe, expect, it } from '@jest/globals';
import { areaPolygon, capCircle, capPolygon, placeInside, pointInside } from './warning-area.js';

const square = [
  [116.8, 33.98],
  [116.82, 33.98],
  [116.82, 34.0],
  [116.8, 34.0],
  [116.8, 33.98],
];

describe('warning area', () => {
  it('finds a point inside a polygon and not one just outside it', () => {
    const area = areaPolygon({ polygon: [square], circle: null });
    expect(pointInside(area, { lat: 33.99, lng: 116.81 })).toBe(true);
    expect(pointInside(area, { lat: 33.99, lng: 116.8201 })).toBe(false);
  });

  it('tests a circle by its radius in metres', () => {
    const area = areaPolygon({ polygon: null, circle: { center: { lat: 34, lng: 116.8 }, radiusM: 1000 } });
    // 0.008° of latitude is about 890 m, 0.01° about 1,110 m.
    expect(pointInside(area, { lat: 34.008, lng: 116.8 })).toBe(true);
    expect(pointInside(area, { lat: 34.01, lng: 116.8 })).toBe(false);
  });

  it('counts a place whose outline reaches into the area even when its point is outside', () => {
    const area = areaPolygon({ polygon: [square], circle: null });
    const outline = {
      type: 'Polygon' as const,
      coordinates: [
        [
          [116.815, 33.99],
          [116.83, 33.99],
          [116.83, 33.995],
          [116.815, 33.995],
          [116.815, 33.99],
        ],
      ],
    };
    expect(placeInside(area, { lat: 33.9925, lng: 116.825 }, outline)).toBe(true);
    expect(placeInside(area, { lat: 33.9925, lng: 116.825 }, null)).toBe(false);
  });

  it('writes CAP polygons as closed "lat,lon" rings and circles in kilometres', () => {
    expect(capPolygon(square)).toBe('33.98,116.8 33.98,116.82 34,116.82 34,116.8 33.98,116.8');
    expect(capPolygon(square.slice(0, 4))).toBe('33.98,116.8 33.98,116.82 34,116.82 34,116.8 33.98,116.8');
    expect(capCircle({ lat: 33.99, lng: 116.83 }, 1500)).toBe('33.99,116.83 1.5');
  });
});
