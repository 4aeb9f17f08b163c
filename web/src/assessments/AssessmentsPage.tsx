import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link } from 'react-router';
import { useSession } from '../auth/session-hooks';
import { ErrorNotice } from '../components/ErrorNotice';
import { ListTable, QueryState } from '../components/ListTable';
import { PageHeader } from '../components/PageHeader';
import { isZoneRole, type NoticeKind, type SchemeView } from '../contracts';
import { useZoneTime } from '../incidents/ui';
import {
  assessmentKeys,
  computeScheme,
  downloadNoticePdf,
  fetchNotices,
  fetchSchemes,
  fetchSheets,
  issueNotice,
  publishScheme,
} from './api';
import './assessments.css';
import { useAssessmentsT, useMetricLabel } from './i18n';
import { SchemeEditor } from './SchemeEditor';

/**
 * The year's assessment: the scheme, the ranking with each enterprise's (or zone department's)
 * sheet, computing and publishing, and the notices. An enterprise officer sees its own sheet of
 * each published year; the departments' schemes are the zone's alone.
 */
export function AssessmentsPage() {
  const { t } = useAssessmentsT();
  const session = useSession();
  const role = session?.user.role;
  const isAdmin = role === 'zone_admin';
  const zone = role ? isZoneRole(role) : false;
  const schemes = useQuery({
    queryKey: assessmentKeys.schemes,
    queryFn: ({ signal }) => fetchSchemes(signal),
  });
  // An enterprise has a sheet to read only once its year is published.
  const listed = zone ? schemes.data : schemes.data?.filter((s) => s.status === 'published');
  const [chosen, setChosen] = useState<string | null>(null);
  const [editing, setEditing] = useState(false);
  const scheme = listed?.find((s) => s.id === chosen) ?? listed?.[0] ?? null;
  const nextYear = (schemes.data?.[0]?.year ?? new Date().getFullYear() - 1) + 1;

  return (
    <div className="page">
      <PageHeader
        title={t('title')}
        actions={
          isAdmin &&
          !editing && (
            <button
              type="button"
              className="button button--primary"
              onClick={() => setEditing(true)}
              data-testid="scheme-new"
            >
              {t('scheme.new')}
            </button>
          )
        }
      >
        {t('subtitle')}
      </PageHeader>
      <QueryState query={schemes} />
      {editing && (
        <SchemeEditor
          year={nextYear}
          onDone={(created) => {
            setEditing(false);
            if (created) setChosen(created.id);
          }}
        />
      )}
      {listed && listed.length === 0 && !editing && <p className="card__text">{t('scheme.none')}</p>}
      {listed && listed.length > 0 && (
        <div className="field field--inline assessment-year">
          <label htmlFor="assessment-year">{t('scheme.choose')}</label>
          <select id="assessment-year" value={scheme?.id ?? ''} onChange={(e) => setChosen(e.target.value)}>
            {listed.map((s) => (
              <option key={s.id} value={s.id}>
                {s.year} · {t(`subject.${s.subject}`)} · {t(`scheme.status.${s.status}`)}
              </option>
            ))}
          </select>
        </div>
      )}
      {scheme && <SchemeSection scheme={scheme} zone={zone} isAdmin={isAdmin} />}
    </div>
  );
}

