import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { usePublicConfig } from '../api/queries';
import { ErrorNotice } from '../components/ErrorNotice';
import { Loading } from '../components/Loading';
import type { IncidentCategory, MyCalloutView, Severity } from '../contracts';
import { levelName } from '../incidents/level-name';
import { SeverityBadge } from '../incidents/ui';
import { formatDateTime } from '../lib/format';
import { answerMyCallout, fetchMyCallouts, myCalloutsKey } from './my-callouts-api';
import './responder.css';
import './my-callouts.css';

type Decision = 'accept' | 'decline';

/**
 * A responder's socket may join no room (the rooms follow the enterprise scope, and theirs is
 * none), so the lists poll: often enough that a new page shows up while they look, as the SMS
 * and the call reach them anyway.
 */
const REFRESH_MS = 15_000;

/**
 * The signed-in person's call-outs: those that still take their answer first, with the same
 * accept and decline as the SMS link's page and a way to its briefing and map, then the ones
 * that have ended with what became of them.
 */
export function MyCallouts() {
  const { t } = useTranslation();
  const open = useQuery({
    queryKey: myCalloutsKey('open'),
    queryFn: ({ signal }) => fetchMyCallouts('open', signal),
    refetchInterval: REFRESH_MS,
    refetchOnWindowFocus: true,
  });
  const recent = useQuery({
    queryKey: myCalloutsKey('recent'),
    queryFn: ({ signal }) => fetchMyCallouts('recent', signal),
    refetchInterval: REFRESH_MS,
    refetchOnWindowFocus: true,
  });
  const unlinked = open.data?.linked === false;

  return (
    <>
      <section
        className="card my-callouts"
        aria-labelledby="callouts-open-title"
        data-testid="my-callouts-open"
      >
        <h2 id="callouts-open-title" className="card__title">
          {t('home.openTitle')}
          {open.data && open.data.total > 0 && <span className="my-callouts__count">{open.data.total}</span>}
        </h2>
        {open.isPending && <Loading />}
        {open.isError && <ErrorNotice error={open.error} onRetry={() => void open.refetch()} />}
        {unlinked && (
          <p className="card__hint" data-testid="my-callouts-unlinked">
            {t('home.notLinked')}
          </p>
        )}
        {open.data && !unlinked && open.data.items.length === 0 && (
          <>
            <p className="card__text" data-testid="my-callouts-empty">
              {t('home.calloutsEmpty')}
            </p>
            <p className="card__hint">{t('home.calloutsHint')}</p>
          </>
        )}
        {open.data && open.data.items.length > 0 && (
          <ul className="my-callouts__list">
            {open.data.items.map((c) => (
              <OpenCallout key={c.recipientId} c={c} />
            ))}
          </ul>
        )}
      </section>
      {!unlinked && (
        <section
          className="card my-callouts"
          aria-labelledby="callouts-recent-title"
          data-testid="my-callouts-recent"
        >
          <h2 id="callouts-recent-title" className="card__title">
            {t('home.recentTitle')}
          </h2>
          {recent.isPending && <Loading />}
          {recent.isError && <ErrorNotice error={recent.error} onRetry={() => void recent.refetch()} />}
          {recent.data && recent.data.items.length === 0 && (
            <p className="card__hint">{t('home.recentEmpty')}</p>
          )}
          {recent.data && recent.data.items.length > 0 && (
            <ul className="my-callouts__list my-callouts__list--recent">
              {recent.data.items.map((c) => (
                <RecentCallout key={c.recipientId} c={c} />
              ))}
            </ul>
          )}
        </section>
      )}
    </>
  );
}

function useTimeZone(): string {
  return usePublicConfig().data?.timeZone ?? 'Asia/Shanghai';
}

function DrillMark({ big = false }: { big?: boolean }) {
  const { t } = useTranslation();
  return (
    <p className={big ? 'responder__drill' : 'my-callouts__drill-tag'} data-testid="my-callout-drill">
      {big ? t('responder.drill') : t('home.drillTag')}
    </p>
  );
}

