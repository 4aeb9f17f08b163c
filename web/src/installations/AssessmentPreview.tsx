import type { InstallationAssessment } from '../contracts';
import { AssessmentDetails } from './AssessmentDetails';
import { gradeKey } from './grade';
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
      <AssessmentDetails assessment={a} peopleExposed={peopleExposed} />
    </section>
  );
}
