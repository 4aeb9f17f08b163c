import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { updateEnterpriseDuties } from '../api/endpoints';
import { ChoiceField } from '../components/ChoiceField';
import { Dialog } from '../components/Dialog';
import { ErrorNotice } from '../components/ErrorNotice';
import {
  EVALUATION_CATEGORIES,
  SIZE_CLASSES,
  type EnterpriseView,
  type EvaluationCategory,
  type SizeClass,
} from '../contracts';

/** '' in a choice: not recorded (null on the server). */
type Unset = '';

/** Size and Art. 35 category as one line of the register: what the plan evaluation depends on. */
export function DutiesText({ enterprise: e }: { enterprise: EnterpriseView }) {
  const { t } = useTranslation();
  const size = e.sizeClass ? t(`enterprise.size.${e.sizeClass}`) : t('enterprise.notRecorded');
  const category = e.evaluationCategory
    ? t(`enterprise.evaluationCategory.${e.evaluationCategory}`)
    : t('enterprise.notRecorded');
  return <>{`${size} · ${category}`}</>;
}

/**
 * The zone administrator records an enterprise's size and what MEM Order 2 Art. 35 lists it as;
 * together they decide whether its plans are evaluated every three years.
 */
export function EnterpriseDutiesDialog({
  enterprise,
  onClose,
}: {
  enterprise: EnterpriseView | null;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  return (
    <Dialog open={enterprise !== null} title={t('enterprise.dutiesTitle')} onClose={onClose}>
      {enterprise && <DutiesForm key={enterprise.id} enterprise={enterprise} onDone={onClose} />}
    </Dialog>
  );
}

function DutiesForm({ enterprise, onDone }: { enterprise: EnterpriseView; onDone: () => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [size, setSize] = useState<SizeClass | Unset>(enterprise.sizeClass ?? '');
  const [category, setCategory] = useState<EvaluationCategory | Unset>(enterprise.evaluationCategory ?? '');
  const save = useMutation({
    mutationFn: () =>
      updateEnterpriseDuties(enterprise.id, {
        sizeClass: size || null,
        evaluationCategory: category || null,
      }),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: ['enterprises'] });
      onDone();
    },
  });
  return (
    <form
      className="form"
      onSubmit={(e) => {
        e.preventDefault();
        if (!save.isPending) save.mutate();
      }}
    >
      <p className="card__hint">
        <strong>{enterprise.name}</strong>
        <br />
        {t('enterprise.dutiesHint')}
      </p>
      <ChoiceField<SizeClass | Unset>
        id="enterprise-size"
        label={t('enterprise.sizeClass')}
        value={size}
        values={['', ...SIZE_CLASSES]}
        text={(v) => (v ? t(`enterprise.size.${v}`) : t('enterprise.notRecorded'))}
        onChange={setSize}
      />
      <ChoiceField<EvaluationCategory | Unset>
        id="enterprise-evaluation-category"
        label={t('enterprise.evaluationCategoryLabel')}
        value={category}
        values={['', ...EVALUATION_CATEGORIES]}
        text={(v) => (v ? t(`enterprise.evaluationCategory.${v}`) : t('enterprise.notRecorded'))}
        onChange={setCategory}
      />
      {save.isError && <ErrorNotice error={save.error} compact />}
      <div className="form__actions">
        <button type="button" className="button" onClick={onDone}>
          {t('common.cancel')}
        </button>
        <button type="submit" className="button button--primary" disabled={save.isPending}>
          {save.isPending ? t('common.saving') : t('enterprise.save')}
        </button>
      </div>
    </form>
  );
}
