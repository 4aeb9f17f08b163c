import { useTranslation } from 'react-i18next';
import { ApiRequestError } from '../api/client';
import type { ApiProblem } from '../contracts';

type Translate = (key: string, options?: Record<string, unknown>) => string;

/**
 * A server message in the interface language when the server gave it a code: `errors.<code>`
 * with its params, after the field's label for a field's rule (`maxLength` → "标题：不能超过
 * 200 个字"). A code the console has no words for, and a message without a code, stay as the
 * server wrote them.
 */
export function useProblemWords() {
  const { t: typed, i18n } = useTranslation();
  const t = typed as unknown as Translate;
  return (message: string, problem: ApiProblem | undefined): string => {
    if (!problem || !i18n.exists(`errors.${problem.code}`)) return message;
    const text = t(`errors.${problem.code}`, problem.params);
    // Domain codes (`drill.notOnRoster`) are whole sentences; a rule's code names its field.
    if (!problem.field || problem.code.includes('.')) return text;
    const leaf =
      problem.field
        .split('.')
        .filter((p) => !/^\d+$/.test(p))
        .at(-1) ?? problem.field;
    const field = t(`errors.field.${leaf}`, { defaultValue: problem.field });
    return t('errors.fieldProblem', { field, problem: text });
  };
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
