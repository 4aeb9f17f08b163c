import { useTranslation } from 'react-i18next';
import { useAllEnterprises } from '../../api/queries';
import { INCIDENT_CATEGORIES, type IncidentCategory } from '../../contracts';
import { LocationPicker } from '../../incidents/map/LocationPicker';
import { useDrillsT } from '../i18n';
import { FieldProblems } from '../ui';
import type { ScenarioSectionProps } from './use-scenario-editor';

/** The simulated incident the drill room opens with: where, what and a first account. */
export function SettingSection({ doc, update, at }: ScenarioSectionProps) {
  const { t } = useDrillsT();
  const { t: tg } = useTranslation();
  const enterprises = useAllEnterprises();
  return (
    <section className="card" aria-labelledby="setting-title">
      <h2 id="setting-title" className="card__title">
        {t('editor.setting')}
      </h2>
      <p className="card__hint">{t('editor.settingHint')}</p>
      <div className="drill-grid-2">
        <div className="field">
          <label htmlFor="setting-enterprise">{t('scenario.enterprise')}</label>
          <select
            id="setting-enterprise"
            value={doc.setting.enterpriseId ?? ''}
            onChange={(event) => {
              const enterprise = enterprises.data?.items.find((e) => e.id === event.target.value);
              update((d) => ({
                ...d,
                setting: {
                  ...d.setting,
                  enterpriseId: enterprise?.id ?? null,
                  // The enterprise's site is where its scenario most likely happens.
                  ...(enterprise
                    ? {
                        location: { lat: enterprise.location.lat, lng: enterprise.location.lng },
                        address: d.setting.address || enterprise.address,
                      }
                    : {}),
                },
              }));
            }}
          >
            <option value="">{t('zone')}</option>
            {(enterprises.data?.items ?? []).map((e) => (
              <option key={e.id} value={e.id}>
                {e.name}
              </option>
            ))}
          </select>
          <FieldProblems problems={at('setting.enterpriseId')} />
        </div>
        <div className="field">
          <label htmlFor="setting-category">{t('scenario.category')}</label>
          <select
            id="setting-category"
            value={doc.setting.category}
            onChange={(event) =>
              update((d) => ({
                ...d,
                setting: { ...d.setting, category: event.target.value as IncidentCategory },
              }))
            }
          >
            {INCIDENT_CATEGORIES.map((c) => (
              <option key={c} value={c}>
                {tg(`incidents.category.${c}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="setting-title">{t('scenario.settingTitle')}</label>
          <input
            id="setting-title"
            value={doc.setting.title}
            maxLength={200}
            aria-invalid={at('setting.title').length > 0 || undefined}
            onChange={(event) =>
              update((d) => ({ ...d, setting: { ...d.setting, title: event.target.value } }))
            }
          />
          <FieldProblems problems={at('setting.title')} />
        </div>
        <div className="field">
          <label htmlFor="setting-address">{t('scenario.address')}</label>
          <input
            id="setting-address"
            value={doc.setting.address}
            maxLength={300}
            aria-invalid={at('setting.address').length > 0 || undefined}
            onChange={(event) =>
              update((d) => ({ ...d, setting: { ...d.setting, address: event.target.value } }))
            }
          />
          <FieldProblems problems={at('setting.address')} />
        </div>
      </div>
      <div className="field">
        <label htmlFor="setting-summary">{t('scenario.summary')}</label>
        <textarea
          id="setting-summary"
          rows={3}
          maxLength={2000}
          value={doc.setting.summary}
          aria-invalid={at('setting.summary').length > 0 || undefined}
          onChange={(event) =>
            update((d) => ({ ...d, setting: { ...d.setting, summary: event.target.value } }))
          }
        />
        <FieldProblems problems={at('setting.summary')} />
      </div>
      <div className="field">
        <span className="field__hint">
          {t('editor.locationHint', {
            lat: doc.setting.location.lat.toFixed(5),
            lng: doc.setting.location.lng.toFixed(5),
          })}
        </span>
        <div className="drill-map">
          <LocationPicker
            value={[doc.setting.location.lat, doc.setting.location.lng]}
            focus={[doc.setting.location.lat, doc.setting.location.lng]}
            onChange={([lat, lng]) =>
              update((d) => ({ ...d, setting: { ...d.setting, location: { lat, lng } } }))
            }
          />
        </div>
        <FieldProblems problems={at('setting.location', true)} />
      </div>
    </section>
  );
}
