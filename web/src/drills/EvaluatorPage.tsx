import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useLayoutEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { useSession } from '../auth/session-hooks';
import { ErrorNotice } from '../components/ErrorNotice';
import { Loading } from '../components/Loading';
import {
  EVALUATION_DIMENSIONS,
  OBSERVATION_KINDS,
  type EvaluationScore,
  type EvaluationView,
  type ObservationKind,
  type ObservationView,
  type RunView,
  type TypedRoomEvent,
} from '../contracts';
import { useRecordText } from '../incidents/timeline-text';
import { LiveIndicator, useZoneTime } from '../incidents/ui';
import { useRoom } from '../live/use-room';
import { addObservation, fetchEvaluations, fetchObservations, saveMyEvaluation } from './api';
import { useDrillsT } from './i18n';
import { formatClock, formatOffset } from './model';
import { useFollowRoom, useRun, useScenarioSeconds } from './run-hooks';
import { drillKeys, DrillWatermark, RunStatusBadge } from './ui';

export function EvaluatorPage() {
  const { id = '' } = useParams();
  const { t } = useDrillsT();
  const run = useRun(id);
  if (run.isPending) return <Loading />;
  if (run.isError) {
    return (
      <div className="page">
        <ErrorNotice error={run.error} onRetry={() => void run.refetch()} />
        <Link to="/drills">{t('runs.back')}</Link>
      </div>
    );
  }
  return <Evaluator key={id} run={run.data} receivedAt={run.dataUpdatedAt} />;
}

function Evaluator({ run, receivedAt }: { run: RunView; receivedAt: number }) {
  const { t } = useDrillsT();
  const seconds = useScenarioSeconds(run, receivedAt);
  const observations = useQuery({
    queryKey: drillKeys.observations(run.id),
    queryFn: ({ signal }) => fetchObservations(run.id, signal),
  });
  return (
    <div className="drill-console" data-testid="evaluator-view">
      <DrillWatermark />
      <div className="drill-console__top">
        <div>
          <Link to={`/drills/runs/${run.id}`}>← {t('evaluate.backToConsole')}</Link>
          <h1 className="page-header__title">
            {t('evaluate.title', { title: run.title })} <RunStatusBadge status={run.status} />
          </h1>
          <p className="page-header__subtitle">{t('evaluate.subtitle')}</p>
        </div>
        <div className="drill-clock" data-testid="drill-clock" data-running={run.clock.running}>
          <span className="drill-clock__time" role="timer">
            {formatClock(seconds)}
          </span>
        </div>
      </div>
      <div className="drill-console__grid">
        <div className="drill-console__column">
          {run.incidentId ? (
            <TaggableTimeline run={run} incidentId={run.incidentId} observations={observations.data ?? []} />
          ) : (
            <p className="notice notice--info">{t('evaluate.notStarted')}</p>
          )}
          <EvaluationForm run={run} />
        </div>
        <div className="drill-console__column">
          <section className="room-panel" aria-labelledby="obs-title">
            <h2 id="obs-title" className="room-panel__title">
              {t('evaluate.observations')}
            </h2>
            {observations.isError && <ErrorNotice error={observations.error} compact />}
            <FreeObservation runId={run.id} />
            <ObservationList observations={observations.data ?? []} />
          </section>
        </div>
      </div>
    </div>
  );
}

export function ObservationList({ observations }: { observations: ObservationView[] }) {
  const { t } = useDrillsT();
  if (observations.length === 0) return <p className="field__hint">{t('evaluate.noObservations')}</p>;
  return (
    <ul className="drill-list-editor" data-testid="observations">
      {observations.map((o) => (
        <li key={o.id} className={`drill-observation--${o.kind}`} data-kind={o.kind}>
          <div>
            <strong>{t(`observationKind.${o.kind}`)}</strong> · {formatOffset(o.scenarioSeconds)}
            {o.eventSeq !== null && ` · #${o.eventSeq}`} · {o.evaluatorName}
            <div>{o.text}</div>
          </div>
        </li>
      ))}
    </ul>
  );
}

