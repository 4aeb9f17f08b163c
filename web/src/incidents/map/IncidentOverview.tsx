import { useId, useMemo } from 'react';
import { SEVERITIES, SEVERITY_RANK, type IncidentSummary } from '../../contracts';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Marker, Popup } from 'react-leaflet';
import { isValidLatLng } from '../../map/enterprise-features';
import { useOverview } from '../../live/use-overview';
import { SEVERITY_COLORS } from '../incident-model';
import { useOpenIncidentSummaries } from '../queries';
import {
  DrillFlag,
  LevelBadge,
  LiveIndicator,
  ReportingCountdown,
  SeverityBadge,
  StatusBadge,
  useZoneTime,
} from '../ui';
import { incidentIcon } from './feature-icons';

function IncidentPopup({ incident }: { incident: IncidentSummary }) {
  const { t } = useTranslation();
  const zoneTime = useZoneTime();
  return (
    <div className="incident-popup" data-testid="incident-popup" data-incident-id={incident.id}>
      <h3 className="incident-popup__title">
        {incident.title} {incident.isDrill && <DrillFlag />}
      </h3>
      <div className="incident-popup__badges">
        <SeverityBadge severity={incident.severity} />
        <StatusBadge status={incident.status} />
        <LevelBadge level={incident.responseLevel} />
      </div>
      <dl className="incident-popup__facts">
        {incident.enterpriseName && (
          <>
            <dt>{t('incidents.field.enterprise')}</dt>
            <dd>{incident.enterpriseName}</dd>
          </>
        )}
        <dt>{t('incidents.category.label')}</dt>
        <dd>{t(`incidents.category.${incident.category}`)}</dd>
        <dt>{t('incidents.field.occurredAt')}</dt>
        <dd>{zoneTime(incident.occurredAt)}</dd>
        <dt>{t('incidents.field.deadline')}</dt>
        <dd>
          <ReportingCountdown deadline={incident.deadline} duty={incident.duty} compact />
        </dd>
      </dl>
      <Link
        className="button button--small button--primary incident-popup__open"
        to={`/incidents/${incident.id}`}
      >
        {t('incidents.overview.openRoom')}
      </Link>
    </div>
  );
}

function OverviewMarker({ incident }: { incident: IncidentSummary }) {
  const icon = useMemo(
    () =>
      incidentIcon({ id: incident.id, severity: incident.severity, title: incident.title }, { label: true }),
    [incident.id, incident.severity, incident.title],
  );
  return (
    <Marker
      position={[incident.location.lat, incident.location.lng]}
      icon={icon}
      title={incident.title}
      keyboard
      riseOnHover
      // The most serious on top; all incidents above the enterprise sites.
      zIndexOffset={10_000 + SEVERITY_RANK[incident.severity] * 1000}
    >
      {/* Keep clear of the panels over the map: this layer's panel top left, the zone's top right. */}
      <Popup
        minWidth={260}
        maxWidth={340}
        autoPanPaddingTopLeft={[290, 200]}
        autoPanPaddingBottomRight={[40, 40]}
      >
        <IncidentPopup incident={incident} />
      </Popup>
    </Marker>
  );
}

/**
 * The open incidents, coloured by severity, kept current by `incident:upsert`; a room's map
 * leaves out its own incident (`exceptId`), which it draws itself.
 */
export function IncidentOverviewLayer({ exceptId }: { exceptId?: string }) {
  const incidents = useOpenIncidentSummaries();
  const shown = (incidents.data ?? []).filter(
    (i) => i.id !== exceptId && isValidLatLng(i.location?.lat, i.location?.lng),
  );
  return (
    <>
      {shown.map((incident) => (
        <OverviewMarker key={incident.id} incident={incident} />
      ))}
    </>
  );
}

/** The incident layer's legend: the live state, the count and the key by severity. */
export function IncidentOverviewLegend() {
  const { t } = useTranslation();
  const titleId = useId();
  const overview = useOverview();
  const incidents = useOpenIncidentSummaries();
  const list = incidents.data ?? [];
  return (
    <section className="incident-overview" aria-labelledby={titleId} data-testid="incident-overview">
      <div className="incident-overview__head">
        <span id={titleId} className="visually-hidden">
          {t('incidents.title')}
        </span>
        <LiveIndicator status={overview.status} />
        <p className="incident-overview__count" data-testid="open-incident-count" aria-live="polite">
          {incidents.isPending
            ? t('common.loading')
            : list.length > 0
              ? t('incidents.overview.count', { count: list.length })
              : t('incidents.overview.none')}
        </p>
      </div>
      {list.length > 0 && (
        <ul className="incident-overview__legend">
          {SEVERITIES.map((s) => {
            const count = list.filter((i) => i.severity === s).length;
            if (count === 0) return null;
            return (
              <li key={s}>
                <span
                  className="risk-legend__swatch"
                  style={{ background: SEVERITY_COLORS[s].fill, borderColor: SEVERITY_COLORS[s].stroke }}
                  aria-hidden="true"
                />
                {t(`incidents.severity.${s}`)}
                <span className="risk-legend__count">{count}</span>
              </li>
            );
          })}
        </ul>
      )}
      <Link to="/incidents" className="incident-overview__link">
        {t('nav.incidents')} →
      </Link>
    </section>
  );
}
