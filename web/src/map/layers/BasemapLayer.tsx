import { TileLayer } from 'react-leaflet';
import { MAX_ZOOM } from '../map-view';
import { OfflineBasemapLayer } from './OfflineBasemapLayer';
import { ZoneBoundaryLayer } from './ZoneBoundaryLayer';

/**
 * Tiles when the deployment names a tile server (MAP_TILE_URL), otherwise the bundled offline
 * basemap; the zone boundary is drawn in both.
 */
export function BasemapLayer({ tileUrl }: { tileUrl: string }) {
  return (
    <>
      {tileUrl ? <TileLayer url={tileUrl} maxZoom={MAX_ZOOM} /> : <OfflineBasemapLayer />}
      <ZoneBoundaryLayer overTiles={Boolean(tileUrl)} />
    </>
  );
}
