import type { Map as LeafletMap } from 'leaflet';
import { useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { currentLanguage } from '../i18n';
import { CircleMarker, Popup, ScaleControl, useMapEvents } from 'react-leaflet';
import { Link } from 'react-router';
import { useQuery } from '@tanstack/react-query';
import { usePublicConfig } from '../api/queries';
import { ErrorNotice } from '../components/ErrorNotice';
import { Loading } from '../components/Loading';
import {
  RESOURCE_STATUSES,
  RESOURCE_TYPES,
  type NearestResourceView,
  type ResourceStatus,
  type ResourceType,
  type ResourceView,
} from '../contracts';
import { telHref } from '../lib/format';
import { BaseMap } from '../map/BaseMap';
import { BasemapLayer } from '../map/layers/BasemapLayer';
import { fetchNearest, fetchResource, fetchResourceMap } from './api';
import { AlertBadge } from './AlertBadge';
import { ResourceClusterLayer } from './ResourceClusterLayer';
import {
  countByType,
  formatDistance,
  markerHtml,
  toResourceMarkers,
  type ResourceMarker,
} from './resource-features';

/** Dispatches move resources in and out of service: the map follows them without a reload. */
const REFRESH_MS = 15_000;
import './resources.css';

const NEAREST_LIMIT = 10;

function toggle<T>(set: ReadonlySet<T>, value: T): Set<T> {
  const next = new Set(set);
  if (next.has(value)) next.delete(value);
  else next.add(value);
  return next;
}

/** In "near here" mode a click on the map asks the API for the nearest resources. */
function NearHereClick({ active, onPick }: { active: boolean; onPick: (lat: number, lng: number) => void }) {
  useMapEvents({
    click: (e) => {
      if (active) onPick(e.latlng.lat, e.latlng.lng);
    },
  });
  return null;
}

export function ResourcePopupBody({ r }: { r: ResourceView }) {
  const { t } = useTranslation();
  const tel = telHref(r.custodianPhone);
  return (
    <div className="resource-popup" data-testid="resource-popup">
      <strong>{r.name}</strong>
      <div>
        {t(`resources.type.${r.type}`)} · {r.quantity} {r.unit} · {t(`resources.status.${r.status}`)}
      </div>
      {r.model && <div>{r.model}</div>}
      {r.custodian && (
        <div>
          {t('resources.custodian')}: {r.custodian}{' '}
          {tel && r.custodianPhone ? <a href={tel}>{r.custodianPhone}</a> : null}
        </div>
      )}
      {r.nextInspectionOn && (
        <div>
          {t('resources.nextInspectionOn')}: {r.nextInspectionOn}
        </div>
      )}
      {r.expiresOn && (
        <div>
          {t('resources.expiresOn')}: {r.expiresOn}
        </div>
      )}
      {r.dispatchIncidentId && (
        <div>
          <Link to={`/incidents/${r.dispatchIncidentId}`}>{t('resources.outOnIncident')}</Link>
        </div>
      )}
      <AlertBadge alert={r.alert} />
    </div>
  );
}

/** The popup of the marker clicked: the map holds only a few fields, the rest is fetched now. */
export function SelectedPopup({ marker, onClose }: { marker: ResourceMarker; onClose: () => void }) {
  const { t } = useTranslation();
  const resource = useQuery({
    queryKey: ['resources', 'detail', marker.id],
    queryFn: ({ signal }) => fetchResource(marker.id, signal),
  });
  return (
    <Popup position={marker.position} eventHandlers={{ remove: onClose }} offset={[0, -8]}>
      {resource.data ? (
        <ResourcePopupBody r={resource.data} />
      ) : resource.isError ? (
        <ErrorNotice error={resource.error} compact />
      ) : (
        <span>{t('resources.loading')}</span>
      )}
    </Popup>
  );
}

/**
 * Emergency resources on the zone map, clustered; filtered by type and status; with a "what is
 * near here" mode that lists the nearest resources (of the types shown) to a clicked point.
 */
export function ResourcesMapPage() {
  const { t } = useTranslation();
  const lang = currentLanguage();
  const config = usePublicConfig();
  const mapRef = useRef<LeafletMap>(null);
  const resources = useQuery({
    queryKey: ['resources', 'map'],
    queryFn: ({ signal }) => fetchResourceMap(signal),
    refetchInterval: REFRESH_MS,
  });
  const [selected, setSelected] = useState<ResourceMarker | null>(null);
  const [panelOpen, setPanelOpen] = useState(true);
  const [types, setTypes] = useState<ReadonlySet<ResourceType>>(() => new Set(RESOURCE_TYPES));
  const [statuses, setStatuses] = useState<ReadonlySet<ResourceStatus>>(() => new Set(RESOURCE_STATUSES));
  const [nearMode, setNearMode] = useState(false);
  const [point, setPoint] = useState<{ lat: number; lng: number } | null>(null);

  const items = resources.data?.items;
  const counts = useMemo(() => countByType(items ?? []), [items]);
  const markers = useMemo(
    () => toResourceMarkers(items ?? [], { types, statuses }),
    [items, types, statuses],
  );
  const typeList = useMemo(() => [...types].sort(), [types]);
  const nearest = useQuery({
    queryKey: ['resources', 'nearest', point, typeList],
    queryFn: ({ signal }) => fetchNearest({ ...point!, types: typeList, limit: NEAREST_LIMIT }, signal),
    enabled: point !== null && typeList.length > 0,
  });

  if (config.isPending) return <Loading />;
  const tileUrl = config.data?.mapTileUrl ?? '';

  return (
    <div className={`map-page resources-map ${nearMode ? 'resources-map--picking' : ''}`}>
      <BaseMap ref={mapRef} offline={!tileUrl} ariaLabel={t('resources.mapLabel')}>
        <BasemapLayer tileUrl={tileUrl} />
        <ResourceClusterLayer markers={markers} lang={lang} onSelect={setSelected} />
        {selected && <SelectedPopup key={selected.id} marker={selected} onClose={() => setSelected(null)} />}
        {point && (
          <CircleMarker
            center={[point.lat, point.lng]}
            radius={9}
            pathOptions={{ color: '#111', weight: 3, fillColor: '#ffd166', fillOpacity: 0.9 }}
          />
        )}
        <NearHereClick
          active={nearMode}
          onPick={(lat, lng) => {
            setPoint({ lat, lng });
            setNearMode(false);
          }}
        />
        <ScaleControl position="bottomright" imperial={false} />
      </BaseMap>

      <section
        className={`map-overlay resources-panel ${panelOpen ? '' : 'resources-panel--collapsed'}`}
        aria-labelledby="resources-panel-title"
        data-testid="resources-panel"
      >
        <div className="resources-panel__head">
          <h1 id="resources-panel-title" className="map-overlay__title">
            {t('resources.mapTitle')}
          </h1>
          <button
            type="button"
            className="button button--small resources-panel__toggle"
            aria-expanded={panelOpen}
            aria-controls="resources-panel-body"
            data-testid="resources-panel-toggle"
            onClick={() => setPanelOpen((v) => !v)}
          >
            {panelOpen ? t('resources.hideFilters') : t('resources.showFilters')}
          </button>
        </div>
        <div id="resources-panel-body" className="resources-panel__body" hidden={!panelOpen}>
          {resources.isPending && <p>{t('resources.loading')}</p>}
          {resources.isError && (
            <ErrorNotice error={resources.error} onRetry={() => void resources.refetch()} compact />
          )}
          {items && (
            <p data-testid="resource-shown-count">
              {t('resources.shownCount', { shown: markers.length, total: items.length })}
            </p>
          )}
          <fieldset className="resources-panel__filter">
            <legend>{t('resources.typeLabel')}</legend>
            <div className="resources-panel__quick">
              <button
                type="button"
                className="button button--small"
                onClick={() => setTypes(new Set(RESOURCE_TYPES))}
              >
                {t('resources.all')}
              </button>
              <button type="button" className="button button--small" onClick={() => setTypes(new Set())}>
                {t('resources.none')}
              </button>
            </div>
            {RESOURCE_TYPES.map((type) => (
              <label key={type} className="resources-panel__option">
                <input
                  type="checkbox"
                  data-testid={`filter-type-${type}`}
                  checked={types.has(type)}
                  onChange={() => setTypes((s) => toggle(s, type))}
                />
                <span
                  dangerouslySetInnerHTML={{
                    __html: markerHtml({ type, alert: 'ok', status: 'available' }, lang),
                  }}
                />
                {t(`resources.type.${type}`)} <span className="muted">({counts[type] ?? 0})</span>
              </label>
            ))}
          </fieldset>
          <fieldset className="resources-panel__filter">
            <legend>{t('resources.statusLabel')}</legend>
            {RESOURCE_STATUSES.map((status) => (
              <label key={status} className="resources-panel__option">
                <input
                  type="checkbox"
                  data-testid={`filter-status-${status}`}
                  checked={statuses.has(status)}
                  onChange={() => setStatuses((s) => toggle(s, status))}
                />
                {t(`resources.status.${status}`)}
              </label>
            ))}
          </fieldset>
          <p className="resources-panel__legend">
            <span className="resource-pin resource-pin--expiring" style={{ ['--pin' as string]: '#888' }} />{' '}
            {t('resources.legendExpiring')}{' '}
            <span className="resource-pin resource-pin--expired" style={{ ['--pin' as string]: '#888' }} />{' '}
            {t('resources.legendExpired')}
          </p>
          <Link to="/resources">{t('resources.openList')}</Link>
        </div>
      </section>

      <section className="map-overlay resources-near" aria-labelledby="resources-near-title">
        <h2 id="resources-near-title" className="map-overlay__title">
          {t('resources.nearTitle')}
        </h2>
        <button
          type="button"
          className={`button button--small ${nearMode ? 'button--primary' : ''}`}
          data-testid="near-here"
          aria-pressed={nearMode}
          onClick={() => setNearMode((v) => !v)}
        >
          {nearMode ? t('resources.nearPicking') : t('resources.nearButton')}
        </button>
        {point && typeList.length === 0 && <p>{t('resources.nearNoTypes')}</p>}
        {nearest.isError && <ErrorNotice error={nearest.error} compact />}
        {point && nearest.data && (
          <ol className="resources-near__list" data-testid="nearest-list">
            {nearest.data.items.length === 0 && <li>{t('resources.nearNone')}</li>}
            {nearest.data.items.map((r: NearestResourceView) => (
              <li key={r.id}>
                <button
                  type="button"
                  className="link-button"
                  onClick={() => mapRef.current?.setView([r.location.lat, r.location.lng], 18)}
                >
                  {r.name}
                </button>{' '}
                <span className="muted">{t(`resources.type.${r.type}`)}</span>{' '}
                <strong className="nowrap">{formatDistance(r.distanceM)}</strong>{' '}
                <AlertBadge alert={r.alert} />
              </li>
            ))}
          </ol>
        )}
      </section>
    </div>
  );
}
