import type { Feature, FeatureCollection, LineString } from 'geojson';
import L from 'leaflet';
import { useCallback, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { GeoJSON, Marker, Pane, useMapEvents } from 'react-leaflet';
import { GREEN_STYLE, RIVER_STYLE, roadCasingStyle, roadFillStyle } from '../basemap/basemap-style';
import { greenLayer, roadsLayer, waterLayer, type BasemapProperties } from '../basemap';
import { labelAlongLine, lineLabelHtml } from '../basemap/labels';
import { ZONE_ZOOM } from '../map-view';

const BASEMAP_PANE = 'offline-basemap';
const LABEL_PANE = 'offline-basemap-labels';

function useZoom(): number {
  const [zoom, setZoom] = useState(ZONE_ZOOM);
  const map = useMapEvents({ zoomend: () => setZoom(map.getZoom()) });
  return zoom;
}

interface PlacedLabel {
  key: string;
  position: [number, number];
  icon: L.DivIcon;
}

function placeLabels(
  collection: FeatureCollection<LineString, BasemapProperties>,
  kind: 'road' | 'water',
  language: string,
): PlacedLabel[] {
  const labels: PlacedLabel[] = [];
  collection.features.forEach((feature, index) => {
    const props = feature.properties;
    const text = language.startsWith('zh') ? props.name : props.nameEn || props.name;
    const placed = labelAlongLine(feature.geometry.coordinates, props.labelAt ?? 0.5);
    if (!text || !placed) return;
    labels.push({
      key: `${kind}-${index}`,
      position: placed.position,
      // Zero-size icon: the label centres itself on the point with CSS.
      icon: L.divIcon({
        className: 'map-label-anchor',
        html: lineLabelHtml(text, placed.angle, language, kind),
        iconSize: [0, 0],
      }),
    });
  });
  return labels;
}

/**
 * The bundled schematic basemap: green spaces, the river, and roads with their names. It makes
 * no network request at all, so the map still reads as a map on an isolated command-post
 * network. Its layers sit in their own pane under the sites; its names sit above the site
 * outlines and under the site markers.
 */
export function OfflineBasemapLayer() {
  const { t, i18n } = useTranslation();
  const zoom = useZoom();
  const language = i18n.language;
  const casingStyle = useCallback(
    (feature?: Feature) => roadCasingStyle(feature?.properties?.kind, zoom),
    [zoom],
  );
  const fillStyle = useCallback(
    (feature?: Feature) => roadFillStyle(feature?.properties?.kind, zoom),
    [zoom],
  );
  const labels = useMemo(
    () => [...placeLabels(waterLayer, 'water', language), ...placeLabels(roadsLayer, 'road', language)],
    [language],
  );

  return (
    <>
      <Pane name={BASEMAP_PANE} style={{ zIndex: 250 }}>
        <GeoJSON
          key={`green-${language}`}
          data={greenLayer}
          style={GREEN_STYLE}
          interactive={false}
          attribution={t('map.offlineAttribution')}
        />
        <GeoJSON data={waterLayer} style={RIVER_STYLE} interactive={false} />
        <GeoJSON data={roadsLayer} style={casingStyle} interactive={false} />
        <GeoJSON data={roadsLayer} style={fillStyle} interactive={false} />
      </Pane>
      <Pane name={LABEL_PANE} style={{ zIndex: 390, pointerEvents: 'none' }}>
        {labels.map((label) => (
          <Marker
            key={label.key}
            position={label.position}
            icon={label.icon}
            interactive={false}
            keyboard={false}
          />
        ))}
      </Pane>
    </>
  );
}
