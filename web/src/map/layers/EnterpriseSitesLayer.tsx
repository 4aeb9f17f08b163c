import type { Marker as LeafletMarker } from 'leaflet';
import { useCallback, useEffect, useMemo, useRef } from 'react';
import { Pane, Polygon, useMap } from 'react-leaflet';
import type { EnterpriseView } from '../../contracts';
import { RISK_COLORS, toEnterpriseMarkers, toEnterpriseOutlines } from '../enterprise-features';
import { SITE_ZOOM } from '../map-view';
import { EnterpriseSiteMarker } from '../markers/EnterpriseSiteMarker';

export interface EnterpriseSitesLayerProps {
  enterprises: readonly EnterpriseView[];
  /** An enterprise to centre on and open, e.g. when arriving from the enterprise list. */
  focusId?: string | null;
}

/** Site outlines (when an enterprise has one) and a pin per site, coloured by risk class. */
export function EnterpriseSitesLayer({ enterprises, focusId }: EnterpriseSitesLayerProps) {
  const map = useMap();
  const markers = useMemo(() => toEnterpriseMarkers(enterprises), [enterprises]);
  const outlines = useMemo(() => toEnterpriseOutlines(enterprises), [enterprises]);
  const markerRefs = useRef(new Map<string, LeafletMarker>());
  const registerMarker = useCallback((id: string, instance: LeafletMarker | null) => {
    if (instance) markerRefs.current.set(id, instance);
    else markerRefs.current.delete(id);
  }, []);

  const openSite = useCallback((id: string) => markerRefs.current.get(id)?.openPopup(), []);

  // Focus once per requested site: a background refetch must not yank the view back.
  const focusedId = useRef<string | null>(null);
  useEffect(() => {
    if (!focusId || focusedId.current === focusId) return;
    const target = markers.find((m) => m.id === focusId);
    if (!target) return;
    focusedId.current = focusId;
    map.setView(target.position, Math.max(map.getZoom(), SITE_ZOOM), { animate: false });
    markerRefs.current.get(focusId)?.openPopup();
  }, [focusId, markers, map]);

  return (
    <>
      <Pane name="enterprise-outlines" style={{ zIndex: 380 }}>
        {outlines.map((outline) => (
          <Polygon
            key={outline.id}
            positions={outline.polygons}
            pathOptions={{
              color: RISK_COLORS[outline.riskClass].stroke,
              weight: 1.5,
              fillColor: RISK_COLORS[outline.riskClass].fill,
              fillOpacity: 0.22,
              className: `enterprise-outline enterprise-outline--${outline.riskClass}`,
            }}
            eventHandlers={{ click: () => openSite(outline.id) }}
          />
        ))}
      </Pane>
      {markers.map((marker) => (
        <EnterpriseSiteMarker key={marker.id} marker={marker} onMarker={registerMarker} />
      ))}
    </>
  );
}
