import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { TFunction } from 'i18next';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useParams } from 'react-router';
import { useSession } from '../auth/session-hooks';
import { ErrorNotice } from '../components/ErrorNotice';
import { Loading } from '../components/Loading';
import type { IncidentView } from '../contracts';
import { DrillWatermark } from '../drills/ui';
import { useRoom, type Present } from '../live/use-room';
import { downloadActivityCsv } from './api';
import { COMMAND, REPORTERS, ROOM_ACTORS } from './roles';
import { incidentKeys, useDispatches, useFeatures, useIncident, useReports, useTasks } from './queries';
import type { FiledLocationState } from './report-form/use-incident-report';
import { CalloutBoard } from './room/CalloutBoard';
import { CommandActions } from './room/CommandActions';
import { NearbyResourceLayer, NearbyResourcesPanel, useNearbyResources } from './room/NearbyResources';
import { PlanActivationPanel } from './room/PlanActivationPanel';
import { ReportsPanel } from './room/ReportsPanel';
import { RoomScene, RoomWork } from './room/RoomScene';
import { Timeline } from './room/Timeline';
import {
  DrillFlag,
  LevelBadge,
  LiveIndicator,
  ReportingCountdown,
  roleLabel,
  SeverityBadge,
  StatusBadge,
  useZoneTime,
} from './ui';

export function IncidentRoomPage() {
  const { id = '' } = useParams();
  // A fresh room per incident: nothing of one room's log may leak into another's.
  return <IncidentRoom key={id} incidentId={id} />;
}

function warningText(t: TFunction, warning: string): string {
  if (warning.startsWith('location:')) return t('incidents.form.outsideZoneWarning');
  if (warning.startsWith('occurredAt:')) return t('incidents.form.lateWarning');
  return warning;
}

function FiledNotice() {
  const { t } = useTranslation();
  const location = useLocation();
  const state = location.state as FiledLocationState | null;
  const [dismissed, setDismissed] = useState(false);
  if (!state?.filed || dismissed) return null;
  return (
    <div className="room-notices" data-testid="filed-notice">
      <div className="notice notice--success notice--compact" role="status">
        <span>{t('incidents.form.filed')}</span>
        <button
          type="button"
          className="notice__dismiss"
          aria-label={t('common.close')}
          onClick={() => setDismissed(true)}
        >
          ×
        </button>
      </div>
      {state.warnings.map((w) => (
        <div
          key={w}
          className="notice notice--caution notice--compact"
          role="alert"
          data-testid="filed-warning"
        >
          {warningText(t, w)}
        </div>
      ))}
    </div>
  );
}

function Presence({ present, selfId }: { present: Present[]; selfId: string | undefined }) {
  const { t } = useTranslation();
  const others = present.filter((p) => p.userId !== selfId);
  return (
    <section className="presence" aria-label={t('incidents.room.present')} data-testid="presence">
      <span className="presence__label">{t('incidents.room.present')}</span>
      {present.length === 0 || others.length === 0 ? (
        <span className="presence__empty">{t('incidents.room.nobodyElse')}</span>
      ) : null}
      <ul className="presence__list">
        {present.map((p) => (
          <li
            key={p.userId}
            className={`presence__person${p.userId === selfId ? ' presence__person--self' : ''}`}
          >
            <span className="presence__dot" aria-hidden="true" />
            {p.name}
            <span className="presence__role">{roleLabel(t, p.role)}</span>
          </li>
        ))}
      </ul>
    </section>
  );
}

function Records({ incidentId }: { incidentId: string }) {
  const { t } = useTranslation();
  const csv = useMutation({ mutationFn: () => downloadActivityCsv(incidentId) });
  return (
    <section className="room-panel records" aria-labelledby="records-title">
      <h2 id="records-title" className="room-panel__title">
        {t('incidents.room.records')}
      </h2>
      <div className="records__links">
        <button
          type="button"
          className="button button--small"
          onClick={() => csv.mutate()}
          disabled={csv.isPending}
        >
          {csv.isPending ? t('incidents.room.downloading') : t('incidents.room.activityCsv')}
        </button>
        <Link className="button button--small" to={`/incidents/${incidentId}/activity`} target="_blank">
          {t('incidents.room.activityPrint')}
        </Link>
        <Link className="button button--small" to={`/incidents/${incidentId}/summary`} target="_blank">
          {t('incidents.room.summaryPrint')}
        </Link>
      </div>
      {csv.isError && <ErrorNotice error={csv.error} compact />}
    </section>
  );
}

