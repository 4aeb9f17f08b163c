import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CircleMarker, Marker, Popup } from 'react-leaflet';
import { useParams } from 'react-router';
import { usePublicConfig } from '../api/queries';
import { ErrorNotice } from '../components/ErrorNotice';
import { LanguageSwitcher } from '../components/LanguageSwitcher';
import { Loading } from '../components/Loading';
import type { IncidentCategory, MapFeatureKind, ResponderBriefing, Severity } from '../contracts';
import { incidentIcon } from '../incidents/map/feature-icons';
import { SceneFeatures } from '../incidents/map/RoomMap';
import { fetchBriefing, respondToCallout } from '../incidents/room/callouts-api';
import { SeverityBadge } from '../incidents/ui';
import { BaseMap } from '../map/BaseMap';
import { BasemapLayer } from '../map/layers/BasemapLayer';
import { levelName } from '../incidents/level-name';
import { LinkCheckIn } from '../rollcall/LinkCheckIn';
import { FitPoints } from './FitPoints';
import './responder.css';

type Decision = 'accept' | 'decline';
type LocationState = 'idle' | 'locating' | 'shared' | 'denied' | 'unavailable';

/**
 * The page the SMS link opens on a responder's phone: no login (the signed link is the
 * credential), the briefing, where the incident and the assembly point are, and the answer.
 */
export function ResponderPage() {
  const { token = '' } = useParams();
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const key = ['respond', token];
  const briefing = useQuery({
    queryKey: key,
    queryFn: ({ signal }) => fetchBriefing(token, signal),
    refetchInterval: 30_000,
  });
  const [location, setLocation] = useState<LocationState>('idle');

  const answer = useMutation({
    mutationFn: (body: { decision: Decision; location?: { lat: number; lng: number } }) =>
      respondToCallout(token, body),
    onSuccess: (b) => queryClient.setQueryData(key, b),
  });

  const shareLocation = (decision: Decision) => {
    if (!('geolocation' in navigator)) {
      setLocation('unavailable');
      return;
    }
    setLocation('locating');
    navigator.geolocation.getCurrentPosition(
      (position) => {
        answer.mutate(
          { decision, location: { lat: position.coords.latitude, lng: position.coords.longitude } },
          { onSuccess: () => setLocation('shared'), onError: () => setLocation('idle') },
        );
      },
      (error) => setLocation(error.code === error.PERMISSION_DENIED ? 'denied' : 'unavailable'),
      { enableHighAccuracy: true, timeout: 15_000, maximumAge: 60_000 },
    );
  };

  return (
    <div className="responder" data-testid="responder-page">
      <header className="responder__bar">
        <span className="responder__brand">{t('responder.brand')}</span>
        <LanguageSwitcher />
      </header>
      {briefing.isPending && <Loading label={t('responder.loading')} />}
      {briefing.isError && (
        <div className="responder__body">
          <ErrorNotice error={briefing.error} onRetry={() => void briefing.refetch()} />
          <p className="responder__hint">{t('responder.invalidHint')}</p>
        </div>
      )}
      {briefing.data && (
        <Briefing
          b={briefing.data}
          answering={answer.isPending ? (answer.variables?.decision ?? null) : null}
          answerError={answer.error}
          location={location}
          onAnswer={(decision) => answer.mutate({ decision })}
          onShareLocation={shareLocation}
        />
      )}
      {briefing.data && (
        <div className="responder__body">
          <LinkCheckIn token={token} />
        </div>
      )}
    </div>
  );
}

