import { useQuery } from '@tanstack/react-query';
import L from 'leaflet';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { currentLanguage, type Language } from '../../i18n';
import { Marker, Pane, Popup } from 'react-leaflet';
import { ErrorNotice } from '../../components/ErrorNotice';
import type { IncidentView, NearestResourceView } from '../../contracts';
import { telHref } from '../../lib/format';
import { formatDistance, markerHtml } from '../../resources/resource-features';
import { fetchNearbyResources } from './callouts-api';
import '../../resources/resources.css';
import './callouts.css';

/** What a commander can send for within a few minutes' drive; farther ones are on the resources map. */
const NEARBY_RADIUS_M = 3_000;
const NEARBY_LIMIT = 25;

export function useNearbyResources(incident: IncidentView | undefined) {
  const at = incident?.location;
  return useQuery({
    queryKey: ['resources', 'nearest', at?.lat, at?.lng, NEARBY_RADIUS_M, NEARBY_LIMIT],
    queryFn: ({ signal }) => fetchNearbyResources(at!, NEARBY_LIMIT, NEARBY_RADIUS_M, signal),
    enabled: at !== undefined,
  });
}

function resourceIcon(r: NearestResourceView, lang: Language): L.DivIcon {
  return L.divIcon({
    className: 'nearby-resource-marker',
    html: markerHtml(r, lang),
    iconSize: [24, 24],
    iconAnchor: [12, 12],
    popupAnchor: [0, -12],
  });
}

/** The nearby resources as a layer of the room map. */
export function NearbyResourceLayer({ resources }: { resources: readonly NearestResourceView[] }) {
  return (
    <Pane name="nearby-resources" style={{ zIndex: 410 }}>
      {resources.map((r) => (
        <NearbyMarker key={r.id} resource={r} />
      ))}
    </Pane>
  );
}

function NearbyMarker({ resource: r }: { resource: NearestResourceView }) {
  const { t } = useTranslation();
  const lang = currentLanguage();
  const icon = useMemo(() => resourceIcon(r, lang), [r, lang]);
  return (
    <Marker position={[r.location.lat, r.location.lng]} icon={icon} title={r.name} keyboard>
      <Popup>
        <div className="feature-popup" data-testid="nearby-resource-popup">
          <h3 className="feature-popup__title">{r.name}</h3>
          <p className="feature-popup__kind">
            {t(`resources.type.${r.type}`)} · {formatDistance(r.distanceM)}
          </p>
          <p className="feature-popup__meta">
            {r.quantity} {r.unit} · {t(`resources.status.${r.status}`)}
          </p>
          {r.custodian && <p className="feature-popup__meta">{r.custodian}</p>}
        </div>
      </Popup>
    </Marker>
  );
}

/** The list beside the map, nearest first, with the toggle that shows them on the map. */
export function NearbyResourcesPanel({
  query,
  shown,
  onToggle,
}: {
  query: ReturnType<typeof useNearbyResources>;
  shown: boolean;
  onToggle: (shown: boolean) => void;
}) {
  const { t } = useTranslation();
  const lang = currentLanguage();
  const items = query.data?.items ?? [];
  return (
    <section
      className="room-panel nearby-resources"
      aria-labelledby="nearby-title"
      data-testid="nearby-resources"
    >
      <div className="room-panel__head">
        <h2 id="nearby-title" className="room-panel__title">
          {t('incidents.nearby.title')}
          {query.data && <span className="room-panel__count">{items.length}</span>}
        </h2>
        <label className="nearby-resources__toggle">
          <input
            type="checkbox"
            checked={shown}
            onChange={(e) => onToggle(e.target.checked)}
            data-testid="nearby-toggle"
          />
          {t('incidents.nearby.showOnMap')}
        </label>
      </div>
      <p className="room-panel__meta">
        {t('incidents.nearby.within', { distance: formatDistance(NEARBY_RADIUS_M) })}
      </p>
      {query.isError && <ErrorNotice error={query.error} compact onRetry={() => void query.refetch()} />}
      {query.data && items.length === 0 && <p className="work-list__empty">{t('incidents.nearby.none')}</p>}
      <ul className="nearby-resources__list">
        {items.map((r) => {
          const tel = telHref(r.custodianPhone);
          return (
            <li key={r.id} className="nearby-resources__item" data-testid="nearby-resource">
              <span
                className="nearby-resources__pin"
                dangerouslySetInnerHTML={{ __html: markerHtml(r, lang) }}
              />
              <span className="nearby-resources__main">
                <span className="nearby-resources__name">{r.name}</span>
                <span className="nearby-resources__meta">
                  {t(`resources.type.${r.type}`)} · {r.quantity} {r.unit}
                  {r.status !== 'available' && ` · ${t(`resources.status.${r.status}`)}`}
                  {r.custodian && ' · '}
                  {r.custodian && (tel ? <a href={tel}>{r.custodian}</a> : r.custodian)}
                </span>
              </span>
              <span className="nearby-resources__distance">{formatDistance(r.distanceM)}</span>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
