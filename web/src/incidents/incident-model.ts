import type { FeatureGeometry, MapFeatureKind, MapFeatureView, Severity } from '../contracts';
import { isValidLatLng, type LatLngTuple } from '../map/enterprise-features';
import { timeZoneOffsetMinutes } from '../lib/format';

/**
 * Pure helpers of the incident pages: colours, the zone clock, field errors, map geometry. No
 * Leaflet or React here, so all of it runs under Jest without a browser.
 */

/**
 * Severity colours follow China's four-colour warning scheme: 特别重大 red, 重大 orange,
 * 较大 yellow, 一般 blue — the same reading as the risk classes on the zone map.
 */
export const SEVERITY_COLORS: Record<Severity, { fill: string; stroke: string }> = {
  especially_serious: { fill: '#e02424', stroke: '#9b1c1c' },
  serious: { fill: '#f97316', stroke: '#b45309' },
  relatively_serious: { fill: '#facc15', stroke: '#a16207' },
  ordinary: { fill: '#2563eb', stroke: '#1e40af' },
};

// ── The zone's clock ──────────────────────────────────────────────────────

/**
 * A `datetime-local` value ("2026-11-28T14:05") read on the zone's clock, as an ISO instant.
 * The browser's own time zone plays no part: an officer's laptop set to UTC still files in
 * Beijing time. Null for an empty or malformed value.
 */
export function zonedInputToIso(value: string, timeZone: string): string | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/.exec(value);
  if (!match) return null;
  const [, y, mo, d, h, mi, s] = match;
  const wallClock = Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(s ?? 0));
  if (Number.isNaN(wallClock)) return null;
  let instant = wallClock - timeZoneOffsetMinutes(new Date(wallClock), timeZone) * 60_000;
  instant = wallClock - timeZoneOffsetMinutes(new Date(instant), timeZone) * 60_000;
  return new Date(instant).toISOString();
}

/** An instant as a `datetime-local` value on the zone's clock (minutes). */
export function isoToZonedInput(iso: string | Date, timeZone: string): string {
  const date = typeof iso === 'string' ? new Date(iso) : iso;
  const shifted = new Date(date.getTime() + timeZoneOffsetMinutes(date, timeZone) * 60_000);
  return shifted.toISOString().slice(0, 16);
}

export interface Countdown {
  /** The deadline has passed. */
  overdue: boolean;
  /** Time left (or, when overdue, time since the deadline), in whole seconds. */
  seconds: number;
}

export function countdown(deadlineIso: string, nowMs: number): Countdown {
  const left = Math.floor((Date.parse(deadlineIso) - nowMs) / 1000);
  return left >= 0 ? { overdue: false, seconds: left } : { overdue: true, seconds: -left };
}

/** "0:42:07", or with days "3天 04:00:00" / "3d 04:00:00" (the day suffix is the caller's). */
export function formatDuration(totalSeconds: number, daySuffix = 'd'): string {
  const s = Math.max(0, Math.floor(totalSeconds));
  const days = Math.floor(s / 86_400);
  const hours = Math.floor((s % 86_400) / 3600);
  const minutes = Math.floor((s % 3600) / 60);
  const seconds = s % 60;
  const pad = (n: number) => String(n).padStart(2, '0');
  if (days > 0) return `${days}${daySuffix} ${pad(hours)}:${pad(minutes)}:${pad(seconds)}`;
  return `${hours}:${pad(minutes)}:${pad(seconds)}`;
}

// ── The server's field errors ─────────────────────────────────────────────

export interface FieldErrors {
  /** Problems by field path ("title", "casualties.deaths", "reporter.phone"). */
  fields: Record<string, string[]>;
  /** Messages that name no field. */
  general: string[];
}

/**
 * Splits a 400's messages ("casualties.deaths: must not be less than 0") by field. A nested
 * path also counts for its parent ("location.lat" is shown at the location picker).
 */
export function parseFieldErrors(messages: readonly string[]): FieldErrors {
  const out: FieldErrors = { fields: {}, general: [] };
  for (const message of messages) {
    const match = /^([A-Za-z][\w]*(?:\.[\w]+)*): (.+)$/s.exec(message);
    if (!match) {
      out.general.push(message);
      continue;
    }
    const [, path, problem] = match as unknown as [string, string, string];
    (out.fields[path] ??= []).push(problem);
  }
  return out;
}

/** Problems for a field and everything under it ("location" collects "location.lat" too). */
export function errorsFor(errors: FieldErrors, field: string): string[] {
  return Object.entries(errors.fields)
    .filter(([path]) => path === field || path.startsWith(`${field}.`))
    .flatMap(([, problems]) => problems);
}

/** A whole, non-negative count typed by a person ("", "3", " 12 "); null when it is not one. */
export function parseCount(value: string): number | null {
  const trimmed = value.trim();
  if (trimmed === '') return 0;
  if (!/^\d+$/.test(trimmed)) return null;
  const n = Number(trimmed);
  return Number.isSafeInteger(n) ? n : null;
}

/** An amount of yuan as typed ("1,200,000", "35.5"); at most two decimals; null otherwise. */
export function parseAmount(value: string): number | null {
  const trimmed = value.replace(/[,，\s]/g, '');
  if (trimmed === '') return 0;
  if (!/^\d+(\.\d{1,2})?$/.test(trimmed)) return null;
  const n = Number(trimmed);
  return Number.isFinite(n) ? n : null;
}

