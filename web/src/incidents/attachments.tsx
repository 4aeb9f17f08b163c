import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiRequestError } from '../api/client';
import type { FileView } from '../contracts';
import { downloadXlsx as downloadWithServerName, uploadFile } from '../hazards/api';
import { AuthImage } from '../hazards/photos';
import { useProblemText } from './problem-text';

/**
 * A report's photos and documents: thumbnails for photos, a download for documents (protected
 * files need the session's token, so they are fetched rather than linked).
 */
export function AttachmentList({ files }: { files: FileView[] }) {
  const { t } = useTranslation();
  if (!files.length) return null;
  return (
    <ul
      className="attachment-list"
      aria-label={t('incidents.attachments.listLabel')}
      data-testid="attachments"
    >
      {files.map((f) => (
        <li key={f.id} className="attachment-list__item" data-testid="attachment" data-mime={f.mime}>
          {f.thumbnailUrl ? (
            <button
              type="button"
              className="attachment-list__photo"
              onClick={() => void downloadWithServerName(f.url, {}, f.name)}
              title={f.name}
            >
              <AuthImage src={f.thumbnailUrl} alt={t('incidents.attachments.photo', { name: f.name })} />
            </button>
          ) : (
            <button
              type="button"
              className="attachment-list__doc attachment-list__doc--link"
              onClick={() => void downloadWithServerName(f.url, {}, f.name)}
            >
              {f.name}
            </button>
          )}
        </li>
      ))}
    </ul>
  );
}

/**
 * Photos and PDF documents for a report: each is uploaded at once (the server checks its type by
 * its bytes and its size) and its id kept for the report; one may be taken off before filing.
 */
export function AttachmentsInput({
  value,
  onChange,
  errors = [],
}: {
  value: FileView[];
  onChange: (files: FileView[]) => void;
  errors?: string[];
}) {
  const { t } = useTranslation();
  const problemText = useProblemText();
  const id = useId();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function onFiles(list: FileList | null) {
    if (!list?.length) return;
    setBusy(true);
    setError(null);
    const added: FileView[] = [];
    try {
      for (const file of Array.from(list)) added.push(await uploadFile(file));
    } catch (e) {
      setError(
        e instanceof ApiRequestError && e.messages.length
          ? e.messages.map(problemText).join('; ')
          : t('errors.unexpected'),
      );
    } finally {
      setBusy(false);
      if (added.length) onChange([...value, ...added]);
    }
  }

  return (
    <div className="field">
      <label htmlFor={id}>{t('incidents.attachments.label')}</label>
      <input
        id={id}
        type="file"
        accept="image/jpeg,image/png,image/webp,application/pdf"
        multiple
        disabled={busy}
        data-testid="attachment-input"
        aria-describedby={`${id}-hint`}
        onChange={(e) => {
          void onFiles(e.target.files);
          e.target.value = '';
        }}
      />
      <span id={`${id}-hint`} className="field__hint">
        {busy ? t('incidents.attachments.uploading') : t('incidents.attachments.hint')}
      </span>
      {[...(error ? [error] : []), ...errors].map((m) => (
        <span key={m} className="field__error" role="alert">
          {m}
        </span>
      ))}
      {value.length > 0 && (
        <ul className="attachment-list" data-testid="attachment-pending">
          {value.map((f) => (
            <li key={f.id} className="attachment-list__item">
              {f.thumbnailUrl ? (
                <AuthImage src={f.thumbnailUrl} alt={t('incidents.attachments.photo', { name: f.name })} />
              ) : (
                <span className="attachment-list__doc">{f.name}</span>
              )}
              <button
                type="button"
                className="button button--small"
                onClick={() => onChange(value.filter((x) => x.id !== f.id))}
                aria-label={t('incidents.attachments.remove', { name: f.name })}
              >
                ×
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
