import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useId, useState, type FormEvent, type ReactNode } from 'react';
import { ErrorNotice } from '../components/ErrorNotice';
import {
  CONSEQUENCE_MODELS,
  FUELS,
  INPUT_LIMITS,
  STABILITY_CLASSES,
  TERRAINS,
  TOXIC_SUBSTANCES,
  checkModelInputs,
  describeModelInputs,
  insolationFromCloud,
  pasquillClasses,
  suggestStability,
  type ConsequenceModel,
  type ConsequenceRunView,
  type IncidentView,
} from '../contracts';
import { currentLanguage } from '../i18n';
import { useZoneTime } from '../incidents/ui';
import { runConsequenceModel } from './api';
import { useConsequencesT } from './i18n';
import { installationSources, type InstallationSource } from './installation-sources';
import { consequenceKeys, useConsequenceRuns, useInstallationSources } from './queries';
import { distanceParts, durationParts, rankColour, shownRuns } from './threat-zones';
import './consequences.css';

type NumberField = keyof typeof INPUT_LIMITS;

/** The numbers each model asks for, in the form's order. */
const FIELDS: Record<ConsequenceModel, NumberField[]> = {
  plume: ['releaseRateKgS', 'durationS', 'sourceHeightM', 'windSpeedMS', 'windFromDeg'],
  puff: ['massKg', 'sourceHeightM', 'windSpeedMS', 'windFromDeg'],
  pool_fire: ['poolAreaM2', 'radiativeFraction'],
  vce: ['massKg', 'yieldFactor'],
};

const DEFAULTS: Record<NumberField, string> = {
  releaseRateKgS: '1',
  durationS: '600',
  massKg: '1000',
  sourceHeightM: '1',
  windSpeedMS: '2.5',
  windFromDeg: '90',
  poolAreaM2: '100',
  radiativeFraction: '0.35',
  yieldFactor: '0.04',
};

/**
 * The room's consequence models: choose a model and its inputs (the substance list and the
 * stability suggestion come from the contracts' data and Pasquill's table), run it, and read
 * every run's zones with their levels, distances and arrival times, and the model's limits.
 */
