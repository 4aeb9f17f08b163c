import { useTranslation } from 'react-i18next';

/**
 * The server words its field problems in English ("must be longer than or equal to 2
 * characters"). The common ones are shown in the interface language; anything else is shown as
 * the server wrote it, which is still specific.
 */
export function useProblemText(): (problem: string) => string {
  const { t } = useTranslation();
  return (problem) => {
    if (/^should not be empty$/.test(problem)) return t('incidents.form.required');
    if (/^must be longer than or equal to \d+ characters?$/.test(problem))
      return t('incidents.form.tooShort');
    if (/^must be a phone number$/.test(problem)) return t('incidents.form.invalidPhone');
    if (/^lies in the future$/.test(problem)) return t('incidents.form.futureTime');
    if (/^must be a valid ISO 8601 date string$/.test(problem)) return t('incidents.form.invalidTime');
    if (/^must not be less than 0$|^must be an integer number$/.test(problem))
      return t('incidents.form.invalidCount');
    return problem;
  };
}
