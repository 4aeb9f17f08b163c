import type { InstallationAssessment } from '../contracts';
import { figure, gradeKey } from './grade';
import { useInstallationsT } from './i18n';

/**
 * GB 18218 identification and grading of the chemicals as they are typed, by the same pure rule
 * the server applies when it saves them.
 */
export function AssessmentPreview({
  assessment: a,
  peopleExposed,
}: {
  assessment: InstallationAssessment;
  peopleExposed: number;
}) {
  const { t } = useInstallationsT();
  return (
    <section className="card assessment-preview" aria-live="polite" data-testid="assessment-preview">
      <h2 className="section-title">
        {t('form.preview')}{' '}
        <span className={`grade-badge grade-badge--${a.grade ?? 'none'}`} data-testid="preview-grade">
          {t(gradeKey(a.grade))}
        </span>
      </h2>
      {a.chemicals.length > 0 && (
        <table className="table table--compact">
          <thead>
            <tr>
              <th>{t('identification.chemical')}</th>
              <th>{t('identification.source')}</th>
              <th>{t('identification.quantity')}</th>
              <th>{t('identification.critical')}</th>
              <th>{t('identification.ratio')}</th>
              <th>{t('identification.beta')}</th>
            </tr>
          </thead>
          <tbody>
            {a.chemicals.map((c, n) => (
              <tr key={n}>
                <td>{c.name || '—'}</td>
                <td>
                  {c.source === 'named'
                    ? t('form.fromTable1')
                    : t('identification.category', { category: c.category })}
                </td>
                <td>{figure(c.quantityT)}</td>
                <td>{figure(c.criticalT)}</td>
                <td>{figure(c.ratio)}</td>
                <td>{c.beta}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <ul className="assessment">
        <li data-testid="preview-ratio">
          {t('identification.ratioSum', { value: figure(a.ratioSum) })} —{' '}
          <strong>{a.isMajor ? t('identification.isMajor') : t('identification.notMajor')}</strong>
        </li>
        <li>{t('identification.alpha', { people: peopleExposed, alpha: a.alpha })}</li>
        {a.isMajor && (
          <li data-testid="preview-r">
            {t('identification.r', { value: figure(a.r) })} → <strong>{t(gradeKey(a.grade))}</strong>
          </li>
        )}
      </ul>
    </section>
  );
}
