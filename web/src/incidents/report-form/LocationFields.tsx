import { useTranslation } from 'react-i18next';
import { LocationPicker } from '../map/LocationPicker';
import { Field } from './Field';
import type { IncidentReportForm } from './use-incident-report';

/** Where it happened: a point picked on the map (near the chosen enterprise), and the address. */
export function LocationFields({ form }: { form: IncidentReportForm }) {
  const { t } = useTranslation();
  const { values, set, focus, id, errorList, invalid, describe } = form;
  return (
    <>
      <div className="field">
        <span className="field__label" id={id('location-label')}>
          {t('incidents.field.location')}
          <span className="field__required" aria-hidden="true">
            {' '}
            *
          </span>
        </span>
        <LocationPicker
          value={values.location}
          onChange={(picked) => set('location', picked)}
          focus={focus}
          invalid={invalid('location')}
          describedBy={id('location-state')}
        />
        <p id={id('location-state')} className="field__hint" aria-live="polite" data-testid="picked-location">
          {values.location
            ? t('incidents.form.picked', {
                lat: values.location[0].toFixed(6),
                lng: values.location[1].toFixed(6),
              })
            : `${t('incidents.form.notPicked')} · ${t('incidents.form.pickHint')}`}
        </p>
        {errorList('location').map((e) => (
          <p key={e} className="field__error" data-testid={`error-${id('location')}`}>
            {e}
          </p>
        ))}
      </div>
      <Field id={id('address')} label={t('incidents.field.address')} required errors={errorList('address')}>
        <input
          id={id('address')}
          value={values.address}
          maxLength={300}
          onChange={(e) => set('address', e.target.value)}
          aria-required="true"
          aria-invalid={invalid('address')}
          aria-describedby={describe(id('address'), 'address')}
        />
      </Field>
    </>
  );
}
