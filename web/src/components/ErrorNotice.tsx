import { useTranslation } from 'react-i18next';
import { ApiRequestError } from '../api/client';
import { problemWords, type ProblemCatalog } from '../api/problem-words';
import type { ApiProblem } from '../contracts';

/** `problemWords` in the interface language, re-rendered on a language change. */
export function useProblemWords() {
  const { t, i18n } = useTranslation();
  const catalog: ProblemCatalog = {
    t: t as unknown as ProblemCatalog['t'],
    exists: (key, options) => i18n.exists(key, options),
  };
  return (message: string, problem: ApiProblem | undefined): string =>
    problemWords(catalog, message, problem);
}

/** Localised summary of a failed request; the server's own words follow as detail. */
export function useErrorText() {
  const { t } = useTranslation();
  const words = useProblemWords();
  return (error: unknown): { summary: string; details: string[] } => {
    if (!(error instanceof ApiRequestError)) return { summary: t('errors.unexpected'), details: [] };
    if (error.isNetworkError) return { summary: t('errors.network'), details: [] };
    const details = error.messages.map((m) => words(m, error.problemOf(m)));
    if (error.status === 400) return { summary: t('errors.validation'), details };
    if (error.status === 403) return { summary: t('errors.forbidden'), details };
    if (error.status === 404) return { summary: t('errors.notFound'), details };
    if (error.status === 409) return { summary: t('errors.conflict'), details };
    if (error.status === 429) return { summary: t('errors.throttled'), details };
    if (error.status >= 500) {
      // On a 500 the server sends a generic message and an error id that is in its log.
      const id = error.errorId ? t('errors.errorId', { id: error.errorId }) : '';
      return { summary: t('errors.server'), details: id ? [id] : [] };
    }
    return { summary: details[0] ?? t('errors.unexpected'), details: details.slice(1) };
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
