import '../hazards/hazards.css';
import './inspections.css';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { useAllEnterprises, usePublicConfig } from '../api/queries';
import { useSession } from '../auth/session-hooks';
import { ErrorNotice } from '../components/ErrorNotice';
import { Loading } from '../components/Loading';
import { PageHeader } from '../components/PageHeader';
import type { InspectionPlanView } from '../contracts';
import { useInspectionPlans, useInspectionRecords, useStartInspection } from './api';

const WORKERS = ['zone_admin', 'inspector', 'enterprise_officer'];
/** Who samples enterprises for spot checks (the server's rule). */
const ZONE_CHECKERS = ['zone_admin', 'inspector'];

/** Inspection plans to run and the records of inspections done or under way. */
export function InspectionsPage() {
  const { t } = useTranslation();
  const session = useSession();
  const canRun = session ? WORKERS.includes(session.user.role) : false;
  // Those who may edit plans see the paused ones too, to resume them.
  const plans = useInspectionPlans(canRun);
  const records = useInspectionRecords();
  const canSpotCheck = session ? ZONE_CHECKERS.includes(session.user.role) : false;
  const config = usePublicConfig();
  // Due dates are zone-local; "overdue" is decided by the zone's calendar, not the browser's.
  const today = new Date().toLocaleDateString('en-CA', {
    timeZone: config.data?.timeZone ?? 'Asia/Shanghai',
  });
  const mayEdit = (p: InspectionPlanView) =>
    canRun && (session?.user.role !== 'enterprise_officer' || p.enterpriseId === session.user.enterpriseId);

  return (
    <div className="page">
      <PageHeader
        title={t('inspections.title')}
        actions={
          <>
            {canSpotCheck && (
              <Link className="button" to="/inspections/spot-checks">
                {t('inspections.spot.title')}
              </Link>
            )}
            {canRun && (
              <Link className="button button--primary" to="/inspections/plans/new">
                {t('inspections.planForm.newTitle')}
              </Link>
            )}
          </>
        }
      >
        {t('inspections.subtitle')}
      </PageHeader>
      <section className="card">
        <h2 className="card__title">{t('inspections.plans')}</h2>
        {plans.isPending && <Loading />}
        {plans.isError && <ErrorNotice error={plans.error} />}
        <ul className="plain-list">
          {plans.data?.items.map((p) => (
            <li key={p.id} className="plain-list__item">
              <div>
                <div className="cell-title">{p.title}</div>
                <div className="cell-sub">
                  {t(`inspections.kind.${p.kind}`)} · {t(`inspections.frequency.${p.frequency}`)} ·{' '}
                  {t('inspections.itemCount', { count: p.checklist.length })}
                  {!p.active && ` · ${t('inspections.paused')}`}
                </div>
              </div>
              <div className="inline-form">
                {mayEdit(p) && (
                  <Link className="button button--small" to={`/inspections/plans/${p.id}/edit`}>
                    {t('inspections.planForm.edit')}
                  </Link>
                )}
                {canRun && p.active && <StartButton plan={p} />}
              </div>
            </li>
          ))}
        </ul>
      </section>
      <section className="card">
        <h2 className="card__title">{t('inspections.records')}</h2>
        {records.isPending && <Loading />}
        <table className="table">
          <thead>
            <tr>
              <th scope="col">{t('hazards.field.enterprise')}</th>
              <th scope="col">{t('inspections.kindLabel')}</th>
              <th scope="col">{t('inspections.inspector')}</th>
              <th scope="col">{t('hazards.field.status')}</th>
              <th scope="col">{t('inspections.due')}</th>
              <th scope="col">{t('inspections.failed')}</th>
            </tr>
          </thead>
          <tbody>
            {records.data?.items.map((r) => (
              <tr key={r.id}>
                <td>
                  <Link to={`/inspections/${r.id}`}>{r.enterpriseName}</Link>
                </td>
                <td>{t(`inspections.kind.${r.kind}`)}</td>
                <td>{r.inspector ?? t('inspections.unassigned')}</td>
                <td>{t(`inspections.status.${r.status}`)}</td>
                <td
                  className={r.status === 'open' && r.dueBy && r.dueBy < today ? 'due--overdue' : undefined}
                >
                  {r.dueOn
                    ? t('inspections.duePeriod', { from: r.dueOn, to: r.dueBy ?? '…' })
                    : t('common.none')}
                </td>
                <td>{r.items.filter((i) => i.result === 'fail').length}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
    </div>
  );
}

function StartButton({ plan }: { plan: InspectionPlanView }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const start = useStartInspection();
  const enterprises = useAllEnterprises();
  const choices = plan.enterpriseId ? [] : plan.enterpriseIds;
  const [enterpriseId, setEnterpriseId] = useState(choices[0] ?? '');
  const names = new Map(enterprises.data?.items.map((e) => [e.id, e.name]));
  return (
    <div className="inline-form">
      {choices.length > 0 && (
        <select
          aria-label={t('hazards.field.enterprise')}
          value={enterpriseId}
          onChange={(e) => setEnterpriseId(e.target.value)}
        >
          {choices.map((id) => (
            <option key={id} value={id}>
              {names.get(id) ?? id}
            </option>
          ))}
        </select>
      )}
      <button
        type="button"
        className="button button--small button--primary"
        disabled={start.isPending}
        onClick={() =>
          start.mutate(
            { planId: plan.id, enterpriseId: choices.length ? enterpriseId : undefined },
            { onSuccess: (r) => void navigate(`/inspections/${r.id}`) },
          )
        }
      >
        {t('inspections.start')}
      </button>
      {start.isError && <ErrorNotice error={start.error} compact />}
    </div>
  );
}
