import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useMemo, useState, type FormEvent } from 'react';
import { Link, useParams } from 'react-router';
import { ApiRequestError } from '../api/client';
import { useSession } from '../auth/session-hooks';
import { Dialog } from '../components/Dialog';
import { ErrorNotice } from '../components/ErrorNotice';
import { Loading } from '../components/Loading';
import {
  SEVERITIES,
  type RoomEventView,
  type RunMetrics,
  type RunView,
  type ScenarioInject,
  type Severity,
} from '../contracts';
import { useDispatches, useFeatures, useIncident, useTasks } from '../incidents/queries';
import { ROOM_ACTORS } from '../incidents/roles';
import { CalloutBoard } from '../incidents/room/CalloutBoard';
import { RoomScene, RoomWork } from '../incidents/room/RoomScene';
import { Timeline } from '../incidents/room/Timeline';
import { LiveIndicator, SeverityBadge } from '../incidents/ui';
import { useRoom } from '../live/use-room';
import { addInject, commandRun, releaseInject, setRunRoster, skipInject, type RunCommand } from './api';
import { useDrillsT } from './i18n';
import { InjectFields } from './InjectTimeline';
import { type Roster, RosterFields } from './RosterFields';
import {
  defaultContent,
  errorsAt,
  fieldErrors,
  formatClock,
  formatOffset,
  formatSpan,
  outcomeCounts,
  sortByOffset,
} from './model';
import { useFollowRoom, useMetrics, useRun, useScenarioSeconds } from './run-hooks';
import { drillKeys, DrillWatermark, OutcomeBadge, RunStatusBadge, useCanDirect, useCanEvaluate } from './ui';

export function DirectorConsolePage() {
  const { id = '' } = useParams();
  return <DirectorConsole key={id} runId={id} />;
}

function DirectorConsole({ runId }: { runId: string }) {
  const { t } = useDrillsT();
  const run = useRun(runId);
  if (run.isPending) return <Loading />;
  if (run.isError) {
    return (
      <div className="page">
        <ErrorNotice error={run.error} onRetry={() => void run.refetch()} />
        <Link to="/drills">{t('runs.back')}</Link>
      </div>
    );
  }
  return (
    <div className="drill-console" data-testid="drill-console" data-run-id={runId}>
      <DrillWatermark />
      <ConsoleTop run={run.data} receivedAt={run.dataUpdatedAt} />
      {run.data.incidentId ? (
        <DrillRoom run={run.data} incidentId={run.data.incidentId} receivedAt={run.dataUpdatedAt} />
      ) : (
        <div className="drill-console__grid">
          <div className="drill-console__column">
            <InjectsPanel run={run.data} receivedAt={run.dataUpdatedAt} />
          </div>
          <div className="drill-console__column">
            <RosterPanel run={run.data} />
          </div>
        </div>
      )}
    </div>
  );
}

function useRunCommand(runId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (command: RunCommand) => commandRun(runId, command),
    onSuccess: (run) => {
      queryClient.setQueryData(drillKeys.run(runId), run);
      void queryClient.invalidateQueries({ queryKey: ['drills', 'runs'] });
      void queryClient.invalidateQueries({ queryKey: drillKeys.metrics(runId) });
    },
  });
}

