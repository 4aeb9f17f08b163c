import { useTranslation } from 'react-i18next';
import { ApiRequestError } from '../api/client';

/** Localised summary of a failed request; the server's own words follow as detail. */
export function useErrorText() {
  const { t } = useTranslation();
  return (error: unknown): { summary: string; details: string[] } => {
    if (!(error instanceof ApiRequestError)) return { summary: t('errors.unexpected'), details: [] };
    if (error.isNetworkError) return { summary: t('errors.network'), details: [] };
    if (error.status === 400) return { summary: t('errors.validation'), details: error.messages };
    if (error.status === 403) return { summary: t('errors.forbidden'), details: error.messages };
    if (error.status === 404) return { summary: t('errors.notFound'), details: error.messages };
    if (error.status === 409) return { summary: t('errors.conflict'), details: error.messages };
    if (error.status === 429) return { summary: t('errors.throttled'), details: error.messages };
    if (error.status >= 500) {
      // On a 500 the server sends a generic message and an error id that is in its log.
      const id = error.errorId ? t('errors.errorId', { id: error.errorId }) : '';
      return { summary: t('errors.server'), details: id ? [id] : [] };
    }
    return { summary: error.messages[0] ?? t('errors.unexpected'), details: error.messages.slice(1) };
  };
}

export interface ErrorNoticeProps {
  error: unknown;
  onRetry?: () => void;
  compact?: boolean;
}

export function ErrorNotice({ error, onRetry, compact }: ErrorNoticeProps) {
  const { t } = useTranslation();
  const { summary, details } = useErrorText()(error);
  return (
    <div className={`notice notice--error${compact ? ' notice--compact' : ''}`} role="alert">
      <strong className="notice__summary">{summary}</strong>
      {details.length > 0 && (
        <ul className="notice__details">
          {details.map((d) => (
            <li key={d}>{d}</li>
          ))}
        </ul>
      )}
      {onRetry && (
        <button type="button" className="button button--small" onClick={onRetry}>
          {t('common.retry')}
        </button>
      )}
    </div>
  );
}