function OpenCallout({ c }: { c: MyCalloutView }) {
  const { t, i18n } = useTranslation();
  const timeZone = useTimeZone();
  const queryClient = useQueryClient();
  const answer = useMutation({
    mutationFn: (decision: Decision) => answerMyCallout(c.calloutId, { decision }),
    onSuccess: (next) => {
      queryClient.setQueryData(myCalloutsKey('open'), (list: { items: MyCalloutView[] } | undefined) =>
        list
          ? { ...list, items: list.items.map((x) => (x.recipientId === next.recipientId ? next : x)) }
          : list,
      );
    },
    // An ended call-out refuses the answer: fetch again so it moves to the recent ones.
    onSettled: () => void queryClient.invalidateQueries({ queryKey: ['me', 'callouts'] }),
  });
  const answering = answer.isPending ? answer.variables : null;
  const answered = c.state === 'acknowledged' || c.state === 'declined';
  const at = c.incident.location;

  return (
    <li
      className={`my-callout${c.isDrill ? ' my-callout--drill' : ''}`}
      data-testid="my-callout"
      data-callout={c.calloutId}
      data-state={c.state}
    >
      {c.isDrill && <DrillMark big />}
      <h3 className="my-callout__title">{c.incident.title}</h3>
      {c.responseLevel && <p className="my-callout__level">{levelName(c.responseLevel, i18n.language)}</p>}
      <p className="responder__facts">
        <SeverityBadge severity={c.incident.severity as Severity} />
        <span>{t(`incidents.category.${c.incident.category as IncidentCategory}`)}</span>
        {c.incident.enterpriseName && <span>{c.incident.enterpriseName}</span>}
      </p>
      {c.incident.address && <p className="responder__address">{c.incident.address}</p>}
      {c.message && <blockquote className="responder__message">{c.message}</blockquote>}
      <p className="my-callout__meta">
        {t('home.pagedAt', { time: formatDateTime(c.pagedAt, i18n.language, timeZone) })}
      </p>
      <div className="responder__answer">
        <p
          className={`responder__state responder__state--${c.state}`}
          data-testid="my-callout-state"
          data-state={c.state}
          role="status"
        >
          {t(`responder.state.${c.state}`)}
        </p>
        <div className="responder__buttons">
          <button
            type="button"
            className="button button--primary responder__button"
            disabled={answering !== null || c.state === 'acknowledged'}
            onClick={() => answer.mutate('accept')}
            data-testid="my-callout-accept"
          >
            {answering === 'accept' ? t('responder.sending') : t('responder.accept')}
          </button>
          <button
            type="button"
            className="button responder__button"
            disabled={answering !== null || answered}
            onClick={() => answer.mutate('decline')}
            data-testid="my-callout-decline"
          >
            {answering === 'decline' ? t('responder.sending') : t('responder.decline')}
          </button>
        </div>
        {answer.error && <ErrorNotice error={answer.error} compact />}
      </div>
      <p className="my-callout__links">
        {c.briefingToken && (
          <Link
            className="button my-callout__link"
            to={`/r/${c.briefingToken}`}
            data-testid="my-callout-briefing"
          >
            {t('home.briefing')}
          </Link>
        )}
        {at && (
          <a className="button my-callout__link" href={`geo:${at.lat},${at.lng}`}>
            {t('responder.navigate')}
          </a>
        )}
      </p>
    </li>
  );
}

function RecentCallout({ c }: { c: MyCalloutView }) {
  const { t, i18n } = useTranslation();
  const timeZone = useTimeZone();
  return (
    <li className="my-callout my-callout--recent" data-testid="my-callout-recent" data-state={c.state}>
      <div className="my-callout__head">
        {c.isDrill && <DrillMark />}
        <strong className="my-callout__recent-title">{c.incident.title}</strong>
      </div>
      <p className="my-callout__meta">
        <span>{t(`incidents.category.${c.incident.category as IncidentCategory}`)}</span>
        <span>{formatDateTime(c.pagedAt, i18n.language, timeZone)}</span>
      </p>
      <p className="my-callout__outcome">
        <span
          className={`my-callout__answer my-callout__answer--${c.state}`}
          data-testid="my-callout-outcome"
        >
          {t(`home.outcome.${c.state}`)}
          {c.responseChannel &&
            ` · ${t('home.answeredBy', { channel: t(`incidents.callouts.channel.${c.responseChannel}`) })}`}
        </span>
        <span className="my-callout__status">
          {t('home.calloutStatus', { status: t(`incidents.callouts.status.${c.calloutStatus}`) })}
        </span>
      </p>
    </li>
  );
}
