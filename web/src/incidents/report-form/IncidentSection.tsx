import { useTranslation } from 'react-i18next';
import { INCIDENT_CATEGORIES, type IncidentCategory } from '../../contracts';
import { Field } from './Field';
import { LocationFields } from './LocationFields';
import type { IncidentReportForm } from './use-incident-report';

/** The unit, the incident and when it happened, then where (see `LocationFields`). */
export function IncidentSection({ form }: { form: IncidentReportForm }) {
  const { t } = useTranslation();
  const {
    values,
    set,
    chooseEnterprise,
    zoneRole,
    enterprises,
    ownEnterprise,
    timeZone,
    id,
    errorList,
    invalid,
    describe,
  } = form;
  return (
    <fieldset className="form-section">
      <legend>{t('incidents.form.unitSection')}</legend>
      <div className="form-grid">
        <Field
          id={id('enterprise')}
          label={t('incidents.field.enterprise')}
          errors={errorList('enterpriseId')}
        >
          {zoneRole ? (
            <select
              id={id('enterprise')}
              value={values.enterpriseId}
              onChange={(e) => chooseEnterprise(e.target.value)}
              disabled={enterprises.isPending}
              aria-invalid={invalid('enterpriseId')}
            >
              <option value="">{t('incidents.field.noEnterprise')}</option>
              {enterprises.data?.items.map((e) => (
                <option key={e.id} value={e.id}>
                  {e.name}
                </option>
              ))}
            </select>
          ) : (
            <input
              id={id('enterprise')}
              readOnly
              value={ownEnterprise?.name ?? ''}
              className="input--readonly"
            />
          )}
        </Field>
        <Field id={id('title')} label={t('incidents.field.title')} required errors={errorList('title')}>
          <input
            id={id('title')}
            value={values.title}
            maxLength={200}
            onChange={(e) => set('title', e.target.value)}
            aria-required="true"
            aria-invalid={invalid('title')}
            aria-describedby={describe(id('title'), 'title')}
          />
        </Field>
        <Field
          id={id('category')}
          label={t('incidents.category.label')}
          required
          errors={errorList('category')}
        >
          <select
            id={id('category')}
            value={values.category}
            onChange={(e) => set('category', e.target.value as IncidentCategory | '')}
            aria-required="true"
            aria-invalid={invalid('category')}
            aria-describedby={describe(id('category'), 'category')}
          >
            <option value="">—</option>
            {INCIDENT_CATEGORIES.map((c) => (
              <option key={c} value={c}>
                {t(`incidents.category.${c}`)}
              </option>
            ))}
          </select>
        </Field>
        <Field
          id={id('occurredAt')}
          label={t('incidents.field.occurredAt')}
          required
          errors={errorList('occurredAt')}
          hint={t('incidents.form.timeZoneHint', { timeZone })}
        >
          <input
            id={id('occurredAt')}
            type="datetime-local"
            value={values.occurredAt}
            onChange={(e) => set('occurredAt', e.target.value)}
            aria-required="true"
            aria-invalid={invalid('occurredAt')}
            aria-describedby={describe(id('occurredAt'), 'occurredAt', true)}
          />
        </Field>
      </div>
      <LocationFields form={form} />
    </fieldset>
  );
}
