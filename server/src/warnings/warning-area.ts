import booleanIntersects from '@turf/boolean-intersects';
import booleanPointInPolygon from '@turf/boolean-point-in-polygon';
import circle from '@turf/circle';
import { point, polygon } from '@turf/helpers';
import type { GeoJsonPolygon, GeoPoint, WarningArea } from '@muster/contracts';

/** A site's outline as turf takes it: a Polygon or a MultiPolygon. */
type Shape = Parameters<typeof booleanIntersects>[0];

/** A turf polygon feature. */
export type AreaShape = ReturnType<typeof polygon>;

/**
 * What is inside a warning's area. A circle is tested as a 64-sided polygon (its CAP document
 * keeps the circle itself); points on the boundary count as inside, so a place on the edge of a
 * threat zone is warned rather than missed.
 */
export function areaPolygon(area: Pick<WarningArea, 'polygon' | 'circle'>): AreaShape {
  if (area.circle) {
    const { center, radiusM } = area.circle;
    return circle([center.lng, center.lat], radiusM / 1000, { steps: 64, units: 'kilometers' });
  }
  return polygon(area.polygon!);
}

export function pointInside(area: AreaShape, p: GeoPoint): boolean {
  return booleanPointInPolygon(point([p.lng, p.lat]), area);
}

/** A place with an outline is inside when any part of it is; one without, when its point is. */
export function placeInside(area: AreaShape, p: GeoPoint, outline: GeoJsonPolygon | null): boolean {
  if (outline && booleanIntersects(outline as Shape, area)) return true;
  return pointInside(area, p);
}

/**
 * The area in CAP 1.2's words (§3.2.4): a polygon as "lat,lon" pairs separated by spaces, first
 * and last the same; a circle as "lat,lon radius" with the radius in kilometres. Coordinates
 * keep six decimals (about 0.1 m).
 */
export function capPolygon(ring: number[][]): string {
  const closed = sameVertex(ring[0]!, ring[ring.length - 1]!) ? ring : [...ring, ring[0]!];
  return closed.map(([lng, lat]) => `${fixed(lat!)},${fixed(lng!)}`).join(' ');
}

export function capCircle(center: GeoPoint, radiusM: number): string {
  return `${fixed(center.lat)},${fixed(center.lng)} ${+(radiusM / 1000).toFixed(3)}`;
}

function sameVertex(a: number[], b: number[]): boolean {
  return a[0] === b[0] && a[1] === b[1];
}

function fixed(n: number): string {
  return String(+n.toFixed(6));
}