function RoomHeader({ incident, canCommand }: { incident: IncidentView; canCommand: boolean }) {
  const { t } = useTranslation();
  const zoneTime = useZoneTime();
  const c = incident.casualties;
  return (
    <header className="room-header" data-testid="room-header">
      <div className="room-header__top">
        <Link to="/incidents" className="room-header__back">
          ← {t('incidents.room.back')}
        </Link>
      </div>
      <div className="room-header__title-row">
        <h1 className="room-header__title" data-testid="room-title">
          {incident.title}
        </h1>
        {incident.isDrill && <DrillFlag />}
        <SeverityBadge severity={incident.severity} />
        <StatusBadge status={incident.status} />
        <LevelBadge level={incident.responseLevel} />
      </div>
      <dl className="room-header__facts">
        <div>
          <dt>{t('incidents.field.enterprise')}</dt>
          <dd>{incident.enterpriseName ?? t('incidents.field.noEnterprise')}</dd>
        </div>
        <div>
          <dt>{t('incidents.category.label')}</dt>
          <dd>{t(`incidents.category.${incident.category}`)}</dd>
        </div>
        <div>
          <dt>{t('incidents.field.occurredAt')}</dt>
          <dd>{zoneTime(incident.occurredAt)}</dd>
        </div>
        <div>
          <dt>{t('incidents.field.deadline')}</dt>
          <dd>
            <ReportingCountdown
              deadline={incident.clock.deadline}
              late={incident.clock.late}
              closed={incident.status === 'closed'}
            />
          </dd>
        </div>
        <div>
          <dt>{t('incidents.field.reportedAt')}</dt>
          <dd>{zoneTime(incident.clock.reportedAt)}</dd>
        </div>
        <div>
          <dt>{t('incidents.reports.supplementary')}</dt>
          <dd>
            {t('incidents.clock.supplementaryUntil', { time: zoneTime(incident.clock.supplementaryUntil) })}
          </dd>
        </div>
        <div>
          <dt>{t('incidents.room.figures')}</dt>
          <dd>
            {t('incidents.room.figuresLine', {
              deaths: c.deaths,
              missing: c.missing,
              serious: c.seriousInjuries,
              minor: c.minorInjuries,
            })}
            {' · '}
            {t('incidents.room.loss', { amount: incident.directLossCny.toLocaleString('zh-CN') })}
          </dd>
        </div>
        <div>
          <dt>{t('incidents.field.address')}</dt>
          <dd>
            {incident.address}
            {incident.outsideZone && <span className="late-flag">{t('incidents.outsideZone')}</span>}
          </dd>
        </div>
        <div>
          <dt>{t('incidents.field.reporter')}</dt>
          <dd>
            {t('incidents.room.reportedBy', { name: incident.reporter.name, phone: incident.reporter.phone })}
          </dd>
        </div>
      </dl>
      {incident.summary && <p className="room-header__summary">{incident.summary}</p>}
      {incident.measuresTaken && (
        <p className="room-header__summary">
          <strong>{t('incidents.field.measuresTaken')}：</strong>
          {incident.measuresTaken}
        </p>
      )}
      {canCommand && <CommandActions incident={incident} />}
    </header>
  );
}

