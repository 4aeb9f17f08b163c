import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useEnterprises } from '../api/queries';
import { useSession } from '../auth/session-hooks';
import { RISK_CLASSES, isZoneRole, type RiskClass } from '../contracts';
import { ErrorNotice } from '../components/ErrorNotice';
import { Loading } from '../components/Loading';
import { PageHeader } from '../components/PageHeader';
import { Pagination } from '../components/Pagination';
import { RiskBadge } from '../components/RiskBadge';
import { telHref } from '../lib/format';
import { useDebounced } from '../lib/use-debounced';

const PAGE_SIZE = 20;

/** The enterprise register; the API scopes it (an enterprise officer sees only their own). */
export function EnterprisesPage() {
  const { t } = useTranslation();
  const session = useSession();
  const [search, setSearch] = useState('');
  const [riskClass, setRiskClass] = useState<RiskClass | ''>('');
  const [page, setPage] = useState(1);
  const q = useDebounced(search.trim());
  const query = useEnterprises({ q, riskClass, page, pageSize: PAGE_SIZE });
  const scoped = session ? !isZoneRole(session.user.role) : false;

  return (
    <div className="page">
      <PageHeader title={t('enterprises.title')}>
        {scoped ? t('enterprises.scopedNote') : t('enterprises.subtitle')}
      </PageHeader>

      <form className="filters" role="search" onSubmit={(event) => event.preventDefault()}>
        <div className="field field--inline">
          <label htmlFor="enterprise-search">{t('enterprises.searchLabel')}</label>
          <input
            id="enterprise-search"
            type="search"
            placeholder={t('enterprises.searchPlaceholder')}
            value={search}
            onChange={(event) => {
              setSearch(event.target.value);
              setPage(1);
            }}
          />
        </div>
        <div className="field field--inline">
          <label htmlFor="enterprise-risk">{t('enterprise.riskClass')}</label>
          <select
            id="enterprise-risk"
            value={riskClass}
            onChange={(event) => {
              setRiskClass(event.target.value as RiskClass | '');
              setPage(1);
            }}
          >
            <option value="">{t('common.all')}</option>
            {RISK_CLASSES.map((r) => (
              <option key={r} value={r}>
                {t(`risk.${r}`)}
              </option>
            ))}
          </select>
        </div>
      </form>

      {query.isPending && <Loading />}
      {query.isError && <ErrorNotice error={query.error} onRetry={() => void query.refetch()} />}
      {query.data && (
        <>
          <div className="table-wrap">
            <table className="table" data-testid="enterprise-table" aria-busy={query.isFetching}>
              <thead>
                <tr>
                  <th scope="col">{t('enterprise.name')}</th>
                  <th scope="col">{t('enterprise.industry')}</th>
                  <th scope="col">{t('enterprise.riskClass')}</th>
                  <th scope="col">{t('enterprise.legalRepresentative')}</th>
                  <th scope="col">{t('enterprise.safetyLead')}</th>
                  <th scope="col">{t('enterprise.dutyPhone')}</th>
                  <th scope="col">{t('enterprise.address')}</th>
                  <th scope="col">
                    <span className="visually-hidden">{t('common.actions')}</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {query.data.items.length === 0 && (
                  <tr>
                    <td colSpan={8} className="table__empty">
                      {q || riskClass ? t('common.noMatches') : t('enterprises.empty')}
                    </td>
                  </tr>
                )}
                {query.data.items.map((e) => {
                  const tel = telHref(e.dutyPhone);
                  return (
                    <tr key={e.id}>
                      <td>
                        <div className="cell-title">{e.name}</div>
                        <div className="cell-sub">{e.creditCode}</div>
                      </td>
                      <td>{e.industry}</td>
                      <td>
                        <RiskBadge riskClass={e.riskClass} />
                      </td>
                      <td>{e.legalRepresentative}</td>
                      <td>{e.safetyLead}</td>
                      <td className="nowrap">{tel ? <a href={tel}>{e.dutyPhone}</a> : e.dutyPhone}</td>
                      <td>{e.address}</td>
                      <td className="nowrap">
                        <Link to={`/map?focus=${encodeURIComponent(e.id)}`}>{t('enterprise.viewOnMap')}</Link>
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
          <Pagination page={page} pageSize={PAGE_SIZE} total={query.data.total} onPage={setPage} />
        </>
      )}
    </div>
  );
}
