import { escapeHtml } from '../../lib/html';
import type { LatLngTuple } from '../enterprise-features';

/**
 * Placement of the offline basemap's names. Leaflet has no line labels, and a tooltip bound to a
 * road sits at its midpoint, which on a grid of crossing roads is often the crossing itself; so
 * each line gets a label at a chosen fraction of its length (`labelAt` in the GeoJSON), turned to
 * follow the line the way printed Chinese street maps do.
 */
export interface LineLabel {
  position: LatLngTuple;
  /** Screen angle of the line at the label, in degrees, kept within (-90, 90] so text is never upside down. */
  angle: number;
}

/**
 * The point `fraction` (0–1) along a GeoJSON line of [lng, lat] positions, and the line's
 * direction there. Distances use a local equirectangular projection: exact enough over a zone.
 */
export function labelAlongLine(
  coordinates: readonly (readonly number[])[],
  fraction = 0.5,
): LineLabel | null {
  const points = coordinates.filter(
    (p): p is [number, number] => p.length >= 2 && Number.isFinite(p[0]) && Number.isFinite(p[1]),
  );
  if (points.length < 2) return null;
  const cosLat = Math.cos((points[0]![1] * Math.PI) / 180);
  const segments = points.slice(1).map((to, i) => {
    const from = points[i]!;
    const dx = (to[0] - from[0]) * cosLat;
    const dy = to[1] - from[1];
    return { from, to, dx, dy, length: Math.hypot(dx, dy) };
  });
  const total = segments.reduce((sum, s) => sum + s.length, 0);
  if (total === 0) return null;

  let remaining = Math.min(1, Math.max(0, fraction)) * total;
  let segment = segments[segments.length - 1]!;
  for (const s of segments) {
    if (remaining <= s.length) {
      segment = s;
      break;
    }
    remaining -= s.length;
  }
  const t = segment.length === 0 ? 0 : Math.min(1, remaining / segment.length);
  const lng = segment.from[0] + (segment.to[0] - segment.from[0]) * t;
  const lat = segment.from[1] + (segment.to[1] - segment.from[1]) * t;
  // North is up on screen, so a northward line points to -90°.
  let angle = (Math.atan2(-segment.dy, segment.dx) * 180) / Math.PI;
  if (angle > 90) angle -= 180;
  if (angle <= -90) angle += 180;
  // `|| 0` folds -0 (an eastward line) into 0, so a flat label gets no rotate().
  return { position: [lat, lng], angle: Math.round(angle * 10) / 10 || 0 };
}

/** Steeper than this, a Chinese name is set vertically (top to bottom) rather than turned on its side. */
const VERTICAL_FROM = 60;

/**
 * HTML of a line label. Chinese reads well set vertically along a north–south road; Latin text is
 * rotated instead.
 */
export function lineLabelHtml(text: string, angle: number, language: string, kind: 'road' | 'water'): string {
  const vertical = Math.abs(angle) >= VERTICAL_FROM;
  const cjk = language.startsWith('zh');
  const classes = ['map-label', `map-label--${kind}`];
  let transform = 'translate(-50%, -50%)';
  if (vertical && cjk) classes.push('map-label--vertical');
  else if (angle !== 0) transform += ` rotate(${angle}deg)`;
  return `<span class="${classes.join(' ')}" style="transform:${transform}">${escapeHtml(text)}</span>`;
}
