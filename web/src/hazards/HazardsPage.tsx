import './hazards.css';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { usePublicConfig } from '../api/queries';
import { useSession } from '../auth/session-hooks';
import { ErrorNotice } from '../components/ErrorNotice';
import { Loading } from '../components/Loading';
import { PageHeader } from '../components/PageHeader';
import { Pagination } from '../components/Pagination';
import {
  HAZARD_CATEGORIES,
  HAZARD_LEVELS,
  HAZARD_STATUSES,
  type HazardCategory,
  type HazardLevel,
  type HazardStatus,
} from '../contracts';
import { formatDateTime } from '../lib/format';
import { useDebounced } from '../lib/use-debounced';
import { type HazardFilter, downloadXlsx, useHazards } from './api';
import { HazardLevelBadge, HazardStatusBadge } from './badges';

const PAGE_SIZE = 20;
const WORKERS = ['zone_admin', 'inspector', 'enterprise_officer'];

/** The hazard ledger (台账): filters, sort, search, export; the API scopes it to the caller. */
export function HazardsPage() {
  const { t, i18n } = useTranslation();
  const session = useSession();
  const config = usePublicConfig();
  const tz = config.data?.timeZone ?? 'Asia/Shanghai';
  const [search, setSearch] = useState('');
  const [level, setLevel] = useState<HazardLevel | ''>('');
  const [status, setStatus] = useState<HazardStatus | ''>('');
  const [category, setCategory] = useState<HazardCategory | ''>('');
  const [overdue, setOverdue] = useState(false);
  const [sort, setSort] = useState<NonNullable<HazardFilter['sort']>>('foundAt');
  const [order, setOrder] = useState<'asc' | 'desc'>('desc');
  const [page, setPage] = useState(1);
  const [exporting, setExporting] = useState(false);
  const q = useDebounced(search.trim());
  const filter: HazardFilter = { q, level, status, category, overdue, sort, order };
  const query = useHazards({ ...filter, page, pageSize: PAGE_SIZE });
  const reset =
    <T,>(set: (v: T) => void) =>
    (v: T) => {
      set(v);
      setPage(1);
    };

  return (
    <div className="page">
      <PageHeader
        title={t('hazards.title')}
        actions={
          <>
            <Link className="button" to="/hazards/stats">
              {t('hazards.statsLink')}
            </Link>
            <button
              type="button"
              className="button"
              disabled={exporting}
              data-testid="hazard-export"
              onClick={() => {
                setExporting(true);
                void downloadXlsx('/api/hazards/export', { ...filter }, 'hazards.xlsx').finally(() =>
                  setExporting(false),
                );
              }}
            >
              {t('hazards.export')}
            </button>
            {session && WORKERS.includes(session.user.role) && (
              <Link className="button button--primary" to="/hazards/new" data-testid="hazard-new">
                {t('hazards.new')}
              </Link>
            )}
          </>
        }
      >
        {t('hazards.subtitle')}
      </PageHeader>

      <form className="filters" role="search" onSubmit={(e) => e.preventDefault()}>
        <div className="field field--inline">
          <label htmlFor="hazard-search">{t('hazards.search')}</label>
          <input
            id="hazard-search"
            type="search"
            value={search}
            placeholder={t('hazards.searchPlaceholder')}
            onChange={(e) => reset(setSearch)(e.target.value)}
          />
        </div>
        <div className="field field--inline">
          <label htmlFor="hazard-level">{t('hazards.field.level')}</label>
          <select
            id="hazard-level"
            value={level}
            onChange={(e) => reset(setLevel)(e.target.value as HazardLevel | '')}
          >
            <option value="">{t('common.all')}</option>
            {HAZARD_LEVELS.map((l) => (
              <option key={l} value={l}>
                {t(`hazards.level.${l}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="field field--inline">
          <label htmlFor="hazard-status">{t('hazards.field.status')}</label>
          <select
            id="hazard-status"
            value={status}
            onChange={(e) => reset(setStatus)(e.target.value as HazardStatus | '')}
          >
            <option value="">{t('common.all')}</option>
            {HAZARD_STATUSES.map((s) => (
              <option key={s} value={s}>
                {t(`hazards.status.${s}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="field field--inline">
          <label htmlFor="hazard-category">{t('hazards.field.category')}</label>
          <select
            id="hazard-category"
            value={category}
            onChange={(e) => reset(setCategory)(e.target.value as HazardCategory | '')}
          >
            <option value="">{t('common.all')}</option>
            {HAZARD_CATEGORIES.map((c) => (
              <option key={c} value={c}>
                {t(`hazards.category.${c}`)}
              </option>
            ))}
          </select>
        </div>
        <label className="field field--inline field--check">
          <input type="checkbox" checked={overdue} onChange={(e) => reset(setOverdue)(e.target.checked)} />
          {t('hazards.overdueOnly')}
        </label>
        <div className="field field--inline">
          <label htmlFor="hazard-sort">{t('hazards.sort')}</label>
          <select
            id="hazard-sort"
            value={`${sort}:${order}`}
            onChange={(e) => {
              const [s, o] = e.target.value.split(':') as [NonNullable<HazardFilter['sort']>, 'asc' | 'desc'];
              setSort(s);
              setOrder(o);
            }}
          >
            <option value="foundAt:desc">{t('hazards.sortBy.foundNewest')}</option>
            <option value="foundAt:asc">{t('hazards.sortBy.foundOldest')}</option>
            <option value="deadline:asc">{t('hazards.sortBy.deadlineSoonest')}</option>
            <option value="code:desc">{t('hazards.sortBy.code')}</option>
            <option value="updatedAt:desc">{t('hazards.sortBy.updated')}</option>
          </select>
        </div>
      </form>

      {query.isPending && <Loading />}
      {query.isError && <ErrorNotice error={query.error} onRetry={() => void query.refetch()} />}
      {query.data && (
        <>
          <div className="table-wrap">
            <table className="table" data-testid="hazard-table" aria-busy={query.isFetching}>
              <thead>
                <tr>
                  <th scope="col">{t('hazards.field.code')}</th>
                  <th scope="col">{t('hazards.field.enterprise')}</th>
                  <th scope="col">{t('hazards.field.description')}</th>
                  <th scope="col">{t('hazards.field.level')}</th>
                  <th scope="col">{t('hazards.field.status')}</th>
                  <th scope="col">{t('hazards.field.responsiblePerson')}</th>
                  <th scope="col">{t('hazards.field.deadline')}</th>
                  <th scope="col">{t('hazards.field.foundAt')}</th>
                </tr>
              </thead>
              <tbody>
                {query.data.items.length === 0 && (
                  <tr>
                    <td colSpan={8} className="table__empty">
                      {t('common.noMatches')}
                    </td>
                  </tr>
                )}
                {query.data.items.map((h) => (
                  <tr key={h.id} data-testid="hazard-row">
                    <td className="nowrap">
                      <Link to={`/hazards/${h.id}`}>{h.code}</Link>
                    </td>
                    <td>{h.enterpriseName}</td>
                    <td>
                      <div className="cell-title">{h.place}</div>
                      <div className="cell-sub">{h.description}</div>
                    </td>
                    <td>
                      <HazardLevelBadge level={h.level} />
                    </td>
                    <td>
                      <HazardStatusBadge status={h.status} overdue={h.overdue} />
                    </td>
                    <td>{h.responsiblePerson ?? t('common.none')}</td>
                    <td className="nowrap">{h.deadline ?? t('common.none')}</td>
                    <td className="nowrap">{formatDateTime(h.foundAt, i18n.language, tz).slice(0, 10)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <Pagination page={page} pageSize={PAGE_SIZE} total={query.data.total} onPage={setPage} />
        </>
      )}
    </div>
  );
}
