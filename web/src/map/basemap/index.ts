import type { Feature, FeatureCollection, LineString, Polygon } from 'geojson';
import green from './green.geo.json';
import roads from './roads.geo.json';
import water from './water.geo.json';
import { ZONE_BOUNDARY, ZONE_NAME } from '../../contracts';

/**
 * The bundled offline basemap of 杜集经济开发区: the zone boundary, its main roads, the river and
 * green spaces (the boundary itself is the server's, see zone.ts). It is a schematic drawn for orientation during drills and incidents when no tile
 * server is configured (MAP_TILE_URL empty) or reachable — not surveyed data. Configure a tile
 * server for a precise map; the zone boundary is still drawn over the tiles.
 */
export interface BasemapProperties {
  name: string;
  nameEn: string;
  kind?: string;
  /** Where along a line its name is placed, 0–1 (see labels.ts). */
  labelAt?: number;
}

export type RoadKind = 'trunk' | 'primary' | 'secondary' | 'tertiary';

export const zoneBoundaryLayer: FeatureCollection<Polygon, BasemapProperties> = {
  type: 'FeatureCollection',
  features: [
    {
      type: 'Feature',
      properties: { name: ZONE_NAME.zh, nameEn: ZONE_NAME.en },
      geometry: ZONE_BOUNDARY,
    },
  ],
};
export const roadsLayer = roads as FeatureCollection<LineString, BasemapProperties & { kind: RoadKind }>;
export const waterLayer = water as FeatureCollection<LineString, BasemapProperties>;
export const greenLayer = green as FeatureCollection<Polygon, BasemapProperties>;

export type BasemapFeature = Feature<LineString | Polygon, BasemapProperties>;
