import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useEnterprises } from '../api/queries';
import { useSession } from '../auth/session-hooks';
import { RISK_CLASSES, isZoneRole, type EnterpriseView, type RiskClass } from '../contracts';
import { ChoiceFilter, FilterBar, SearchField, usePagedSearch } from '../components/ListControls';
import { ActionsHeading, ListTable, QueryState } from '../components/ListTable';
import { PageHeader } from '../components/PageHeader';
import { RiskBadge } from '../components/RiskBadge';
import { telHref } from '../lib/format';
import { DutiesText, EnterpriseDutiesDialog } from './EnterpriseDutiesDialog';
import { RegulatoryCategoryCell } from './RegulatoryCategoryCell';
import {
  FirstResponsibleDialog,
  FirstResponsibleText,
} from '../responsibility-statements/FirstResponsibleDialog';
import { useDutiesT } from '../responsibility-statements/i18n';

const PAGE_SIZE = 20;

/** The enterprise register; the API scopes it (an enterprise officer sees only their own). */
export function EnterprisesPage() {
  const { t } = useTranslation();
  const session = useSession();
  const { search, setSearch, q, page, setPage, resetsPage } = usePagedSearch();
  const [riskClass, setRiskClass] = useState<RiskClass | ''>('');
  const query = useEnterprises({ q, riskClass, page, pageSize: PAGE_SIZE });
  const scoped = session ? !isZoneRole(session.user.role) : false;
  const canEditDuties = session?.user.role === 'zone_admin';
  const [editingDuties, setEditingDuties] = useState<EnterpriseView | null>(null);
  const [editingFirst, setEditingFirst] = useState<EnterpriseView | null>(null);
  const { t: td } = useDutiesT();
  // The zone's administrator, and an enterprise's officer for their own (the API scopes the list).
  const canEditFirst = session?.user.role === 'zone_admin' || session?.user.role === 'enterprise_officer';

  return (
    <div className="page">
      <PageHeader title={t('enterprises.title')}>
        {scoped ? t('enterprises.scopedNote') : t('enterprises.subtitle')}
      </PageHeader>

      <FilterBar search>
        <SearchField
          id="enterprise-search"
          label={t('enterprises.searchLabel')}
          placeholder={t('enterprises.searchPlaceholder')}
          value={search}
          onChange={setSearch}
        />
        <ChoiceFilter
          id="enterprise-risk"
          label={t('enterprise.riskClass')}
          value={riskClass}
          onChange={resetsPage(setRiskClass)}
          choices={RISK_CLASSES.map((r) => ({ value: r, label: t(`risk.${r}`) }))}
        />
      </FilterBar>

      <QueryState query={query} />
      {query.data && (
        <ListTable
          testId="enterprise-table"
          busy={query.isFetching}
          columns={[
            t('enterprise.name'),
            t('enterprise.industry'),
            t('enterprise.riskClass'),
            t('enterprise.duties'),
            t('enterprise.regulatoryCategory'),
            td('firstResponsible'),
            t('enterprise.safetyLead'),
            t('enterprise.dutyPhone'),
            t('enterprise.address'),
            <ActionsHeading key="actions" />,
          ]}
          items={query.data.items}
          empty={q || riskClass ? t('common.noMatches') : t('enterprises.empty')}
          paging={{ page, pageSize: PAGE_SIZE, total: query.data.total, onPage: setPage }}
          row={(e) => {
            const tel = telHref(e.dutyPhone);
            return (
              <tr key={e.id}>
                <td>
                  <div className="cell-title">{e.name}</div>
                  <div className="cell-sub">{e.creditCode}</div>
                </td>
                <td>{e.industry}</td>
                <td>
                  <RiskBadge riskClass={e.riskClass} source={e.riskClassSource} />
                  <div className="cell-sub">
                    <Link to={`/risks?enterprise=${encodeURIComponent(e.id)}`}>{t('nav.risks')}</Link>
                  </div>
                </td>
                <td data-testid="enterprise-duties">
                  <DutiesText enterprise={e} />
                  {canEditDuties && (
                    <>
                      {' '}
                      <button
                        type="button"
                        className="button button--small"
                        onClick={() => setEditingDuties(e)}
                      >
                        {t('enterprise.editDuties')}
                      </button>
                    </>
                  )}
                </td>
                <td>
                  <RegulatoryCategoryCell enterprise={e} editable={session?.user.role === 'zone_admin'} />
                </td>
                <td data-testid="enterprise-first-responsible">
                  <FirstResponsibleText enterprise={e} />
                  {canEditFirst && (
                    <>
                      {' '}
                      <button
                        type="button"
                        className="button button--small"
                        onClick={() => setEditingFirst(e)}
                      >
                        {td('firstResponsibleDialog.edit')}
                      </button>
                    </>
                  )}
                </td>
                <td>{e.safetyLead}</td>
                <td className="nowrap">{tel ? <a href={tel}>{e.dutyPhone}</a> : e.dutyPhone}</td>
                <td>{e.address}</td>
                <td className="nowrap">
                  <Link to={`/map?focus=${encodeURIComponent(e.id)}`}>{t('enterprise.viewOnMap')}</Link>
                </td>
              </tr>
            );
          }}
        />
      )}
      <EnterpriseDutiesDialog enterprise={editingDuties} onClose={() => setEditingDuties(null)} />
      <FirstResponsibleDialog enterprise={editingFirst} onClose={() => setEditingFirst(null)} />
    </div>
  );
}
