import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Link } from 'react-router';
import { useAllEnterprises } from '../api/queries';
import { useSession } from '../auth/session-hooks';
import { ChoiceFilter, FilterBar } from '../components/ListControls';
import { ListTable, QueryState } from '../components/ListTable';
import { PageHeader } from '../components/PageHeader';
import { isZoneRole, type ComplianceItem, type PlanVsDone, type UnreportedDrill } from '../contracts';
import { useZoneTime } from '../incidents/ui';
import { fetchCompliance } from './api';
import { DepartmentReportForm } from './DepartmentReportForm';
import { DrillPlanEditor } from './DrillPlanEditor';
import { useDrillsT } from './i18n';
import { drillKeys, DrillsTabs } from './ui';

/** A month ahead: a duty due within it is shown as coming up. */
const SOON_DAYS = 30;

/** Which enterprises have done the drills their duties require, and which are overdue. */
export function CompliancePage() {
  const { t } = useDrillsT();
  const zoneTime = useZoneTime();
  const session = useSession();
  const isZone = session ? isZoneRole(session.user.role) : false;
  const canRecord = ['zone_admin', 'commander', 'enterprise_officer'].includes(session?.user.role ?? '');
  const [enterpriseId, setEnterpriseId] = useState('');
  const enterprises = useAllEnterprises();
  const report = useQuery({
    queryKey: drillKeys.compliance(enterpriseId),
    queryFn: ({ signal }) => fetchCompliance(enterpriseId || undefined, signal),
  });
  return (
    <div className="page">
      <PageHeader title={t('title')}>{t('compliance.subtitle')}</PageHeader>
      <DrillsTabs />
      {isZone && (
        <FilterBar>
          <ChoiceFilter
            id="compliance-enterprise"
            label={t('scenario.enterprise')}
            value={enterpriseId}
            onChange={setEnterpriseId}
            choices={(enterprises.data?.items ?? []).map((e) => ({ value: e.id, label: e.name }))}
          />
        </FilterBar>
      )}
      <QueryState query={report} />
      {report.data && (
        <>
          <p className="field__hint">{t('compliance.asOf', { time: zoneTime(report.data.asOf) })}</p>
          <section className="card" aria-labelledby="overdue-title">
            <h2 id="overdue-title" className="card__title">
              {t('compliance.overdueTitle', { count: report.data.overdue.length })}
            </h2>
            {report.data.overdue.length === 0 ? (
              <p className="card__text">{t('compliance.noneOverdue')}</p>
            ) : (
              <ComplianceTable items={report.data.overdue} testId="compliance-overdue" />
            )}
          </section>
          <section className="card" aria-labelledby="planned-title">
            <h2 id="planned-title" className="card__title">
              {t('compliance.plannedTitle', { year: report.data.planned[0]?.year ?? '' })}
            </h2>
            <p className="card__text">{t('compliance.plannedNote')}</p>
            <PlannedTable items={report.data.planned} />
            <DrillPlanEditor year={report.data.planned[0]?.year ?? Number(report.data.asOf.slice(0, 4))} />
          </section>
          <section className="card" aria-labelledby="unreported-title">
            <h2 id="unreported-title" className="card__title">
              {t('compliance.unreportedTitle', { count: report.data.unreported.length })}
            </h2>
            <p className="card__text">{t('compliance.unreportedNote')}</p>
            {report.data.unreported.length === 0 ? (
              <p className="card__text">{t('compliance.noneUnreported')}</p>
            ) : (
              <UnreportedTable items={report.data.unreported} canRecord={canRecord} />
            )}
          </section>
          <section className="card" aria-labelledby="all-title">
            <h2 id="all-title" className="card__title">
              {t('compliance.allTitle')}
            </h2>
            <ComplianceTable items={report.data.items} testId="compliance-table" />
          </section>
        </>
      )}
    </div>
  );
}

