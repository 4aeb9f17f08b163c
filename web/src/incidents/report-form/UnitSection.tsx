import { useTranslation } from 'react-i18next';
import { UNIT_OVERVIEW_FIELDS, type UnitOverview } from '../../contracts';
import { Field } from './Field';
import type { IncidentReportForm } from './use-incident-report';

const MAX_LENGTH: Record<keyof UnitOverview, number> = {
  name: 200,
  creditCode: 30,
  address: 300,
  nature: 200,
  legalRepresentative: 50,
  scale: 1000,
  licences: 1000,
  phone: 30,
};
const LONG: (keyof UnitOverview)[] = ['scale', 'licences'];

/** 事故发生单位概况 (Decree 493 Art. 12 item 1): the enterprise record's values, to correct or complete. */
export function UnitSection({ form }: { form: IncidentReportForm }) {
  const { t } = useTranslation();
  const { values, setUnit, id, errorList, invalid } = form;
  return (
    <fieldset className="form-section" data-testid="unit-overview">
      <legend>{t('incidents.form.overviewSection')}</legend>
      <p className="field__hint">{t('incidents.form.overviewHint')}</p>
      <div className="form-grid">
        {UNIT_OVERVIEW_FIELDS.map((f) => (
          <Field
            key={f}
            id={id(`unit-${f}`)}
            label={t(`incidents.unit.${f}`)}
            errors={errorList(`unitOverview.${f}`)}
            className={LONG.includes(f) ? 'form-grid__wide' : undefined}
          >
            {LONG.includes(f) ? (
              <textarea
                id={id(`unit-${f}`)}
                rows={2}
                maxLength={MAX_LENGTH[f]}
                value={values.unit[f]}
                placeholder={t(`incidents.unit.${f as 'scale' | 'licences'}Placeholder`)}
                onChange={(e) => setUnit(f, e.target.value)}
                aria-invalid={invalid(`unitOverview.${f}`)}
              />
            ) : (
              <input
                id={id(`unit-${f}`)}
                maxLength={MAX_LENGTH[f]}
                value={values.unit[f]}
                onChange={(e) => setUnit(f, e.target.value)}
                aria-invalid={invalid(`unitOverview.${f}`)}
              />
            )}
          </Field>
        ))}
      </div>
    </fieldset>
  );
}
