import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useId, useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, useNavigate } from 'react-router';
import { ApiRequestError } from '../api/client';
import { useAllEnterprises } from '../api/queries';
import { useSession } from '../auth/session-hooks';
import { ErrorNotice } from '../components/ErrorNotice';
import { PageHeader } from '../components/PageHeader';
import { INCIDENT_CATEGORIES, isZoneRole, type IncidentCategory } from '../contracts';
import type { LatLngTuple } from '../map/enterprise-features';
import { fileIncident, type IncidentReportInput } from './api';
import {
  errorsFor,
  isoToZonedInput,
  parseAmount,
  parseCount,
  parseFieldErrors,
  zonedInputToIso,
  type FieldErrors,
} from './incident-model';
import { LocationPicker } from './map/LocationPicker';
import { incidentKeys } from './queries';
import { canFileReport } from './roles';
import { gradeSeverity } from './severity';
import { SeverityBadge, useZoneTimeZone } from './ui';
import { useProblemText } from './problem-text';

const CASUALTY_FIELDS = ['deaths', 'missing', 'seriousInjuries', 'minorInjuries'] as const;
type CasualtyField = (typeof CASUALTY_FIELDS)[number];

/** What the room page shows after arriving from a freshly filed report. */
export interface FiledLocationState {
  filed: true;
  warnings: string[];
}

const PHONE = /^\+?[0-9][0-9\- ]{4,19}$/;

function Field({
  id,
  label,
  required,
  errors,
  hint,
  children,
  className,
}: {
  id: string;
  label: string;
  required?: boolean;
  errors: string[];
  hint?: ReactNode;
  children: ReactNode;
  className?: string;
}) {
  return (
    <div className={`field${className ? ` ${className}` : ''}`}>
      <label htmlFor={id}>
        {label}
        {required && (
          <span className="field__required" aria-hidden="true">
            {' '}
            *
          </span>
        )}
      </label>
      {children}
      {hint && (
        <p id={`${id}-hint`} className="field__hint">
          {hint}
        </p>
      )}
      {errors.map((e) => (
        <p key={e} id={`${id}-error`} className="field__error" data-testid={`error-${id}`}>
          {e}
        </p>
      ))}
    </div>
  );
}

/**
 * 事故快报: the initial report of Decree 493 Art. 12. The grade is shown as the figures are typed
 * (the server's own grading function), the server's field errors are shown at their fields, and
 * a filed report opens its incident room.
 */
