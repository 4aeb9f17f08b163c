import type { Map as LeafletMap } from 'leaflet';
import type { ReactNode, Ref } from 'react';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { MapContainer, useMap, useMapEvents, ZoomControl } from 'react-leaflet';
import { useZoneName } from '../lib/use-zone-name';
import { LABEL_MIN_ZOOM } from './basemap/basemap-style';
import { MAX_ZOOM, MIN_ZOOM, OFFLINE_MAX_BOUNDS, TILE_MAX_BOUNDS, ZONE_CENTER, ZONE_ZOOM } from './map-view';

export interface BaseMapProps {
  /** Offline maps are held to the area the bundled basemap covers and get a land background. */
  offline: boolean;
  ariaLabel: string;
  /** The Leaflet map, for controls that live outside it (overlay panels). */
  ref?: Ref<LeafletMap>;
  children?: ReactNode;
}

/**
 * Tracks the zoom on the wrapper, so stylesheets can hide labels that would pile up when zoomed
 * out, without re-rendering every layer on each zoom step.
 */
function ZoomBand({ onZoom }: { onZoom: (zoom: number) => void }) {
  const map = useMapEvents({ zoomend: () => onZoom(map.getZoom()) });
  return null;
}

/** Leaflet measures its container once; a resized layout (window, sidebar) needs a re-measure. */
function FollowContainerSize() {
  const map = useMap();
  useEffect(() => {
    const container = map.getContainer();
    const observer = new ResizeObserver(() => map.invalidateSize({ pan: false }));
    observer.observe(container);
    return () => observer.disconnect();
  }, [map]);
  return null;
}

/**
 * Leaflet's own zoom buttons, with their tooltips in the interface language (Leaflet's are
 * English); a language switch puts up new buttons, as Leaflet reads the titles once.
 */
function LocalizedZoom() {
  const { t, i18n } = useTranslation();
  return <ZoomControl key={i18n.language} zoomInTitle={t('map.zoomIn')} zoomOutTitle={t('map.zoomOut')} />;
}

/** Keeps panning limits in step with the basemap mode, which can be learnt after the map mounts. */
function PanLimits({ offline }: { offline: boolean }) {
  const map = useMap();
  useEffect(() => {
    map.setMaxBounds(offline ? OFFLINE_MAX_BOUNDS : TILE_MAX_BOUNDS);
  }, [map, offline]);
  return null;
}

/**
 * The zone's own line where Leaflet puts its name and flag: the maps are the zone's, and the
 * basemap's own credit still follows it.
 */
function ZoneAttribution() {
  const map = useMap();
  const { t, i18n } = useTranslation();
  const zoneName = useZoneName();
  useEffect(() => {
    // Leaflet writes the prefix as HTML: the text goes in as text.
    const text = document.createElement('span');
    text.textContent = t('map.attribution', { zone: zoneName });
    map.attributionControl?.setPrefix(text.outerHTML);
  }, [map, t, i18n.language, zoneName]);
  return null;
}

/**
 * The one map of the console. `MapContainer` reads its props only once, so everything that
 * changes later (basemap mode, layers, focus) is a child component talking to the map.
 */
export function BaseMap({ offline, ariaLabel, ref, children }: BaseMapProps) {
  const [zoom, setZoom] = useState(ZONE_ZOOM);
  return (
    <div
      className={`zone-map ${offline ? 'zone-map--offline' : 'zone-map--tiles'}`}
      data-testid="zone-map"
      data-labels={zoom >= LABEL_MIN_ZOOM ? 'shown' : 'hidden'}
      role="region"
      aria-label={ariaLabel}
    >
      <MapContainer
        ref={ref}
        center={ZONE_CENTER}
        zoom={ZONE_ZOOM}
        minZoom={MIN_ZOOM}
        maxZoom={MAX_ZOOM}
        maxBoundsViscosity={0.8}
        zoomControl={false}
        className="zone-map__canvas"
      >
        <LocalizedZoom />
        <ZoomBand onZoom={setZoom} />
        <FollowContainerSize />
        <PanLimits offline={offline} />
        <ZoneAttribution />
        {children}
      </MapContainer>
    </div>
  );
}
