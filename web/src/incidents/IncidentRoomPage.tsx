import { useMutation, useQueryClient } from '@tanstack/react-query';
import { TakenInCharge } from './TakenInCharge';
import type { TFunction } from 'i18next';
import { useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useParams } from 'react-router';
import { useSession } from '../auth/session-hooks';
import { ErrorNotice } from '../components/ErrorNotice';
import { Loading } from '../components/Loading';
import { PanelTabs } from '../components/Tabs';
import { ConsequencePanel, ConsequencesTabLabel } from '../consequences/ConsequencePanel';
import type { IncidentView } from '../contracts';
import { DrillWatermark } from '../drills/ui';
import { useRoom, type Present } from '../live/use-room';
import { downloadActivityCsv } from './api';
import { COMMAND, REPORTERS, ROOM_ACTORS } from './roles';
import { incidentKeys, useDispatches, useFeatures, useIncident, useReports, useTasks } from './queries';
import type { FiledLocationState } from './report-form/use-incident-report';
import { CalloutBoard } from './room/CalloutBoard';
import { IncidentDetails } from './room/IncidentDetails';
import { NearbyResourceLayer, NearbyResourcesPanel, useNearbyResources } from './room/NearbyResources';
import { ReportsPanel } from './room/ReportsPanel';
import { ReportingChainPanel } from './room/ReportingChainPanel';
import { ResponsePanel } from './room/ResponsePanel';
import { WarningPanel } from '../warnings/WarningPanel';
import { useWarningsT } from '../warnings/i18n';
import { RoomScene, RoomWork } from './room/RoomScene';
import { Timeline } from './room/Timeline';
import { RollCallBoard, RollCallTabLabel } from '../rollcall/RollCallBoard';
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
    <section className="room-panel records" aria-labelledby="records-title" data-testid="records">
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

/**
 * The incident at a glance, in two lines: what, how grave, where the response stands, and the
 * few facts a commander looks at most; the rest is in the details tab.
 */
function RoomHeader({ incident, status }: { incident: IncidentView; status: ReactNode }) {
  const { t } = useTranslation();
  const zoneTime = useZoneTime();
  const c = incident.casualties;
  return (
    <header className="room-header" data-testid="room-header">
      <div className="room-header__title-row">
        <Link
          to="/incidents"
          className="room-header__back"
          aria-label={t('incidents.room.back')}
          title={t('incidents.room.back')}
        >
          ←
        </Link>
        <h1 className="room-header__title" data-testid="room-title">
          {incident.title}
        </h1>
        {incident.isDrill && <DrillFlag />}
        <SeverityBadge severity={incident.severity} />
        <StatusBadge status={incident.status} />
        <LevelBadge level={incident.responseLevel} />
        <TakenInCharge incident={incident} />
        <div className="room-header__status">{status}</div>
      </div>
      <dl className="room-header__facts">
        <div>
          <dt>{t('incidents.field.enterprise')}</dt>
          <dd>{incident.enterpriseName ?? t('incidents.field.noEnterprise')}</dd>
        </div>
        <div>
          <dt>{t('incidents.field.occurredAt')}</dt>
          <dd>{zoneTime(incident.occurredAt)}</dd>
        </div>
        <div>
          {/* The clock says what it counts: a label beside it would only push the facts to a second line. */}
          <dt className="visually-hidden">{t('incidents.field.deadline')}</dt>
          <dd>
            <ReportingCountdown
              deadline={incident.clock.deadline}
              duty={incident.clock.duty}
              closed={incident.status === 'closed'}
            />
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
          </dd>
        </div>
      </dl>
    </header>
  );
}

