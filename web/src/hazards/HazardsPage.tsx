import './hazards.css';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { usePublicConfig } from '../api/queries';
import { useSession } from '../auth/session-hooks';
import { ChoiceFilter, FilterBar, SearchField, usePagedSearch } from '../components/ListControls';
import { ListTable, QueryState } from '../components/ListTable';
import { PageHeader } from '../components/PageHeader';
import {
  HAZARD_CATEGORIES,
  HAZARD_LEVELS,
  HAZARD_STATUSES,
  type HazardCategory,
  type HazardLevel,
  type HazardStatus,
} from '../contracts';
import { formatDateTime } from '../lib/format';
import { type HazardFilter, downloadXlsx, useHazards } from './api';
import { HazardLevelBadge, HazardStatusBadge, SupervisionBadge } from './badges';

const PAGE_SIZE = 20;
const WORKERS = ['zone_admin', 'inspector', 'enterprise_officer'];

/** The hazard ledger (台账): filters, sort, search, export; the API scopes it to the caller. */
export function HazardsPage() {
  const { t, i18n } = useTranslation();
  const session = useSession();
  const config = usePublicConfig();
  const tz = config.data?.timeZone ?? 'Asia/Shanghai';
  const { search, setSearch, q, page, setPage, resetsPage } = usePagedSearch();
  const [level, setLevel] = useState<HazardLevel | ''>('');
  const [status, setStatus] = useState<HazardStatus | ''>('');
  const [category, setCategory] = useState<HazardCategory | ''>('');
  const [overdue, setOverdue] = useState(false);
  const [sort, setSort] = useState<NonNullable<HazardFilter['sort']>>('foundAt');
  const [order, setOrder] = useState<'asc' | 'desc'>('desc');
  const [exporting, setExporting] = useState(false);
  const filter: HazardFilter = { q, level, status, category, overdue, sort, order };
  const query = useHazards({ ...filter, page, pageSize: PAGE_SIZE });

  return (
    <div className="page">
      <PageHeader
        title={t('hazards.title')}
        actions={
          <>
            <Link className="button" to="/hazards/stats">
              {t('hazards.statsLink')}
            </Link>
            <Link className="button" to="/hazards/notice" data-testid="hazard-notice-link">
              {t('hazards.notice.link')}
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

      <FilterBar search>
        <SearchField
          id="hazard-search"
          label={t('hazards.search')}
          placeholder={t('hazards.searchPlaceholder')}
          value={search}
          onChange={setSearch}
        />
        <ChoiceFilter
          id="hazard-level"
          label={t('hazards.field.level')}
          value={level}
          onChange={resetsPage(setLevel)}
          choices={HAZARD_LEVELS.map((l) => ({ value: l, label: t(`hazards.level.${l}`) }))}
        />
        <ChoiceFilter
          id="hazard-status"
          label={t('hazards.field.status')}
          value={status}
          onChange={resetsPage(setStatus)}
          choices={HAZARD_STATUSES.map((s) => ({ value: s, label: t(`hazards.status.${s}`) }))}
        />
        <ChoiceFilter
          id="hazard-category"
          label={t('hazards.field.category')}
          value={category}
          onChange={resetsPage(setCategory)}
          choices={HAZARD_CATEGORIES.map((c) => ({ value: c, label: t(`hazards.category.${c}`) }))}
        />
        <label className="field field--inline field--check">
          <input
            type="checkbox"
            checked={overdue}
            onChange={(e) => resetsPage(setOverdue)(e.target.checked)}
          />
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
      </FilterBar>

      <QueryState query={query} />
      {query.data && (
        <ListTable
          testId="hazard-table"
          busy={query.isFetching}
          columns={[
            t('hazards.field.code'),
            t('hazards.field.enterprise'),
            t('hazards.field.description'),
            t('hazards.field.level'),
            t('hazards.field.status'),
            t('hazards.field.responsiblePerson'),
            t('hazards.field.deadline'),
            t('hazards.field.foundAt'),
          ]}
          items={query.data.items}
          empty={t('common.noMatches')}
          paging={{ page: page, pageSize: PAGE_SIZE, total: query.data.total, onPage: setPage }}
          row={(h) => (
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
                <HazardLevelBadge level={h.level} /> <SupervisionBadge listed={h.listedSupervision} />
              </td>
              <td>
                <HazardStatusBadge status={h.status} overdue={h.overdue} />
              </td>
              <td>{h.responsiblePerson ?? t('common.none')}</td>
              <td className="nowrap">{h.deadline ?? t('common.none')}</td>
              <td className="nowrap">{formatDateTime(h.foundAt, i18n.language, tz).slice(0, 10)}</td>
            </tr>
          )}
        />
      )}
    </div>
  );
}
