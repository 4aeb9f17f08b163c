import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState, type FormEvent } from 'react';
import { Link, useParams } from 'react-router';
import { useSession } from '../auth/session-hooks';
import { ErrorNotice } from '../components/ErrorNotice';
import { Loading } from '../components/Loading';
import { PageHeader } from '../components/PageHeader';
import { Pagination } from '../components/Pagination';
import {
  IMPROVEMENT_STATUSES,
  type DrillReport,
  type ImprovementItemView,
  type ImprovementStatus,
} from '../contracts';
import { useZoneTime, useZoneTimeZone } from '../incidents/ui';
import '../incidents/incidents.css';
import { useZoneName } from '../lib/use-zone-name';
import { addImprovement, completeImprovement, fetchImprovements, fetchReport, saveSummary } from './api';
import { ObservationList } from './EvaluatorPage';
import { useDrillsT } from './i18n';
import { MetricsTables } from './metrics-tables';
import { formatOffset, isoToZonedLocal } from './model';
import { drillKeys, DrillsTabs, DrillWatermark, RunStatusBadge, useCanDirect, useRosterLine } from './ui';

/** The after-action (summary) report of one run, on screen and on A4. */
export function ReportPage() {
  const { id = '' } = useParams();
  const { t } = useDrillsT();
  const zoneName = useZoneName();
  const report = useQuery({
    queryKey: drillKeys.report(id),
    queryFn: ({ signal }) => fetchReport(id, signal),
  });
  const title = report.data ? t('report.title', { title: report.data.run.title }) : '';
  useEffect(() => {
    if (!title) return;
    const previous = document.title;
    document.title = title;
    return () => {
      document.title = previous;
    };
  }, [title]);
  if (report.isPending) return <Loading />;
  if (report.isError) return <ErrorNotice error={report.error} onRetry={() => void report.refetch()} />;
  const r = report.data;
  return (
    <div className="print-page drill-report">
      <DrillWatermark>{t('watermark.report')}</DrillWatermark>
      <div className="print-toolbar no-print">
        <Link to={`/drills/runs/${id}`} className="button">
          {t('report.backToConsole')}
        </Link>
        <button
          type="button"
          className="button button--primary"
          onClick={() => window.print()}
          data-testid="report-print"
        >
          {t('report.print')}
        </button>
      </div>
      <article className="print-document" data-testid="drill-report">
        <header className="print-document__header">
          <p className="print-document__zone">{zoneName}</p>
          <h1 className="print-document__title">
            {title}
            <span className="drill-report__mark">{t('watermark.word')}</span>
          </h1>
          <p className="print-document__subtitle">{t('report.subtitle')}</p>
        </header>
        <Overview report={r} />
        <section className="print-section">
          <h2>{t('report.metrics')}</h2>
          <MetricsTables metrics={r.metrics} print />
        </section>
        <section className="print-section">
          <h2>{t('report.timeline')}</h2>
          <table className="print-table" data-testid="report-timeline">
            <thead>
              <tr>
                <th scope="col">{t('report.scenarioTime')}</th>
                <th scope="col">{t('report.entry')}</th>
              </tr>
            </thead>
            <tbody>
              {r.timeline.length === 0 && (
                <tr>
                  <td colSpan={2}>{t('report.noEntries')}</td>
                </tr>
              )}
              {r.timeline.map((e) => (
                <tr key={e.seq} data-type={e.type}>
                  <td className="nowrap">{formatOffset(e.scenarioSeconds)}</td>
                  <td>{e.text}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
        <section className="print-section">
          <h2>{t('report.observations')}</h2>
          <ObservationList observations={r.observations} />
        </section>
        <section className="print-section">
          <h2>{t('report.dimensions')}</h2>
          <table className="print-table" data-testid="report-dimensions">
            <thead>
              <tr>
                <th scope="col">{t('evaluate.dimension')}</th>
                <th scope="col">{t('report.average')}</th>
                <th scope="col">{t('report.forms')}</th>
              </tr>
            </thead>
            <tbody>
              {r.dimensionAverages.length === 0 && (
                <tr>
                  <td colSpan={3}>{t('report.noEvaluations')}</td>
                </tr>
              )}
              {r.dimensionAverages.map((d) => (
                <tr key={d.dimension}>
                  <td>{t(`dimension.${d.dimension}`)}</td>
                  <td className="print-table__num">{d.average.toFixed(1)}</td>
                  <td className="print-table__num">{d.forms}</td>
                </tr>
              ))}
            </tbody>
          </table>
          {r.evaluations
            .filter((e) => e.overall.trim())
            .map((e) => (
              <p key={e.evaluatorId} style={{ whiteSpace: 'pre-line' }}>
                <strong>{e.evaluatorName}：</strong>
                {e.overall}
              </p>
            ))}
        </section>
        <SummarySection report={r} />
        <ImprovementsSection report={r} />
        <footer className="print-document__footer">
          <span>{t('report.signature')}</span>
          <span className="print-document__line" />
        </footer>
      </article>
    </div>
  );
}

function Overview({ report: r }: { report: DrillReport }) {
  const { t } = useDrillsT();
  const zoneTime = useZoneTime();
  const rosterLine = useRosterLine();
  const run = r.run;
  const released = run.injects.filter((i) => i.state === 'released').length;
  const skipped = run.injects.filter((i) => i.state === 'skipped').length;
  return (
    <section className="print-section">
      <h2>{t('report.overview')}</h2>
      <dl className="print-facts">
        <dt>{t('runs.drill')}</dt>
        <dd>
          {run.title} (v{run.scenarioVersion}) <RunStatusBadge status={run.status} />
        </dd>
        <dt>{t('scenario.type')}</dt>
        <dd>
          {t(`form.${run.form}`)} · {t(`scope.${run.scope}`)}
        </dd>
        <dt>{t('scenario.enterprise')}</dt>
        <dd>{run.enterpriseName ?? t('zone')}</dd>
        <dt>{t('runs.director')}</dt>
        <dd>{run.directorName}</dd>
        <dt>{t('report.when')}</dt>
        <dd>
          {zoneTime(run.startedAt ?? run.scheduledFor)}
          {run.endedAt ? ` – ${zoneTime(run.endedAt)}` : ''}
        </dd>
        <dt>{t('report.duration')}</dt>
        <dd>{formatOffset(run.clock.elapsedSeconds)}</dd>
        <dt>{t('report.injects')}</dt>
        <dd>{t('report.injectsLine', { total: run.injects.length, released, skipped })}</dd>
        <dt>{t('console.roster')}</dt>
        <dd>
          {rosterLine(run.roster)}
          {run.roster.teams.length > 0 && ` · ${run.roster.teams.map((x) => x.name).join('、')}`}
        </dd>
        <dt>{t('editor.objectives')}</dt>
        <dd>{run.objectives.map((o) => o.text).join('\n') || t('none')}</dd>
      </dl>
    </section>
  );
}

/** Problems found and lessons learned: written by the director after the hot wash. */
function SummarySection({ report }: { report: DrillReport }) {
  const { t } = useDrillsT();
  const canEdit = useCanDirect();
  const queryClient = useQueryClient();
  const [problems, setProblems] = useState(report.summary.problems);
  const [lessons, setLessons] = useState(report.summary.lessons);
  const save = useMutation({
    mutationFn: () => saveSummary(report.run.id, { problems, lessons }),
    onSuccess: (summary) =>
      queryClient.setQueryData<DrillReport>(drillKeys.report(report.run.id), (r) =>
        r ? { ...r, summary } : r,
      ),
  });
  const dirty = problems !== report.summary.problems || lessons !== report.summary.lessons;
  return (
    <section className="print-section" data-testid="report-summary">
      <h2>{t('report.problems')}</h2>
      {canEdit ? (
        <>
          <textarea
            className="no-print"
            rows={4}
            value={problems}
            aria-label={t('report.problems')}
            onChange={(event) => setProblems(event.target.value)}
          />
          <p className="drill-print-text">{problems || t('none')}</p>
        </>
      ) : (
        <p style={{ whiteSpace: 'pre-line' }}>{report.summary.problems || t('none')}</p>
      )}
      <h2>{t('report.lessons')}</h2>
      {canEdit ? (
        <>
          <textarea
            className="no-print"
            rows={4}
            value={lessons}
            aria-label={t('report.lessons')}
            onChange={(event) => setLessons(event.target.value)}
          />
          <p className="drill-print-text">{lessons || t('none')}</p>
          <div className="no-print form__actions">
            <button
              type="button"
              className="button button--primary"
              disabled={!dirty || save.isPending}
              onClick={() => save.mutate()}
            >
              {save.isPending ? t('saving') : t('report.saveSummary')}
            </button>
            {save.isSuccess && !dirty && <span className="field__hint">{t('evaluate.saved')}</span>}
          </div>
          {save.isError && <ErrorNotice error={save.error} compact />}
        </>
      ) : (
        <p style={{ whiteSpace: 'pre-line' }}>{report.summary.lessons || t('none')}</p>
      )}
    </section>
  );
}

function ImprovementsSection({ report }: { report: DrillReport }) {
  const { t } = useDrillsT();
  const canEdit = useCanDirect();
  const queryClient = useQueryClient();
  const timeZone = useZoneTimeZone();
  const [title, setTitle] = useState('');
  const [owner, setOwner] = useState('');
  const [dueOn, setDueOn] = useState(() =>
    isoToZonedLocal(new Date(Date.now() + 30 * 86_400_000).toISOString(), timeZone).slice(0, 10),
  );
  const refresh = () => {
    void queryClient.invalidateQueries({ queryKey: drillKeys.report(report.run.id) });
    void queryClient.invalidateQueries({ queryKey: ['drills', 'improvements'] });
  };
  const add = useMutation({
    mutationFn: () => addImprovement(report.run.id, { title: title.trim(), owner: owner.trim(), dueOn }),
    onSuccess: () => {
      setTitle('');
      setOwner('');
      refresh();
    },
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (title.trim() && owner.trim() && dueOn) add.mutate();
  };
  return (
    <section className="print-section">
      <h2>{t('report.improvements')}</h2>
      <ImprovementTable items={report.improvements} onChanged={refresh} showRun={false} />
      {canEdit && (
        <form className="form no-print" onSubmit={submit} data-testid="improvement-form">
          <div className="drill-grid-2">
            <div className="field">
              <label htmlFor="imp-title">{t('improvement.title')}</label>
              <input
                id="imp-title"
                value={title}
                maxLength={500}
                onChange={(event) => setTitle(event.target.value)}
              />
            </div>
            <div className="field">
              <label htmlFor="imp-owner">{t('improvement.owner')}</label>
              <input
                id="imp-owner"
                value={owner}
                maxLength={200}
                onChange={(event) => setOwner(event.target.value)}
              />
            </div>
            <div className="field">
              <label htmlFor="imp-due">{t('improvement.dueOn')}</label>
              <input
                id="imp-due"
                type="date"
                value={dueOn}
                onChange={(event) => setDueOn(event.target.value)}
              />
            </div>
          </div>
          {add.isError && <ErrorNotice error={add.error} compact />}
          <div className="form__actions">
            <button
              type="submit"
              className="button button--primary"
              disabled={add.isPending || !title.trim() || !owner.trim() || !dueOn}
            >
              {t('improvement.add')}
            </button>
          </div>
        </form>
      )}
    </section>
  );
}

function ImprovementTable({
  items,
  onChanged,
  showRun,
}: {
  items: ImprovementItemView[];
  onChanged: () => void;
  showRun: boolean;
}) {
  const { t } = useDrillsT();
  const zoneTime = useZoneTime();
  const role = useSession()?.user.role;
  // Officers close their own enterprise's items; the server checks which are theirs.
  const canComplete = useCanDirect() || role === 'enterprise_officer';
  const [completing, setCompleting] = useState<string | null>(null);
  const [note, setNote] = useState('');
  const complete = useMutation({
    mutationFn: (id: string) => completeImprovement(id, note.trim()),
    onSuccess: () => {
      setCompleting(null);
      setNote('');
      onChanged();
    },
  });
  return (
    <>
      <table className="print-table" data-testid="improvements">
        <thead>
          <tr>
            <th scope="col">{t('improvement.title')}</th>
            {showRun && <th scope="col">{t('runs.drill')}</th>}
            <th scope="col">{t('improvement.owner')}</th>
            <th scope="col">{t('improvement.dueOn')}</th>
            <th scope="col">{t('improvement.status')}</th>
          </tr>
        </thead>
        <tbody>
          {items.length === 0 && (
            <tr>
              <td colSpan={showRun ? 5 : 4}>{t('improvement.empty')}</td>
            </tr>
          )}
          {items.map((item) => (
            <tr
              key={item.id}
              className={item.overdue ? 'drill-overdue' : undefined}
              data-status={item.status}
            >
              <td>
                {item.title}
                {item.completionNote && <div className="print-table__sub">{item.completionNote}</div>}
              </td>
              {showRun && (
                <td>
                  <Link to={`/drills/runs/${item.runId}/report`}>{item.runTitle}</Link>
                </td>
              )}
              <td>{item.owner}</td>
              <td className="nowrap">
                {item.dueOn}
                {item.overdue && <div className="print-table__sub">{t('improvement.overdue')}</div>}
              </td>
              <td>
                {item.status === 'done' ? (
                  <>
                    {t('improvementStatus.done')}
                    <div className="print-table__sub">{zoneTime(item.completedAt)}</div>
                  </>
                ) : completing === item.id ? (
                  <form
                    className="no-print"
                    onSubmit={(event) => {
                      event.preventDefault();
                      complete.mutate(item.id);
                    }}
                  >
                    <input
                      value={note}
                      aria-label={t('improvement.note')}
                      placeholder={t('improvement.note')}
                      onChange={(event) => setNote(event.target.value)}
                    />{' '}
                    <button
                      type="submit"
                      className="button button--small button--primary"
                      disabled={complete.isPending}
                    >
                      {t('improvement.confirmComplete')}
                    </button>
                  </form>
                ) : (
                  <>
                    {t('improvementStatus.open')}{' '}
                    {canComplete && (
                      <button
                        type="button"
                        className="button button--small no-print"
                        onClick={() => {
                          setCompleting(item.id);
                          setNote('');
                        }}
                      >
                        {t('improvement.complete')}
                      </button>
                    )}
                  </>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {complete.isError && <ErrorNotice error={complete.error} compact />}
    </>
  );
}

const PAGE_SIZE = 50;

/** Improvement items of every run, tracked to completion. */
export function ImprovementsPage() {
  const { t } = useDrillsT();
  const queryClient = useQueryClient();
  const [status, setStatus] = useState<ImprovementStatus | ''>('open');
  const [page, setPage] = useState(1);
  const filter = { status, page, pageSize: PAGE_SIZE };
  const items = useQuery({
    queryKey: drillKeys.improvements(filter),
    queryFn: ({ signal }) => fetchImprovements(filter, signal),
    placeholderData: keepPreviousData,
  });
  return (
    <div className="page">
      <PageHeader title={t('title')}>{t('improvement.subtitle')}</PageHeader>
      <DrillsTabs />
      <form className="filters" onSubmit={(event) => event.preventDefault()}>
        <div className="field field--inline">
          <label htmlFor="imp-status">{t('improvement.status')}</label>
          <select
            id="imp-status"
            value={status}
            onChange={(event) => {
              setStatus(event.target.value as ImprovementStatus | '');
              setPage(1);
            }}
          >
            <option value="">{t('all')}</option>
            {IMPROVEMENT_STATUSES.map((s) => (
              <option key={s} value={s}>
                {t(`improvementStatus.${s}`)}
              </option>
            ))}
          </select>
        </div>
      </form>
      {items.isPending && <Loading />}
      {items.isError && <ErrorNotice error={items.error} onRetry={() => void items.refetch()} />}
      {items.data && (
        <>
          <div className="table-wrap">
            <ImprovementTable
              items={items.data.items}
              showRun
              onChanged={() => void queryClient.invalidateQueries({ queryKey: ['drills'] })}
            />
          </div>
          <Pagination page={page} pageSize={PAGE_SIZE} total={items.data.total} onPage={setPage} />
        </>
      )}
    </div>
  );
}
