import { useTranslation } from 'react-i18next';
import { Field } from './Field';
import type { IncidentReportForm } from './use-incident-report';

/** Who reports, and how to reach them. */
export function ReporterSection({ form }: { form: IncidentReportForm }) {
  const { t } = useTranslation();
  const { values, set, id, errorList, invalid, describe, zoneRole } = form;
  return (
    <fieldset className="form-section">
      <legend>{t('incidents.form.reporterSection')}</legend>
      <div className="form-grid">
        <Field
          id={id('reporterName')}
          label={t('incidents.field.reporterName')}
          required
          errors={errorList('reporter.name')}
        >
          <input
            id={id('reporterName')}
            value={values.reporterName}
            maxLength={50}
            autoComplete="name"
            onChange={(e) => set('reporterName', e.target.value)}
            aria-required="true"
            aria-invalid={invalid('reporter.name')}
            aria-describedby={describe(id('reporterName'), 'reporter.name')}
          />
        </Field>
        <Field
          id={id('reporterPhone')}
          label={t('incidents.field.reporterPhone')}
          required
          errors={errorList('reporter.phone')}
        >
          <input
            id={id('reporterPhone')}
            type="tel"
            value={values.reporterPhone}
            maxLength={20}
            autoComplete="tel"
            onChange={(e) => set('reporterPhone', e.target.value)}
            aria-required="true"
            aria-invalid={invalid('reporter.phone')}
            aria-describedby={describe(id('reporterPhone'), 'reporter.phone')}
          />
        </Field>
      </div>
      {zoneRole && (
        <fieldset className="form-choice" data-testid="report-source">
          <legend>{t('incidents.form.sourceLabel')}</legend>
          {(['enterprise', 'zone'] as const).map((source) => (
            <label key={source} className="form-choice__option">
              <input
                type="radio"
                name={id('source')}
                value={source}
                checked={values.source === source}
                onChange={() => set('source', source)}
              />
              {t(`incidents.form.source.${source}`)}
            </label>
          ))}
          <p className="field__hint">{t(`incidents.form.sourceHint.${values.source}`)}</p>
        </fieldset>
      )}
      {values.source === 'enterprise' && (
        <fieldset className="form-choice" data-testid="filer-role">
          <legend>{t('incidents.form.filerRoleLabel')}</legend>
          {(['unit_head', 'other'] as const).map((role) => (
            <label key={role} className="form-choice__option">
              <input
                type="radio"
                name={id('filerRole')}
                value={role}
                checked={values.filerRole === role}
                onChange={() => set('filerRole', role)}
              />
              {t(`incidents.form.filerRole.${role}`)}
            </label>
          ))}
        </fieldset>
      )}
      {(values.source === 'zone' || values.filerRole === 'other') && (
        <div className="form-grid">
          <Field
            id={id('headInformedAt')}
            label={t('incidents.field.headInformedAt')}
            errors={errorList('headInformedAt')}
            hint={t('incidents.form.headInformedHint')}
          >
            <input
              id={id('headInformedAt')}
              type="datetime-local"
              value={values.headInformedAt}
              onChange={(e) => set('headInformedAt', e.target.value)}
              aria-invalid={invalid('headInformedAt')}
              aria-describedby={describe(id('headInformedAt'), 'headInformedAt')}
            />
          </Field>
        </div>
      )}
    </fieldset>
  );
}
