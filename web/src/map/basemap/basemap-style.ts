import type { RoadKind } from './index';

/**
 * Cartography of the offline basemap, kept apart from the components so it can be tested and
 * tuned without a browser. Colours follow the usual light street-map palette, so the map reads as
 * a map, and stay pale so the red/orange/yellow/blue risk markers stand out on top of it.
 */
export const LAND_COLOR = '#f2efe9';

export interface LineStyle {
  color: string;
  weight: number;
  opacity: number;
  lineCap: 'round';
  lineJoin: 'round';
}

const ROAD_WIDTH: Record<RoadKind, number> = { trunk: 9, primary: 7, secondary: 5, tertiary: 4 };
const ROAD_FILL: Record<RoadKind, string> = {
  trunk: '#fcd6a4',
  primary: '#fdf0c2',
  secondary: '#ffffff',
  tertiary: '#ffffff',
};

function isRoadKind(kind: unknown): kind is RoadKind {
  return typeof kind === 'string' && kind in ROAD_WIDTH;
}

/** Roads are drawn twice, a darker casing under a lighter fill, like printed street maps. */
export function roadCasingStyle(kind: unknown, zoom: number): LineStyle {
  const k = isRoadKind(kind) ? kind : 'tertiary';
  return {
    color: '#c9b9a6',
    weight: scaleWidth(ROAD_WIDTH[k], zoom) + 2,
    opacity: 1,
    lineCap: 'round',
    lineJoin: 'round',
  };
}

export function roadFillStyle(kind: unknown, zoom: number): LineStyle {
  const k = isRoadKind(kind) ? kind : 'tertiary';
  return {
    color: ROAD_FILL[k],
    weight: scaleWidth(ROAD_WIDTH[k], zoom),
    opacity: 1,
    lineCap: 'round',
    lineJoin: 'round',
  };
}

/** Widths are set for zoom 14; roads thin out as the view zooms out and widen as it zooms in. */
export function scaleWidth(width: number, zoom: number): number {
  const scaled = width * Math.pow(1.4, zoom - 14);
  return Math.max(1, Math.min(width * 3, Math.round(scaled * 10) / 10));
}

export const RIVER_STYLE = {
  color: '#9cc7e8',
  weight: 8,
  opacity: 1,
  lineCap: 'round',
  lineJoin: 'round',
} as const;
export const GREEN_STYLE = { color: '#b7d9a8', weight: 1, fillColor: '#cdebc0', fillOpacity: 0.9 } as const;
export const ZONE_STYLE = {
  color: '#7c3aed',
  weight: 2.5,
  dashArray: '8 6',
  fillColor: '#ede9fe',
  fillOpacity: 0.35,
} as const;
/** Over third-party tiles the zone is only outlined, so the tiles stay readable. */
export const ZONE_STYLE_OVER_TILES = { ...ZONE_STYLE, fillOpacity: 0.06 } as const;

/** Below this zoom, labels of roads and sites would pile up on each other. */
export const LABEL_MIN_ZOOM = 14;
