import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { useSession } from '../auth/session-hooks';
import { ErrorNotice } from '../components/ErrorNotice';
import { ListTable, QueryState } from '../components/ListTable';
import { PageHeader } from '../components/PageHeader';
import { QUARTERS, type WorkPlanOverviewRow } from '../contracts';
import { downloadXlsx } from '../hazards/api';
import { useOverview, useStartPlan } from './api';
import { useWorkPlansT } from './i18n';
import './work-plans.css';
import { QuarterBadge, StatusBadge, YearField, useDay, useYear } from './shared';

/** The zone's matrix (an officer's own row): each enterprise's plan and its four quarters. */
export function WorkPlansPage() {
  const { t } = useWorkPlansT();
  const [year, setYear] = useYear();
  const session = useSession();
  const role = session?.user.role;
  const overview = useOverview(year);
  const start = useStartPlan();
  const navigate = useNavigate();
  const day = useDay();
  const [exportError, setExportError] = useState<unknown>(null);
  const template = overview.data?.template ?? null;
  const own = role === 'enterprise_officer' ? overview.data?.rows[0] : undefined;
  return (
    <div className="page">
      <PageHeader
        title={t('title')}
        actions={
          <button
            type="button"
            className="button"
            onClick={() => {
              setExportError(null);
              downloadXlsx('/api/work-plans/export', { year }, `work-plans-${year}.xlsx`).catch(
                setExportError,
              );
            }}
          >
            {t('export')}
          </button>
        }
      >
        {t('subtitle')}
      </PageHeader>
      {Boolean(exportError) && <ErrorNotice error={exportError} />}
      <YearField year={year} setYear={setYear} />
      <QueryState query={overview} />
      {overview.data && (
        <>
          <section className="wp-template-card" data-testid="work-plan-template-card">
            {template ? (
              <>
                <strong>{template.title}</strong>
                <span>{t('template.deadline', { date: template.submissionDeadline })}</span>
                <span
                  className={`wp-badge wp-badge--${template.status === 'published' ? 'approved' : 'draft'}`}
                >
                  {t(`template.${template.status}`)}
                </span>
                <Link to={`/work-plans/templates/${year}`}>
                  {role === 'zone_admin' ? t('template.edit') : t('template.view')}
                </Link>
              </>
            ) : (
              <>
                <span>{t('template.none')}</span>
                {role === 'zone_admin' && (
                  <Link to={`/work-plans/templates/${year}`}>{t('template.create')}</Link>
                )}
              </>
            )}
            {own &&
              template?.status === 'published' &&
              (own.planId ? (
                <Link className="button button--primary" to={`/work-plans/${own.planId}`}>
                  {t('mine.open')}
                </Link>
              ) : (
                <button
                  type="button"
                  className="button button--primary"
                  disabled={start.isPending}
                  onClick={() =>
                    start.mutate(year, { onSuccess: (p) => void navigate(`/work-plans/${p.id}`) })
                  }
                >
                  {t('mine.start')}
                </button>
              ))}
          </section>
          {start.isError && <ErrorNotice error={start.error} />}
          <ListTable
            testId="work-plan-table"
            columns={[
              t('table.enterprise'),
              t('table.plan'),
              t('table.submitted'),
              t('table.approved'),
              ...QUARTERS.map((q) => t('quarter.label', { quarter: q })),
              t('table.tasks'),
            ]}
            items={overview.data.rows}
            empty={t('table.empty')}
            row={(r: WorkPlanOverviewRow) => (
              <tr key={r.enterpriseId} data-enterprise={r.enterpriseId}>
                <td>
                  {r.planId ? (
                    <Link to={`/work-plans/${r.planId}`}>{r.enterpriseName}</Link>
                  ) : (
                    r.enterpriseName
                  )}
                </td>
                <td>
                  <StatusBadge status={r.status} />
                </td>
                <td className="nowrap">
                  {day(r.firstSubmittedAt)}
                  {r.submittedLate && <span className="wp-q wp-q--late">{t('table.late')}</span>}
                </td>
                <td className="nowrap">{day(r.approvedAt)}</td>
                {r.quarters.map((c) => (
                  <td key={c.quarter}>
                    <QuarterBadge cell={c} />
                  </td>
                ))}
                <td className="nowrap">
                  {r.tasks ? t('table.tasksValue', { done: r.tasks.done, total: r.tasks.total }) : '—'}
                  {r.tasks && r.tasks.delayed > 0 && (
                    <span className="wp-q wp-q--late">{t('table.delayed', { count: r.tasks.delayed })}</span>
                  )}
                </td>
              </tr>
            )}
          />
        </>
      )}
    </div>
  );
}