function Briefing({
  b,
  answering,
  answerError,
  location,
  onAnswer,
  onShareLocation,
}: {
  b: ResponderBriefing;
  answering: Decision | null;
  answerError: Error | null;
  location: LocationState;
  onAnswer: (d: Decision) => void;
  onShareLocation: (d: Decision) => void;
}) {
  const { t, i18n } = useTranslation();
  const answered = b.state === 'acknowledged' || b.state === 'declined';
  // The server leaves the message out once the call-out has ended for this person.
  if (b.message === null) return <ClosedBriefing b={b} />;
  return (
    <main className="responder__body">
      {b.isDrill && (
        <p className="responder__drill" data-testid="responder-drill">
          {t('responder.drill')}
        </p>
      )}
      <p className="responder__greeting">{t('responder.greeting', { name: b.recipientName })}</p>
      <h1 className="responder__title">{b.incident.title}</h1>
      {b.responseLevel && (
        <p className="responder__level" data-testid="responder-level">
          {levelName(b.responseLevel, i18n.language)}
        </p>
      )}
      <p className="responder__facts">
        <SeverityBadge severity={b.incident.severity as Severity} />
        <span>{t(`incidents.category.${b.incident.category as IncidentCategory}`)}</span>
        {b.incident.enterpriseName && <span>{b.incident.enterpriseName}</span>}
      </p>
      <p className="responder__address">{b.incident.address}</p>
      <blockquote className="responder__message">{b.message}</blockquote>

      <section className="responder__answer" aria-label={t('responder.answerLabel')}>
        <p
          className={`responder__state responder__state--${b.state}`}
          data-testid="responder-state"
          data-state={b.state}
          role="status"
        >
          {t(`responder.state.${b.state}`)}
        </p>
        <div className="responder__buttons">
          <button
            type="button"
            className="button button--primary responder__button"
            disabled={answering !== null || b.state === 'acknowledged'}
            onClick={() => onAnswer('accept')}
            data-testid="responder-accept"
          >
            {answering === 'accept' ? t('responder.sending') : t('responder.accept')}
          </button>
          <button
            type="button"
            className="button responder__button"
            disabled={answering !== null || answered}
            onClick={() => onAnswer('decline')}
            data-testid="responder-decline"
          >
            {answering === 'decline' ? t('responder.sending') : t('responder.decline')}
          </button>
        </div>
        {answerError && <ErrorNotice error={answerError} compact />}
        {b.state === 'acknowledged' && (
          <div className="responder__location">
            <button
              type="button"
              className="button responder__button"
              disabled={location === 'locating'}
              onClick={() => onShareLocation('accept')}
              data-testid="responder-share-location"
            >
              {location === 'shared' ? t('responder.location.again') : t('responder.location.share')}
            </button>
            {location !== 'idle' && (
              <span className="responder__hint" data-testid="responder-location-state" data-state={location}>
                {t(`responder.location.${location}`)}
              </span>
            )}
          </div>
        )}
      </section>

      {b.incident.location && <ResponderMap b={b} at={b.incident.location} />}
      {b.places.length > 0 && (
        <ul className="responder__places">
          {b.places.map((p, i) => (
            <li key={i}>
              <strong>{t(`incidents.map.kinds.${p.kind as MapFeatureKind}`)}</strong>
              {p.label && `：${p.label}`} <a href={`geo:${p.lat},${p.lng}`}>{t('responder.navigate')}</a>
            </li>
          ))}
        </ul>
      )}
    </main>
  );
}

/** An ended call-out's link: the incident's title and that no answer is needed, nothing more. */
function ClosedBriefing({ b }: { b: ResponderBriefing }) {
  const { t } = useTranslation();
  return (
    <main className="responder__body" data-testid="responder-closed">
      {b.isDrill && (
        <p className="responder__drill" data-testid="responder-drill">
          {t('responder.drill')}
        </p>
      )}
      <p className="responder__greeting">{t('responder.greeting', { name: b.recipientName })}</p>
      <h1 className="responder__title">{b.incident.title}</h1>
      <p className="responder__hint" role="status">
        {t('responder.closed')}
      </p>
    </main>
  );
}

function ResponderMap({ b, at }: { b: ResponderBriefing; at: { lat: number; lng: number } }) {
  const { t } = useTranslation();
  const config = usePublicConfig();
  const tileUrl = config.data?.mapTileUrl ?? '';
  const incidentAt: [number, number] = [at.lat, at.lng];
  const icon = useMemo(
    () =>
      incidentIcon({ id: b.calloutId, severity: b.incident.severity as Severity, title: b.incident.title }),
    [b.calloutId, b.incident.severity, b.incident.title],
  );
  const me: [number, number] | null = b.location ? [b.location.lat, b.location.lng] : null;
  const points = [incidentAt, ...b.places.map((p): [number, number] => [p.lat, p.lng]), ...(me ? [me] : [])];
  return (
    <div className="responder__map" data-testid="responder-map">
      <BaseMap offline={!tileUrl} ariaLabel={t('responder.mapLabel')}>
        <BasemapLayer tileUrl={tileUrl} />
        <FitPoints points={points} />
        <SceneFeatures features={b.features ?? []} />
        <Marker position={incidentAt} icon={icon} title={b.incident.title}>
          <Popup>{b.incident.title}</Popup>
        </Marker>
        {me && (
          <CircleMarker
            center={me}
            radius={8}
            className="responder__me"
            pathOptions={{ color: '#fff', weight: 3, fillColor: '#1a73e8', fillOpacity: 1 }}
          >
            <Popup>{t('responder.you')}</Popup>
          </CircleMarker>
        )}
      </BaseMap>
    </div>
  );
}
