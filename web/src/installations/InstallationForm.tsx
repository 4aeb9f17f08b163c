import { useState } from 'react';
import { useAllEnterprises } from '../api/queries';
import { ChoiceField } from '../components/ChoiceField';
import { ErrorNotice } from '../components/ErrorNotice';
import {
  INSTALLATION_KINDS,
  RESPONSIBLE_ROLES,
  assessInstallation,
  type InstallationKind,
  type InstallationView,
  type ResponsiblePerson,
  type ResponsibleRole,
} from '../contracts';
import { LocationPicker } from '../incidents/map/LocationPicker';
import type { LatLngTuple } from '../map/enterprise-features';
import type { InstallationInput } from './api';
import { AssessmentPreview } from './AssessmentPreview';
import { type ChemicalDraft, ChemicalsFieldset, emptyChemical } from './ChemicalsFieldset';
import { useInstallationsT } from './i18n';

type People = Record<ResponsibleRole, ResponsiblePerson>;

const toDraft = (i: InstallationView): ChemicalDraft[] =>
  i.chemicals.map((c) => ({ ...c, quantity: String(c.maxQuantityT) }));

/** A quantity as typed, or null while it is not (yet) a number of tonnes. */
const tonnes = (text: string): number | null => {
  const n = Number(text);
  return text.trim() && Number.isFinite(n) && n >= 0 ? n : null;
};

/**
 * A production or storage unit of the register: what and where it is, its hazardous chemicals
 * with their maximum quantities, the people within 500 m, and its three responsible persons.
 * The GB 18218 identification and grade follow every keystroke.
 */