/** The incident room: where things stand, the scene map, the log, tasks, resources and reports, live. */
function IncidentRoom({ incidentId }: { incidentId: string }) {
  const { t } = useTranslation();
  const session = useSession();
  const queryClient = useQueryClient();
  const incident = useIncident(incidentId);
  const room = useRoom(incidentId);
  const tasks = useTasks(incidentId);
  const features = useFeatures(incidentId);
  const dispatches = useDispatches(incidentId);
  const reports = useReports(incidentId);
  const [showNearby, setShowNearby] = useState(true);
  const role = session?.user.role;
  const closed = incident.data?.status === 'closed';
  const canAct = role ? ROOM_ACTORS.includes(role) && !closed : false;
  const canCommand = role ? COMMAND.includes(role) : false;
  const canReport = role ? REPORTERS.includes(role) : false;
  const canCall = role ? ROOM_ACTORS.includes(role) : false;

  const nearby = useNearbyResources(incident.data);

  if (incident.isPending) return <Loading label={t('incidents.room.loading')} />;
  if (incident.isError) {
    return (
      <div className="page">
        <ErrorNotice error={incident.error} onRetry={() => void incident.refetch()} />
        <Link to="/incidents">{t('incidents.room.back')}</Link>
      </div>
    );
  }
  const data = incident.data;

  return (
    <div className="room" data-testid="incident-room" data-incident-id={data.id}>
      {data.isDrill && <DrillWatermark />}
      <FiledNotice />
      <RoomHeader incident={data} canCommand={canCommand} />
      {closed && (
        <p className="notice notice--info notice--compact room-closed">{t('incidents.room.closedNotice')}</p>
      )}
      <div className="room__status-bar">
        <LiveIndicator status={room.status} />
        <Presence present={room.present} selfId={session?.user.id} />
        {room.error && (
          <span className="notice notice--error notice--compact">
            {t('incidents.room.joinFailed', { error: room.error })}
          </span>
        )}
      </div>

      {(tasks.isError || dispatches.isError || reports.isError) && (
        <ErrorNotice
          error={tasks.error ?? dispatches.error ?? reports.error}
          compact
          onRetry={() => void queryClient.invalidateQueries({ queryKey: incidentKeys.detail(incidentId) })}
        />
      )}
      <div className="room__grid">
        <div className="room__map-column">
          <RoomScene
            incidentId={incidentId}
            incident={data}
            features={features.data}
            canAct={canAct}
            titleId="room-map-title"
            meta={
              <span className="room-panel__meta" data-testid="feature-count">
                {features.data && features.data.length > 0
                  ? t('incidents.map.featureCount', { count: features.data.length })
                  : t('incidents.map.noFeatures')}
              </span>
            }
            notices={
              features.isError && (
                <ErrorNotice error={features.error} compact onRetry={() => void features.refetch()} />
              )
            }
            layers={
              showNearby &&
              nearby.data && (
                <NearbyResourceLayer
                  resources={nearby.data.items}
                  incidentId={incidentId}
                  canAct={canAct}
                  events={room.events}
                />
              )
            }
            footer={<FeatureLegend />}
          />
          <RoomWork incidentId={incidentId} tasks={tasks.data} dispatches={dispatches.data} canAct={canAct} />
          <CalloutBoard incident={data} canCall={canCall} />
          {canCommand && !closed && <PlanActivationPanel incident={data} />}
          <NearbyResourcesPanel
            query={nearby}
            shown={showNearby}
            onToggle={setShowNearby}
            incidentId={incidentId}
            canAct={canAct}
            events={room.events}
          />
        </div>
        <div className="room__side-column">
          <Timeline incidentId={incidentId} events={room.events} joined={room.joined} />
          <ReportsPanel incident={data} reports={reports.data} canReport={canReport} />
          <Records incidentId={incidentId} />
        </div>
      </div>
    </div>
  );
}

function FeatureLegend() {
  const { t } = useTranslation();
  const kinds = ['hazard_zone', 'cordon', 'evacuation_route', 'command_post', 'assembly_point'] as const;
  return (
    <ul className="feature-legend" aria-label={t('incidents.map.legend')}>
      {kinds.map((k) => (
        <li key={k}>
          <span className={`feature-legend__swatch feature-legend__swatch--${k}`} aria-hidden="true" />
          {t(`incidents.map.kinds.${k}`)}
        </li>
      ))}
    </ul>
  );
}