function SchemeSection({ scheme, zone, isAdmin }: { scheme: SchemeView; zone: boolean; isAdmin: boolean }) {
  const { t } = useAssessmentsT();
  const metricLabel = useMetricLabel();
  const zoneTime = useZoneTime();
  const session = useSession();
  const queryClient = useQueryClient();
  const sheets = useQuery({
    queryKey: assessmentKeys.sheets(scheme.id),
    queryFn: ({ signal }) => fetchSheets(scheme.id, signal),
  });
  const refresh = () => queryClient.invalidateQueries({ queryKey: assessmentKeys.all });
  const compute = useMutation({ mutationFn: () => computeScheme(scheme.id), onSuccess: refresh });
  const publish = useMutation({ mutationFn: () => publishScheme(scheme.id), onSuccess: refresh });
  const draft = scheme.status === 'draft';
  const departments = scheme.subject === 'department';
  const canCompute = draft && (isAdmin || session?.user.role === 'inspector');

  return (
    <>
      <section className="card" aria-labelledby="scheme-title">
        <h2 id="scheme-title" className="card__title">
          {scheme.title}{' '}
          <span className={`assessment-status assessment-status--${scheme.status}`}>
            {t(`scheme.status.${scheme.status}`)}
          </span>
        </h2>
        {scheme.publishedAt && (
          <p className="card__text">
            {t('scheme.publishedAt', { time: zoneTime(scheme.publishedAt), until: scheme.objectionsUntil })}
          </p>
        )}
        <p className="field__hint">{t(departments ? 'scheme.departmentBands' : 'scheme.bands')}</p>
        {zone && (
          <div className="table-wrap">
            <table className="table" data-testid="scheme-indicators">
              <thead>
                <tr>
                  <th scope="col">{t('indicator.group')}</th>
                  <th scope="col">{t('indicator.name')}</th>
                  <th scope="col">{t('indicator.metric')}</th>
                  <th scope="col">{t('indicator.rule')}</th>
                  <th scope="col">{t('indicator.weight')}</th>
                  <th scope="col">{t('indicator.evidence')}</th>
                </tr>
              </thead>
              <tbody>
                {scheme.indicators.map((i) => (
                  <tr key={i.id}>
                    <td>{i.group}</td>
                    <td>
                      {i.name}
                      {i.veto && <div className="cell-sub">{t('indicator.veto')}</div>}
                    </td>
                    <td>{metricLabel(i.metric)}</td>
                    <td>
                      {t(`rule.${i.rule}`)}
                      {i.param !== null && ` · ${i.param}`}
                    </td>
                    <td>{i.weight}</td>
                    <td>{t(`evidenceKind.${i.evidence}`)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
        {(canCompute || (isAdmin && draft)) && (
          <div className="form__actions">
            {canCompute && (
              <button
                type="button"
                className="button"
                disabled={compute.isPending}
                onClick={() => compute.mutate()}
                data-testid="scheme-compute"
              >
                {t('actions.compute')}
              </button>
            )}
            {isAdmin && draft && (
              <button
                type="button"
                className="button button--primary"
                disabled={publish.isPending}
                onClick={() => window.confirm(t('actions.publishConfirm')) && publish.mutate()}
                data-testid="scheme-publish"
              >
                {t('actions.publish')}
              </button>
            )}
          </div>
        )}
        {compute.isError && <ErrorNotice error={compute.error} />}
        {publish.isError && <ErrorNotice error={publish.error} />}
      </section>

      <section className="card" aria-labelledby="ranking-title">
        <h2 id="ranking-title" className="card__title">
          {t('ranking.title')}
        </h2>
        <QueryState query={sheets} />
        {sheets.data && (
          <ListTable
            testId="assessment-ranking"
            columns={[
              t('ranking.rank'),
              t(departments ? 'ranking.department' : 'ranking.enterprise'),
              t('ranking.total'),
              t('ranking.band'),
              '',
            ]}
            items={sheets.data}
            empty={t('ranking.empty')}
            row={(s) => (
              <tr key={s.id}>
                <td>{s.rank}</td>
                <td>
                  {s.enterpriseName}
                  {s.unscored > 0 && (
                    <div className="cell-sub">{t('ranking.unscored', { count: s.unscored })}</div>
                  )}
                </td>
                <td>{s.total}</td>
                <td className={`assessment-band assessment-band--${s.band}`}>
                  {t(`band.${s.band}`)}
                  {s.vetoed && <div className="cell-sub">{t('ranking.vetoed')}</div>}
                </td>
                <td>
                  <Link to={`/assessments/sheets/${s.id}`} data-testid="assessment-sheet-link">
                    {t('ranking.open')}
                  </Link>
                </td>
              </tr>
            )}
          />
        )}
      </section>
      {zone && scheme.status === 'published' && !departments && <Notices scheme={scheme} isAdmin={isAdmin} />}
    </>
  );
}

function Notices({ scheme, isAdmin }: { scheme: SchemeView; isAdmin: boolean }) {
  const { t } = useAssessmentsT();
  const zoneTime = useZoneTime();
  const queryClient = useQueryClient();
  const notices = useQuery({
    queryKey: assessmentKeys.notices(scheme.id),
    queryFn: ({ signal }) => fetchNotices(scheme.id, signal),
  });
  const issue = useMutation({
    mutationFn: (kind: NoticeKind) => issueNotice(scheme.id, kind),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: assessmentKeys.notices(scheme.id) }),
  });
  const download = useMutation({ mutationFn: downloadNoticePdf });
  return (
    <section className="card" aria-labelledby="notices-title">
      <h2 id="notices-title" className="card__title">
        {t('notices.title')}
      </h2>
      {isAdmin && (
        <div className="form__actions">
          <button
            type="button"
            className="button"
            disabled={issue.isPending}
            onClick={() => issue.mutate('commendation')}
          >
            {t('notices.commendation')}
          </button>
          <button
            type="button"
            className="button"
            disabled={issue.isPending}
            onClick={() => issue.mutate('criticism')}
          >
            {t('notices.criticism')}
          </button>
        </div>
      )}
      {issue.isError && <ErrorNotice error={issue.error} />}
      {download.isError && <ErrorNotice error={download.error} />}
      <QueryState query={notices} />
      {notices.data && (
        <ListTable
          testId="assessment-notices"
          columns={[
            t('notices.documentNo'),
            t('notices.kindLabel'),
            t('notices.enterprises'),
            t('notices.issuedAt'),
          ]}
          items={notices.data}
          empty={t('notices.empty')}
          row={(n) => (
            <tr key={n.id}>
              <td>{n.documentNo}</td>
              <td>{t(`notices.kind.${n.kind}`)}</td>
              <td>
                {t('notices.names', { count: n.enterprises.length })}
                <div className="cell-sub">{n.enterprises.map((e) => e.name).join('、')}</div>
              </td>
              <td className="nowrap">
                {zoneTime(n.issuedAt)}{' '}
                <button type="button" className="button button--small" onClick={() => download.mutate(n)}>
                  {t('notices.pdf')}
                </button>
              </td>
            </tr>
          )}
        />
      )}
    </section>
  );
}
