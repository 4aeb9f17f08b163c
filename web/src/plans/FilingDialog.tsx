import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { ErrorNotice } from '../components/ErrorNotice';
import { Dialog } from '../components/Dialog';
import type { PlanVersionView } from '../contracts';
import { uploadFile } from '../hazards/api';
import { recordFiling } from './api';
import { usePlansT } from './i18n';

/**
 * The filing fact of a version that was put in force (MEM Order 2 Art. 26): shown beside the
 * due date, and, for its owner, recorded or corrected from the department's receipt.
 */
export function FilingFact({ version, canEdit }: { version: PlanVersionView; canEdit: boolean }) {
  const { t } = usePlansT();
  const [open, setOpen] = useState(false);
  const f = version.filing;
  return (
    <>
      <dt>{t('filing.filed')}</dt>
      <dd data-testid="plan-filing">
        {f
          ? [f.filedOn, f.filedWith, f.receiptNo && t('filing.receiptShown', { no: f.receiptNo })]
              .filter(Boolean)
              .join(' · ')
          : t('filing.notFiled')}
        {canEdit && version.publishedAt && (
          <>
            {' '}
            <button type="button" className="button button--small" onClick={() => setOpen(true)}>
              {f ? t('filing.correct') : t('filing.record')}
            </button>
          </>
        )}
      </dd>
      <Dialog open={open} title={t('filing.title')} onClose={() => setOpen(false)}>
        {open && <FilingForm version={version} onDone={() => setOpen(false)} />}
      </Dialog>
    </>
  );
}

function FilingForm({ version, onDone }: { version: PlanVersionView; onDone: () => void }) {
  const { t } = usePlansT();
  const queryClient = useQueryClient();
  const [filedOn, setFiledOn] = useState(version.filing?.filedOn ?? '');
  const [filedWith, setFiledWith] = useState(version.filing?.filedWith ?? '');
  const [receiptNo, setReceiptNo] = useState(version.filing?.receiptNo ?? '');
  const [file, setFile] = useState<File | null>(null);
  const save = useMutation({
    mutationFn: async () => {
      const fileId = file ? (await uploadFile(file)).id : (version.filing?.fileId ?? undefined);
      return recordFiling(version.id, {
        filedOn,
        filedWith: filedWith.trim(),
        receiptNo: receiptNo.trim(),
        fileId,
      });
    },
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: ['plans'] });
      onDone();
    },
  });
  const ready = Boolean(filedOn && filedWith.trim());
  return (
    <form
      className="form"
      onSubmit={(e) => {
        e.preventDefault();
        if (ready && !save.isPending) save.mutate();
      }}
    >
      <p className="card__hint">{t('filing.hint', { due: version.filingDueOn ?? '—' })}</p>
      <div className="field">
        <label htmlFor="filing-on">{t('filing.filedOn')}</label>
        <input
          id="filing-on"
          type="date"
          required
          value={filedOn}
          onChange={(e) => setFiledOn(e.target.value)}
        />
      </div>
      <div className="field">
        <label htmlFor="filing-with">{t('filing.filedWith')}</label>
        <input
          id="filing-with"
          required
          maxLength={200}
          placeholder={t('filing.filedWithPlaceholder')}
          value={filedWith}
          onChange={(e) => setFiledWith(e.target.value)}
        />
      </div>
      <div className="field">
        <label htmlFor="filing-receipt">{t('filing.receiptNo')}</label>
        <input
          id="filing-receipt"
          maxLength={100}
          value={receiptNo}
          onChange={(e) => setReceiptNo(e.target.value)}
        />
      </div>
      <div className="field">
        <label htmlFor="filing-file">{t('filing.document')}</label>
        <input
          id="filing-file"
          type="file"
          accept="application/pdf,image/jpeg,image/png"
          onChange={(e) => setFile(e.target.files?.[0] ?? null)}
        />
      </div>
      {save.isError && <ErrorNotice error={save.error} compact />}
      <div className="form__actions">
        <button type="button" className="button" onClick={onDone}>
          {t('common.cancel')}
        </button>
        <button type="submit" className="button button--primary" disabled={!ready || save.isPending}>
          {save.isPending ? t('common.saving') : t('save')}
        </button>
      </div>
    </form>
  );
}