export function ConsequencePanel({ incident, canAct }: { incident: IncidentView; canAct: boolean }) {
  const { t } = useConsequencesT();
  const zoneTime = useZoneTime();
  const queryClient = useQueryClient();
  const runs = useConsequenceRuns(incident.id);
  const id = useId();
  const [model, setModel] = useState<ConsequenceModel>('plume');
  const [numbers, setNumbers] = useState<Record<NumberField, string>>(DEFAULTS);
  const [lat, setLat] = useState(String(incident.location.lat));
  const [lng, setLng] = useState(String(incident.location.lng));
  const [substance, setSubstance] = useState(TOXIC_SUBSTANCES[0]!.id);
  const [fuel, setFuel] = useState('benzene');
  const [terrain, setTerrain] = useState<(typeof TERRAINS)[number]>('open');
  const [stability, setStability] = useState<(typeof STABILITY_CLASSES)[number]>('D');
  const dispersion = model === 'plume' || model === 'puff';
  const fuels = model === 'pool_fire' ? FUELS.filter((f) => f.burningRate !== null) : FUELS;
  const register = useInstallationSources(incident.enterpriseId);
  const sources = installationSources(register.data ?? [], model);
  const [sourceKey, setSourceKey] = useState('');
  const picked = sources.find((s) => s.key === sourceKey) ?? null;

  // The installation's chemical, the quantity it holds and its place become the model's source.
  const pick = (source: InstallationSource | undefined) => {
    setSourceKey(source?.key ?? '');
    if (!source) return;
    if (dispersion) setSubstance(source.agent);
    else setFuel(source.agent);
    setNumbers({ ...numbers, massKg: String(source.massKg) });
    if (source.location) {
      setLat(String(source.location.lat));
      setLng(String(source.location.lng));
    }
  };

  const run = useMutation({
    mutationFn: () => {
      const raw: Record<string, unknown> = {
        model,
        source: { lat: Number(lat), lng: Number(lng) },
        ...(dispersion ? { substance, terrain, stability } : { fuel }),
      };
      for (const field of FIELDS[model]) raw[field] = Number(numbers[field]);
      const check = checkModelInputs(raw);
      // The server checks again and answers the same problems; a valid form gets a title in the runner's language.
      const title = check.ok ? describeModelInputs(check.inputs, currentLanguage()) : undefined;
      return runConsequenceModel(incident.id, { ...raw, ...(title ? { title } : {}) });
    },
    onSuccess: (created) =>
      queryClient.setQueryData<ConsequenceRunView[]>(consequenceKeys.runs(incident.id), (list) =>
        list?.some((r) => r.id === created.id) ? list : [...(list ?? []), created],
      ),
  });

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    run.mutate();
  };
  const field = (name: NumberField) => {
    const [min, max] = INPUT_LIMITS[name];
    return (
      <div className="field" key={name}>
        <label htmlFor={`${id}-${name}`}>{t(`field.${name}`)}</label>
        <input
          id={`${id}-${name}`}
          name={name}
          type="number"
          step="any"
          min={min}
          max={max}
          required
          value={numbers[name]}
          onChange={(e) => setNumbers({ ...numbers, [name]: e.target.value })}
        />
      </div>
    );
  };
  const select = (
    name: string,
    value: string,
    onChange: (v: string) => void,
    options: [string, string][],
  ) => (
    <div className="field">
      <label htmlFor={`${id}-${name}`}>{t(`field.${name}` as never)}</label>
      <select id={`${id}-${name}`} name={name} value={value} onChange={(e) => onChange(e.target.value)}>
        {options.map(([v, label]) => (
          <option key={v} value={v}>
            {label}
          </option>
        ))}
      </select>
    </div>
  );
  const lang = currentLanguage() === 'en' ? 'en' : 'zh';
  const shown = new Set(shownRuns(runs.data).map((r) => r.id));

  return (
    <section className="room-panel" aria-labelledby={`${id}-title`} data-testid="consequence-panel">
      <h2 id={`${id}-title`} className="room-panel__title">
        {t('title')}
      </h2>
      <p className="field__hint">{t('intro')}</p>
      {canAct && (
        <form className="consequence-form" onSubmit={onSubmit} data-testid="consequence-form">
          <div className="field field--wide">
            <label htmlFor={`${id}-model`}>{t('model.label')}</label>
            <select
              id={`${id}-model`}
              name="model"
              value={model}
              onChange={(e) => setModel(e.target.value as ConsequenceModel)}
            >
              {CONSEQUENCE_MODELS.map((m) => (
                <option key={m} value={m}>
                  {t(`model.${m}`)}
                </option>
              ))}
            </select>
          </div>
          {sources.length > 0 && (
            <div className="field field--wide">
              <label htmlFor={`${id}-installation`}>{t('installation.label')}</label>
              <select
                id={`${id}-installation`}
                name="installation"
                value={picked?.key ?? ''}
                onChange={(e) => pick(sources.find((s) => s.key === e.target.value))}
              >
                <option value="">{t('installation.none')}</option>
                {sources.map((s) => (
                  <option key={s.key} value={s.key}>
                    {t('installation.option', {
                      name: s.installationName,
                      grade: t(s.grade === null ? 'installation.ungraded' : `installation.grade.${s.grade}`),
                      chemical: s.chemicalName,
                      quantity: s.maxQuantityT,
                    })}
                  </option>
                ))}
              </select>
              <span className="field__hint" data-testid="installation-hint">
                {picked
                  ? t('installation.picked', { quantity: picked.maxQuantityT })
                  : t('installation.hint')}
              </span>
            </div>
          )}
          <div className="field">
            <label htmlFor={`${id}-lat`}>{t('field.lat')}</label>
            <input
              id={`${id}-lat`}
              name="lat"
              type="number"
              step="any"
              required
              value={lat}
              onChange={(e) => setLat(e.target.value)}
            />
          </div>
          <div className="field">
            <label htmlFor={`${id}-lng`}>{t('field.lng')}</label>
            <input
              id={`${id}-lng`}
              name="lng"
              type="number"
              step="any"
              required
              value={lng}
              onChange={(e) => setLng(e.target.value)}
            />
            {!picked?.location && <span className="field__hint">{t('field.sourceHint')}</span>}
          </div>
          {dispersion
            ? select(
                'substance',
                substance,
                setSubstance,
                TOXIC_SUBSTANCES.map((s) => [s.id, s.name[lang]]),
              )
            : select(
                'fuel',
                fuel,
                setFuel,
                fuels.map((f) => [f.id, f.name[lang]]),
              )}
          {FIELDS[model].map(field)}
          {dispersion && (
            <>
              {select(
                'terrain',
                terrain,
                (v) => setTerrain(v as typeof terrain),
                TERRAINS.map((v) => [v, t(`terrain.${v}`)]),
              )}
              {select(
                'stability',
                stability,
                (v) => setStability(v as typeof stability),
                STABILITY_CLASSES.map((c) => [c, t(`stability.${c}`)]),
              )}
              <StabilityHelper windSpeed={Number(numbers.windSpeedMS)} onUse={setStability} />
            </>
          )}
          <div className="form__actions field--wide">
            <button type="submit" className="button button--primary" disabled={run.isPending}>
              {run.isPending ? t('running') : t('run')}
            </button>
          </div>
        </form>
      )}
      {run.isError && <ErrorNotice error={run.error} compact />}
      <Limits model={model} />
      <h3 className="card__title">{t('runs')}</h3>
      {runs.isError && <ErrorNotice error={runs.error} compact onRetry={() => void runs.refetch()} />}
      {runs.data?.length === 0 && <p className="field__hint">{t('noRuns')}</p>}
      <ul className="consequence-runs">
        {[...(runs.data ?? [])].reverse().map((r) => (
          <li key={r.id} className="consequence-run" data-testid="consequence-run" data-model={r.model}>
            <p className="consequence-run__title">
              {r.title}
              {shown.has(r.id) && <span className="badge"> · {t('onMap')}</span>}
            </p>
            <p className="consequence-run__meta">
              {t('by', { name: r.createdBy.name, time: zoneTime(r.createdAt) })}
            </p>
            <ZoneTable run={r} />
          </li>
        ))}
      </ul>
    </section>
  );
}

