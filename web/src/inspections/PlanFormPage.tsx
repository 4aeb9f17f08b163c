import '../hazards/hazards.css';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { useAllEnterprises } from '../api/queries';
import { useSession } from '../auth/session-hooks';
import { ChoiceField } from '../components/ChoiceField';
import { ErrorNotice } from '../components/ErrorNotice';
import { Loading } from '../components/Loading';
import { PageHeader } from '../components/PageHeader';
import {
  HAZARD_CATEGORIES,
  INSPECTION_FREQUENCIES,
  type HazardCategory,
  type InspectionFrequency,
  type InspectionKind,
  type InspectionPlanView,
} from '../contracts';
import { type PlanInput, useInspectionPlan, useSavePlan } from './api';
import { EnterprisePicker } from './EnterprisePicker';

/** The kinds a plan can have: spot checks are sampled on the spot-check page, not planned. */
const PLAN_KINDS: InspectionKind[] = ['zone_inspection', 'self_inspection'];

interface ChecklistRow {
  /** Stable React key; the server numbers the items itself. */
  key: number;
  text: string;
  category: HazardCategory;
}

/** Create (`/inspections/plans/new`) or edit (`/inspections/plans/:id/edit`) an inspection plan. */
export function PlanFormPage() {
  const { id } = useParams();
  const plan = useInspectionPlan(id);
  if (id && plan.isPending) return <Loading />;
  if (id && plan.isError) return <ErrorNotice error={plan.error} />;
  return <PlanForm key={id ?? 'new'} plan={plan.data} />;
}

let nextKey = 0;