function ComplianceTable({ items, testId }: { items: ComplianceItem[]; testId: string }) {
  const { t } = useDrillsT();
  return (
    <ListTable
      testId={testId}
      columns={[
        t('scenario.enterprise'),
        t('compliance.requirement'),
        t('compliance.interval'),
        t('compliance.lastDrill'),
        t('compliance.dueOn'),
        t('compliance.state'),
      ]}
      items={items}
      empty={t('compliance.empty')}
      row={(item) => (
        <tr
          key={`${item.enterpriseId}:${item.requirement}`}
          className={
            item.overdue ? 'drill-overdue' : item.daysUntilDue <= SOON_DAYS ? 'drill-due-soon' : undefined
          }
          data-overdue={item.overdue}
        >
          <td>
            {item.enterpriseName}
            {item.listed && <div className="cell-sub">{t('compliance.listed')}</div>}
            {item.category === null && <div className="cell-sub">{t('compliance.categoryUnrecorded')}</div>}
          </td>
          <td>{t(`requirement.${item.requirement}`)}</td>
          <td>{t('compliance.months', { count: item.intervalMonths })}</td>
          <td className="nowrap">
            {item.lastDrillOn ? (
              item.lastRunId ? (
                <Link to={`/drills/runs/${item.lastRunId}/report`}>{item.lastDrillOn}</Link>
              ) : (
                item.lastDrillOn
              )
            ) : (
              t('compliance.never')
            )}
          </td>
          <td className="nowrap">{item.dueOn}</td>
          <td>
            {item.overdue ? (
              <strong className="field__error">
                {t('compliance.overdueBy', { count: -item.daysUntilDue })}
              </strong>
            ) : (
              t('compliance.dueIn', { count: item.daysUntilDue })
            )}
          </td>
        </tr>
      )}
    />
  );
}

/** Art. 33: a listed unit's drills not yet reported to the competent department. */
function UnreportedTable({ items, canRecord }: { items: UnreportedDrill[]; canRecord: boolean }) {
  const { t } = useDrillsT();
  const [open, setOpen] = useState<string | null>(null);
  return (
    <ListTable
      testId="compliance-unreported"
      columns={[t('scenario.enterprise'), t('compliance.drill'), t('compliance.endedOn'), '']}
      items={items}
      empty={t('compliance.noneUnreported')}
      row={(d) => (
        <tr key={d.runId}>
          <td>{d.enterpriseName}</td>
          <td>
            <Link to={`/drills/runs/${d.runId}/report`}>{d.title}</Link>
            <div className="cell-sub">{t(`planType.${d.planType}`)}</div>
          </td>
          <td className="nowrap">{d.endedOn}</td>
          <td>
            {open === d.runId ? (
              <DepartmentReportForm drill={d} onDone={() => setOpen(null)} />
            ) : (
              canRecord && (
                <button type="button" className="button button--small" onClick={() => setOpen(d.runId)}>
                  {t('departmentReport.record')}
                </button>
              )
            )}
          </td>
        </tr>
      )}
    />
  );
}

/** Art. 33: each unit's yearly drill plan (and the zone's own) against the drills done, by level. */
function PlannedTable({ items }: { items: PlanVsDone[] }) {
  const { t } = useDrillsT();
  return (
    <ListTable
      testId="compliance-planned"
      columns={[
        t('scenario.enterprise'),
        t('planType.comprehensive'),
        t('planType.special'),
        t('planType.on_site'),
        t('compliance.state'),
      ]}
      items={items}
      empty={t('compliance.empty')}
      row={(p) => (
        <tr
          key={p.enterpriseId ?? 'zone'}
          className={p.behind ? 'drill-overdue' : undefined}
          data-behind={p.behind}
          data-enterprise={p.enterpriseId ?? 'zone'}
        >
          <td>{p.enterpriseName ?? t('compliance.zoneOwn')}</td>
          {p.byType.map((c) => (
            <td key={c.planType} className="nowrap">
              {t('compliance.doneOfPlanned', { done: c.done, planned: c.planned })}
              {c.plannedToDate > 0 && (
                <div className="cell-sub">{t('compliance.plannedToDate', { count: c.plannedToDate })}</div>
              )}
            </td>
          ))}
          <td>
            {!p.hasPlan ? (
              <span className="field__error">{t('compliance.noPlan')}</span>
            ) : p.behind ? (
              <strong className="field__error">{t('compliance.behindPlan')}</strong>
            ) : (
              t('compliance.onPlan')
            )}
          </td>
        </tr>
      )}
    />
  );
}
