import { useState } from 'react';
import { TakenInCharge } from './TakenInCharge';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useAllEnterprises } from '../api/queries';
import { useSession } from '../auth/session-hooks';
import { ChoiceFilter, FilterBar, SearchField, usePagedSearch } from '../components/ListControls';
import { ActionsHeading, ListTable, QueryState } from '../components/ListTable';
import { PageHeader } from '../components/PageHeader';
import {
  INCIDENT_CATEGORIES,
  SEVERITIES,
  isZoneRole,
  type IncidentCategory,
  type Severity,
} from '../contracts';
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
  const { search, setSearch, q, page, setPage, resetsPage } = usePagedSearch();
  const filter = { open, severity, category, enterpriseId, q, page, pageSize: PAGE_SIZE };
  const query = useIncidentList(filter);
  const filtered = Boolean(severity || category || enterpriseId || q);

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

      <FilterBar search>
        <div className="field field--inline">
          <label htmlFor="incident-scope">{t('incidents.list.scope')}</label>
          <select
            id="incident-scope"
            value={open ? 'open' : 'all'}
            onChange={(e) => resetsPage(setOpen)(e.target.value === 'open')}
          >
            <option value="open">{t('incidents.list.open')}</option>
            <option value="all">{t('incidents.list.all')}</option>
          </select>
        </div>
        <ChoiceFilter
          id="incident-severity"
          label={t('incidents.severity.label')}
          value={severity}
          onChange={resetsPage(setSeverity)}
          choices={SEVERITIES.map((s) => ({ value: s, label: t(`incidents.severity.${s}`) }))}
        />
        <ChoiceFilter
          id="incident-category"
          label={t('incidents.category.label')}
          value={category}
          onChange={resetsPage(setCategory)}
          choices={INCIDENT_CATEGORIES.map((c) => ({ value: c, label: t(`incidents.category.${c}`) }))}
        />
        {zoneRole && (
          <ChoiceFilter
            id="incident-enterprise"
            label={t('incidents.field.enterprise')}
            value={enterpriseId}
            onChange={resetsPage(setEnterpriseId)}
            choices={(enterprises.data?.items ?? []).map((e) => ({ value: e.id, label: e.name }))}
          />
        )}
        <SearchField
          id="incident-search"
          label={t('enterprises.searchLabel')}
          placeholder={t('incidents.list.searchPlaceholder')}
          value={search}
          onChange={setSearch}
        />
      </FilterBar>

      <QueryState query={query} />
      {query.data && (
        <ListTable
          testId="incident-table"
          busy={query.isFetching}
          columns={[
            t('incidents.field.title'),
            t('incidents.severity.label'),
            t('incidents.status.label'),
            t('incidents.level.label'),
            t('incidents.list.occurredAt'),
            t('incidents.field.deadline'),
            <ActionsHeading key="actions" />,
          ]}
          items={query.data.items}
          empty={filtered ? t('common.noMatches') : t('incidents.list.empty')}
          paging={{ page: page, pageSize: PAGE_SIZE, total: query.data.total, onPage: setPage }}
          row={(incident) => (
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
                <div className="cell-sub">
                  <TakenInCharge incident={incident} compact />
                </div>
              </td>
              <td>
                <LevelBadge level={incident.responseLevel} />
              </td>
              <td className="nowrap">{zoneTime(incident.occurredAt)}</td>
              <td>
                <ReportingCountdown
                  deadline={incident.clock.deadline}
                  duty={incident.clock.duty}
                  closed={incident.status === 'closed'}
                  compact
                />
              </td>
              <td className="nowrap">
                <Link to={`/incidents/${incident.id}`}>{t('incidents.list.openRoom')}</Link>
              </td>
            </tr>
          )}
        />
      )}
    </div>
  );
}