function PlanForm({ plan }: { plan?: InspectionPlanView }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const session = useSession();
  const enterprises = useAllEnterprises();
  const save = useSavePlan(plan?.id);
  const officer = session?.user.role === 'enterprise_officer';

  const [title, setTitle] = useState(plan?.title ?? '');
  const [kind, setKind] = useState<InspectionKind>(
    plan?.kind ?? (officer ? 'self_inspection' : 'zone_inspection'),
  );
  const [enterpriseId, setEnterpriseId] = useState(plan?.enterpriseId ?? '');
  const [enterpriseIds, setEnterpriseIds] = useState<string[]>(plan?.enterpriseIds ?? []);
  const [frequency, setFrequency] = useState<InspectionFrequency>(plan?.frequency ?? 'monthly');
  const [startsOn, setStartsOn] = useState(plan?.startsOn ?? '');
  const [endsOn, setEndsOn] = useState(plan?.endsOn ?? '');
  const [active, setActive] = useState(plan?.active ?? true);
  const [rows, setRows] = useState<ChecklistRow[]>(
    plan?.checklist.map((c) => ({ key: nextKey++, text: c.text, category: c.category })) ?? [
      { key: nextKey++, text: '', category: 'fire' },
    ],
  );
  const kinds = plan && !PLAN_KINDS.includes(plan.kind) ? [...PLAN_KINDS, plan.kind] : PLAN_KINDS;
  const setRow = (key: number, patch: Partial<ChecklistRow>) =>
    setRows((rs) => rs.map((r) => (r.key === key ? { ...r, ...patch } : r)));

  const input = (): PlanInput => ({
    title,
    kind,
    // An officer's plan is always their own enterprise's; the server fills it in.
    ...(officer
      ? {}
      : kind === 'self_inspection'
        ? { enterpriseId: enterpriseId || undefined, enterpriseIds: [] }
        : { enterpriseIds }),
    frequency,
    startsOn,
    endsOn: endsOn || null,
    checklist: rows.map(({ text, category }) => ({ text, category })),
    ...(plan ? { active } : {}),
  });

  return (
    <div className="page page--narrow">
      <PageHeader
        title={plan ? t('inspections.planForm.editTitle') : t('inspections.planForm.newTitle')}
        actions={
          <Link className="button" to="/inspections">
            {t('inspections.back')}
          </Link>
        }
      >
        {t('inspections.planForm.subtitle')}
      </PageHeader>
      <form
        className="form"
        onSubmit={(e) => {
          e.preventDefault();
          save.mutate(input(), { onSuccess: () => void navigate('/inspections') });
        }}
      >
        <div className="field">
          <label htmlFor="plan-title">{t('inspections.planForm.title')}</label>
          <input id="plan-title" value={title} onChange={(e) => setTitle(e.target.value)} required />
        </div>
        <div className="form__row">
          <ChoiceField
            id="plan-kind"
            label={t('inspections.kindLabel')}
            value={kind}
            values={kinds}
            text={(k) => t(`inspections.kind.${k}`)}
            onChange={setKind}
            disabled={officer}
          />
          <ChoiceField
            id="plan-frequency"
            label={t('inspections.planForm.frequency')}
            value={frequency}
            values={INSPECTION_FREQUENCIES}
            text={(f) => t(`inspections.frequency.${f}`)}
            onChange={setFrequency}
          />
          <div className="field">
            <label htmlFor="plan-starts">{t('inspections.planForm.startsOn')}</label>
            <input
              id="plan-starts"
              type="date"
              value={startsOn}
              onChange={(e) => setStartsOn(e.target.value)}
              required
            />
          </div>
          <div className="field">
            <label htmlFor="plan-ends">{t('inspections.planForm.endsOn')}</label>
            <input id="plan-ends" type="date" value={endsOn} onChange={(e) => setEndsOn(e.target.value)} />
          </div>
        </div>
        <p className="cell-sub">{t('inspections.planForm.scheduleNote')}</p>

        {!officer && kind === 'self_inspection' && (
          <div className="field">
            <label htmlFor="plan-enterprise">{t('hazards.field.enterprise')}</label>
            <select
              id="plan-enterprise"
              value={enterpriseId}
              onChange={(e) => setEnterpriseId(e.target.value)}
            >
              <option value="">{t('inspections.planForm.chooseEnterprise')}</option>
              {enterprises.data?.items.map((e) => (
                <option key={e.id} value={e.id}>
                  {e.name}
                </option>
              ))}
            </select>
          </div>
        )}
        {!officer && kind !== 'self_inspection' && (
          <EnterprisePicker
            legend={t('inspections.planForm.scope')}
            hint={t('inspections.planForm.scopeHint')}
            value={enterpriseIds}
            onChange={setEnterpriseIds}
          />
        )}

        <fieldset className="fieldset" data-testid="plan-checklist">
          <legend>{t('inspections.planForm.checklist')}</legend>
          {rows.map((row, n) => (
            <div key={row.key} className="form__row">
              <div className="field">
                <label htmlFor={`item-text-${row.key}`}>
                  {t('inspections.planForm.itemText', { n: n + 1 })}
                </label>
                <input
                  id={`item-text-${row.key}`}
                  value={row.text}
                  onChange={(e) => setRow(row.key, { text: e.target.value })}
                  required
                />
              </div>
              <div className="field">
                <label htmlFor={`item-category-${row.key}`}>{t('hazards.field.category')}</label>
                <select
                  id={`item-category-${row.key}`}
                  value={row.category}
                  onChange={(e) => setRow(row.key, { category: e.target.value as HazardCategory })}
                >
                  {HAZARD_CATEGORIES.map((c) => (
                    <option key={c} value={c}>
                      {t(`hazards.category.${c}`)}
                    </option>
                  ))}
                </select>
              </div>
              <button
                type="button"
                className="button button--small"
                disabled={rows.length === 1}
                onClick={() => setRows((rs) => rs.filter((r) => r.key !== row.key))}
              >
                {t('inspections.planForm.removeItem', { n: n + 1 })}
              </button>
            </div>
          ))}
          <button
            type="button"
            className="button button--small"
            onClick={() => setRows((rs) => [...rs, { key: nextKey++, text: '', category: 'fire' }])}
          >
            {t('inspections.planForm.addItem')}
          </button>
        </fieldset>

        {plan && (
          <label className="checklist__choice">
            <input type="checkbox" checked={active} onChange={(e) => setActive(e.target.checked)} />
            {t('inspections.planForm.active')}
          </label>
        )}
        {save.isError && <ErrorNotice error={save.error} />}
        <div className="form__actions">
          <button type="submit" className="button button--primary" disabled={save.isPending}>
            {save.isPending ? t('common.saving') : t('inspections.planForm.save')}
          </button>
        </div>
      </form>
    </div>
  );
}