function ConsoleTop({ run, receivedAt }: { run: RunView; receivedAt: number }) {
  const { t } = useDrillsT();
  const canDirect = useCanDirect();
  const canEvaluate = useCanEvaluate();
  const seconds = useScenarioSeconds(run, receivedAt);
  const command = useRunCommand(run.id);
  const [confirmEnd, setConfirmEnd] = useState(false);
  const busy = command.isPending;
  return (
    <>
      <div className="drill-console__top">
        <div>
          <Link to="/drills">← {t('runs.back')}</Link>
          <h1 className="page-header__title" data-testid="run-title">
            {run.title} <RunStatusBadge status={run.status} />
          </h1>
          <p className="page-header__subtitle">
            {t(`form.${run.form}`)} · {t(`scope.${run.scope}`)} · {run.enterpriseName ?? t('zone')} ·{' '}
            {t('console.directedBy', { name: run.directorName })}
            {' · '}
            {canEvaluate && run.incidentId && (
              <>
                <Link to={`/drills/runs/${run.id}/evaluate`}>{t('runs.evaluate')}</Link>
                {' · '}
              </>
            )}
            <Link to={`/drills/runs/${run.id}/report`}>{t('runs.report')}</Link>
            {run.incidentId && (
              <>
                {' · '}
                <Link to={`/incidents/${run.incidentId}`}>{t('console.fullRoom')}</Link>
              </>
            )}
          </p>
        </div>
        <div
          className="drill-clock"
          data-testid="drill-clock"
          data-running={run.clock.running}
          data-seconds={Math.floor(seconds)}
          aria-label={t('console.clock')}
        >
          <span className="drill-clock__time" role="timer">
            {formatClock(seconds)}
          </span>
          {canDirect && (
            <div className="drill-clock__buttons">
              {run.status === 'scheduled' && (
                <>
                  <button
                    type="button"
                    className="button button--primary"
                    data-testid="drill-start"
                    disabled={busy}
                    onClick={() => command.mutate('start')}
                  >
                    {t('console.start')}
                  </button>
                  <button
                    type="button"
                    className="button"
                    disabled={busy}
                    onClick={() => command.mutate('cancel')}
                  >
                    {t('console.cancel')}
                  </button>
                </>
              )}
              {run.status === 'running' && (
                <button
                  type="button"
                  className="button"
                  data-testid="drill-pause"
                  disabled={busy}
                  onClick={() => command.mutate('pause')}
                >
                  {t('console.pause')}
                </button>
              )}
              {run.status === 'paused' && (
                <button
                  type="button"
                  className="button button--primary"
                  data-testid="drill-resume"
                  disabled={busy}
                  onClick={() => command.mutate('resume')}
                >
                  {t('console.resume')}
                </button>
              )}
              {(run.status === 'running' || run.status === 'paused') &&
                (confirmEnd ? (
                  <>
                    <button
                      type="button"
                      className="button button--danger"
                      data-testid="drill-end-confirm"
                      disabled={busy}
                      onClick={() => {
                        setConfirmEnd(false);
                        command.mutate('end');
                      }}
                    >
                      {t('console.endConfirm')}
                    </button>
                    <button type="button" className="button" onClick={() => setConfirmEnd(false)}>
                      {t('cancel')}
                    </button>
                  </>
                ) : (
                  <button
                    type="button"
                    className="button button--danger"
                    data-testid="drill-end"
                    disabled={busy}
                    onClick={() => setConfirmEnd(true)}
                  >
                    {t('console.end')}
                  </button>
                ))}
            </div>
          )}
        </div>
      </div>
      {command.isError && <ErrorNotice error={command.error} compact />}
    </>
  );
}

function RealIncidentAlerts({ events }: { events: readonly RoomEventView[] }) {
  const { t } = useDrillsT();
  const [dismissed, setDismissed] = useState<number[]>([]);
  const alerts = events.filter((e) => e.type === 'drill.real_incident' && !dismissed.includes(e.seq));
  return (
    <>
      {alerts.map((e) => {
        const p = e.payload as {
          incidentId?: string;
          title?: string;
          severity?: string;
          enterpriseName?: string;
        };
        return (
          <div key={e.seq} className="drill-alert" role="alert" data-testid="real-incident-alert">
            <span>
              {t('console.realIncident', {
                title: p.title ?? '',
                enterprise: p.enterpriseName ?? t('zone'),
              })}{' '}
              {p.severity && isSeverity(p.severity) && <SeverityBadge severity={p.severity} />}
            </span>{' '}
            {p.incidentId && (
              <Link className="button button--small" to={`/incidents/${p.incidentId}`} target="_blank">
                {t('console.openRealIncident')}
              </Link>
            )}{' '}
            <button
              type="button"
              className="button button--small"
              onClick={() => setDismissed([...dismissed, e.seq])}
            >
              {t('console.acknowledge')}
            </button>
          </div>
        );
      })}
    </>
  );
}

function isSeverity(v: string): v is Severity {
  return (SEVERITIES as readonly string[]).includes(v);
}

