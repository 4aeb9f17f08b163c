import type { FeatureGeometry } from './incidents.js';

function isPosition(p: unknown): p is number[] {
  return (
    Array.isArray(p) &&
    p.length === 2 &&
    typeof p[0] === 'number' &&
    typeof p[1] === 'number' &&
    Math.abs(p[0]) <= 180 &&
    Math.abs(p[1]) <= 90
  );
}

/** Point, LineString (≥ 2 positions) or Polygon (closed rings of ≥ 4), positions as [lng, lat]. */
export function isFeatureGeometry(v: unknown): v is FeatureGeometry {
  if (typeof v !== 'object' || v === null) return false;
  const g = v as { type?: unknown; coordinates?: unknown };
  if (g.type === 'Point') return isPosition(g.coordinates);
  if (g.type === 'LineString')
    return Array.isArray(g.coordinates) && g.coordinates.length >= 2 && g.coordinates.every(isPosition);
  if (g.type === 'Polygon') {
    return (
      Array.isArray(g.coordinates) &&
      g.coordinates.length >= 1 &&
      g.coordinates.every((ring: unknown) => {
        if (!Array.isArray(ring) || ring.length < 4 || !ring.every(isPosition)) return false;
        const [a, z] = [ring[0] as number[], ring[ring.length - 1] as number[]];
        return a[0] === z[0] && a[1] === z[1];
      })
    );
  }
  return false;
}