/**
 * The incident room, laid out for a commander's screen: the map, the response (level and plan)
 * and the call-out board together above the fold with the timeline beside them; the rest of the
 * room's work (tasks, resources, reports, details, records) in tabs below. Everything is live.
 */
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
  const tabsRef = useRef<HTMLDivElement>(null);
  const role = session?.user.role;
  const closed = incident.data?.status === 'closed';
  const canAct = role ? ROOM_ACTORS.includes(role) && !closed : false;
  const canCommand = role ? COMMAND.includes(role) : false;
  const canReport = role ? REPORTERS.includes(role) : false;
  const canCall = role ? ROOM_ACTORS.includes(role) : false;

  const nearby = useNearbyResources(incident.data);
  const { t: warningsT } = useWarningsT();

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
  const openTasks = tasks.data?.filter(
    (task) => task.status !== 'done' && task.status !== 'cancelled',
  ).length;

  return (
    <div className="room" data-testid="incident-room" data-incident-id={data.id}>
      <div className="room__fold">
        {data.isDrill && <DrillWatermark />}
        <FiledNotice />
        <RoomHeader
          incident={data}
          status={
            <>
              <LiveIndicator status={room.status} />
              <Presence present={room.present} selfId={session?.user.id} />
            </>
          }
        />
        {closed && (
          <p className="notice notice--info notice--compact room-closed">
            {t('incidents.room.closedNotice')}
          </p>
        )}
        {room.error && (
          <p className="notice notice--error notice--compact">
            {t('incidents.room.joinFailed', { error: room.error })}
          </p>
        )}
        {(tasks.isError || dispatches.isError || reports.isError) && (
          <ErrorNotice
            error={tasks.error ?? dispatches.error ?? reports.error}
            compact
            onRetry={() => void queryClient.invalidateQueries({ queryKey: incidentKeys.detail(incidentId) })}
          />
        )}
        <div className="room__stage">
          <div className="room__map">
            <RoomScene
              incidentId={incidentId}
              incident={data}
              features={features.data}
              canAct={canAct}
              events={room.events}
              titleId="room-map-title"
              notices={
                features.isError && (
                  <ErrorNotice error={features.error} compact onRetry={() => void features.refetch()} />
                )
              }
              layers={
                <>
                  {showNearby && nearby.data && (
                    <NearbyResourceLayer
                      resources={nearby.data.items}
                      incidentId={incidentId}
                      canAct={canAct}
                      events={room.events}
                    />
                  )}
                </>
              }
              footer={
                <div className="room-scene__foot">
                  <FeatureLegend />
                  <span className="room-panel__meta" data-testid="feature-count">
                    {features.data && features.data.length > 0
                      ? t('incidents.map.featureCount', { count: features.data.length })
                      : t('incidents.map.noFeatures')}
                  </span>
                </div>
              }
            />
          </div>
          <div className="room__command">
            <ResponsePanel incident={data} canCommand={canCommand} />
            <CalloutBoard incident={data} canCall={canCall} />
          </div>
          <div className="room__log">
            <Timeline incidentId={incidentId} events={room.events} joined={room.joined} />
          </div>
        </div>
      </div>
      <div ref={tabsRef} className="room__more">
        <PanelTabs
          label={t('incidents.room.tabs.label')}
          onSelect={() => tabsRef.current?.scrollIntoView({ block: 'start' })}
          tabs={[
            {
              id: 'work',
              label: <TabLabel text={t('incidents.room.tabs.work')} count={openTasks} />,
              panel: (
                <RoomWork
                  incidentId={incidentId}
                  tasks={tasks.data}
                  dispatches={dispatches.data}
                  canAct={canAct}
                />
              ),
            },
            {
              id: 'nearby',
              label: <TabLabel text={t('incidents.room.tabs.nearby')} count={nearby.data?.items.length} />,
              panel: (
                <NearbyResourcesPanel
                  query={nearby}
                  shown={showNearby}
                  onToggle={setShowNearby}
                  incidentId={incidentId}
                  canAct={canAct}
                  events={room.events}
                />
              ),
            },
            {
              id: 'reports',
              label: <TabLabel text={t('incidents.room.tabs.reports')} count={reports.data?.length} />,
              panel: <ReportsPanel incident={data} reports={reports.data} canReport={canReport} />,
            },
            {
              id: 'chain',
              label: <TabLabel text={t('incidents.chain.tab')} count={openDuties(data)} />,
              panel: <ReportingChainPanel incident={data} role={role} />,
            },
            {
              id: 'consequences',
              label: <ConsequencesTabLabel />,
              panel: <ConsequencePanel incident={data} canAct={canAct} />,
            },
            {
              id: 'warnings',
              label: warningsT('tab'),
              panel: (
                <WarningPanel
                  incident={data}
                  features={features.data}
                  events={room.events}
                  canCommand={canCommand}
                />
              ),
            },
            {
              id: 'rollcall',
              label: <RollCallTabLabel incidentId={incidentId} events={room.events} />,
              panel: <RollCallBoard incident={data} events={room.events} role={role} />,
            },
            {
              id: 'details',
              label: t('incidents.room.details'),
              panel: <IncidentDetails incident={data} />,
            },
            { id: 'records', label: t('incidents.room.records'), panel: <Records incidentId={incidentId} /> },
          ]}
        />
      </div>
    </div>
  );
}

/** Duties of the reporting chain past their deadline: the tab's count, so they are seen. */
function openDuties(incident: IncidentView): number | undefined {
  const c = incident.chain;
  if (!c) return undefined;
  const duties = [
    c.enterpriseReport,
    c.provincialReport,
    ...c.onward.levels,
    c.followUp,
    ...c.supplements,
    c.investigation.report,
    c.investigation.reply,
  ];
  return duties.filter((d) => d.state === 'overdue').length;
}

function TabLabel({ text, count }: { text: string; count: number | undefined }) {
  return (
    <>
      {text}
      {count !== undefined && count > 0 && <span className="room-panel__count">{count}</span>}
    </>
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