/** The running drill: its room (map, log, tasks, resources) beside the injects and the metrics. */
function DrillRoom({
  run,
  incidentId,
  receivedAt,
}: {
  run: RunView;
  incidentId: string;
  receivedAt: number;
}) {
  const session = useSession();
  const incident = useIncident(incidentId);
  const room = useRoom(incidentId);
  const tasks = useTasks(incidentId);
  const features = useFeatures(incidentId);
  const dispatches = useDispatches(incidentId);
  useFollowRoom(run.id, room.events);
  const role = session?.user.role;
  const closed = incident.data?.status === 'closed';
  const canAct = role ? ROOM_ACTORS.includes(role) && !closed : false;

  return (
    <>
      <RealIncidentAlerts events={room.events} />
      <div className="room__status-bar">
        <LiveIndicator status={room.status} />
        {room.error && <span className="notice notice--error notice--compact">{room.error}</span>}
      </div>
      <div className="drill-console__grid">
        <div className="drill-console__column">
          <RoomScene
            incidentId={incidentId}
            incident={incident.data}
            features={features.data}
            canAct={canAct}
            titleId="drill-map-title"
            notices={incident.isError && <ErrorNotice error={incident.error} compact />}
          />
          <InjectsPanel run={run} receivedAt={receivedAt} scene={incident.data?.location} />
          <MetricsPanel runId={run.id} />
          {incident.data && <CalloutBoard incident={incident.data} canCall={canAct} />}
          <RoomWork incidentId={incidentId} tasks={tasks.data} dispatches={dispatches.data} canAct={canAct} />
        </div>
        <div className="drill-console__column">
          <Timeline incidentId={incidentId} events={room.events} joined={room.joined} />
          <RosterPanel run={run} />
        </div>
      </div>
    </>
  );
}

/** The MSEL as it plays: released, skipped and upcoming injects; release now, skip, add. */
function InjectsPanel({
  run,
  receivedAt,
  scene,
}: {
  run: RunView;
  receivedAt: number;
  /** Where the drill happens: a map event added on the fly starts there. */
  scene?: { lat: number; lng: number };
}) {
  const { t } = useDrillsT();
  const queryClient = useQueryClient();
  const canDirect = useCanDirect();
  const seconds = useScenarioSeconds(run, receivedAt);
  const [adding, setAdding] = useState(false);
  const live = run.status === 'running' || run.status === 'paused';
  const store = (next: RunView) => {
    queryClient.setQueryData(drillKeys.run(run.id), next);
    void queryClient.invalidateQueries({ queryKey: drillKeys.metrics(run.id) });
  };
  const release = useMutation({ mutationFn: (id: string) => releaseInject(run.id, id), onSuccess: store });
  const skip = useMutation({ mutationFn: (id: string) => skipInject(run.id, id), onSuccess: store });
  const ordered = useMemo(() => {
    // Done injects in the order they happened, then the upcoming ones in clock order.
    const done = run.injects
      .filter((i) => i.state !== 'pending')
      .sort((a, b) => (a.releasedAtSeconds ?? 0) - (b.releasedAtSeconds ?? 0) || a.order - b.order);
    return [...done, ...sortByOffset(run.injects.filter((i) => i.state === 'pending'))];
  }, [run.injects]);
  const pending = ordered.filter((i) => i.state === 'pending').length;

  return (
    <section className="room-panel" aria-labelledby="drill-injects-title">
      <div className="room-panel__head">
        <h2 id="drill-injects-title" className="room-panel__title">
          {t('console.injects')}
        </h2>
        <span className="room-panel__meta">{t('console.pendingCount', { count: pending })}</span>
      </div>
      <ol className="drill-inject-rows" data-testid="inject-rows">
        {ordered.length === 0 && <li className="table__empty">{t('inject.empty')}</li>}
        {ordered.map((inject) => {
          const dueIn = inject.offsetSeconds - seconds;
          return (
            <li
              key={inject.runInjectId}
              className="drill-inject-row"
              data-testid="inject-row"
              data-state={inject.state}
              data-run-inject-id={inject.runInjectId}
            >
              <span className="drill-inject__offset">
                {formatOffset(
                  inject.state === 'pending'
                    ? inject.offsetSeconds
                    : (inject.releasedAtSeconds ?? inject.offsetSeconds),
                )}
              </span>
              <span>
                <strong>{inject.synopsis}</strong>
                <div className="cell-sub">
                  <span className={`drill-state drill-state--${inject.state}`}>
                    {t(`injectState.${inject.state}`)}
                  </span>{' '}
                  {t(`kind.${inject.kind}`)}
                  {inject.targetRoles.length > 0 && ` → ${inject.targetRoles.join('、')}`}
                  {inject.source === 'added' && ` · ${t('console.addedOnTheFly')}`}
                  {inject.state === 'released' &&
                    inject.releasedBy &&
                    ` · ${t('console.releasedBy', { name: inject.releasedBy })}`}
                  {inject.state === 'pending' &&
                    live &&
                    dueIn > 0 &&
                    ` · ${t('console.dueIn', { time: formatSpan(dueIn) })}`}
                </div>
              </span>
              {canDirect && live && inject.state === 'pending' && (
                <span className="drill-inject-row__buttons">
                  <button
                    type="button"
                    className="button button--small button--primary"
                    data-testid="inject-release"
                    disabled={release.isPending}
                    onClick={() => release.mutate(inject.runInjectId)}
                  >
                    {t('console.releaseNow')}
                  </button>
                  <button
                    type="button"
                    className="button button--small"
                    data-testid="inject-skip"
                    disabled={skip.isPending}
                    onClick={() => skip.mutate(inject.runInjectId)}
                  >
                    {t('console.skip')}
                  </button>
                </span>
              )}
            </li>
          );
        })}
      </ol>
      {release.isError && <ErrorNotice error={release.error} compact />}
      {skip.isError && <ErrorNotice error={skip.error} compact />}
      {canDirect && live && scene && (
        <div style={{ marginTop: 10 }}>
          {adding ? (
            <AddInjectForm run={run} seconds={seconds} scene={scene} onDone={() => setAdding(false)} />
          ) : (
            <button
              type="button"
              className="button button--small"
              data-testid="inject-add-live"
              onClick={() => setAdding(true)}
            >
              {t('console.addInject')}
            </button>
          )}
        </div>
      )}
    </section>
  );
}

