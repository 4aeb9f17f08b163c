import { GeoJSON, Pane } from 'react-leaflet';
import { ZONE_STYLE, ZONE_STYLE_OVER_TILES } from '../basemap/basemap-style';
import { zoneBoundaryLayer } from '../basemap';

/** The zone's boundary, drawn under the sites in both basemap modes. */
export function ZoneBoundaryLayer({ overTiles }: { overTiles: boolean }) {
  return (
    <Pane name="zone-boundary" style={{ zIndex: 300 }}>
      <GeoJSON
        data={zoneBoundaryLayer}
        style={overTiles ? ZONE_STYLE_OVER_TILES : ZONE_STYLE}
        interactive={false}
      />
    </Pane>
  );
}
