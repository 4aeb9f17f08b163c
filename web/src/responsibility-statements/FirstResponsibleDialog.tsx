import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { apiRequest } from '../api/client';
import { Dialog } from '../components/Dialog';
import { ErrorNotice } from '../components/ErrorNotice';
import { firstResponsibleLine, type EnterpriseView } from '../contracts';
import { useDutiesT } from './i18n';

/** The enterprise's first persons responsible, as one line of the register. */
export function FirstResponsibleText({ enterprise: e }: { enterprise: FirstResponsibleFields }) {
  const { i18n } = useDutiesT();
  return <>{firstResponsibleLine(e, i18n.language === 'en' ? 'en' : 'zh-CN')}</>;
}

type FirstResponsibleFields = Pick<EnterpriseView, 'legalRepresentative' | 'actualController'>;

/**
 * Records the legal representative and the actual controller (实际控制人), both first persons
 * responsible for safety; the same person may be both.
 */
export function FirstResponsibleDialog({
  enterprise,
  onClose,
}: {
  enterprise: EnterpriseView | null;
  onClose: () => void;
}) {
  const { t } = useDutiesT();
  return (
    <Dialog open={enterprise !== null} title={t('firstResponsibleDialog.title')} onClose={onClose}>
      {enterprise && <FirstResponsibleForm key={enterprise.id} enterprise={enterprise} onDone={onClose} />}
    </Dialog>
  );
}

function FirstResponsibleForm({ enterprise, onDone }: { enterprise: EnterpriseView; onDone: () => void }) {
  const { t } = useDutiesT();
  const queryClient = useQueryClient();
  const [legal, setLegal] = useState(enterprise.legalRepresentative);
  const [controller, setController] = useState(enterprise.actualController ?? '');
  const [same, setSame] = useState(
    enterprise.actualController !== null && enterprise.actualController === enterprise.legalRepresentative,
  );
  const save = useMutation({
    mutationFn: () =>
      apiRequest<EnterpriseView>(`/api/enterprises/${encodeURIComponent(enterprise.id)}`, {
        method: 'PATCH',
        body: {
          legalRepresentative: legal.trim(),
          actualController: same ? legal.trim() : controller.trim() || null,
        },
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
        {t('firstResponsibleDialog.hint')}
      </p>
      <div className="field">
        <label htmlFor="fr-legal">{t('firstResponsibleDialog.legal')}</label>
        <input
          id="fr-legal"
          value={legal}
          onChange={(e) => setLegal(e.target.value)}
          required
          maxLength={50}
        />
      </div>
      <label className="field--inline">
        <input type="checkbox" checked={same} onChange={(e) => setSame(e.target.checked)} />{' '}
        {t('firstResponsibleDialog.same')}
      </label>
      {!same && (
        <div className="field">
          <label htmlFor="fr-controller">{t('firstResponsibleDialog.controller')}</label>
          <input
            id="fr-controller"
            value={controller}
            onChange={(e) => setController(e.target.value)}
            maxLength={50}
          />
        </div>
      )}
      {save.isError && <ErrorNotice error={save.error} compact />}
      <button type="submit" className="button button--primary" disabled={save.isPending}>
        {t('firstResponsibleDialog.save')}
      </button>
    </form>
  );
}
