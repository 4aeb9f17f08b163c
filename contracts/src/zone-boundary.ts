import type { GeoJsonPolygon } from './api.js';

/**
 * The boundary of 杜集经济开发区 as drawn on the bundled basemap (fictional but shaped around the
 * real district, ~33.99 N 116.83 E). The one source for both the map and the "outside the zone"
 * check of incident reports.
 */
export const ZONE_NAME = { zh: '杜集经济开发区', en: 'Duji Economic Development Zone' };

export const ZONE_BOUNDARY: GeoJsonPolygon & { type: 'Polygon'; coordinates: number[][][] } = {
  type: 'Polygon',
  coordinates: [
    [
      [116.8035, 33.9745],
      [116.812, 33.9712],
      [116.8265, 33.9705],
      [116.841, 33.9718],
      [116.852, 33.9748],
      [116.8578, 33.981],
      [116.859, 33.9905],
      [116.8572, 33.999],
      [116.8525, 34.006],
      [116.842, 34.0098],
      [116.829, 34.0102],
      [116.817, 34.0088],
      [116.8075, 34.0045],
      [116.802, 33.9965],
      [116.8005, 33.986],
      [116.8035, 33.9745],
    ],
  ],
};
