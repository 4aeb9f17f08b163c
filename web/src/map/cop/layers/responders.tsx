import { useQuery, useQueryClient } from '@tanstack/react-query';
import L from 'leaflet';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Marker, Pane, Popup } from 'react-leaflet';
import { apiRequest } from '../../../api/client';
import type { ResponderPositionView } from '../../../contracts';
import { escapeHtml } from '../../../lib/html';
import { formatAge, isStale, positionAge } from '../age';
import { useCopT } from '../i18n';
import type { MapLayerDefinition, MapLayerProps, MapScene } from '../layer-types';

/** The zone map has no room log to follow: it asks again this often. */
const ZONE_REFRESH_MS = 30_000;

function positionsKey(scene: MapScene) {
  return ['responder-positions', scene.incident?.id ?? 'open'] as const;
}

function useResponderPositions(scene: MapScene) {
  const incidentId = scene.incident?.id;
  return useQuery({
    queryKey: positionsKey(scene),
    queryFn: ({ signal }) =>
      apiRequest<ResponderPositionView[]>(
        incidentId ? `/api/incidents/${incidentId}/responder-positions` : '/api/responder-positions',
        { signal },
      ),
    refetchInterval: incidentId ? false : ZONE_REFRESH_MS,
  });
}

/**
 * In a room the positions follow its log: each shared position (and each answer) is an event,
 * and the list is asked again when one arrives.
 */
function useFollowRoom(scene: MapScene) {
  const queryClient = useQueryClient();
  const incidentId = scene.incident?.id;
  const latest = useMemo(
    () =>
      (scene.events ?? []).reduce(
        (seq, e) =>
          e.type === 'callout.location_shared' || e.type === 'callout.recipient_updated'
            ? Math.max(seq, e.seq)
            : seq,
        0,
      ),
    [scene.events],
  );
  useEffect(() => {
    if (incidentId && latest > 0) {
      void queryClient.invalidateQueries({ queryKey: ['responder-positions', incidentId] });
    }
  }, [queryClient, incidentId, latest]);
}

/** The clock the ages are read against, a tick a minute (ages are in whole minutes). */
function useNow(): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const id = window.setInterval(() => setNow(Date.now()), 30_000);
    return () => window.clearInterval(id);
  }, []);
  return now;
}

function responderIcon(p: ResponderPositionView, age: string, stale: boolean): L.DivIcon {
  const icon = L.divIcon({
    className: `responder-marker${stale ? ' responder-marker--stale' : ''}`,
    html:
      `<span class="responder-marker__dot" aria-hidden="true"></span>` +
      `<span class="responder-marker__label">${escapeHtml(p.name)} · <span class="responder-marker__age">${escapeHtml(age)}</span></span>`,
    iconSize: [18, 18],
    iconAnchor: [9, 9],
    popupAnchor: [0, -10],
  });
  const createIcon = icon.createIcon.bind(icon);
  icon.createIcon = (old?: HTMLElement) => {
    const element = createIcon(old);
    element.dataset.testid = 'responder-marker';
    element.dataset.recipientId = p.recipientId;
    return element;
  };
  return icon;
}

function ResponderMarker({ p, now }: { p: ResponderPositionView; now: number }) {
  const { t, i18n } = useTranslation();
  const { t: c } = useCopT();
  const age = formatAge(positionAge(p.locatedAt, now), i18n.language);
  const stale = isStale(p.locatedAt, now);
  const icon = useMemo(() => responderIcon(p, age, stale), [p, age, stale]);
  return (
    <Marker position={[p.lat, p.lng]} icon={icon} title={p.name} keyboard zIndexOffset={3000}>
      <Popup>
        <div className="feature-popup" data-testid="responder-popup">
          <h3 className="feature-popup__title">{p.name}</h3>
          <p className="feature-popup__meta">{c('responder.age', { age })}</p>
          <p className="feature-popup__meta">
            {c('responder.state', { state: t(`incidents.callouts.state.${p.state}`) })}
          </p>
          <p className="feature-popup__kind">{c('responder.incident', { title: p.incidentTitle })}</p>
        </div>
      </Popup>
    </Marker>
  );
}

function RespondersLayer({ scene }: MapLayerProps) {
  const positions = useResponderPositions(scene);
  useFollowRoom(scene);
  const now = useNow();
  return (
    <Pane name="responders" style={{ zIndex: 640 }}>
      {(positions.data ?? []).map((p) => (
        <ResponderMarker key={p.recipientId} p={p} now={now} />
      ))}
    </Pane>
  );
}

function RespondersLegend({ scene }: MapLayerProps) {
  const { t } = useCopT();
  const positions = useResponderPositions(scene);
  const count = positions.data?.length;
  return (
    <ul className="cop-legend" data-testid="legend-responders">
      <li>
        <span className="responder-marker__dot" aria-hidden="true" />
        {t('legend.responder')}
      </li>
      <li>
        <span className="responder-marker__dot responder-marker__dot--stale" aria-hidden="true" />
        {t('legend.responderStale')}
      </li>
      {count !== undefined && (
        <li className="cop-legend__count" data-testid="responder-count">
          {count > 0 ? t('legend.responderCount', { count }) : t('legend.responderNone')}
        </li>
      )}
    </ul>
  );
}

export const respondersLayer: MapLayerDefinition = {
  id: 'responders',
  label: 'cop:layers.responders',
  legend: RespondersLegend,
  defaultOn: true,
  maps: ['zone', 'room'],
  component: RespondersLayer,
  roles: ['zone_admin', 'commander', 'inspector', 'evaluator', 'enterprise_officer'],
};
