import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import L from 'leaflet';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { currentLanguage, type Language } from '../../i18n';
import { Marker, Pane, Popup } from 'react-leaflet';
import { ErrorNotice } from '../../components/ErrorNotice';
import {
  isDispatchable,
  isResourceOut,
  type DispatchView,
  type IncidentView,
  type NearestResourceView,
  type ResourceUnavailableInjectContent,
  type TypedRoomEvent,
} from '../../contracts';
import { telHref } from '../../lib/format';
import { formatDistance, markerHtml } from '../../resources/resource-features';
import { dispatchResource } from '../api';
import { incidentKeys, useDispatches } from '../queries';
import { upsertInList } from './cache';
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

/**
 * Where a resource stands as this room sees it: sent by this room (en route or on scene), made
 * unavailable by a drill inject, out on another incident, or free to send.
 */
export type RoomResourceState =
  | { kind: 'here'; dispatch: DispatchView }
  | { kind: 'unavailable' }
  | { kind: 'elsewhere'; incidentId: string | null }
  | { kind: 'free' };

/** The resources a drill's injects made unavailable in it (read from the room's log), by id → name. */
export function unavailableInDrill(
  events: readonly TypedRoomEvent[] | undefined,
): ReadonlyMap<string, string> {
  const out = new Map<string, string>();
  for (const e of events ?? []) {
    if (e.type === 'drill.inject' && e.payload.kind === 'resource_unavailable' && e.payload.resourceId) {
      out.set(e.payload.resourceId, (e.payload.content as ResourceUnavailableInjectContent).label);
    }
  }
  return out;
}

function useRoomResourceStates(incidentId: string, events: readonly TypedRoomEvent[] | undefined) {
  const dispatches = useDispatches(incidentId);
  const unavailable = useMemo(() => unavailableInDrill(events), [events]);
  return useMemo(() => {
    const here = new Map<string, DispatchView>();
    for (const d of dispatches.data ?? []) {
      if (d.resourceId && d.state !== 'released') here.set(d.resourceId, d);
    }
    return (r: NearestResourceView): RoomResourceState => {
      const d = here.get(r.id);
      if (d) return { kind: 'here', dispatch: d };
      if (unavailable.has(r.id)) return { kind: 'unavailable' };
      if (isResourceOut(r.status)) return { kind: 'elsewhere', incidentId: r.dispatchIncidentId };
      return { kind: 'free' };
    };
  }, [dispatches.data, unavailable]);
}

/** Sends a resource of the register from the room; the room's log and the register follow. */
function useDispatchResource(incidentId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (r: NearestResourceView) => dispatchResource(incidentId, { resourceId: r.id }),
    onSuccess: (d) => {
      queryClient.setQueryData<DispatchView[]>(incidentKeys.dispatches(incidentId), (list) =>
        upsertInList(list, d),
      );
      void queryClient.invalidateQueries({ queryKey: ['resources'] });
    },
  });
}

/** The resource's state in this room, or its dispatch button. */
function DispatchAction({
  incidentId,
  resource,
  state,
  canAct,
}: {
  incidentId: string;
  resource: NearestResourceView;
  state: RoomResourceState;
  canAct: boolean;
}) {
  const { t } = useTranslation();
  const send = useDispatchResource(incidentId);
  if (state.kind === 'here') {
    return (
      <span
        className={`dispatch-state dispatch-state--${state.dispatch.state}`}
        data-testid="nearby-resource-state"
        data-state={state.dispatch.state}
      >
        {t(`incidents.dispatch.state.${state.dispatch.state}`)}
      </span>
    );
  }
  if (state.kind === 'unavailable') {
    return (
      <span
        className="dispatch-state dispatch-state--unavailable"
        data-testid="nearby-resource-state"
        data-state="unavailable"
      >
        {t('incidents.nearby.unavailableInDrill')}
      </span>
    );
  }
  if (state.kind === 'elsewhere') {
    return (
      <span className="dispatch-state" data-testid="nearby-resource-state" data-state="elsewhere">
        {t('incidents.nearby.outElsewhere')}
      </span>
    );
  }
  if (!canAct || !isDispatchable(resource.type)) return null;
  return (
    <span className="nearby-resources__action">
      <button
        type="button"
        className="button button--small"
        disabled={send.isPending}
        data-testid="nearby-dispatch"
        onClick={() => send.mutate(resource)}
      >
        {t('incidents.dispatch.add')}
      </button>
      {send.isError && <ErrorNotice error={send.error} compact />}
    </span>
  );
}

function resourceIcon(r: Pick<NearestResourceView, 'type' | 'alert' | 'status'>, lang: Language): L.DivIcon {
  return L.divIcon({
    className: 'nearby-resource-marker',
    html: markerHtml(r, lang),
    iconSize: [24, 24],
    iconAnchor: [12, 12],
    popupAnchor: [0, -12],
  });
}

