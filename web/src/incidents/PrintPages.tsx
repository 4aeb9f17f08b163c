import { useQuery } from '@tanstack/react-query';
import { useEffect, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { ErrorNotice } from '../components/ErrorNotice';
import { Loading } from '../components/Loading';
import { useZoneName } from '../lib/use-zone-name';
import type { IncidentView } from '../contracts';
import { fetchRoomEvents } from './api';
import { useIncident, useStatusSummary } from './queries';
import { useRecordText } from './timeline-text';
import { LevelBadge, SeverityBadge, StatusBadge, useZoneTime, useZoneTimeZone } from './ui';

/** The frame of a printable record: a toolbar for the screen, a titled A4 document for paper. */
function PrintFrame({
  incidentId,
  title,
  subtitle,
  generatedAt,
  children,
}: {
  incidentId: string;
  title: string;
  subtitle: string;
  generatedAt: string;
  children: ReactNode;
}) {
  const { t } = useTranslation();
  const zoneName = useZoneName();
  const zoneTime = useZoneTime();
  const timeZone = useZoneTimeZone();
  useEffect(() => {
    const previous = document.title;
    document.title = `${title} · ${t('app.name')}`;
    return () => {
      document.title = previous;
    };
  }, [title, t]);
  return (
    <div className="print-page">
      <div className="print-toolbar no-print">
        <Link to={`/incidents/${incidentId}`} className="button">
          {t('incidents.print.back')}
        </Link>
        <button type="button" className="button button--primary" onClick={() => window.print()}>
          {t('incidents.print.print')}
        </button>
      </div>
      <article className="print-document" data-testid="print-document">
        <header className="print-document__header">
          <p className="print-document__zone">{zoneName}</p>
          <h1 className="print-document__title">{title}</h1>
          <p className="print-document__subtitle">{subtitle}</p>
          <p className="print-document__generated">
            {t('incidents.print.generatedAt', { time: `${zoneTime(generatedAt)} (${timeZone})` })}
          </p>
        </header>
        {children}
        <footer className="print-document__footer">
          <span>{t('incidents.print.signature')}</span>
          <span className="print-document__line" />
        </footer>
      </article>
    </div>
  );
}

function IncidentFacts({ incident: i }: { incident: IncidentView }) {
  const { t } = useTranslation();
  const zoneTime = useZoneTime();
  return (
    <section className="print-section">
      <h2>{t('incidents.print.incident')}</h2>
      <dl className="print-facts">
        <dt>{t('incidents.field.title')}</dt>
        <dd>{i.title}</dd>
        <dt>{t('incidents.field.enterprise')}</dt>
        <dd>{i.enterpriseName ?? t('incidents.field.noEnterprise')}</dd>
        <dt>{t('incidents.category.label')}</dt>
        <dd>{t(`incidents.category.${i.category}`)}</dd>
        <dt>{t('incidents.severity.label')}</dt>
        <dd>
          <SeverityBadge severity={i.severity} /> <StatusBadge status={i.status} />{' '}
          <LevelBadge level={i.responseLevel} />
        </dd>
        <dt>{t('incidents.field.occurredAt')}</dt>
        <dd>{zoneTime(i.occurredAt)}</dd>
        <dt>{t('incidents.field.reportedAt')}</dt>
        <dd>
          {zoneTime(i.clock.reportedAt)}
          {i.clock.late ? ` · ${t('incidents.clock.late')}` : ''}
        </dd>
        <dt>{t('incidents.field.address')}</dt>
        <dd>
          {i.address} ({i.location.lat.toFixed(5)}, {i.location.lng.toFixed(5)})
        </dd>
      </dl>
    </section>
  );
}

/** The activity log in the spirit of ICS-214: every room event, who and when, on the zone clock. */
export function ActivityLogPrintPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const text = useRecordText();
  const zoneTime = useZoneTime();
  const events = useQuery({
    queryKey: ['incidents', 'detail', id, 'events', 'all'],
    queryFn: ({ signal }) => fetchRoomEvents(id, 0, signal),
    staleTime: 0,
  });
  const incident = useIncident(id);
  if (events.isPending || incident.isPending) return <Loading />;
  if (incident.isError) return <ErrorNotice error={incident.error} onRetry={() => void incident.refetch()} />;
  if (events.isError) return <ErrorNotice error={events.error} onRetry={() => void events.refetch()} />;
  return (
    <PrintFrame
      incidentId={id}
      title={t('incidents.print.activityTitle')}
      subtitle={t('incidents.print.activitySubtitle')}
      generatedAt={new Date(events.dataUpdatedAt).toISOString()}
    >
      <IncidentFacts incident={incident.data} />
      <section className="print-section">
        <table className="print-table" data-testid="activity-log">
          <thead>
            <tr>
              <th scope="col">{t('incidents.print.seq')}</th>
              <th scope="col">{t('incidents.print.time')}</th>
              <th scope="col">{t('incidents.print.actor')}</th>
              <th scope="col">{t('incidents.print.entry')}</th>
            </tr>
          </thead>
          <tbody>
            {events.data.length === 0 && (
              <tr>
                <td colSpan={4}>{t('incidents.print.noEntries')}</td>
              </tr>
            )}
            {events.data.map((e) => (
              <tr key={e.seq}>
                <td className="print-table__num">{e.seq}</td>
                <td className="nowrap">{zoneTime(e.at)}</td>
                <td>
                  {text.actor(e.actor)}
                  <div className="print-table__sub">{text.role(e.actor?.role)}</div>
                </td>
                <td>{text.event(e)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
    </PrintFrame>
  );
}

/** The incident summary in the spirit of ICS-209: where things stand, on one page. */
export function SummaryPrintPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const zoneTime = useZoneTime();
  const summary = useStatusSummary(id);
  if (summary.isPending) return <Loading />;
  if (summary.isError) return <ErrorNotice error={summary.error} onRetry={() => void summary.refetch()} />;
  const s = summary.data;
  const i = s.incident;
  return (
    <PrintFrame
      incidentId={id}
      title={t('incidents.print.summaryTitle')}
      subtitle={t('incidents.print.summarySubtitle')}
      generatedAt={s.generatedAt}
    >
      <IncidentFacts incident={i} />
      <section className="print-section" data-testid="summary-situation">
        <h2>{t('incidents.print.situation')}</h2>
        <dl className="print-facts">
          <dt>{t('incidents.room.figures')}</dt>
          <dd>
            {t('incidents.room.figuresLine', {
              deaths: i.casualties.deaths,
              missing: i.casualties.missing,
              serious: i.casualties.seriousInjuries,
              minor: i.casualties.minorInjuries,
            })}
            {' · '}
            {t('incidents.room.loss', { amount: i.directLossCny.toLocaleString('zh-CN') })}
          </dd>
          <dt>{t('incidents.field.summary')}</dt>
          <dd>{i.summary}</dd>
          <dt>{t('incidents.field.measuresTaken')}</dt>
          <dd>{i.measuresTaken || t('common.none')}</dd>
          <dt>{t('incidents.tasks.title')}</dt>
          <dd>{t('incidents.print.tasksLine', s.tasks)}</dd>
          <dt>{t('incidents.dispatch.title')}</dt>
          <dd>
            {t('incidents.print.resourcesLine', s.resources)}
            {s.resources.items.length > 0 && (
              <ul className="print-list">
                {s.resources.items.map((d) => (
                  <li key={d.id}>
                    {d.label} — {t(`incidents.dispatch.state.${d.state}`)} ({zoneTime(d.updatedAt)})
                  </li>
                ))}
              </ul>
            )}
          </dd>
          <dt>{t('incidents.print.mapFeatures')}</dt>
          <dd>
            {s.mapFeatures.length === 0
              ? t('incidents.map.noFeatures')
              : s.mapFeatures
                  .map((f) => `${t(`incidents.map.kinds.${f.kind}`)}${f.label ? `「${f.label}」` : ''}`)
                  .join('、')}
          </dd>
          {s.lastEventAt && (
            <>
              <dt>{t('incidents.print.time')}</dt>
              <dd>{t('incidents.print.lastEvent', { time: zoneTime(s.lastEventAt) })}</dd>
            </>
          )}
        </dl>
      </section>
      <section className="print-section">
        <h2>{t('incidents.reports.title')}</h2>
        <table className="print-table">
          <thead>
            <tr>
              <th scope="col">{t('incidents.print.time')}</th>
              <th scope="col">{t('incidents.reports.title')}</th>
              <th scope="col">{t('incidents.room.figures')}</th>
              <th scope="col">{t('incidents.severity.label')}</th>
            </tr>
          </thead>
          <tbody>
            {s.reports.map((r) => (
              <tr key={r.id}>
                <td className="nowrap">{zoneTime(r.submittedAt)}</td>
                <td>
                  <strong>
                    {r.kind === 'initial'
                      ? t('incidents.reports.initial')
                      : t('incidents.reports.supplementary')}
                  </strong>
                  <div>{r.summary}</div>
                  {r.outsideWindow && (
                    <div className="print-table__sub">{t('incidents.reports.outsideWindow')}</div>
                  )}
                </td>
                <td>
                  {t('incidents.room.figuresLine', {
                    deaths: r.casualties.deaths,
                    missing: r.casualties.missing,
                    serious: r.casualties.seriousInjuries,
                    minor: r.casualties.minorInjuries,
                  })}
                  <div className="print-table__sub">
                    {t('incidents.room.loss', { amount: r.directLossCny.toLocaleString('zh-CN') })}
                  </div>
                </td>
                <td>{t(`incidents.severity.${r.severityAfter}`)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
    </PrintFrame>
  );
}
