import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useAllEnterprises } from '../api/queries';
import { ChoiceField } from '../components/ChoiceField';
import { ErrorNotice } from '../components/ErrorNotice';
import {
  CONTROL_LEVELS,
  HAZARD_CATEGORIES,
  RISK_POINT_KINDS,
  type ControlLevel,
  type HazardCategory,
  type RiskPointDetailView,
  type RiskPointKind,
} from '../contracts';
import type { RiskPointInput } from './api';
import { useRisksT } from './i18n';

type Measure = RiskPointInput['measures'][number];

/** A risk point's record: what and where, its hazards, its measures by owning level, the actions. */
export function RiskPointForm({
  initial,
  officer,
  busy,
  error,
  onSubmit,
  onCancel,
}: {
  initial?: RiskPointDetailView;
  officer: boolean;
  busy: boolean;
  error: unknown;
  onSubmit: (input: RiskPointInput) => void;
  onCancel: () => void;
}) {
  const { t } = useRisksT();
  const { t: tc } = useTranslation();
  const enterprises = useAllEnterprises();
  const [enterpriseId, setEnterpriseId] = useState(initial?.enterpriseId ?? '');
  const [name, setName] = useState(initial?.name ?? '');
  const [kind, setKind] = useState<RiskPointKind>(initial?.kind ?? 'facility');
  const [place, setPlace] = useState(initial?.place ?? '');
  const [post, setPost] = useState(initial?.post ?? '');
  const [lat, setLat] = useState(initial?.location ? String(initial.location.lat) : '');
  const [lng, setLng] = useState(initial?.location ? String(initial.location.lng) : '');
  const [hazards, setHazards] = useState(initial?.hazards ?? [{ factor: '', consequence: '' }]);
  const [measures, setMeasures] = useState<Measure[]>(
    initial?.measures ?? [{ text: '', level: 'post', person: '', category: 'other' }],
  );
  const [actions, setActions] = useState<string[]>(initial?.emergencyActions ?? ['']);

  const setMeasure = (i: number, patch: Partial<Measure>) =>
    setMeasures(measures.map((m, n) => (n === i ? { ...m, ...patch } : m)));

  return (
    <form
      className="form"
      data-testid="risk-point-form"
      onSubmit={(e) => {
        e.preventDefault();
        onSubmit({
          enterpriseId: officer || initial ? undefined : enterpriseId,
          name,
          kind,
          place,
          post: post || null,
          location: lat && lng ? { lat: Number(lat), lng: Number(lng) } : null,
          hazards: hazards.filter((h) => h.factor.trim()),
          measures: measures.filter((m) => m.text.trim()),
          emergencyActions: actions.filter((a) => a.trim()),
        });
      }}
    >
      {!officer && !initial && (
        <div className="field">
          <label htmlFor="rp-enterprise">{t('enterpriseLabel')}</label>
          <select
            id="rp-enterprise"
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
        <div className="field">
          <label htmlFor="rp-name">{t('field.name')}</label>
          <input
            id="rp-name"
            required
            minLength={2}
            maxLength={100}
            value={name}
            onChange={(e) => setName(e.target.value)}
          />
        </div>
        <ChoiceField
          id="rp-kind"
          label={t('field.kind')}
          value={kind}
          values={RISK_POINT_KINDS}
          text={(k) => t(`kind.${k}`)}
          onChange={setKind}
        />
      </div>
      <div className="form__row">
        <div className="field">
          <label htmlFor="rp-place">{t('field.place')}</label>
          <input
            id="rp-place"
            required
            maxLength={200}
            value={place}
            onChange={(e) => setPlace(e.target.value)}
          />
        </div>
        <div className="field">
          <label htmlFor="rp-post">{t('field.post')}</label>
          <input id="rp-post" maxLength={50} value={post} onChange={(e) => setPost(e.target.value)} />
        </div>
        <div className="field">
          <label htmlFor="rp-lat">{t('field.lat')}</label>
          <input
            id="rp-lat"
            type="number"
            step="any"
            min={-90}
            max={90}
            value={lat}
            onChange={(e) => setLat(e.target.value)}
          />
        </div>
        <div className="field">
          <label htmlFor="rp-lng">{t('field.lng')}</label>
          <input
            id="rp-lng"
            type="number"
            step="any"
            min={-180}
            max={180}
            value={lng}
            onChange={(e) => setLng(e.target.value)}
          />
        </div>
      </div>

      <fieldset className="fieldset">
        <legend>{t('field.hazards')}</legend>
        {hazards.map((h, i) => (
          <div className="form__row" key={i}>
            <div className="field">
              <label htmlFor={`rp-factor-${i}`}>{t('field.factor')}</label>
              <input
                id={`rp-factor-${i}`}
                maxLength={300}
                value={h.factor}
                onChange={(e) =>
                  setHazards(hazards.map((x, n) => (n === i ? { ...x, factor: e.target.value } : x)))
                }
              />
            </div>
            <div className="field">
              <label htmlFor={`rp-consequence-${i}`}>{t('field.consequence')}</label>
              <input
                id={`rp-consequence-${i}`}
                maxLength={300}
                required={Boolean(h.factor.trim())}
                value={h.consequence}
                onChange={(e) =>
                  setHazards(hazards.map((x, n) => (n === i ? { ...x, consequence: e.target.value } : x)))
                }
              />
            </div>
            <button
              type="button"
              className="button button--small"
              onClick={() => setHazards(hazards.filter((_, n) => n !== i))}
            >
              {t('removeRow')}
            </button>
          </div>
        ))}
        <button
          type="button"
          className="button button--small"
          onClick={() => setHazards([...hazards, { factor: '', consequence: '' }])}
        >
          {t('addRow')}
        </button>
      </fieldset>

      <fieldset className="fieldset">
        <legend>{t('field.measures')}</legend>
        {measures.map((m, i) => (
          <div className="form__row" key={m.id ?? `new-${i}`}>
            <div className="field">
              <label htmlFor={`rp-measure-${i}`}>{t('field.measure')}</label>
              <input
                id={`rp-measure-${i}`}
                maxLength={500}
                value={m.text}
                onChange={(e) => setMeasure(i, { text: e.target.value })}
              />
            </div>
            <ChoiceField
              id={`rp-level-${i}`}
              label={t('field.level')}
              value={m.level}
              values={CONTROL_LEVELS}
              text={(l: ControlLevel) => t(`level.${l}`)}
              onChange={(level) => setMeasure(i, { level })}
            />
            <div className="field">
              <label htmlFor={`rp-person-${i}`}>{t('field.person')}</label>
              <input
                id={`rp-person-${i}`}
                maxLength={50}
                required={Boolean(m.text.trim())}
                value={m.person}
                onChange={(e) => setMeasure(i, { person: e.target.value })}
              />
            </div>
            <ChoiceField
              id={`rp-category-${i}`}
              label={t('field.category')}
              value={m.category}
              values={HAZARD_CATEGORIES}
              text={(c: HazardCategory) => tc(`hazards.category.${c}`)}
              onChange={(category) => setMeasure(i, { category })}
            />
            <button
              type="button"
              className="button button--small"
              onClick={() => setMeasures(measures.filter((_, n) => n !== i))}
            >
              {t('removeRow')}
            </button>
          </div>
        ))}
        <button
          type="button"
          className="button button--small"
          onClick={() =>
            setMeasures([...measures, { text: '', level: 'post', person: '', category: 'other' }])
          }
        >
          {t('addRow')}
        </button>
      </fieldset>

      <fieldset className="fieldset">
        <legend>{t('field.emergencyActions')}</legend>
        {actions.map((a, i) => (
          <div className="form__row" key={i}>
            <div className="field">
              <label htmlFor={`rp-action-${i}`}>{t('field.action')}</label>
              <input
                id={`rp-action-${i}`}
                maxLength={300}
                value={a}
                onChange={(e) => setActions(actions.map((x, n) => (n === i ? e.target.value : x)))}
              />
            </div>
            <button
              type="button"
              className="button button--small"
              onClick={() => setActions(actions.filter((_, n) => n !== i))}
            >
              {t('removeRow')}
            </button>
          </div>
        ))}
        <button type="button" className="button button--small" onClick={() => setActions([...actions, ''])}>
          {t('addRow')}
        </button>
      </fieldset>

      {Boolean(error) && <ErrorNotice error={error} />}
      <div className="form__actions">
        <button type="submit" className="button button--primary" disabled={busy}>
          {t('save')}
        </button>
        <button type="button" className="button" onClick={onCancel}>
          {t('cancel')}
        </button>
      </div>
    </form>
  );
}
