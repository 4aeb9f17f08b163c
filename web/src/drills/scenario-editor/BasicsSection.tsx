import { useTranslation } from 'react-i18next';
import { DRILL_FORMS, DRILL_SCOPES, RESPONSE_LEVELS, type DrillForm, type DrillScope } from '../../contracts';
import { useDrillsT } from '../i18n';
import { FieldProblems, usePlanChoices } from '../ui';
import type { ScenarioSectionProps } from './use-scenario-editor';

interface BasicsSectionProps extends ScenarioSectionProps {
  /** The title of the saved scenario's plan, for a plan no longer among the choices. */
  planTitle?: string | null;
}

/** Title, form and scope of the drill, the plan it exercises and the response level it rehearses. */
export function BasicsSection({ doc, update, at, planTitle }: BasicsSectionProps) {
  const { t } = useDrillsT();
  const { t: tg } = useTranslation();
  const plans = usePlanChoices();
  return (
    <section className="card" aria-labelledby="basics-title">
      <h2 id="basics-title" className="card__title">
        {t('editor.basics')}
      </h2>
      <div className="field">
        <label htmlFor="scenario-title">{t('scenario.title')}</label>
        <input
          id="scenario-title"
          value={doc.title}
          maxLength={200}
          aria-invalid={at('title').length > 0 || undefined}
          onChange={(event) => update((d) => ({ ...d, title: event.target.value }))}
        />
        <FieldProblems problems={at('title')} />
      </div>
      <div className="drill-grid-2">
        <div className="field">
          <label htmlFor="scenario-form">{t('scenario.form')}</label>
          <select
            id="scenario-form"
            value={doc.form}
            onChange={(event) => update((d) => ({ ...d, form: event.target.value as DrillForm }))}
          >
            {DRILL_FORMS.map((f) => (
              <option key={f} value={f}>
                {t(`form.${f}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="scenario-scope">{t('scenario.scope')}</label>
          <select
            id="scenario-scope"
            value={doc.scope}
            onChange={(event) => update((d) => ({ ...d, scope: event.target.value as DrillScope }))}
          >
            {DRILL_SCOPES.map((s) => (
              <option key={s} value={s}>
                {t(`scope.${s}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="scenario-plan">{t('scenario.plan')}</label>
          <select
            id="scenario-plan"
            value={doc.planId ?? ''}
            onChange={(event) => update((d) => ({ ...d, planId: event.target.value || null }))}
          >
            <option value="">{t('none')}</option>
            {doc.planId && !plans.data?.items.some((p) => p.id === doc.planId) && (
              <option value={doc.planId}>{planTitle ?? doc.planId}</option>
            )}
            {(plans.data?.items ?? []).map((p) => (
              <option key={p.id} value={p.id}>
                {p.title}
                {p.enterpriseName ? ` · ${p.enterpriseName}` : ''}
              </option>
            ))}
          </select>
          <FieldProblems problems={at('planId')} />
        </div>
        <div className="field">
          <label htmlFor="scenario-level">{t('scenario.responseLevel')}</label>
          <select
            id="scenario-level"
            value={doc.responseLevel ?? ''}
            onChange={(event) => update((d) => ({ ...d, responseLevel: event.target.value || null }))}
          >
            <option value="">{t('none')}</option>
            {RESPONSE_LEVELS.map((l) => (
              <option key={l} value={l}>
                {tg(`incidents.level.${l}`)}
              </option>
            ))}
          </select>
        </div>
      </div>
    </section>
  );
}
