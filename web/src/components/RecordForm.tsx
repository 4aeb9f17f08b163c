import { useMutation, useQueryClient, type UseMutationResult } from '@tanstack/react-query';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorNotice } from './ErrorNotice';

/**
 * Saving a record's form in a dialog: on success the lists of its kind (`queryKey`) are
 * refetched before the dialog closes, so the list never shows the old record behind it.
 */
export function useRecordSave(queryKey: string, save: () => Promise<unknown>, onDone: () => void) {
  const client = useQueryClient();
  const mutation = useMutation({
    mutationFn: save,
    onSuccess: async () => {
      await client.invalidateQueries({ queryKey: [queryKey] });
      onDone();
    },
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    mutation.mutate();
  };
  return { save: mutation, submit };
}

/** The end of a record's form: why saving failed, save and cancel. */
export function RecordFormActions({
  save,
  saveLabel,
  onCancel,
}: {
  save: Pick<UseMutationResult<unknown, Error, void>, 'error' | 'isPending'>;
  saveLabel: string;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  return (
    <>
      {save.error && <ErrorNotice error={save.error} compact />}
      <div className="form-actions">
        <button type="submit" className="button button--primary" disabled={save.isPending}>
          {save.isPending ? t('common.saving') : saveLabel}
        </button>
        <button type="button" className="button" onClick={onCancel}>
          {t('common.cancel')}
        </button>
      </div>
    </>
  );
}

/** A row's edit and delete buttons; deleting asks first. */
export function EditDeleteButtons({
  editLabel,
  deleteLabel,
  deleteConfirm,
  onEdit,
  onDelete,
}: {
  editLabel: string;
  deleteLabel: string;
  deleteConfirm: string;
  onEdit: () => void;
  onDelete: () => void;
}) {
  return (
    <>
      <button type="button" className="button button--small" onClick={onEdit}>
        {editLabel}
      </button>{' '}
      <button
        type="button"
        className="button button--small"
        onClick={() => {
          if (window.confirm(deleteConfirm)) onDelete();
        }}
      >
        {deleteLabel}
      </button>
    </>
  );
}
