import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useAllEnterprises } from '../api/queries';
import { useSession } from '../auth/session-hooks';
import { ErrorNotice } from '../components/ErrorNotice';
import { PLAN_TYPES, type PlanType } from '../contracts';
import { addDrillPlanEntry, fetchDrillPlan, removeDrillPlanEntry } from './api';
import { useDrillsT } from './i18n';

const MONTHS = Array.from({ length: 12 }, (_, i) => i + 1);
const ZONE = 'zone';

/**
 * The year's drill plans (MEM Order 2 Art. 33): the planned drills by month and plan level, added
 * and removed by the zone administrator (any unit's, and the zone's own) or an officer (their own).
 */
export function DrillPlanEditor({ year }: { year: number }) {
  const { t } = useDrillsT();
  const session = useSession();
  const queryClient = useQueryClient();
  const role = session?.user.role;
  const canEdit = role === 'zone_admin' || role === 'enterprise_officer';
  const enterprises = useAllEnterprises();
  const entries = useQuery({
    queryKey: ['drills', 'plan', year],
    queryFn: ({ signal }) => fetchDrillPlan(year, signal),
  });
  const ownEnterprise = session?.user.enterpriseId ?? null;
  const [unit, setUnit] = useState(role === 'enterprise_officer' ? (ownEnterprise ?? '') : ZONE);
  const [month, setMonth] = useState(1);
  const [planType, setPlanType] = useState<PlanType>('comprehensive');
  const [title, setTitle] = useState('');
  const refresh = () => queryClient.invalidateQueries({ queryKey: ['drills'] });
  const add = useMutation({
    mutationFn: () =>
      addDrillPlanEntry({ enterpriseId: unit === ZONE ? null : unit, year, month, planType, title }),
    onSuccess: async () => {
      setTitle('');
      await refresh();
    },
  });
  const remove = useMutation({ mutationFn: removeDrillPlanEntry, onSuccess: refresh });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    add.mutate();
  };

  return (
    <div data-testid="drill-plan-editor">
      {entries.data && entries.data.length > 0 && (
        <ul className="drill-plan-entries">
          {entries.data.map((e) => (
            <li key={e.id} data-testid="drill-plan-entry">
              <span>
                {t('drillPlan.entry', {
                  month: e.month,
                  unit: e.enterpriseName ?? t('compliance.zoneOwn'),
                  level: t(`planType.${e.planType}`),
                  title: e.title,
                })}
              </span>
              {canEdit && (
                <button
                  type="button"
                  className="button button--small"
                  onClick={() => remove.mutate(e.id)}
                  disabled={remove.isPending}
                >
                  {t('drillPlan.remove')}
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
      {canEdit && (
        <form className="form-grid" onSubmit={submit} aria-label={t('drillPlan.formLabel', { year })}>
          {role === 'zone_admin' && (
            <div className="field">
              <label htmlFor="drill-plan-unit">{t('scenario.enterprise')}</label>
              <select id="drill-plan-unit" value={unit} onChange={(e) => setUnit(e.target.value)}>
                <option value={ZONE}>{t('compliance.zoneOwn')}</option>
                {(enterprises.data?.items ?? []).map((e) => (
                  <option key={e.id} value={e.id}>
                    {e.name}
                  </option>
                ))}
              </select>
            </div>
          )}
          <div className="field">
            <label htmlFor="drill-plan-month">{t('drillPlan.month')}</label>
            <select id="drill-plan-month" value={month} onChange={(e) => setMonth(Number(e.target.value))}>
              {MONTHS.map((m) => (
                <option key={m} value={m}>
                  {t('drillPlan.monthName', { month: m })}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor="drill-plan-level">{t('drillPlan.level')}</label>
            <select
              id="drill-plan-level"
              value={planType}
              onChange={(e) => setPlanType(e.target.value as PlanType)}
            >
              {PLAN_TYPES.map((p) => (
                <option key={p} value={p}>
                  {t(`planType.${p}`)}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor="drill-plan-title">{t('drillPlan.title')}</label>
            <input
              id="drill-plan-title"
              required
              minLength={2}
              maxLength={100}
              value={title}
              onChange={(e) => setTitle(e.target.value)}
            />
          </div>
          <div className="form-actions">
            <button type="submit" className="button button--primary" disabled={add.isPending}>
              {t('drillPlan.add')}
            </button>
          </div>
          {add.error && <ErrorNotice error={add.error} />}
        </form>
      )}
      {remove.error && <ErrorNotice error={remove.error} />}
    </div>
  );
}
