import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { apiRequest } from '../api/client';
import { usePublicConfig } from '../api/queries';
import { ErrorNotice } from '../components/ErrorNotice';
import { Loading } from '../components/Loading';
import { PageHeader } from '../components/PageHeader';
import { Pagination } from '../components/Pagination';
import {
  QUEUE_JOB_STATES,
  jobText,
  queueText,
  type ListResponse,
  type QueueJobState,
  type QueueJobView,
  type QueueSummaryView,
} from '../contracts';
import { useRecordText } from '../incidents/timeline-text';
import { formatDateTime } from '../lib/format';
import { formatJson } from './audit-diff';
import { ProviderHealth } from './ProviderHealth';
import './queues.css';

const PAGE_SIZE = 25;
/** Queues move fast during a call-out; the page follows them without a manual refresh. */
const REFRESH_MS = 5_000;

const queueKeys = {
  all: ['admin-queues'] as const,
  jobs: (queue: string, state: QueueJobState, page: number) => ['admin-queues', queue, state, page] as const,
};

const fetchQueues = (signal?: AbortSignal) =>
  apiRequest<ListResponse<QueueSummaryView>>('/api/admin/queues', { signal });
const fetchJobs = (queue: string, state: QueueJobState, page: number, signal?: AbortSignal) =>
  apiRequest<ListResponse<QueueJobView>>(`/api/admin/queues/${encodeURIComponent(queue)}/jobs`, {
    query: { state, page, pageSize: PAGE_SIZE },
    signal,
  });
const retryJob = (queue: string, id: string) =>
  apiRequest<QueueJobView>(
    `/api/admin/queues/${encodeURIComponent(queue)}/jobs/${encodeURIComponent(id)}/retry`,
    { method: 'POST' },
  );

/** The zone admin's view of the background jobs: counts per queue, jobs by state, retry. */
export function QueuesPage() {
  const { t } = useTranslation();
  const { lang } = useRecordText();
  const queues = useQuery({
    queryKey: queueKeys.all,
    queryFn: ({ signal }) => fetchQueues(signal),
    refetchInterval: REFRESH_MS,
  });
  const [selected, setSelected] = useState<{ queue: string; state: QueueJobState } | null>(null);

  return (
    <div className="page" data-testid="queues-page">
      <PageHeader title={t('queues.title')}>{t('queues.subtitle')}</PageHeader>
      <ProviderHealth />
      {queues.isPending && <Loading />}
      {queues.isError && <ErrorNotice error={queues.error} onRetry={() => void queues.refetch()} />}
      {queues.data && (
        <div className="table-wrap">
          <table className="table" data-testid="queue-table">
            <thead>
              <tr>
                <th scope="col">{t('queues.queue')}</th>
                {QUEUE_JOB_STATES.map((s) => (
                  <th key={s} scope="col">
                    {t(`queues.state.${s}`)}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {queues.data.items.map((q) => (
                <tr key={q.name} data-testid="queue-row" data-queue={q.name}>
                  <th scope="row">
                    <span data-testid="queue-name">{queueText(q.name, lang)}</span>
                    {queueText(q.name, lang) !== q.name && <span className="queues__id">{q.name}</span>}
                    {q.paused && <span className="late-flag">{t('queues.paused')}</span>}
                  </th>
                  {QUEUE_JOB_STATES.map((s) => (
                    <td key={s}>
                      <button
                        type="button"
                        className={`queues__count${q.counts[s] && s === 'failed' ? ' queues__count--failed' : ''}${
                          selected?.queue === q.name && selected.state === s ? ' queues__count--selected' : ''
                        }`}
                        onClick={() => setSelected({ queue: q.name, state: s })}
                        data-testid={`queue-count-${s}`}
                      >
                        {q.counts[s]}
                      </button>
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {selected && <JobList key={`${selected.queue}:${selected.state}`} {...selected} />}
    </div>
  );
}

function JobList({ queue, state }: { queue: string; state: QueueJobState }) {
  const { t, i18n } = useTranslation();
  const { lang } = useRecordText();
  const queryClient = useQueryClient();
  const config = usePublicConfig();
  const timeZone = config.data?.timeZone ?? 'Asia/Shanghai';
  const [page, setPage] = useState(1);
  const jobs = useQuery({
    queryKey: queueKeys.jobs(queue, state, page),
    queryFn: ({ signal }) => fetchJobs(queue, state, page, signal),
    placeholderData: keepPreviousData,
    refetchInterval: REFRESH_MS,
  });
  const retry = useMutation({
    mutationFn: (id: string) => retryJob(queue, id),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: queueKeys.all }),
  });
  const time = (iso: string | null) => formatDateTime(iso, i18n.language, timeZone);

  return (
    <section className="card queues__jobs" aria-labelledby="queue-jobs-title" data-testid="queue-jobs">
      <h2 id="queue-jobs-title" className="card__title">
        {t('queues.jobsTitle', { queue: queueText(queue, lang), state: t(`queues.state.${state}`) })}
      </h2>
      {jobs.isError && <ErrorNotice error={jobs.error} onRetry={() => void jobs.refetch()} />}
      {retry.isError && <ErrorNotice error={retry.error} compact />}
      {jobs.data?.items.length === 0 && <p className="table__empty">{t('queues.noJobs')}</p>}
      <ul className="queues__job-list">
        {jobs.data?.items.map((j) => (
          <li key={j.id} className="queues__job" data-testid="queue-job" data-job-id={j.id}>
            <div className="queues__job-head">
              <strong data-testid="queue-job-name" title={j.name}>
                {jobText(j.name, lang)}
              </strong>
              <code>{j.id}</code>
              <span>{t('queues.attempts', { made: j.attemptsMade, allowed: j.attempts })}</span>
              <span>{t('queues.created', { time: time(j.createdAt) })}</span>
              {j.finishedAt && <span>{t('queues.finished', { time: time(j.finishedAt) })}</span>}
              {j.dueAt && <span>{t('queues.due', { time: time(j.dueAt) })}</span>}
              {state === 'failed' && (
                <button
                  type="button"
                  className="button button--small"
                  disabled={retry.isPending}
                  onClick={() => retry.mutate(j.id)}
                  data-testid="queue-job-retry"
                >
                  {t('queues.retry')}
                </button>
              )}
            </div>
            {j.failedReason && <p className="queues__reason">{j.failedReason}</p>}
            <details>
              <summary>{t('queues.details')}</summary>
              <pre className="queues__pre">{formatJson(j.data)}</pre>
              {j.stacktrace && <pre className="queues__pre">{j.stacktrace}</pre>}
            </details>
          </li>
        ))}
      </ul>
      {jobs.data && jobs.data.total > PAGE_SIZE && (
        <Pagination page={page} pageSize={PAGE_SIZE} total={jobs.data.total} onPage={setPage} />
      )}
    </section>
  );
}