function useAddObservation(runId: string, onDone: () => void) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: { kind: ObservationKind; text: string; eventSeq?: number }) =>
      addObservation(runId, body),
    onSuccess: (o) => {
      queryClient.setQueryData<ObservationView[]>(drillKeys.observations(runId), (list) => [
        ...(list ?? []),
        o,
      ]);
      onDone();
    },
  });
}

function ObservationForm({
  runId,
  eventSeq,
  onDone,
}: {
  runId: string;
  eventSeq?: number;
  onDone: () => void;
}) {
  const { t } = useDrillsT();
  const [kind, setKind] = useState<ObservationKind>('strength');
  const [text, setText] = useState('');
  const add = useAddObservation(runId, () => {
    setText('');
    onDone();
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (text.trim()) add.mutate({ kind, text: text.trim(), ...(eventSeq !== undefined ? { eventSeq } : {}) });
  };
  return (
    <form className="form" onSubmit={submit} data-testid="observation-form">
      <div className="drill-score" role="radiogroup" aria-label={t('evaluate.kind')}>
        {OBSERVATION_KINDS.map((k) => (
          <label key={k}>
            <input
              type="radio"
              name={`kind-${eventSeq ?? 'free'}`}
              checked={kind === k}
              onChange={() => setKind(k)}
            />
            {t(`observationKind.${k}`)}
          </label>
        ))}
      </div>
      <textarea
        rows={2}
        maxLength={2000}
        value={text}
        aria-label={t('evaluate.observationText')}
        placeholder={t('evaluate.observationText')}
        onChange={(event) => setText(event.target.value)}
      />
      {add.isError && <ErrorNotice error={add.error} compact />}
      <div className="form__actions">
        <button
          type="submit"
          className="button button--small button--primary"
          disabled={!text.trim() || add.isPending}
        >
          {t('evaluate.addObservation')}
        </button>
      </div>
    </form>
  );
}

function FreeObservation({ runId }: { runId: string }) {
  return <ObservationForm runId={runId} onDone={() => undefined} />;
}

/** The drill room's log as it grows, each entry with a button to tag it with an observation. */
function TaggableTimeline({
  run,
  incidentId,
  observations,
}: {
  run: RunView;
  incidentId: string;
  observations: ObservationView[];
}) {
  const { t } = useDrillsT();
  const { t: tg } = useTranslation();
  const text = useRecordText();
  const zoneTime = useZoneTime();
  const room = useRoom(incidentId);
  useFollowRoom(run.id, room.events);
  const [tagging, setTagging] = useState<number | null>(null);
  const listRef = useRef<HTMLOListElement>(null);
  const follow = useRef(true);
  useLayoutEffect(() => {
    const list = listRef.current;
    if (list && follow.current) list.scrollTop = list.scrollHeight;
  }, [room.events]);
  const tagged = new Set(observations.map((o) => o.eventSeq));
  return (
    <section className="room-panel" aria-labelledby="tag-title">
      <div className="room-panel__head">
        <h2 id="tag-title" className="room-panel__title">
          {t('evaluate.timeline')}
        </h2>
        <LiveIndicator status={room.status} />
      </div>
      <ol
        className="drill-tag-list"
        ref={listRef}
        data-testid="evaluator-timeline"
        onScroll={(e) => {
          const el = e.currentTarget;
          follow.current = el.scrollHeight - el.scrollTop - el.clientHeight < 40;
        }}
      >
        {room.joined && room.events.length === 0 && <li>{tg('incidents.timeline.empty')}</li>}
        {room.events.map((e: TypedRoomEvent) => (
          <li key={e.seq} data-seq={e.seq} data-type={e.type} data-tagged={tagged.has(e.seq)}>
            <time dateTime={e.at} className="cell-sub">
              {zoneTime(e.at).slice(-8)}
            </time>
            <div>
              <span className="cell-sub">{text.actor(e.actor)}</span>
              <div>{text.event(e)}</div>
              {tagging === e.seq && (
                <ObservationForm runId={run.id} eventSeq={e.seq} onDone={() => setTagging(null)} />
              )}
            </div>
            <button
              type="button"
              className="button button--small"
              data-testid="tag-event"
              aria-expanded={tagging === e.seq}
              onClick={() => setTagging(tagging === e.seq ? null : e.seq)}
            >
              {t('evaluate.tag')}
            </button>
          </li>
        ))}
      </ol>
    </section>
  );
}

/** This evaluator's form: a score and a comment per dimension, and an overall assessment. */
function EvaluationForm({ run }: { run: RunView }) {
  const { t } = useDrillsT();
  const session = useSession();
  const evaluations = useQuery({
    queryKey: drillKeys.evaluations(run.id),
    queryFn: ({ signal }) => fetchEvaluations(run.id, signal),
  });
  const mine = evaluations.data?.find((e) => e.evaluatorId === session?.user.id) ?? null;
  return (
    <section className="room-panel" aria-labelledby="eval-title">
      <h2 id="eval-title" className="room-panel__title">
        {t('evaluate.form')}
      </h2>
      <p className="field__hint">{t('evaluate.formHint')}</p>
      {evaluations.isPending && <Loading />}
      {evaluations.isError && <ErrorNotice error={evaluations.error} compact />}
      {/* The saved form is read once; after that the evaluator's edits are what counts. */}
      {evaluations.data && <EvaluationFields run={run} mine={mine} />}
    </section>
  );
}

function EvaluationFields({ run, mine }: { run: RunView; mine: EvaluationView | null }) {
  const { t } = useDrillsT();
  const queryClient = useQueryClient();
  const [scores, setScores] = useState<EvaluationScore[]>(() =>
    EVALUATION_DIMENSIONS.map(
      (dimension) =>
        mine?.scores.find((s) => s.dimension === dimension) ?? { dimension, score: 3, comment: '' },
    ),
  );
  const [overall, setOverall] = useState(mine?.overall ?? '');
  const save = useMutation({
    mutationFn: () => saveMyEvaluation(run.id, { scores, overall }),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: drillKeys.evaluations(run.id) });
      void queryClient.invalidateQueries({ queryKey: drillKeys.report(run.id) });
    },
  });
  const set = (i: number, patch: Partial<EvaluationScore>) =>
    setScores(scores.map((s, j) => (j === i ? { ...s, ...patch } : s)));
  return (
    <form
      className="form"
      data-testid="evaluation-form"
      onSubmit={(event) => {
        event.preventDefault();
        save.mutate();
      }}
    >
      <table className="drill-small-table">
        <thead>
          <tr>
            <th scope="col">{t('evaluate.dimension')}</th>
            <th scope="col">{t('evaluate.score')}</th>
            <th scope="col">{t('evaluate.comment')}</th>
          </tr>
        </thead>
        <tbody>
          {scores.map((s, i) => (
            <tr key={s.dimension} data-dimension={s.dimension}>
              <th scope="row">{t(`dimension.${s.dimension}`)}</th>
              <td>
                <div className="drill-score" role="radiogroup" aria-label={t(`dimension.${s.dimension}`)}>
                  {[1, 2, 3, 4, 5].map((n) => (
                    <label key={n} title={t(`scoreLabel.${n as 1 | 2 | 3 | 4 | 5}`)}>
                      <input
                        type="radio"
                        name={`score-${s.dimension}`}
                        checked={s.score === n}
                        onChange={() => set(i, { score: n })}
                      />
                      {n}
                    </label>
                  ))}
                </div>
              </td>
              <td>
                <input
                  aria-label={t('evaluate.commentOn', { dimension: t(`dimension.${s.dimension}`) })}
                  value={s.comment}
                  maxLength={1000}
                  onChange={(event) => set(i, { comment: event.target.value })}
                />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <div className="field">
        <label htmlFor="eval-overall">{t('evaluate.overall')}</label>
        <textarea
          id="eval-overall"
          rows={4}
          maxLength={5000}
          value={overall}
          onChange={(event) => setOverall(event.target.value)}
        />
      </div>
      {save.isError && <ErrorNotice error={save.error} compact />}
      <div className="form__actions">
        <button type="submit" className="button button--primary" disabled={save.isPending}>
          {save.isPending ? t('saving') : t('evaluate.save')}
        </button>
        {save.isSuccess && <span className="field__hint">{t('evaluate.saved')}</span>}
        {mine && !save.isSuccess && <span className="field__hint">{t('evaluate.savedBefore')}</span>}
      </div>
    </form>
  );
}
