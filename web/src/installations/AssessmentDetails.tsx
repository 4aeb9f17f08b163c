import { GB18218_SUBSTANCES, type Gb18218Substance, type InstallationAssessment } from '../contracts';
import { figure, gradeKey } from './grade';
import { useInstallationsT } from './i18n';

/**
 * A GB 18218 assessment shown the one way: each chemical's quantity against its critical quantity
 * and β, then Σ q/Q, α and R with the grade. The form's live preview and the installation's page
 * both show it, so what is typed reads exactly as what is saved.
 */
export function AssessmentDetails({
  assessment: a,
  peopleExposed,
}: {
  assessment: InstallationAssessment;
  peopleExposed: number;
}) {
  const { t, i18n } = useInstallationsT();
  const substanceName = (s: Gb18218Substance) =>
    i18n.language === 'en' ? GB18218_SUBSTANCES[s].en : GB18218_SUBSTANCES[s].zh;
  return (
    <>
      {a.chemicals.length > 0 && (
        <table className="table table--compact" data-testid="chemicals-table">
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
                  {c.source === 'named' && c.substance
                    ? t('identification.named', { substance: substanceName(c.substance) })
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
        <li data-testid="assessment-ratio">
          {t('identification.ratioSum', { value: figure(a.ratioSum) })} —{' '}
          <strong>{a.isMajor ? t('identification.isMajor') : t('identification.notMajor')}</strong>
        </li>
        <li>{t('identification.alpha', { people: peopleExposed, alpha: a.alpha })}</li>
        {a.isMajor && (
          <li data-testid="assessment-r">
            {t('identification.r', { value: figure(a.r) })} → <strong>{t(gradeKey(a.grade))}</strong>
          </li>
        )}
      </ul>
    </>
  );
}