function AddInjectForm({
  run,
  seconds,
  scene: location,
  onDone,
}: {
  run: RunView;
  seconds: number;
  scene: { lat: number; lng: number };
  onDone: () => void;
}) {
  const { t } = useDrillsT();
  const queryClient = useQueryClient();
  const [now, setNow] = useState(true);
  const [draft, setDraft] = useState<ScenarioInject>(() => ({
    id: 'live',
    offsetSeconds: Math.ceil(seconds / 60) * 60 + 60,
    synopsis: '',
    kind: 'message',
    targetRoles: [],
    content: defaultContent('message', { location }),
    expectedActions: [],
  }));
  const save = useMutation({
    mutationFn: () => {
      const { id: _id, offsetSeconds, ...rest } = draft;
      void _id;
      return addInject(run.id, now ? rest : { ...rest, offsetSeconds });
    },
    onSuccess: (next) => {
      queryClient.setQueryData(drillKeys.run(run.id), next);
      void queryClient.invalidateQueries({ queryKey: drillKeys.metrics(run.id) });
      onDone();
    },
  });
  const errors =
    save.error instanceof ApiRequestError && save.error.status === 400
      ? fieldErrors(save.error.messages)
      : null;
  const roles = [...new Set(run.injects.flatMap((i) => i.targetRoles))];
  const submit = (event: FormEvent) => {
    event.preventDefault();
    save.mutate();
  };
  return (
    <form className="form card" onSubmit={submit} data-testid="add-inject-form">
      <h3 className="card__title">{t('console.addInject')}</h3>
      <label>
        <input type="checkbox" checked={now} onChange={(event) => setNow(event.target.checked)} />{' '}
        {t('console.releaseImmediately')}
      </label>
      <InjectFields
        inject={draft}
        onChange={setDraft}
        problems={(path, nested) => (errors ? errorsAt(errors, path, nested) : [])}
        roles={roles}
        objectives={run.objectives}
        setting={{
          enterpriseId: run.enterpriseId,
          category: 'other',
          title: run.title,
          address: '',
          location,
          summary: '',
        }}
        contacts={run.roster.contacts.map((c) => ({ id: c.contactId, name: c.name, detail: c.phone ?? '' }))}
      />
      {save.isError && !errors && <ErrorNotice error={save.error} compact />}
      {errors && errorsAt(errors, '').length > 0 && <ErrorNotice error={save.error} compact />}
      <div className="form__actions">
        <button type="submit" className="button button--primary" disabled={save.isPending}>
          {now ? t('console.addAndRelease') : t('console.addToTimeline')}
        </button>
        <button type="button" className="button" onClick={onDone}>
          {t('cancel')}
        </button>
      </div>
    </form>
  );
}

