import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { setEnterpriseCategory } from '../api/endpoints';
import { ErrorNotice } from '../components/ErrorNotice';
import {
  REGULATORY_CATEGORIES,
  isArt33Listed,
  suggestRegulatoryCategory,
  type EnterpriseView,
  type RegulatoryCategory,
} from '../contracts';

/**
 * An enterprise's MEM Order 2 Art. 33 category. The zone administrator records it; the choice
 * starts at the recorded value or, while none is recorded, at the suggestion from the industry
 * text, which is only saved when the administrator confirms it.
 */
export function RegulatoryCategoryCell({
  enterprise,
  editable,
}: {
  enterprise: EnterpriseView;
  editable: boolean;
}) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const recorded = enterprise.regulatoryCategory;
  const suggested = suggestRegulatoryCategory(enterprise.industry);
  const [choice, setChoice] = useState<RegulatoryCategory>(recorded ?? suggested);
  const save = useMutation({
    mutationFn: (category: RegulatoryCategory) => setEnterpriseCategory(enterprise.id, category),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['enterprises'] }),
  });
  const id = `category-${enterprise.id}`;

  const shown = (
    <div data-testid="regulatory-category" data-category={recorded ?? ''}>
      {recorded ? (
        <>
          {t(`regulatoryCategory.${recorded}`)}
          {isArt33Listed(recorded) && <div className="cell-sub">{t('regulatoryCategory.listedNote')}</div>}
        </>
      ) : (
        <span className="field__error">{t('regulatoryCategory.unrecorded')}</span>
      )}
    </div>
  );
  if (!editable) return shown;
  return (
    <div className="regulatory-category">
      {shown}
      <label className="visually-hidden" htmlFor={id}>
        {t('enterprise.regulatoryCategory')}
      </label>
      <select
        id={id}
        value={choice}
        onChange={(e) => setChoice(e.target.value as RegulatoryCategory)}
        disabled={save.isPending}
      >
        {REGULATORY_CATEGORIES.map((c) => (
          <option key={c} value={c}>
            {t(`regulatoryCategory.${c}`)}
          </option>
        ))}
      </select>
      {!recorded && (
        <div className="cell-sub">
          {t('regulatoryCategory.suggested', { category: t(`regulatoryCategory.${suggested}`) })}
        </div>
      )}
      {(choice !== recorded || !recorded) && (
        <button
          type="button"
          className="button button--small"
          onClick={() => save.mutate(choice)}
          disabled={save.isPending}
        >
          {recorded ? t('regulatoryCategory.save') : t('regulatoryCategory.confirm')}
        </button>
      )}
      {save.error && <ErrorNotice error={save.error} compact />}
    </div>
  );
}
