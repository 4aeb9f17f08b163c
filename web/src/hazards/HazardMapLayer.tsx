import './hazards.css';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { CircleMarker, Pane, Popup } from 'react-leaflet';
import { Link } from 'react-router';
import { useOpenHazardsGeoJson } from './api';
import { HAZARD_COLORS, toHazardMarkers } from './map-features';

/** Open hazards on the zone map: red for major, amber for general, a dark ring when overdue. */
export function HazardMapLayer() {
  const { t } = useTranslation();
  const data = useOpenHazardsGeoJson(true);
  const markers = useMemo(() => (data.data ? toHazardMarkers(data.data) : []), [data.data]);
  return (
    <Pane name="open-hazards" style={{ zIndex: 620 }}>
      {markers
        .filter((m) => m.listed)
        .map((m) => (
          // Listed supervision (挂牌督办): a dashed outer ring, under the marker so its popup opens.
          <CircleMarker
            key={`listed-${m.id}`}
            center={m.position}
            radius={14}
            interactive={false}
            pathOptions={{
              color: HAZARD_COLORS[m.level],
              weight: 2.5,
              dashArray: '4 3',
              fill: false,
              className: 'hazard-marker__listed',
            }}
          />
        ))}
      {markers.map((m) => (
        <CircleMarker
          key={m.id}
          center={m.position}
          radius={m.level === 'major' ? 8 : 6}
          pathOptions={{
            color: m.overdue ? '#1a1a1a' : '#ffffff',
            weight: m.overdue ? 3 : 1.5,
            fillColor: HAZARD_COLORS[m.level],
            fillOpacity: 0.95,
            className: `hazard-marker hazard-marker--${m.level}`,
          }}
        >
          <Popup>
            <strong>
              <Link to={`/hazards/${m.id}`}>{m.code}</Link>
            </strong>{' '}
            {t(`hazards.level.${m.level}`)} · {t(`hazards.status.${m.status}`)}
            <br />
            {m.label}
            {m.listed && (
              <>
                <br />
                <strong>
                  {t('hazards.listedBadge', { body: m.listed.body, deadline: m.listed.deadline })}
                </strong>
              </>
            )}
            {m.deadline && (
              <>
                <br />
                {t('hazards.field.deadline')}: {m.deadline} {m.overdue && `(${t('hazards.overdue')})`}
              </>
            )}
          </Popup>
        </CircleMarker>
      ))}
    </Pane>
  );
}