/** The nearby resources as a layer of the room map; a marker's popup can dispatch it. */
export function NearbyResourceLayer({
  resources,
  incidentId,
  canAct = false,
  events,
}: {
  resources: readonly NearestResourceView[];
  /** With it, each popup shows the resource's state in the room and, to those who act, its dispatch. */
  incidentId?: string;
  canAct?: boolean;
  events?: readonly TypedRoomEvent[];
}) {
  return (
    <Pane name="nearby-resources" style={{ zIndex: 410 }}>
      {incidentId ? (
        <RoomNearbyMarkers resources={resources} incidentId={incidentId} canAct={canAct} events={events} />
      ) : (
        resources.map((r) => <NearbyMarker key={r.id} resource={r} />)
      )}
    </Pane>
  );
}

function RoomNearbyMarkers({
  resources,
  incidentId,
  canAct,
  events,
}: {
  resources: readonly NearestResourceView[];
  incidentId: string;
  canAct: boolean;
  events?: readonly TypedRoomEvent[];
}) {
  const stateOf = useRoomResourceStates(incidentId, events);
  return resources.map((r) => (
    <NearbyMarker key={r.id} resource={r}>
      <DispatchAction incidentId={incidentId} resource={r} state={stateOf(r)} canAct={canAct} />
    </NearbyMarker>
  ));
}

function NearbyMarker({
  resource: r,
  children,
}: {
  resource: NearestResourceView;
  children?: React.ReactNode;
}) {
  const { t } = useTranslation();
  const lang = currentLanguage();
  // Keyed by the look, not the record: a refetch must not rebuild the marker under an open popup.
  const { type, alert, status } = r;
  const icon = useMemo(() => resourceIcon({ type, alert, status }, lang), [type, alert, status, lang]);
  return (
    <Marker position={[r.location.lat, r.location.lng]} icon={icon} title={r.name} keyboard>
      {/* In the popup pane, over every marker (the marker's own pane would put it under the others). */}
      <Popup pane="popupPane">
        <div className="feature-popup" data-testid="nearby-resource-popup">
          <h3 className="feature-popup__title">{r.name}</h3>
          <p className="feature-popup__kind">
            {t(`resources.type.${r.type}`)} · {formatDistance(r.distanceM)}
          </p>
          <p className="feature-popup__meta">
            {r.quantity} {r.unit} · {t(`resources.status.${r.status}`)}
          </p>
          {r.custodian && <p className="feature-popup__meta">{r.custodian}</p>}
          {children && <div className="feature-popup__actions">{children}</div>}
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
  incidentId,
  canAct = false,
  events,
}: {
  query: ReturnType<typeof useNearbyResources>;
  shown: boolean;
  onToggle: (shown: boolean) => void;
  /** With it, each resource shows its state in the room and, to those who act, its dispatch. */
  incidentId?: string;
  canAct?: boolean;
  events?: readonly TypedRoomEvent[];
}) {
  const { t } = useTranslation();
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
      {incidentId ? (
        <RoomNearbyList items={items} incidentId={incidentId} canAct={canAct} events={events} />
      ) : (
        <ul className="nearby-resources__list">
          {items.map((r) => (
            <NearbyItem key={r.id} r={r} />
          ))}
        </ul>
      )}
    </section>
  );
}

function RoomNearbyList({
  items,
  incidentId,
  canAct,
  events,
}: {
  items: readonly NearestResourceView[];
  incidentId: string;
  canAct: boolean;
  events?: readonly TypedRoomEvent[];
}) {
  const { t } = useTranslation();
  const stateOf = useRoomResourceStates(incidentId, events);
  const lost = useMemo(() => [...unavailableInDrill(events).values()], [events]);
  return (
    <>
      <ul className="nearby-resources__list">
        {items.map((r) => (
          <NearbyItem key={r.id} r={r}>
            <DispatchAction incidentId={incidentId} resource={r} state={stateOf(r)} canAct={canAct} />
          </NearbyItem>
        ))}
      </ul>
      {lost.length > 0 && (
        <p className="room-panel__meta" data-testid="drill-unavailable-resources">
          {t('incidents.nearby.lostInDrill', { names: lost.join('、') })}
        </p>
      )}
    </>
  );
}

function NearbyItem({ r, children }: { r: NearestResourceView; children?: React.ReactNode }) {
  const { t } = useTranslation();
  const lang = currentLanguage();
  const tel = telHref(r.custodianPhone);
  return (
    <li className="nearby-resources__item" data-testid="nearby-resource" data-resource-id={r.id}>
      <span className="nearby-resources__pin" dangerouslySetInnerHTML={{ __html: markerHtml(r, lang) }} />
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
      {children}
    </li>
  );
}
