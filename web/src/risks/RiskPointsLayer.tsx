import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CircleMarker, Pane, Popup, useMapEvents } from 'react-leaflet';
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
  const map = useMapEvents({ zoomend: () => setZoom(map.getZoom()) });
  const [zoom, setZoom] = useState(() => map.getZoom());
  // A layer mounted beside one that sets the view in its own effect (a focused site) misses that
  // zoomend, which fires before this layer listens: read the zoom once listening.
  useEffect(() => setZoom(map.getZoom()), [map]);
  const shown = zoom >= RISK_POINTS_MIN_ZOOM;
  const points = useRiskMapPoints(shown);
  if (!shown || !points.data) return null;
  return (
    <Pane name="risk-points" style={{ zIndex: 610 }}>
      {points.data.map((p) => {
        const colour = p.grade ? RISK_COLORS[p.grade] : UNASSESSED;
        return (
          <CircleMarker
            key={p.id}
            center={[p.lat, p.lng]}
            radius={7}
            pathOptions={{
              color: colour.stroke,
              weight: 2,
              fillColor: colour.fill,
              fillOpacity: 0.9,
              className: `risk-point-marker risk-point-marker--${p.grade ?? 'unassessed'}`,
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
