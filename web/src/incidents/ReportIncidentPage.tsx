import { useTranslation } from 'react-i18next';
import { Link, Navigate } from 'react-router';
import { useSession } from '../auth/session-hooks';
import { ErrorNotice } from '../components/ErrorNotice';
import { PageHeader } from '../components/PageHeader';
import { CourseSection } from './report-form/CourseSection';
import { IncidentSection } from './report-form/IncidentSection';
import { ReporterSection } from './report-form/ReporterSection';
import { UnitSection } from './report-form/UnitSection';
import { useIncidentReport } from './report-form/use-incident-report';
import { canFileReport } from './roles';
import { SeverityBadge } from './ui';

/**
 * 事故快报: the initial report of Decree 493 Art. 12. The grade is shown as the figures are typed
 * (the server's own grading function), the server's field errors are shown at their fields, and
 * a filed report opens its incident room.
 */
export function ReportIncidentPage() {
  const { t } = useTranslation();
  const session = useSession();
  const form = useIncidentReport();
  const { mutation, serverErrors, generalServerErrors, severity } = form;

  if (session && !canFileReport(session.user.role)) return <Navigate to="/incidents" replace />;

  return (
    <div className="page page--form">
      <PageHeader
        title={t('incidents.form.title')}
        actions={
          <Link className="button" to="/incidents">
            {t('common.cancel')}
          </Link>
        }
      >
        {t('incidents.form.intro')}
      </PageHeader>

      <form className="report-form" onSubmit={form.onSubmit} noValidate data-testid="report-form">
        <div className="report-form__main">
          {mutation.isError && !serverErrors && <ErrorNotice error={mutation.error} />}
          {serverErrors && (
            <div className="notice notice--error" role="alert" data-testid="report-errors">
              <strong className="notice__summary">{t('errors.validation')}</strong>
              {generalServerErrors.length > 0 && (
                <ul className="notice__details">
                  {generalServerErrors.map((m) => (
                    <li key={m}>{m}</li>
                  ))}
                </ul>
              )}
            </div>
          )}

          <IncidentSection form={form} />
          <UnitSection form={form} />
          <CourseSection form={form} />
          <ReporterSection form={form} />
        </div>

        <aside className="report-form__side">
          <section
            className="severity-preview"
            aria-live="polite"
            data-testid="severity-preview"
            data-severity={severity}
          >
            <h2 className="severity-preview__title">{t('incidents.form.severityPreview')}</h2>
            <SeverityBadge severity={severity} />
            <p className="severity-preview__rule">{t('incidents.form.severityRule')}</p>
          </section>
          <button
            type="submit"
            className="button button--primary button--block"
            disabled={mutation.isPending}
          >
            {mutation.isPending ? t('incidents.form.submitting') : t('incidents.form.submit')}
          </button>
        </aside>
      </form>
    </div>
  );
}
