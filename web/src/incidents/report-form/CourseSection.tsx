import { useTranslation } from 'react-i18next';
import { AttachmentsInput } from '../attachments';
import { Field } from './Field';
import { CASUALTY_FIELDS } from './report-values';
import type { IncidentReportForm } from './use-incident-report';

/**
 * What happened, the casualties and the direct loss (which grade the incident), the measures
 * taken, anything else to report, and the photos and documents that go with it.
 */
export function CourseSection({ form }: { form: IncidentReportForm }) {
  const { t } = useTranslation();
  const { values, set, setCasualty, id, errorList, invalid, describe } = form;
  return (
    <fieldset className="form-section">
      <legend>{t('incidents.form.courseSection')}</legend>
      <Field id={id('summary')} label={t('incidents.field.summary')} required errors={errorList('summary')}>
        <textarea
          id={id('summary')}
          rows={4}
          maxLength={5000}
          value={values.summary}
          placeholder={t('incidents.form.summaryPlaceholder')}
          onChange={(e) => set('summary', e.target.value)}
          aria-required="true"
          aria-invalid={invalid('summary')}
          aria-describedby={describe(id('summary'), 'summary')}
        />
      </Field>
      <div className="casualty-grid" role="group" aria-label={t('incidents.field.casualties')}>
        {CASUALTY_FIELDS.map((f) => (
          <Field key={f} id={id(f)} label={t(`incidents.field.${f}`)} errors={errorList(`casualties.${f}`)}>
            <div className="input-with-unit">
              <input
                id={id(f)}
                inputMode="numeric"
                value={values.casualties[f]}
                onChange={(e) => setCasualty(f, e.target.value)}
                onFocus={(e) => e.target.select()}
                aria-invalid={invalid(`casualties.${f}`)}
                aria-describedby={describe(id(f), `casualties.${f}`)}
              />
              <span className="input-with-unit__unit">{t('incidents.field.people')}</span>
            </div>
          </Field>
        ))}
      </div>
      <Field id={id('loss')} label={t('incidents.field.directLossCny')} errors={errorList('directLossCny')}>
        <input
          id={id('loss')}
          inputMode="decimal"
          value={values.loss}
          onChange={(e) => set('loss', e.target.value)}
          onFocus={(e) => e.target.select()}
          aria-invalid={invalid('directLossCny')}
          aria-describedby={describe(id('loss'), 'directLossCny')}
        />
      </Field>
      <Field
        id={id('measures')}
        label={t('incidents.field.measuresTaken')}
        errors={errorList('measuresTaken')}
      >
        <textarea
          id={id('measures')}
          rows={3}
          maxLength={5000}
          value={values.measures}
          placeholder={t('incidents.form.measuresPlaceholder')}
          onChange={(e) => set('measures', e.target.value)}
          aria-invalid={invalid('measuresTaken')}
        />
      </Field>
      <Field
        id={id('otherMatters')}
        label={t('incidents.field.otherMatters')}
        errors={errorList('otherMatters')}
      >
        <textarea
          id={id('otherMatters')}
          rows={3}
          maxLength={5000}
          value={values.otherMatters}
          placeholder={t('incidents.form.otherMattersPlaceholder')}
          onChange={(e) => set('otherMatters', e.target.value)}
          aria-invalid={invalid('otherMatters')}
        />
      </Field>
      <AttachmentsInput
        value={values.attachments}
        onChange={(files) => set('attachments', files)}
        errors={errorList('attachmentIds')}
      />
    </fieldset>
  );
}
