import { describe, expect, it } from '@jest/globals';
import type { FeatureCollection } from 'geojson';
import { ZONE_BOUNDARY } from '../../contracts';
import { roadCasingStyle, roadFillStyle, scaleWidth } from './basemap-style';

// Dynamic imports: Jest's transformer drops static import attributes, and Jest wants them for JSON.
const json = { with: { type: 'json' } } as const;
const { default: green } = await import('./green.geo.json', json);
const { default: roads } = await import('./roads.geo.json', json);
const { default: water } = await import('./water.geo.json', json);

/** The zone as the brief places it: 33.97–34.01 N, 116.80–116.86 E, with a margin for roads. */
const AREA = { south: 33.95, north: 34.03, west: 116.78, east: 116.88 };

function positions(collection: FeatureCollection): number[][] {
  const out: number[][] = [];
  for (const feature of collection.features) {
    const geometry = feature.geometry;
    if (geometry.type === 'LineString') out.push(...geometry.coordinates);
    else if (geometry.type === 'Polygon') for (const ring of geometry.coordinates) out.push(...ring);
    else throw new Error(`unexpected geometry ${geometry.type}`);
  }
  return out;
}

const zoneBoundary: FeatureCollection = {
  type: 'FeatureCollection',
  features: [
    { type: 'Feature', properties: { name: '杜集经济开发区', nameEn: 'Duji' }, geometry: ZONE_BOUNDARY },
  ],
};

describe('offline basemap data', () => {
  const layers = { zoneBoundary, roads, water, green } as unknown as Record<string, FeatureCollection>;

  it.each(Object.entries(layers))('%s lies around the zone, in GeoJSON [lng, lat] order', (_name, layer) => {
    const points = positions(layer);
    expect(points.length).toBeGreaterThan(0);
    for (const [lng, lat] of points) {
      expect(lng).toBeGreaterThanOrEqual(AREA.west);
      expect(lng).toBeLessThanOrEqual(AREA.east);
      expect(lat).toBeGreaterThanOrEqual(AREA.south);
      expect(lat).toBeLessThanOrEqual(AREA.north);
    }
  });

  it.each(Object.entries(layers))('%s names every feature in Chinese and English', (_name, layer) => {
    for (const feature of layer.features) {
      expect(feature.properties?.name).toEqual(expect.any(String));
      expect(feature.properties?.nameEn).toEqual(expect.any(String));
    }
  });

  it('closes every polygon ring', () => {
    for (const layer of [zoneBoundary, green] as unknown as FeatureCollection[]) {
      for (const feature of layer.features) {
        if (feature.geometry.type !== 'Polygon') continue;
        for (const ring of feature.geometry.coordinates) expect(ring[0]).toEqual(ring[ring.length - 1]);
      }
    }
  });

  it('has one zone boundary and a kind for each road', () => {
    expect((zoneBoundary as FeatureCollection).features).toHaveLength(1);
    for (const road of (roads as FeatureCollection).features) {
      expect(['trunk', 'primary', 'secondary', 'tertiary']).toContain(road.properties?.kind);
    }
  });
});

describe('road styles', () => {
  it('draws the casing wider than the fill, so roads get an edge', () => {
    for (const kind of ['trunk', 'primary', 'secondary', 'tertiary']) {
      expect(roadCasingStyle(kind, 14).weight).toBeGreaterThan(roadFillStyle(kind, 14).weight);
    }
  });

  it('ranks trunk roads widest', () => {
    expect(roadFillStyle('trunk', 14).weight).toBeGreaterThan(roadFillStyle('primary', 14).weight);
    expect(roadFillStyle('primary', 14).weight).toBeGreaterThan(roadFillStyle('secondary', 14).weight);
  });

  it('treats an unknown road kind as a minor road', () => {
    expect(roadFillStyle('footpath', 14)).toEqual(roadFillStyle('tertiary', 14));
  });

  it('scales widths with zoom within bounds', () => {
    expect(scaleWidth(8, 14)).toBe(8);
    expect(scaleWidth(8, 12)).toBeLessThan(8);
    expect(scaleWidth(8, 18)).toBeLessThanOrEqual(24);
    expect(scaleWidth(2, 5)).toBe(1);
  });
});
