import { useTranslation } from 'react-i18next';
import { Field } from './Field';
import type { IncidentReportForm } from './use-incident-report';

/** Who reports, and how to reach them. */
export function ReporterSection({ form }: { form: IncidentReportForm }) {
  const { t } = useTranslation();
  const { values, set, id, errorList, invalid, describe } = form;
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
    </fieldset>
  );
}
