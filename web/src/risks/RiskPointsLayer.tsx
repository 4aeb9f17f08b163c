import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CircleMarker, Pane, Popup, useMap } from 'react-leaflet';
import { Link } from 'react-router';
import { RISK_COLORS } from '../map/enterprise-features';
import { useRiskMapPoints } from './api';
import { useRisksT } from './i18n';

/** From this zoom on, a site is large enough on screen for its risk points to be told apart. */
export const RISK_POINTS_MIN_ZOOM = 16;

const UNASSESSED = { fill: '#9ca3af', stroke: '#4b5563' };

/**
 * The risk points of the sites on the zone map, coloured by grade, once zoomed in far enough
 * (further out, the sites' own colour is the enterprise's grade). Self-contained: it loads its
 * points only while shown, so it can sit under any layer control.
 */
export function RiskPointsLayer() {
  const { t } = useRisksT();
  const { t: tc } = useTranslation();
  const map = useMap();
  const [zoom, setZoom] = useState(() => map.getZoom());
  // One listener for the layer's life, reading the zoom once listening: a handler re-subscribed
  // on every render (useMapEvents) is off for the moment a sibling's effect sets the view (a
  // focused site), and that zoomend would be missed.
  useEffect(() => {
    const update = () => setZoom(map.getZoom());
    update();
    map.on('zoomend', update);
    return () => {
      map.off('zoomend', update);
    };
  }, [map]);
  const shown = zoom >= RISK_POINTS_MIN_ZOOM;
  const points = useRiskMapPoints(shown);
  if (!shown || !points.data) return null;
  return (
    <Pane name="risk-points" style={{ zIndex: 610 }}>
      {points.data.map((p) => {
        const colour = p.grade ? RISK_COLORS[p.grade] : UNASSESSED;
        return (
          <CircleMarker
            // Regraded, the marker is made anew, as its class is set only at creation.
            key={`${p.id}:${p.grade}`}
            center={[p.lat, p.lng]}
            radius={7}
            // At creation: Leaflet takes a path's class only then, not from later style updates.
            className={`risk-point-marker risk-point-marker--${p.grade ?? 'unassessed'}`}
            pathOptions={{
              color: colour.stroke,
              weight: 2,
              fillColor: colour.fill,
              fillOpacity: 0.9,
            }}
          >
            <Popup>
              <strong>
                <Link to={`/risks/${p.id}`}>{p.name}</Link>
              </strong>
              <br />
              {p.grade ? tc(`risk.${p.grade}`) : t('unassessed')}
            </Popup>
          </CircleMarker>
        );
      })}
    </Pane>
  );
}
