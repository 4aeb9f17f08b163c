import {
  RISK_CLASSES,
  RISK_COLORS,
  type EnterpriseView,
  type GeoJsonPolygon,
  type RiskClass,
} from '../contracts';
import { escapeHtml } from '../lib/html';

/**
 * Pure mapping from the API's enterprise records to what the map draws. No Leaflet here
 * (Leaflet touches `window` when imported), so these run and are tested without a browser.
 * Positions are Leaflet's [lat, lng] order; GeoJSON's is [lng, lat].
 */
export type LatLngTuple = [lat: number, lng: number];

/** The four colours (红橙黄蓝) live in the contracts: the printed risk cards use them too. */
export { RISK_COLORS };

/** Higher risk draws on top when sites overlap. */
export function riskRank(riskClass: RiskClass): number {
  const index = RISK_CLASSES.indexOf(riskClass);
  return index < 0 ? 0 : RISK_CLASSES.length - index;
}

export interface EnterpriseMarker {
  id: string;
  name: string;
  position: LatLngTuple;
  riskClass: RiskClass;
  zIndexOffset: number;
  enterprise: EnterpriseView;
}

export function isValidLatLng(lat: unknown, lng: unknown): boolean {
  return (
    typeof lat === 'number' &&
    typeof lng === 'number' &&
    Number.isFinite(lat) &&
    Number.isFinite(lng) &&
    lat >= -90 &&
    lat <= 90 &&
    lng >= -180 &&
    lng <= 180
  );
}

/**
 * One marker per enterprise with a usable location, lowest risk first so that the highest
 * risk is added last; the z-index offset keeps that order when Leaflet re-sorts by latitude.
 */
export function toEnterpriseMarkers(enterprises: readonly EnterpriseView[]): EnterpriseMarker[] {
  return enterprises
    .filter((e) => e.location && isValidLatLng(e.location.lat, e.location.lng))
    .map((e) => ({
      id: e.id,
      name: e.name,
      position: [e.location.lat, e.location.lng] as LatLngTuple,
      riskClass: e.riskClass,
      zIndexOffset: riskRank(e.riskClass) * 1000,
      enterprise: e,
    }))
    .sort((a, b) => riskRank(a.riskClass) - riskRank(b.riskClass) || a.name.localeCompare(b.name, 'zh-CN'));
}

function toRing(ring: unknown): LatLngTuple[] | null {
  if (!Array.isArray(ring)) return null;
  const points: LatLngTuple[] = [];
  for (const position of ring) {
    if (!Array.isArray(position) || !isValidLatLng(position[1], position[0])) return null;
    points.push([position[1] as number, position[0] as number]);
  }
  // GeoJSON repeats the first position to close a ring; Leaflet closes polygons itself.
  const first = points[0];
  const last = points[points.length - 1];
  if (points.length > 1 && first && last && first[0] === last[0] && first[1] === last[1]) points.pop();
  return points.length >= 3 ? points : null;
}

/** Polygon rings (outer ring first, then holes) of one polygon; null when the outer ring is unusable. */
function toPolygon(rings: unknown): LatLngTuple[][] | null {
  if (!Array.isArray(rings) || rings.length === 0) return null;
  const outer = toRing(rings[0]);
  if (!outer) return null;
  const holes = rings
    .slice(1)
    .map(toRing)
    .filter((r): r is LatLngTuple[] => r !== null);
  return [outer, ...holes];
}

/**
 * A site outline as a list of polygons, each a list of rings of [lat, lng]. Malformed
 * geometry yields fewer (or no) polygons rather than an exception that would blank the map.
 */
export function outlineToLatLngs(outline: GeoJsonPolygon | null | undefined): LatLngTuple[][][] {
  if (!outline || !Array.isArray(outline.coordinates)) return [];
  if (outline.type === 'Polygon') {
    const polygon = toPolygon(outline.coordinates);
    return polygon ? [polygon] : [];
  }
  if (outline.type === 'MultiPolygon') {
    return (outline.coordinates as unknown[]).map(toPolygon).filter((p): p is LatLngTuple[][] => p !== null);
  }
  return [];
}

export interface EnterpriseOutline {
  id: string;
  riskClass: RiskClass;
  polygons: LatLngTuple[][][];
}

export function toEnterpriseOutlines(enterprises: readonly EnterpriseView[]): EnterpriseOutline[] {
  return enterprises
    .map((e) => ({ id: e.id, riskClass: e.riskClass, polygons: outlineToLatLngs(e.outline) }))
    .filter((o) => o.polygons.length > 0);
}

export function countByRiskClass(enterprises: readonly EnterpriseView[]): Record<RiskClass, number> {
  const counts = Object.fromEntries(RISK_CLASSES.map((r) => [r, 0])) as Record<RiskClass, number>;
  for (const e of enterprises) {
    if (e.riskClass in counts) counts[e.riskClass] += 1;
  }
  return counts;
}

/** South-west and north-east corners around the given points; null for none. */
export function boundsOf(points: readonly LatLngTuple[]): [LatLngTuple, LatLngTuple] | null {
  if (points.length === 0) return null;
  let [south, west] = points[0]!;
  let [north, east] = points[0]!;
  for (const [lat, lng] of points) {
    south = Math.min(south, lat);
    north = Math.max(north, lat);
    west = Math.min(west, lng);
    east = Math.max(east, lng);
  }
  return [
    [south, west],
    [north, east],
  ];
}

/**
 * Inner HTML of a site's pin. Leaflet's divIcon takes an HTML string, so everything from the
 * API is escaped here.
 */
export function enterpriseMarkerHtml(marker: Pick<EnterpriseMarker, 'riskClass' | 'name'>): string {
  const colors = RISK_COLORS[marker.riskClass] ?? RISK_COLORS.low;
  return (
    `<span class="enterprise-marker__pin" style="background:${colors.fill};border-color:${colors.stroke}" aria-hidden="true"></span>` +
    `<span class="enterprise-marker__label">${escapeHtml(marker.name)}</span>`
  );
}