function RosterPanel({ run }: { run: RunView }) {
  const { t } = useDrillsT();
  const canDirect = useCanDirect();
  const [editing, setEditing] = useState(false);
  const open = run.status === 'scheduled' || run.status === 'running' || run.status === 'paused';
  return (
    <section className="room-panel" aria-labelledby="drill-roster-title" data-testid="drill-roster">
      <h2 id="drill-roster-title" className="room-panel__title">
        {t('console.roster')}
        {canDirect && open && (
          <button
            type="button"
            className="button button--small"
            onClick={() => setEditing(true)}
            data-testid="roster-edit"
          >
            {t('console.rosterEdit')}
          </button>
        )}
      </h2>
      <p className="field__hint">{t('console.rosterHint')}</p>
      <dl className="facts">
        <dt>{t('runs.contactsLabel')}</dt>
        <dd>{run.roster.contacts.map((c) => c.name).join('、') || t('none')}</dd>
        <dt>{t('runs.teamsLabel')}</dt>
        <dd>{run.roster.teams.map((c) => c.name).join('、') || t('none')}</dd>
        <dt>{t('runs.evaluatorsLabel')}</dt>
        <dd>{run.roster.evaluators.map((c) => c.name).join('、') || t('none')}</dd>
      </dl>
      <Dialog open={editing} title={t('console.rosterEdit')} onClose={() => setEditing(false)}>
        {editing && <RosterForm run={run} onDone={() => setEditing(false)} />}
      </Dialog>
    </section>
  );
}

/** Changes who may be paged from now on; those already paged stay paged. */
function RosterForm({ run, onDone }: { run: RunView; onDone: () => void }) {
  const { t } = useDrillsT();
  const queryClient = useQueryClient();
  const [roster, setRoster] = useState<Roster>({
    contactIds: run.roster.contacts.map((c) => c.contactId),
    teamIds: run.roster.teams.map((c) => c.teamId),
    evaluatorIds: run.roster.evaluators.map((c) => c.userId),
  });
  const save = useMutation({
    mutationFn: () => setRunRoster(run.id, roster),
    onSuccess: (next) => {
      queryClient.setQueryData(drillKeys.run(run.id), next);
      onDone();
    },
  });
  const errors =
    save.error instanceof ApiRequestError && save.error.status === 400
      ? fieldErrors(save.error.messages)
      : null;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    save.mutate();
  };
  return (
    <form className="form" onSubmit={submit} data-testid="roster-form" noValidate>
      {save.isError && !errors && <ErrorNotice error={save.error} />}
      <RosterFields
        value={roster}
        onChange={setRoster}
        problemsAt={(path) => (errors ? errorsAt(errors, path, true) : [])}
      />
      <div className="form__actions">
        <button type="submit" className="button button--primary" disabled={save.isPending}>
          {save.isPending ? t('saving') : t('console.rosterSave')}
        </button>
        <button type="button" className="button" onClick={onDone}>
          {t('cancel')}
        </button>
      </div>
    </form>
  );
}

/** Live measurement: expected actions against their targets, objectives, responders' times. */
function MetricsPanel({ runId }: { runId: string }) {
  const { t } = useDrillsT();
  const metrics = useMetrics(runId);
  return (
    <section className="room-panel" aria-labelledby="drill-metrics-title" data-testid="drill-metrics">
      <h2 id="drill-metrics-title" className="room-panel__title">
        {t('metrics.title')}
      </h2>
      {metrics.isPending && <Loading />}
      {metrics.isError && (
        <ErrorNotice error={metrics.error} compact onRetry={() => void metrics.refetch()} />
      )}
      {metrics.data && <MetricsBody metrics={metrics.data} />}
    </section>
  );
}

