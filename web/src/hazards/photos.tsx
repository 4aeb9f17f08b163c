import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiRequestError } from '../api/client';
import type { FileView } from '../contracts';
import { fileObjectUrl, uploadFile } from './api';

/** A protected image: fetched with the session's token, shown from an object URL. */
export function AuthImage({ src, alt, className }: { src: string; alt: string; className?: string }) {
  const [url, setUrl] = useState<string | null>(null);
  useEffect(() => {
    const controller = new AbortController();
    let objectUrl: string | null = null;
    fileObjectUrl(src, controller.signal)
      .then((u) => {
        objectUrl = u;
        setUrl(u);
      })
      .catch(() => setUrl(null));
    return () => {
      controller.abort();
      if (objectUrl) URL.revokeObjectURL(objectUrl);
    };
  }, [src]);
  return url ? (
    <img src={url} alt={alt} className={className} />
  ) : (
    <span className="photo-placeholder" aria-label={alt} />
  );
}

export function PhotoStrip({ photos }: { photos: FileView[] }) {
  const { t } = useTranslation();
  if (!photos.length) return null;
  return (
    <ul className="photo-strip">
      {photos.map((p) => (
        <li key={p.id}>
          {p.thumbnailUrl ? (
            <AuthImage src={p.thumbnailUrl} alt={p.name} className="photo-strip__img" />
          ) : (
            <span className="photo-strip__doc">{p.name}</span>
          )}
          <span className="visually-hidden">{t('hazards.photo')}</span>
        </li>
      ))}
    </ul>
  );
}

/**
 * Take or pick photos; each is uploaded at once (the server checks type and size) and its id
 * handed to the form. On a phone `capture` opens the rear camera.
 */
export function PhotoInput({
  value,
  onChange,
}: {
  value: FileView[];
  onChange: (files: FileView[]) => void;
}) {
  const { t } = useTranslation();
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
        e instanceof ApiRequestError
          ? e.messages.join('; ') || t('errors.unexpected')
          : t('errors.unexpected'),
      );
    } finally {
      setBusy(false);
      if (added.length) onChange([...value, ...added]);
    }
  }

  return (
    <div className="field">
      <label htmlFor={id}>{t('hazards.photos')}</label>
      <input
        id={id}
        type="file"
        accept="image/*"
        capture="environment"
        multiple
        disabled={busy}
        data-testid="photo-input"
        onChange={(e) => {
          void onFiles(e.target.files);
          e.target.value = '';
        }}
      />
      {busy && <span className="field__hint">{t('hazards.uploading')}</span>}
      {error && (
        <span className="field__error" role="alert">
          {error}
        </span>
      )}
      <PhotoStrip photos={value} />
      {value.length > 0 && (
        <span className="field__hint" data-testid="photo-count">
          {t('hazards.photoCount', { count: value.length })}
        </span>
      )}
    </div>
  );
}