export function InstallationForm({
  initial,
  chooseEnterprise,
  busy,
  error,
  onSubmit,
  onCancel,
}: {
  initial?: InstallationView;
  /** Zone roles name the enterprise when registering; officers register their own. */
  chooseEnterprise: boolean;
  busy: boolean;
  error: unknown;
  onSubmit: (input: InstallationInput) => void;
  onCancel: () => void;
}) {
  const { t } = useInstallationsT();
  const enterprises = useAllEnterprises();
  const [enterpriseId, setEnterpriseId] = useState(initial?.enterpriseId ?? '');
  const [code, setCode] = useState(initial?.code ?? '');
  const [name, setName] = useState(initial?.name ?? '');
  const [kind, setKind] = useState<InstallationKind>(initial?.kind ?? 'storage');
  const [people, setPeople] = useState(String(initial?.peopleExposed ?? 0));
  const [location, setLocation] = useState<LatLngTuple | null>(
    initial?.location ? [initial.location.lat, initial.location.lng] : null,
  );
  const [chemicals, setChemicals] = useState<ChemicalDraft[]>(initial ? toDraft(initial) : [emptyChemical()]);
  const [responsible, setResponsible] = useState<People>(
    Object.fromEntries(
      RESPONSIBLE_ROLES.map((r) => [r, initial?.responsible[r] ?? { name: '', phone: '' }]),
    ) as People,
  );

  const peopleExposed = Math.max(0, Math.floor(Number(people) || 0));
  const typed = chemicals.flatMap((c) => {
    const q = tonnes(c.quantity);
    return q === null
      ? []
      : [{ substance: c.substance, name: c.name, category: c.category, maxQuantityT: q }];
  });
  const assessment = assessInstallation(typed, peopleExposed);
  const site = enterprises.data?.items.find((e) => e.id === (initial?.enterpriseId ?? enterpriseId));
  const setPerson = (role: ResponsibleRole, patch: Partial<ResponsiblePerson>) =>
    setResponsible({ ...responsible, [role]: { ...responsible[role], ...patch } });

  return (
    <form
      className="form installation-form"
      data-testid="installation-form"
      onSubmit={(e) => {
        e.preventDefault();
        onSubmit({
          enterpriseId: chooseEnterprise && !initial ? enterpriseId : undefined,
          code,
          name,
          kind,
          location: location ? { lat: location[0], lng: location[1] } : null,
          peopleExposed,
          chemicals: chemicals.map((c) => ({
            substance: c.substance,
            name: c.name,
            category: c.category,
            maxQuantityT: tonnes(c.quantity) ?? Number.NaN,
          })),
          responsible: Object.fromEntries(
            RESPONSIBLE_ROLES.map((r) => [
              r,
              responsible[r].name.trim() || responsible[r].phone.trim() ? responsible[r] : null,
            ]),
          ) as InstallationInput['responsible'],
        });
      }}
    >
      {chooseEnterprise && !initial && (
        <div className="field">
          <label htmlFor="inst-enterprise">{t('form.enterprise')}</label>
          <select
            id="inst-enterprise"
            required
            value={enterpriseId}
            onChange={(e) => setEnterpriseId(e.target.value)}
          >
            <option value="">—</option>
            {enterprises.data?.items.map((e) => (
              <option key={e.id} value={e.id}>
                {e.name}
              </option>
            ))}
          </select>
        </div>
      )}
      <div className="form__row">
        <div className="field field--narrow">
          <label htmlFor="inst-code">{t('form.code')}</label>
          <input
            id="inst-code"
            required
            pattern="[A-Za-z0-9_.\-]{1,40}"
            title={t('form.codeHint')}
            value={code}
            onChange={(e) => setCode(e.target.value)}
          />
        </div>
        <div className="field">
          <label htmlFor="inst-name">{t('form.name')}</label>
          <input
            id="inst-name"
            required
            maxLength={200}
            value={name}
            onChange={(e) => setName(e.target.value)}
          />
        </div>
        <ChoiceField
          id="inst-kind"
          label={t('column.kind')}
          value={kind}
          values={INSTALLATION_KINDS}
          text={(k) => t(`kind.${k}`)}
          onChange={setKind}
        />
        <div className="field field--narrow">
          <label htmlFor="inst-people">{t('form.peopleExposed')}</label>
          <input
            id="inst-people"
            type="number"
            required
            min={0}
            step={1}
            aria-describedby="inst-people-hint"
            value={people}
            onChange={(e) => setPeople(e.target.value)}
          />
        </div>
      </div>
      <p id="inst-people-hint" className="muted">
        {t('form.peopleHint')}
      </p>

      <ChemicalsFieldset rows={chemicals} onChange={setChemicals} />
      <AssessmentPreview assessment={assessment} peopleExposed={peopleExposed} />

      <fieldset className="fieldset">
        <legend>{t('responsible.title')}</legend>
        {RESPONSIBLE_ROLES.map((role) => (
          <div className="form__row" key={role}>
            <div className="field">
              <label htmlFor={`inst-${role}-name`}>{t(`form.person.${role}`)}</label>
              <input
                id={`inst-${role}-name`}
                maxLength={100}
                required={Boolean(responsible[role].phone.trim())}
                value={responsible[role].name}
                onChange={(e) => setPerson(role, { name: e.target.value })}
              />
            </div>
            <div className="field">
              <label htmlFor={`inst-${role}-phone`}>{t('form.phone')}</label>
              <input
                id={`inst-${role}-phone`}
                type="tel"
                pattern="\+?[0-9 \-]{5,20}"
                required={Boolean(responsible[role].name.trim())}
                value={responsible[role].phone}
                onChange={(e) => setPerson(role, { phone: e.target.value })}
              />
            </div>
          </div>
        ))}
      </fieldset>

      <fieldset className="fieldset">
        <legend>{t('form.location')}</legend>
        {/* Not `lat`/`lng`: i18next takes an `lng` option for the language to answer in. */}
        <p className="muted" data-testid="location-text">
          {location
            ? t('form.locationAt', { latitude: location[0].toFixed(5), longitude: location[1].toFixed(5) })
            : t('form.locationHint')}
        </p>
        <LocationPicker
          value={location}
          onChange={setLocation}
          focus={site ? [site.location.lat, site.location.lng] : null}
          ariaLabel={t('form.mapLabel')}
        />
        {location && (
          <button type="button" className="button button--small" onClick={() => setLocation(null)}>
            {t('form.clearLocation')}
          </button>
        )}
      </fieldset>

      {Boolean(error) && <ErrorNotice error={error} />}
      <div className="form__actions">
        <button type="submit" className="button button--primary" disabled={busy}>
          {t('form.save')}
        </button>
        <button type="button" className="button" onClick={onCancel}>
          {t('form.cancel')}
        </button>
      </div>
    </form>
  );
}