export function ReportIncidentPage() {
  const { t } = useTranslation();
  const session = useSession();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const timeZone = useZoneTimeZone();
  const enterprises = useAllEnterprises();
  const problemText = useProblemText();
  const formId = useId();
  const zoneRole = session ? isZoneRole(session.user.role) : false;

  const [enterpriseId, setEnterpriseId] = useState('');
  const [title, setTitle] = useState('');
  const [category, setCategory] = useState<IncidentCategory | ''>('');
  const [occurredAt, setOccurredAt] = useState(() => isoToZonedInput(new Date(), timeZone));
  const [location, setLocation] = useState<LatLngTuple | null>(null);
  const [address, setAddress] = useState('');
  const [summary, setSummary] = useState('');
  const [casualties, setCasualties] = useState<Record<CasualtyField, string>>({
    deaths: '0',
    missing: '0',
    seriousInjuries: '0',
    minorInjuries: '0',
  });
  const [loss, setLoss] = useState('0');
  const [measures, setMeasures] = useState('');
  const [reporterName, setReporterName] = useState(session?.user.name ?? '');
  const [reporterPhone, setReporterPhone] = useState('');
  // Checked on the client once a submit was tried, then as the user corrects each field.
  const [attemptedAt, setAttemptedAt] = useState<number | null>(null);

  // An enterprise officer files for their own enterprise: the scoped list holds just that one.
  const ownEnterprise = !zoneRole ? enterprises.data?.items[0] : undefined;
  const chosenEnterprise = zoneRole
    ? enterprises.data?.items.find((e) => e.id === enterpriseId)
    : ownEnterprise;
  const focus: LatLngTuple | null = chosenEnterprise
    ? [chosenEnterprise.location.lat, chosenEnterprise.location.lng]
    : null;

  const counts = Object.fromEntries(CASUALTY_FIELDS.map((f) => [f, parseCount(casualties[f])])) as Record<
    CasualtyField,
    number | null
  >;
  const lossValue = parseAmount(loss);
  // Figures still being typed (an empty or half-typed box) grade as what can be read so far.
  const severity = gradeSeverity(
    {
      deaths: counts.deaths ?? 0,
      missing: counts.missing ?? 0,
      seriousInjuries: counts.seriousInjuries ?? 0,
    },
    lossValue ?? 0,
  );

  const mutation = useMutation({
    mutationFn: (input: IncidentReportInput) => fileIncident(input),
    onSuccess: async (filed) => {
      await queryClient.invalidateQueries({ queryKey: incidentKeys.all });
      const state: FiledLocationState = { filed: true, warnings: filed.warnings ?? [] };
      void navigate(`/incidents/${encodeURIComponent(filed.id)}`, { state });
    },
  });

  const serverErrors =
    mutation.error instanceof ApiRequestError && mutation.error.status === 400
      ? parseFieldErrors(mutation.error.messages)
      : null;
  const errorList = (field: string): string[] => [
    ...errorsFor(clientErrors, field),
    ...(serverErrors ? errorsFor(serverErrors, field).map(problemText) : []),
  ];
  const invalid = (field: string) => errorList(field).length > 0;
  const describe = (id: string, field: string, hint = false) =>
    [hint ? `${id}-hint` : '', invalid(field) ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined;

  const validate = (nowMs: number): { errors: FieldErrors; input: IncidentReportInput | null } => {
    const fields: Record<string, string[]> = {};
    const add = (field: string, message: string) => (fields[field] ??= []).push(message);
    if (title.trim().length === 0) add('title', t('incidents.form.required'));
    else if (title.trim().length < 2) add('title', t('incidents.form.tooShort'));
    if (!category) add('category', t('incidents.form.required'));
    const occurredIso = zonedInputToIso(occurredAt, timeZone);
    if (!occurredIso) add('occurredAt', t('incidents.form.invalidTime'));
    else if (Date.parse(occurredIso) > nowMs + 5 * 60_000) add('occurredAt', t('incidents.form.futureTime'));
    if (!location) add('location', t('incidents.form.locationRequired'));
    if (!address.trim()) add('address', t('incidents.form.required'));
    if (!summary.trim()) add('summary', t('incidents.form.required'));
    for (const f of CASUALTY_FIELDS)
      if (counts[f] === null) add(`casualties.${f}`, t('incidents.form.invalidCount'));
    if (lossValue === null) add('directLossCny', t('incidents.form.invalidAmount'));
    if (!reporterName.trim()) add('reporter.name', t('incidents.form.required'));
    if (!PHONE.test(reporterPhone.trim())) add('reporter.phone', t('incidents.form.invalidPhone'));
    const errors = { fields, general: [] };
    if (Object.keys(fields).length > 0 || !occurredIso || !location || !category || lossValue === null) {
      return { errors, input: null };
    }
    return {
      errors,
      input: {
        ...(zoneRole && enterpriseId ? { enterpriseId } : {}),
        title: title.trim(),
        category,
        occurredAt: occurredIso,
        location: { lat: location[0], lng: location[1] },
        address: address.trim(),
        summary: summary.trim(),
        casualties: {
          deaths: counts.deaths ?? 0,
          missing: counts.missing ?? 0,
          seriousInjuries: counts.seriousInjuries ?? 0,
          minorInjuries: counts.minorInjuries ?? 0,
        },
        directLossCny: lossValue,
        measuresTaken: measures.trim(),
        reporter: { name: reporterName.trim(), phone: reporterPhone.trim() },
      },
    };
  };

  const clientErrors: FieldErrors =
    attemptedAt === null ? { fields: {}, general: [] } : validate(attemptedAt).errors;

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    // The moment of the submit, as an epoch time (the event's own clock, not a render-time read).
    const now = Math.round(performance.timeOrigin + event.timeStamp);
    const { input } = validate(now);
    setAttemptedAt(now);
    if (!input) {
      // Take the user to the first field that needs attention.
      requestAnimationFrame(() => document.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus());
      return;
    }
    mutation.reset();
    mutation.mutate(input);
  };

  if (session && !canFileReport(session.user.role)) return <Navigate to="/incidents" replace />;

  const id = (name: string) => `${formId}-${name}`;
  const generalServerErrors = serverErrors
    ? [
        ...serverErrors.general,
        ...Object.entries(serverErrors.fields)
          .filter(([path]) => !KNOWN_FIELDS.some((f) => path === f || path.startsWith(`${f}.`)))
          .flatMap(([path, problems]) => problems.map((p) => `${path}: ${p}`)),
      ]
    : [];

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

      <form className="report-form" onSubmit={onSubmit} noValidate data-testid="report-form">
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

          <fieldset className="form-section">
            <legend>{t('incidents.form.unitSection')}</legend>
            <div className="form-grid">
              <Field
                id={id('enterprise')}
                label={t('incidents.field.enterprise')}
                errors={errorList('enterpriseId')}
              >
                {zoneRole ? (
                  <select
                    id={id('enterprise')}
                    value={enterpriseId}
                    onChange={(e) => {
                      setEnterpriseId(e.target.value);
                      const chosen = enterprises.data?.items.find((x) => x.id === e.target.value);
                      if (chosen && !address.trim()) setAddress(chosen.address);
                    }}
                    disabled={enterprises.isPending}
                    aria-invalid={invalid('enterpriseId')}
                  >
                    <option value="">{t('incidents.field.noEnterprise')}</option>
                    {enterprises.data?.items.map((e) => (
                      <option key={e.id} value={e.id}>
                        {e.name}
                      </option>
                    ))}
                  </select>
                ) : (
                  <input
                    id={id('enterprise')}
                    readOnly
                    value={ownEnterprise?.name ?? ''}
                    className="input--readonly"
                  />
                )}
              </Field>
              <Field id={id('title')} label={t('incidents.field.title')} required errors={errorList('title')}>
                <input
                  id={id('title')}
                  value={title}
                  maxLength={200}
                  onChange={(e) => setTitle(e.target.value)}
                  aria-required="true"
                  aria-invalid={invalid('title')}
                  aria-describedby={describe(id('title'), 'title')}
                />
              </Field>
              <Field
                id={id('category')}
                label={t('incidents.category.label')}
                required
                errors={errorList('category')}
              >
                <select
                  id={id('category')}
                  value={category}
                  onChange={(e) => setCategory(e.target.value as IncidentCategory | '')}
                  aria-required="true"
                  aria-invalid={invalid('category')}
                  aria-describedby={describe(id('category'), 'category')}
                >
                  <option value="">—</option>
                  {INCIDENT_CATEGORIES.map((c) => (
                    <option key={c} value={c}>
                      {t(`incidents.category.${c}`)}
                    </option>
                  ))}
                </select>
              </Field>
              <Field
                id={id('occurredAt')}
                label={t('incidents.field.occurredAt')}
                required
                errors={errorList('occurredAt')}
                hint={t('incidents.form.timeZoneHint', { timeZone })}
              >
                <input
                  id={id('occurredAt')}
                  type="datetime-local"
                  value={occurredAt}
                  onChange={(e) => setOccurredAt(e.target.value)}
                  aria-required="true"
                  aria-invalid={invalid('occurredAt')}
                  aria-describedby={describe(id('occurredAt'), 'occurredAt', true)}
                />
              </Field>
            </div>

            <div className="field">
              <span className="field__label" id={id('location-label')}>
                {t('incidents.field.location')}
                <span className="field__required" aria-hidden="true">
                  {' '}
                  *
                </span>
              </span>
              <LocationPicker
                value={location}
                onChange={setLocation}
                focus={focus}
                invalid={invalid('location')}
                describedBy={id('location-state')}
              />
              <p
                id={id('location-state')}
                className="field__hint"
                aria-live="polite"
                data-testid="picked-location"
              >
                {location
                  ? t('incidents.form.picked', { lat: location[0].toFixed(6), lng: location[1].toFixed(6) })
                  : `${t('incidents.form.notPicked')} · ${t('incidents.form.pickHint')}`}
              </p>
              {errorList('location').map((e) => (
                <p key={e} className="field__error" data-testid={`error-${id('location')}`}>
                  {e}
                </p>
              ))}
            </div>
            <Field
              id={id('address')}
              label={t('incidents.field.address')}
              required
              errors={errorList('address')}
            >
              <input
                id={id('address')}
                value={address}
                maxLength={300}
                onChange={(e) => setAddress(e.target.value)}
                aria-required="true"
                aria-invalid={invalid('address')}
                aria-describedby={describe(id('address'), 'address')}
              />
            </Field>
          </fieldset>

          <fieldset className="form-section">
            <legend>{t('incidents.form.courseSection')}</legend>
            <Field
              id={id('summary')}
              label={t('incidents.field.summary')}
              required
              errors={errorList('summary')}
            >
              <textarea
                id={id('summary')}
                rows={4}
                maxLength={5000}
                value={summary}
                placeholder={t('incidents.form.summaryPlaceholder')}
                onChange={(e) => setSummary(e.target.value)}
                aria-required="true"
                aria-invalid={invalid('summary')}
                aria-describedby={describe(id('summary'), 'summary')}
              />
            </Field>
            <div className="casualty-grid" role="group" aria-label={t('incidents.field.casualties')}>
              {CASUALTY_FIELDS.map((f) => (
                <Field
                  key={f}
                  id={id(f)}
                  label={t(`incidents.field.${f}`)}
                  errors={errorList(`casualties.${f}`)}
                >
                  <div className="input-with-unit">
                    <input
                      id={id(f)}
                      inputMode="numeric"
                      value={casualties[f]}
                      onChange={(e) => setCasualties((c) => ({ ...c, [f]: e.target.value }))}
                      onFocus={(e) => e.target.select()}
                      aria-invalid={invalid(`casualties.${f}`)}
                      aria-describedby={describe(id(f), `casualties.${f}`)}
                    />
                    <span className="input-with-unit__unit">{t('incidents.field.people')}</span>
                  </div>
                </Field>
              ))}
            </div>
            <Field
              id={id('loss')}
              label={t('incidents.field.directLossCny')}
              errors={errorList('directLossCny')}
            >
              <input
                id={id('loss')}
                inputMode="decimal"
                value={loss}
                onChange={(e) => setLoss(e.target.value)}
                onFocus={(e) => e.target.select()}
                aria-invalid={invalid('directLossCny')}
                aria-describedby={describe(id('loss'), 'directLossCny')}
              />
            </Field>
            <Field
              id={id('measures')}
              label={t('incidents.field.measuresTaken')}
              errors={errorList('measuresTaken')}
            >
              <textarea
                id={id('measures')}
                rows={3}
                maxLength={5000}
                value={measures}
                placeholder={t('incidents.form.measuresPlaceholder')}
                onChange={(e) => setMeasures(e.target.value)}
                aria-invalid={invalid('measuresTaken')}
              />
            </Field>
          </fieldset>

          <fieldset className="form-section">
            <legend>{t('incidents.form.reporterSection')}</legend>
            <div className="form-grid">
              <Field
                id={id('reporterName')}
                label={t('incidents.field.reporterName')}
                required
                errors={errorList('reporter.name')}
              >
                <input
                  id={id('reporterName')}
                  value={reporterName}
                  maxLength={50}
                  autoComplete="name"
                  onChange={(e) => setReporterName(e.target.value)}
                  aria-required="true"
                  aria-invalid={invalid('reporter.name')}
                  aria-describedby={describe(id('reporterName'), 'reporter.name')}
                />
              </Field>
              <Field
                id={id('reporterPhone')}
                label={t('incidents.field.reporterPhone')}
                required
                errors={errorList('reporter.phone')}
              >
                <input
                  id={id('reporterPhone')}
                  type="tel"
                  value={reporterPhone}
                  maxLength={20}
                  autoComplete="tel"
                  onChange={(e) => setReporterPhone(e.target.value)}
                  aria-required="true"
                  aria-invalid={invalid('reporter.phone')}
                  aria-describedby={describe(id('reporterPhone'), 'reporter.phone')}
                />
              </Field>
            </div>
          </fieldset>
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

/** Fields the form shows errors beside; anything else the server names goes to the summary. */
const KNOWN_FIELDS = [
  'enterpriseId',
  'title',
  'category',
  'occurredAt',
  'location',
  'address',
  'summary',
  'casualties',
  'directLossCny',
  'measuresTaken',
  'reporter',
];
