import booleanIntersects from '@turf/boolean-intersects';
import booleanPointInPolygon from '@turf/boolean-point-in-polygon';
import distance from '@turf/distance';
import { point, polygon } from '@turf/helpers';
import type { FeatureGeometry, GeoJsonPolygon, RollCallEnterpriseCandidate } from '@muster/contracts';

/** A site's outline as turf takes it: a Polygon or a MultiPolygon. */
type Shape = Parameters<typeof booleanIntersects>[0];

/** Around the incident, when nothing is drawn: the first evacuation ring of a typical release. */
export const DEFAULT_RADIUS_M = 1000;

/** A danger area on the map: a drawn hazard zone or cordon (polygon or circle), or a model's threat zone. */
export interface DangerArea {
  geometry: FeatureGeometry;
  radiusM: number | null;
}

export interface Site {
  id: string;
  name: string;
  lat: number;
  lng: number;
  /** The site's outline, when registered: a site any part of which a zone covers is inside it. */
  outline?: GeoJsonPolygon | null;
}

export function metresBetween(a: { lat: number; lng: number }, b: { lat: number; lng: number }): number {
  return distance(point([a.lng, a.lat]), point([b.lng, b.lat]), { units: 'meters' });
}

export function inside(site: Omit<Site, 'id' | 'name'>, area: DangerArea): boolean {
  const g = area.geometry;
  if (g.type === 'Polygon') {
    const zone = polygon(g.coordinates as number[][][]);
    if (site.outline && booleanIntersects(site.outline as Shape, zone)) return true;
    return booleanPointInPolygon(point([site.lng, site.lat]), zone);
  }
  if (g.type === 'Point' && area.radiusM) {
    const [lng, lat] = g.coordinates as number[];
    return metresBetween(site, { lat: lat!, lng: lng! }) <= area.radiusM;
  }
  return false;
}

/**
 * The enterprises a roll call should concern by default: those whose site lies inside any drawn
 * area or threat zone; when nothing is drawn, those within `radiusM` of the incident. Every
 * enterprise is listed (nearest first) so the commander can add or drop any.
 */
export function suggestEnterprises(
  sites: Site[],
  areas: DangerArea[],
  incident: { lat: number; lng: number },
  radiusM = DEFAULT_RADIUS_M,
): RollCallEnterpriseCandidate[] {
  const usable = areas.filter(
    (a) => a.geometry.type === 'Polygon' || (a.geometry.type === 'Point' && a.radiusM),
  );
  return sites
    .map((s) => {
      const distanceM = Math.round(metresBetween(s, incident));
      const reason: RollCallEnterpriseCandidate['reason'] = usable.length
        ? usable.some((a) => inside(s, a))
          ? 'area'
          : null
        : distanceM <= radiusM
          ? 'radius'
          : null;
      return { enterpriseId: s.id, name: s.name, distanceM, suggested: reason !== null, reason };
    })
    .sort((a, b) => a.distanceM - b.distanceM);
}

/** Each enterprise goes to its nearest point unless a report names another. */
export function nearestPoint<P extends { lat: number; lng: number }>(
  site: { lat: number; lng: number },
  points: P[],
): P {
  let best = points[0]!;
  let bestM = Infinity;
  for (const p of points) {
    const m = metresBetween(site, p);
    if (m < bestM) [best, bestM] = [p, m];
  }
  return best;
}

/** A, B, … Z: what an SMS names a point by. */
export function pointCode(index: number): string {
  return String.fromCharCode(65 + index);
}
