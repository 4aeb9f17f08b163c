import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useAllEnterprises } from '../api/queries';
import { useSession } from '../auth/session-hooks';
import { ErrorNotice } from '../components/ErrorNotice';
import { Loading } from '../components/Loading';
import { PageHeader } from '../components/PageHeader';
import { Pagination } from '../components/Pagination';
import {
  INCIDENT_CATEGORIES,
  SEVERITIES,
  isZoneRole,
  type IncidentCategory,
  type Severity,
} from '../contracts';
import { useDebounced } from '../lib/use-debounced';
import { useOverview } from '../live/use-overview';
import { useIncidentList } from './queries';
import { canFileReport } from './roles';
import {
  DrillFlag,
  LevelBadge,
  LiveIndicator,
  ReportingCountdown,
  SeverityBadge,
  StatusBadge,
  useZoneTime,
  useZoneTimeZone,
} from './ui';

const PAGE_SIZE = 20;

/** Live only for zone roles: their list follows every incident as it is filed or changes. */
function LiveUpdates() {
  const { status } = useOverview();
  return <LiveIndicator status={status} />;
}

/** The incident list: open or all, by severity, category and (zone roles) enterprise. */
export function IncidentListPage() {
  const { t } = useTranslation();
  const session = useSession();
  const zoneTime = useZoneTime();
  const timeZone = useZoneTimeZone();
  const zoneRole = session ? isZoneRole(session.user.role) : false;
  const enterprises = useAllEnterprises();
  const [open, setOpen] = useState(true);
  const [severity, setSeverity] = useState<Severity | ''>('');
  const [category, setCategory] = useState<IncidentCategory | ''>('');
  const [enterpriseId, setEnterpriseId] = useState('');
  const [search, setSearch] = useState('');
  const [page, setPage] = useState(1);
  const q = useDebounced(search.trim());
  const filter = { open, severity, category, enterpriseId, q, page, pageSize: PAGE_SIZE };
  const query = useIncidentList(filter);
  const filtered = Boolean(severity || category || enterpriseId || q);
  const resetPage = () => setPage(1);

  return (
    <div className="page">
      <PageHeader
        title={t('incidents.title')}
        actions={
          <>
            {zoneRole && <LiveUpdates />}
            {zoneRole && (
              <Link className="button" to="/map">
                {t('incidents.overviewMap')}
              </Link>
            )}
            {session && canFileReport(session.user.role) && (
              <Link className="button button--primary" to="/incidents/new" data-testid="file-report">
                {t('incidents.fileReport')}
              </Link>
            )}
          </>
        }
      >
        {zoneRole ? t('incidents.subtitle', { timeZone }) : t('incidents.scopedNote', { timeZone })}
      </PageHeader>

      <form className="filters" role="search" onSubmit={(event) => event.preventDefault()}>
        <div className="field field--inline">
          <label htmlFor="incident-scope">{t('incidents.list.scope')}</label>
          <select
            id="incident-scope"
            value={open ? 'open' : 'all'}
            onChange={(e) => {
              setOpen(e.target.value === 'open');
              resetPage();
            }}
          >
            <option value="open">{t('incidents.list.open')}</option>
            <option value="all">{t('incidents.list.all')}</option>
          </select>
        </div>
        <div className="field field--inline">
          <label htmlFor="incident-severity">{t('incidents.severity.label')}</label>
          <select
            id="incident-severity"
            value={severity}
            onChange={(e) => {
              setSeverity(e.target.value as Severity | '');
              resetPage();
            }}
          >
            <option value="">{t('common.all')}</option>
            {SEVERITIES.map((s) => (
              <option key={s} value={s}>
                {t(`incidents.severity.${s}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="field field--inline">
          <label htmlFor="incident-category">{t('incidents.category.label')}</label>
          <select
            id="incident-category"
            value={category}
            onChange={(e) => {
              setCategory(e.target.value as IncidentCategory | '');
              resetPage();
            }}
          >
            <option value="">{t('common.all')}</option>
            {INCIDENT_CATEGORIES.map((c) => (
              <option key={c} value={c}>
                {t(`incidents.category.${c}`)}
              </option>
            ))}
          </select>
        </div>
        {zoneRole && (
          <div className="field field--inline">
            <label htmlFor="incident-enterprise">{t('incidents.field.enterprise')}</label>
            <select
              id="incident-enterprise"
              value={enterpriseId}
              onChange={(e) => {
                setEnterpriseId(e.target.value);
                resetPage();
              }}
            >
              <option value="">{t('common.all')}</option>
              {enterprises.data?.items.map((e) => (
                <option key={e.id} value={e.id}>
                  {e.name}
                </option>
              ))}
            </select>
          </div>
        )}
        <div className="field field--inline">
          <label htmlFor="incident-search">{t('enterprises.searchLabel')}</label>
          <input
            id="incident-search"
            type="search"
            placeholder={t('incidents.list.searchPlaceholder')}
            value={search}
            onChange={(e) => {
              setSearch(e.target.value);
              resetPage();
            }}
          />
        </div>
      </form>

      {query.isPending && <Loading />}
      {query.isError && <ErrorNotice error={query.error} onRetry={() => void query.refetch()} />}
      {query.data && (
        <>
          <div className="table-wrap">
            <table className="table" data-testid="incident-table" aria-busy={query.isFetching}>
              <thead>
                <tr>
                  <th scope="col">{t('incidents.field.title')}</th>
                  <th scope="col">{t('incidents.severity.label')}</th>
                  <th scope="col">{t('incidents.status.label')}</th>
                  <th scope="col">{t('incidents.level.label')}</th>
                  <th scope="col">{t('incidents.list.occurredAt')}</th>
                  <th scope="col">{t('incidents.field.deadline')}</th>
                  <th scope="col">
                    <span className="visually-hidden">{t('common.actions')}</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {query.data.items.length === 0 && (
                  <tr>
                    <td colSpan={7} className="table__empty">
                      {filtered ? t('common.noMatches') : t('incidents.list.empty')}
                    </td>
                  </tr>
                )}
                {query.data.items.map((incident) => (
                  <tr key={incident.id} data-testid="incident-row" data-incident-id={incident.id}>
                    <td>
                      <div className="cell-title">
                        <Link to={`/incidents/${incident.id}`} className="incident-link">
                          {incident.title}
                        </Link>
                        {incident.isDrill && <DrillFlag />}
                      </div>
                      <div className="cell-sub">
                        {[incident.enterpriseName, t(`incidents.category.${incident.category}`)]
                          .filter(Boolean)
                          .join(' · ')}
                      </div>
                    </td>
                    <td>
                      <SeverityBadge severity={incident.severity} />
                    </td>
                    <td>
                      <StatusBadge status={incident.status} />
                    </td>
                    <td>
                      <LevelBadge level={incident.responseLevel} />
                    </td>
                    <td className="nowrap">{zoneTime(incident.occurredAt)}</td>
                    <td>
                      <ReportingCountdown
                        deadline={incident.clock.deadline}
                        late={incident.clock.late}
                        closed={incident.status === 'closed'}
                        compact
                      />
                    </td>
                    <td className="nowrap">
                      <Link to={`/incidents/${incident.id}`}>{t('incidents.list.openRoom')}</Link>
                    </td>
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
