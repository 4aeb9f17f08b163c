import './hazards.css';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useAllEnterprises } from '../api/queries';
import { useSession } from '../auth/session-hooks';
import { ChoiceField } from '../components/ChoiceField';
import { ErrorNotice } from '../components/ErrorNotice';
import { PageHeader } from '../components/PageHeader';
import {
  type FileView,
  HAZARD_CATEGORIES,
  HAZARD_LEVELS,
  HAZARD_SOURCES,
  type HazardCategory,
  type HazardLevel,
  type HazardSource,
} from '../contracts';
import { useCreateHazard } from './api';
import { PhotoInput } from './photos';

/** Records a hazard: what and where, its level, and the five in place as far as known. */
export function HazardNewPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const session = useSession();
  const officer = session?.user.role === 'enterprise_officer';
  const enterprises = useAllEnterprises();
  const create = useCreateHazard();
  const [enterpriseId, setEnterpriseId] = useState('');
  const [place, setPlace] = useState('');
  const [category, setCategory] = useState<HazardCategory>('fire');
  const [level, setLevel] = useState<HazardLevel>('general');
  const [source, setSource] = useState<HazardSource>(officer ? 'self_inspection' : 'zone_inspection');
  const [description, setDescription] = useState('');
  const [measures, setMeasures] = useState('');
  const [responsiblePerson, setResponsiblePerson] = useState('');
  const [funds, setFunds] = useState('');
  const [deadline, setDeadline] = useState('');
  const [contingencyPlanRef, setContingencyPlanRef] = useState('');
  const [harmAnalysis, setHarmAnalysis] = useState('');
  const [photos, setPhotos] = useState<FileView[]>([]);

  return (
    <div className="page page--narrow">
      <PageHeader title={t('hazards.new')}>{t('hazards.newIntro')}</PageHeader>
      <form
        className="form"
        onSubmit={(e) => {
          e.preventDefault();
          create.mutate(
            {
              enterpriseId: officer ? undefined : enterpriseId,
              place,
              category,
              level,
              source,
              description,
              measures: measures || null,
              responsiblePerson: responsiblePerson || null,
              funds: funds || null,
              deadline: deadline || null,
              contingencyPlanRef: contingencyPlanRef || null,
              harmAnalysis: level === 'major' ? harmAnalysis || null : null,
              photoIds: photos.map((p) => p.id),
            },
            { onSuccess: (h) => void navigate(`/hazards/${h.id}`) },
          );
        }}
      >
        {!officer && (
          <div className="field">
            <label htmlFor="hz-enterprise">{t('hazards.field.enterprise')}</label>
            <select
              id="hz-enterprise"
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
        <div className="field">
          <label htmlFor="hz-place">{t('hazards.field.place')}</label>
          <input
            id="hz-place"
            required
            maxLength={200}
            value={place}
            onChange={(e) => setPlace(e.target.value)}
          />
        </div>
        <div className="field">
          <label htmlFor="hz-description">{t('hazards.field.description')}</label>
          <textarea
            id="hz-description"
            required
            minLength={2}
            rows={3}
            value={description}
            onChange={(e) => setDescription(e.target.value)}
          />
        </div>
        <div className="form__row">
          <ChoiceField
            id="hz-category"
            label={t('hazards.field.category')}
            value={category}
            values={HAZARD_CATEGORIES}
            text={(c) => t(`hazards.category.${c}`)}
            onChange={setCategory}
          />
          <ChoiceField
            id="hz-level"
            label={t('hazards.field.level')}
            value={level}
            values={HAZARD_LEVELS}
            text={(l) => t(`hazards.level.${l}`)}
            onChange={setLevel}
          />
          <ChoiceField
            id="hz-source"
            label={t('hazards.field.source')}
            value={source}
            values={HAZARD_SOURCES}
            text={(s) => t(`hazards.source.${s}`)}
            onChange={setSource}
          />
        </div>
        {level === 'major' && (
          <>
            <p className="notice notice--warning">{t('hazards.majorNote')}</p>
            <div className="field">
              <label htmlFor="hz-harm">{t('hazards.field.harmAnalysis')}</label>
              <textarea
                id="hz-harm"
                rows={3}
                required
                aria-describedby="hz-harm-hint"
                value={harmAnalysis}
                onChange={(e) => setHarmAnalysis(e.target.value)}
              />
              <p id="hz-harm-hint" className="field__hint">
                {t('hazards.harmAnalysisHint')}
              </p>
            </div>
          </>
        )}
        <fieldset className="fieldset">
          <legend>{t('hazards.fiveInPlace')}</legend>
          <div className="field">
            <label htmlFor="hz-measures">{t('hazards.field.measures')}</label>
            <textarea
              id="hz-measures"
              rows={2}
              value={measures}
              onChange={(e) => setMeasures(e.target.value)}
            />
          </div>
          <div className="form__row">
            <div className="field">
              <label htmlFor="hz-responsible">{t('hazards.field.responsiblePerson')}</label>
              <input
                id="hz-responsible"
                value={responsiblePerson}
                onChange={(e) => setResponsiblePerson(e.target.value)}
              />
            </div>
            <div className="field">
              <label htmlFor="hz-funds">{t('hazards.field.funds')}</label>
              <input
                id="hz-funds"
                inputMode="decimal"
                pattern="\d{1,12}(\.\d{1,2})?"
                value={funds}
                onChange={(e) => setFunds(e.target.value)}
              />
            </div>
            <div className="field">
              <label htmlFor="hz-deadline">{t('hazards.field.deadline')}</label>
              <input
                id="hz-deadline"
                type="date"
                value={deadline}
                onChange={(e) => setDeadline(e.target.value)}
              />
            </div>
          </div>
          <div className="field">
            <label htmlFor="hz-plan">{t('hazards.field.contingencyPlan')}</label>
            <input
              id="hz-plan"
              value={contingencyPlanRef}
              onChange={(e) => setContingencyPlanRef(e.target.value)}
            />
          </div>
        </fieldset>
        <PhotoInput value={photos} onChange={setPhotos} />
        {create.isError && <ErrorNotice error={create.error} />}
        <div className="form__actions">
          <button
            type="submit"
            className="button button--primary"
            disabled={create.isPending}
            data-testid="hazard-save"
          >
            {create.isPending ? t('common.saving') : t('hazards.save')}
          </button>
        </div>
      </form>
    </div>
  );
}
