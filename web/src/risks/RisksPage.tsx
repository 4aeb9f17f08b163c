import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { useAllEnterprises } from '../api/queries';
import { useSession } from '../auth/session-hooks';
import { ChoiceFilter, FilterBar, SearchField, usePagedSearch } from '../components/ListControls';
import { ListTable, QueryState } from '../components/ListTable';
import { PageHeader } from '../components/PageHeader';
import { RISK_CLASSES, isZoneRole, type RiskClass, type RiskGradeCounts } from '../contracts';
import { useRiskPoints, useRiskStats } from './api';
import { GradeBadge } from './GradeBadge';
import { useRisksT } from './i18n';
import './risks.css';

const PAGE_SIZE = 20;
const COLUMNS = [...RISK_CLASSES, 'unassessed'] as const;

/** The register: the zone table of risks by grade, industry and enterprise, then the points. */
export function RisksPage() {
  const { t } = useRisksT();
  const { t: tc } = useTranslation();
  const session = useSession();
  const zone = session ? isZoneRole(session.user.role) : false;
  const writer = session
    ? ['zone_admin', 'inspector', 'enterprise_officer'].includes(session.user.role)
    : false;
  const [params, setParams] = useSearchParams();
  const enterpriseId = params.get('enterprise') ?? '';
  const { search, setSearch, q, page, setPage, resetsPage } = usePagedSearch();
  const [grade, setGrade] = useState<RiskClass | 'unassessed' | ''>('');
  const enterprises = useAllEnterprises();
  const points = useRiskPoints({
    enterpriseId: enterpriseId || undefined,
    grade,
    q,
    page,
    pageSize: PAGE_SIZE,
  });
  const stats = useRiskStats();
  const gradeText = (g: (typeof COLUMNS)[number]) => (g === 'unassessed' ? t('unassessed') : tc(`risk.${g}`));

  const countsTable = (
    rows: { key: string; label: string; counts: RiskGradeCounts }[],
    heading: string,
    testId: string,
  ) => (
    <table className="table risk-counts" data-testid={testId}>
      <thead>
        <tr>
          <th scope="col">{heading}</th>
          {COLUMNS.map((g) => (
            <th key={g} scope="col" className={`risk-counts__head risk-counts__head--${g}`}>
              {gradeText(g)}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr key={r.key}>
            <th scope="row">{r.label}</th>
            {COLUMNS.map((g) => (
              <td key={g} className="num">
                {r.counts[g]}
              </td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );

  return (
    <div className="page">
      <PageHeader
        title={t('title')}
        actions={
          writer && (
            <Link to="/risks/new" className="button button--primary">
              {t('newPoint')}
            </Link>
          )
        }
      >
        {zone ? t('subtitle') : t('scopedNote')}
      </PageHeader>

      {stats.data && (
        <section className="risk-stats" aria-labelledby="risk-stats-title">
          <h2 id="risk-stats-title">{t('stats.title')}</h2>
          <div className="risk-stats__grid">
            {countsTable(
              [{ key: 'total', label: t('stats.total'), counts: stats.data.total }],
              t('stats.byGrade'),
              'risk-stats-total',
            )}
            <table className="table risk-counts" data-testid="risk-stats-trend">
              <thead>
                <tr>
                  <th scope="col">{t('stats.quarter')}</th>
                  {RISK_CLASSES.map((g) => (
                    <th key={g} scope="col" className={`risk-counts__head risk-counts__head--${g}`}>
                      {tc(`risk.${g}`)}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {stats.data.byQuarter.map((q) => (
                  <tr key={q.quarter}>
                    <th scope="row">{q.quarter}</th>
                    {RISK_CLASSES.map((g) => (
                      <td key={g} className="num">
                        {q.counts[g]}
                      </td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
            {zone &&
              countsTable(
                stats.data.byIndustry.map((r) => ({ key: r.industry, label: r.industry, counts: r.counts })),
                t('stats.industry'),
                'risk-stats-industry',
              )}
            {zone &&
              countsTable(
                stats.data.byEnterprise.map((r) => ({
                  key: r.enterpriseId,
                  label: r.enterpriseName,
                  counts: r.counts,
                })),
                t('stats.enterprise'),
                'risk-stats-enterprise',
              )}
          </div>
        </section>
      )}

      <FilterBar search>
        <SearchField
          id="risk-search"
          label={t('searchLabel')}
          placeholder={t('searchPlaceholder')}
          value={search}
          onChange={setSearch}
        />
        {zone && (
          <div className="field field--inline">
            <label htmlFor="risk-enterprise">{t('enterpriseLabel')}</label>
            <select
              id="risk-enterprise"
              value={enterpriseId}
              onChange={(e) => {
                setPage(1);
                setParams(e.target.value ? { enterprise: e.target.value } : {});
              }}
            >
              <option value="">{t('allEnterprises')}</option>
              {enterprises.data?.items.map((e) => (
                <option key={e.id} value={e.id}>
                  {e.name}
                </option>
              ))}
            </select>
          </div>
        )}
        <ChoiceFilter
          id="risk-grade"
          label={t('gradeLabel')}
          value={grade}
          onChange={resetsPage(setGrade)}
          choices={COLUMNS.map((g) => ({ value: g, label: gradeText(g) }))}
        />
      </FilterBar>

      <QueryState query={points} />
      {points.data && (
        <ListTable
          testId="risk-point-table"
          busy={points.isFetching}
          columns={[
            t('field.name'),
            t('enterpriseLabel'),
            t('field.place'),
            t('field.post'),
            t('gradeLabel'),
            t('field.openHazards'),
            t('field.nextAssessmentOn'),
          ]}
          items={points.data.items}
          empty={t('empty')}
          paging={{ page, pageSize: PAGE_SIZE, total: points.data.total, onPage: setPage }}
          row={(p) => (
            <tr key={p.id}>
              <td>
                <Link to={`/risks/${p.id}`} className="cell-title">
                  {p.name}
                </Link>
                <div className="cell-sub">{t(`kind.${p.kind}`)}</div>
              </td>
              <td>{p.enterpriseName}</td>
              <td>{p.place}</td>
              <td>{p.post ?? '—'}</td>
              <td>
                <GradeBadge grade={p.grade} />
                {p.score !== null && <span className="cell-sub"> {p.score}</span>}
              </td>
              <td className="num">{p.openHazardCount}</td>
              <td className="nowrap">{p.nextAssessmentOn ?? '—'}</td>
            </tr>
          )}
        />
      )}
    </div>
  );
}
