import type { LatLngTuple } from './enterprise-features';

/** The zone's centre and the zoom that shows all of it on a desk screen. */
export const ZONE_CENTER: LatLngTuple = [33.99, 116.83];
export const ZONE_ZOOM = 14;
export const MIN_ZOOM = 11;
export const MAX_ZOOM = 18;

/**
 * How far the offline map may be panned: the schematic basemap covers only the zone and its
 * surroundings, and beyond that there is nothing to see.
 */
export const OFFLINE_MAX_BOUNDS: [LatLngTuple, LatLngTuple] = [
  [33.93, 116.74],
  [34.05, 116.92],
];

/** With tiles, the surrounding region (mutual-aid units, hospitals) stays within reach. */
export const TILE_MAX_BOUNDS: [LatLngTuple, LatLngTuple] = [
  [32.5, 115.3],
  [35.5, 118.3],
];

/** Zoom used when a site is opened from the enterprise list. */
export const SITE_ZOOM = 16;