// ── Map features ──────────────────────────────────────────────────────────

/** How each kind may be drawn. */
export type DrawShape = 'circle' | 'polygon' | 'line' | 'marker';

export const DRAW_SHAPES: Record<MapFeatureKind, DrawShape[]> = {
  hazard_zone: ['circle', 'polygon'],
  cordon: ['polygon'],
  evacuation_route: ['line'],
  command_post: ['marker'],
  assembly_point: ['marker'],
  incident_point: ['marker'],
};

/** What the drawing tool offers, in the order a commander sets up a scene. */
export const DRAWABLE_KINDS: MapFeatureKind[] = [
  'hazard_zone',
  'cordon',
  'evacuation_route',
  'command_post',
  'assembly_point',
];

export const FEATURE_STYLES: Record<
  MapFeatureKind,
  { color: string; fillColor: string; fillOpacity: number; weight: number; dashArray?: string }
> = {
  hazard_zone: { color: '#b91c1c', fillColor: '#ef4444', fillOpacity: 0.25, weight: 2 },
  cordon: { color: '#c2410c', fillColor: '#fb923c', fillOpacity: 0.08, weight: 3, dashArray: '10 6' },
  evacuation_route: { color: '#15803d', fillColor: '#22c55e', fillOpacity: 0, weight: 5, dashArray: '1 9' },
  command_post: { color: '#1d4ed8', fillColor: '#1d4ed8', fillOpacity: 1, weight: 2 },
  assembly_point: { color: '#15803d', fillColor: '#16a34a', fillOpacity: 1, weight: 2 },
  incident_point: { color: '#7f1d1d', fillColor: '#dc2626', fillOpacity: 1, weight: 2 },
};

export type FeatureShape =
  | { shape: 'circle'; center: LatLngTuple; radiusM: number }
  | { shape: 'polygon'; rings: LatLngTuple[][] }
  | { shape: 'line'; points: LatLngTuple[] }
  | { shape: 'marker'; position: LatLngTuple };

function toLatLng(position: unknown): LatLngTuple | null {
  if (!Array.isArray(position) || !isValidLatLng(position[1], position[0])) return null;
  return [position[1] as number, position[0] as number];
}

/**
 * What to draw for a stored feature (GeoJSON [lng, lat] → Leaflet [lat, lng]); a Point with a
 * radius is a circle. Null for geometry that cannot be drawn, rather than an exception.
 */
export function featureShape(feature: Pick<MapFeatureView, 'geometry' | 'radiusM'>): FeatureShape | null {
  const { geometry, radiusM } = feature;
  if (!geometry || !Array.isArray(geometry.coordinates)) return null;
  if (geometry.type === 'Point') {
    const position = toLatLng(geometry.coordinates);
    if (!position) return null;
    return radiusM && radiusM > 0
      ? { shape: 'circle', center: position, radiusM }
      : { shape: 'marker', position };
  }
  if (geometry.type === 'LineString') {
    const points = (geometry.coordinates as unknown[]).map(toLatLng);
    if (points.length < 2 || points.some((p) => p === null)) return null;
    return { shape: 'line', points: points as LatLngTuple[] };
  }
  if (geometry.type === 'Polygon') {
    const rings: LatLngTuple[][] = [];
    for (const ring of geometry.coordinates as unknown[]) {
      if (!Array.isArray(ring)) return null;
      const points = ring.map(toLatLng);
      if (points.some((p) => p === null)) return null;
      const closed = points as LatLngTuple[];
      const [first, last] = [closed[0], closed.at(-1)];
      if (closed.length > 1 && first && last && first[0] === last[0] && first[1] === last[1]) closed.pop();
      if (closed.length < 3) return null;
      rings.push(closed);
    }
    return rings.length > 0 ? { shape: 'polygon', rings } : null;
  }
  return null;
}

const round = (n: number) => Math.round(n * 1e7) / 1e7;
const position = ([lat, lng]: LatLngTuple): number[] => [round(lng), round(lat)];

/** GeoJSON of a drawn point, line or polygon (the polygon's ring closed, as GeoJSON wants). */
export function pointGeometry(at: LatLngTuple): FeatureGeometry {
  return { type: 'Point', coordinates: position(at) };
}

export function lineGeometry(points: readonly LatLngTuple[]): FeatureGeometry | null {
  if (points.length < 2) return null;
  return { type: 'LineString', coordinates: points.map(position) };
}

export function polygonGeometry(ring: readonly LatLngTuple[]): FeatureGeometry | null {
  const points = ring.map(position);
  const [first, last] = [points[0], points.at(-1)];
  if (first && last && (first[0] !== last[0] || first[1] !== last[1])) points.push([...first]);
  return points.length >= 4 ? { type: 'Polygon', coordinates: [points] } : null;
}

/** Where to centre a feature's label or popup. */
export function featureAnchor(shape: FeatureShape): LatLngTuple {
  switch (shape.shape) {
    case 'circle':
      return shape.center;
    case 'marker':
      return shape.position;
    case 'line':
      return shape.points[Math.floor(shape.points.length / 2)]!;
    case 'polygon': {
      const ring = shape.rings[0]!;
      const lat = ring.reduce((sum, p) => sum + p[0], 0) / ring.length;
      const lng = ring.reduce((sum, p) => sum + p[1], 0) / ring.length;
      return [lat, lng];
    }
  }
}