export function MetricsBody({ metrics, print = false }: { metrics: RunMetrics; print?: boolean }) {
  const { t } = useDrillsT();
  const counts = outcomeCounts(metrics.actions);
  const table = print ? 'print-table' : 'drill-small-table';
  return (
    <>
      <dl className="drill-metrics__summary" data-testid="metrics-summary">
        {(['met', 'late', 'missed', 'pending'] as const).map((o) => (
          <div key={o} data-outcome={o}>
            <dt>{t(`outcome.${o}`)}</dt>
            <dd data-testid={`metric-${o}`}>{counts[o]}</dd>
          </div>
        ))}
        <div>
          <dt>{t('metrics.acknowledged')}</dt>
          <dd data-testid="metric-acknowledged">
            {metrics.acknowledged}/{metrics.paged}
          </dd>
        </div>
        <div>
          <dt>{t('metrics.medianAck')}</dt>
          <dd>{formatSpan(metrics.medianAckSeconds)}</dd>
        </div>
      </dl>
      <h3 className="card__title">{t('metrics.actions')}</h3>
      <table className={table}>
        <thead>
          <tr>
            <th scope="col">{t('action.description')}</th>
            <th scope="col">{t('action.target')}</th>
            <th scope="col">{t('metrics.achieved')}</th>
            <th scope="col">{t('metrics.outcome')}</th>
          </tr>
        </thead>
        <tbody>
          {metrics.actions.length === 0 && (
            <tr>
              <td colSpan={4}>{t('metrics.noActions')}</td>
            </tr>
          )}
          {metrics.actions.map((a) => (
            <tr key={`${a.injectId}:${a.actionId}`} data-testid="action-metric" data-outcome={a.outcome}>
              <td>{a.description}</td>
              <td className="drill-num">{formatSpan(a.targetSeconds)}</td>
              <td className="drill-num">{formatSpan(a.achievedAfterSeconds)}</td>
              <td>
                <OutcomeBadge outcome={a.outcome} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <h3 className="card__title">{t('metrics.objectives')}</h3>
      <table className={table}>
        <tbody>
          {metrics.objectives.length === 0 && (
            <tr>
              <td>{t('metrics.noObjectives')}</td>
            </tr>
          )}
          {metrics.objectives.map((o) => (
            <tr key={o.objectiveId} data-testid="objective-metric">
              <td>{o.text}</td>
              <td className="drill-num">
                {o.met}/{o.actions}
              </td>
              <td>
                <OutcomeBadge outcome={o.outcome} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <h3 className="card__title">{t('metrics.responders')}</h3>
      <table className={table}>
        <thead>
          <tr>
            <th scope="col">{t('metrics.responder')}</th>
            <th scope="col">{t('metrics.state')}</th>
            <th scope="col">{t('metrics.timeToRespond')}</th>
          </tr>
        </thead>
        <tbody>
          {metrics.responders.length === 0 && (
            <tr>
              <td colSpan={3}>{t('metrics.noResponders')}</td>
            </tr>
          )}
          {metrics.responders.map((r) => (
            <tr
              key={`${r.name}:${r.phone}`}
              data-testid={print ? 'report-responder' : 'responder-metric'}
              data-state={r.state}
            >
              <td>
                {r.name}
                <div className="cell-sub">{r.phone}</div>
              </td>
              <td>
                {t(`recipientState.${isRecipientState(r.state) ? r.state : 'other'}`)}
                {r.channel ? ` · ${r.channel === 'voice' ? t('metrics.voice') : t('metrics.sms')}` : ''}
              </td>
              <td
                className="drill-num"
                data-testid={print ? 'report-response-time' : 'responder-time'}
                data-seconds={r.secondsToRespond ?? ''}
              >
                {formatSpan(r.secondsToRespond)}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}

const RECIPIENT_STATES = ['pending', 'notified', 'acknowledged', 'declined', 'exhausted'] as const;
function isRecipientState(s: string): s is (typeof RECIPIENT_STATES)[number] {
  return (RECIPIENT_STATES as readonly string[]).includes(s);
}