function Limits({ model }: { model: ConsequenceModel }): ReactNode {
  const { t } = useConsequencesT();
  return (
    <p className="consequence-limits" data-testid="consequence-limits">
      <strong>{t('limits.title')}</strong>
      {t(`limits.${model}`)}
    </p>
  );
}

function ZoneTable({ run }: { run: ConsequenceRunView }) {
  const { t } = useConsequencesT();
  if (!run.zones.length) return <p className="field__hint">{t('zone.none')}</p>;
  const dispersion = run.model === 'plume' || run.model === 'puff';
  const distance = (m: number | undefined) => {
    const d = distanceParts(m ?? 0);
    return t(`units.${d.unit}`, d);
  };
  return (
    <table className="drill-small-table">
      <thead>
        <tr>
          <th scope="col">{t('zone.level')}</th>
          <th scope="col">{t('zone.threshold')}</th>
          <th scope="col">{t('zone.extent')}</th>
          {dispersion && <th scope="col">{t('zone.width')}</th>}
          {dispersion && <th scope="col">{t('zone.arrival')}</th>}
        </tr>
      </thead>
      <tbody>
        {run.zones.map((z) => {
          const arrival = durationParts(z.arrivalSeconds ?? 0);
          return (
            <tr key={z.id} data-testid="threat-zone-row" data-level={z.level}>
              <td>
                <span className="threat-legend__swatch" style={{ background: rankColour(z.rank) }} />
                {t(`level.${z.level}` as never)}
              </td>
              <td>
                {z.threshold
                  ? `${z.threshold.value} ${z.threshold.unit === 'kW/m2' ? 'kW/m²' : z.threshold.unit}`
                  : '—'}
              </td>
              <td data-testid="zone-extent" data-metres={z.extentM}>
                {distance(z.extentM)}
                {z.truncated ? ` (${t('zone.truncated')})` : ''}
              </td>
              {dispersion && <td>{distance(z.widthM)}</td>}
              {dispersion && <td>{t(`units.${arrival.unit}`, arrival)}</td>}
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}

/** Pasquill's table from wind speed, day or night and cloud cover; the suggestion is only applied on request. */
function StabilityHelper({
  windSpeed,
  onUse,
}: {
  windSpeed: number;
  onUse: (c: (typeof STABILITY_CLASSES)[number]) => void;
}) {
  const { t } = useConsequencesT();
  const id = useId();
  const [daytime, setDaytime] = useState(true);
  const [cloud, setCloud] = useState('3');
  const oktas = Math.min(8, Math.max(0, Number(cloud) || 0));
  const sky = daytime
    ? { daytime: true as const, ...insolationFromCloud(oktas) }
    : { daytime: false as const, cloudOktas: oktas };
  const valid = Number.isFinite(windSpeed) && windSpeed > 0;
  const suggested = valid ? suggestStability(windSpeed, sky) : null;
  return (
    <div className="consequence-helper" data-testid="stability-helper">
      <strong>{t('helper.title')}</strong>
      <label>
        <input type="radio" name={`${id}-time`} checked={daytime} onChange={() => setDaytime(true)} />{' '}
        {t('helper.daytime')}
      </label>
      <label>
        <input type="radio" name={`${id}-time`} checked={!daytime} onChange={() => setDaytime(false)} />{' '}
        {t('helper.night')}
      </label>
      <label>
        {t('helper.cloud')}{' '}
        <input
          type="number"
          min={0}
          max={8}
          step={1}
          value={cloud}
          onChange={(e) => setCloud(e.target.value)}
        />
      </label>
      {suggested && (
        <>
          <span data-testid="stability-suggestion">
            {t('helper.suggests', { class: suggested, allowed: pasquillClasses(windSpeed, sky).join('–') })}
          </span>
          <button type="button" className="button button--small" onClick={() => onUse(suggested)}>
            {t('helper.use')}
          </button>
        </>
      )}
    </div>
  );
}

/** The room tab's label, in the namespace's words. */
export function ConsequencesTabLabel() {
  const { t } = useConsequencesT();
  return <>{t('tab')}</>;
}
