import { useMutation, useQueryClient } from '@tanstack/react-query';
import {
  EMPTY_UNIT_OVERVIEW,
  type FileView,
  gradeSeverity,
  type IncidentReportView,
  type IncidentView,
  UNIT_OVERVIEW_FIELDS,
  type UnitOverview,
} from '../../contracts';
import type { TFunction } from 'i18next';
import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiRequestError } from '../../api/client';
import { ErrorNotice } from '../../components/ErrorNotice';
import { AttachmentList, AttachmentsInput } from '../attachments';
import { downloadReportPdf, fileSupplementaryReport, printReportPdf } from '../api';
import { errorsFor, parseAmount, parseCount, parseFieldErrors } from '../incident-model';
import { useProblemText } from '../problem-text';
import { incidentKeys } from '../queries';
import { SeverityBadge, useFlash, useNow, useZoneTime } from '../ui';

const FIELDS = ['deaths', 'missing', 'seriousInjuries', 'minorInjuries'] as const;

function figures(t: TFunction, r: Pick<IncidentReportView, 'casualties' | 'directLossCny'>) {
  return `${t('incidents.room.figuresLine', {
    deaths: r.casualties.deaths,
    missing: r.casualties.missing,
    serious: r.casualties.seriousInjuries,
    minor: r.casualties.minorInjuries,
  })} · ${t('incidents.room.loss', { amount: r.directLossCny.toLocaleString('zh-CN') })}`;
}

/** The report history (快报 and 续报) and, for those who report, the supplementary report form. */
export function ReportsPanel({
  incident,
  reports,
  canReport,
}: {
  incident: IncidentView;
  reports: IncidentReportView[] | undefined;
  canReport: boolean;
}) {
  const { t } = useTranslation();
  const zoneTime = useZoneTime();
  const queryClient = useQueryClient();
  const problemText = useProblemText();
  const nowMs = useNow();
  const formId = useId();
  const [open, setOpen] = useState(false);
  const [flash, setFlash] = useFlash();
  const [values, setValues] = useState(() => ({
    deaths: String(incident.casualties.deaths),
    missing: String(incident.casualties.missing),
    seriousInjuries: String(incident.casualties.seriousInjuries),
    minorInjuries: String(incident.casualties.minorInjuries),
    loss: String(incident.directLossCny),
    summary: '',
    measures: '',
    otherMatters: '',
  }));
  const [attachments, setAttachments] = useState<FileView[]>([]);
  // Corrections to the unit overview go with the report as the fields that changed.
  const lastUnit = incident.unitOverview ?? EMPTY_UNIT_OVERVIEW;
  const [unit, setUnit] = useState<UnitOverview>(lastUnit);
  const unitChanges = Object.fromEntries(
    UNIT_OVERVIEW_FIELDS.filter((f) => unit[f].trim() !== lastUnit[f]).map((f) => [f, unit[f].trim()]),
  );
  const [printError, setPrintError] = useState<unknown>(null);
  /** Downloads or prints a report's form; the number it may have been given just now is shown after. */
  const printed = (action: () => Promise<void>) => {
    setPrintError(null);
    action()
      .then(() => queryClient.invalidateQueries({ queryKey: incidentKeys.reports(incident.id) }))
      .catch((e: unknown) => setPrintError(e));
  };
  const counts = Object.fromEntries(FIELDS.map((f) => [f, parseCount(values[f])])) as Record<
    (typeof FIELDS)[number],
    number | null
  >;
  const loss = parseAmount(values.loss);
  const graded = gradeSeverity(
    {
      deaths: counts.deaths ?? 0,
      missing: counts.missing ?? 0,
      seriousInjuries: counts.seriousInjuries ?? 0,
    },
    loss ?? 0,
  );
  const inWindow = Date.parse(incident.clock.supplementaryUntil) >= nowMs;
  const valid = FIELDS.every((f) => counts[f] !== null) && loss !== null && values.summary.trim().length > 0;

  const submit = useMutation({
    mutationFn: () =>
      fileSupplementaryReport(incident.id, {
        casualties: {
          deaths: counts.deaths ?? 0,
          missing: counts.missing ?? 0,
          seriousInjuries: counts.seriousInjuries ?? 0,
          minorInjuries: counts.minorInjuries ?? 0,
        },
        directLossCny: loss ?? 0,
        summary: values.summary.trim(),
        measuresTaken: values.measures.trim(),
        otherMatters: values.otherMatters.trim(),
        ...(Object.keys(unitChanges).length ? { unitOverview: unitChanges } : {}),
        attachmentIds: attachments.map((f) => f.id),
      }),
    onSuccess: async () => {
      setOpen(false);
      setValues((v) => ({ ...v, summary: '', measures: '', otherMatters: '' }));
      setAttachments([]);
      setFlash(t('incidents.reports.filed'));
      await queryClient.invalidateQueries({ queryKey: incidentKeys.reports(incident.id) });
      await queryClient.invalidateQueries({ queryKey: incidentKeys.detail(incident.id), exact: true });
    },
  });
  const serverErrors =
    submit.error instanceof ApiRequestError && submit.error.status === 400
      ? parseFieldErrors(submit.error.messages)
      : null;
  const fieldErrors = (field: string) =>
    serverErrors ? errorsFor(serverErrors, field).map(problemText) : [];

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    if (valid) submit.mutate();
  };

  return (
    <section className="room-panel" aria-labelledby="reports-title" data-testid="reports-panel">
      <h2 id="reports-title" className="room-panel__title">
        {t('incidents.reports.title')}
      </h2>
      {flash && (
        <p className="notice notice--success notice--compact" role="status">
          {flash}
        </p>
      )}
      <ol className="report-history">
        {reports?.map((r) => (
          <li key={r.id} className="report-history__item" data-testid="report">
            <div className="report-history__head">
              <strong>
                {r.kind === 'initial' ? t('incidents.reports.initial') : t('incidents.reports.supplementary')}
              </strong>
              <time dateTime={r.submittedAt}>{zoneTime(r.submittedAt)}</time>
              <SeverityBadge severity={r.severityAfter} />
              {r.outsideWindow && <span className="late-flag">{t('incidents.reports.outsideWindow')}</span>}
            </div>
            <p className="report-history__figures">{figures(t, r)}</p>
            <p className="report-history__summary">{r.summary}</p>
            {r.measuresTaken && (
              <p className="report-history__detail">
                {t('incidents.reports.measuresLine', { text: r.measuresTaken })}
              </p>
            )}
            {r.otherMatters && (
              <p className="report-history__detail">
                {t('incidents.reports.otherLine', { text: r.otherMatters })}
              </p>
            )}
            <AttachmentList files={r.attachments} />
            <div className="report-history__actions">
              <button
                type="button"
                className="button button--small"
                data-testid="report-pdf"
                onClick={() =>
                  printed(() =>
                    downloadReportPdf(
                      incident.id,
                      r.id,
                      `${r.kind === 'initial' ? t('incidents.reports.initial') : t('incidents.reports.supplementary')}.pdf`,
                    ),
                  )
                }
              >
                {t('incidents.reports.pdf')}
              </button>
              <button
                type="button"
                className="button button--small"
                data-testid="report-print"
                onClick={() => printed(() => printReportPdf(incident.id, r.id))}
              >
                {t('incidents.reports.print')}
              </button>
              {r.documentNo && (
                <span className="report-history__docno" data-testid="report-docno">
                  {t('incidents.reports.documentNo', { no: r.documentNo })}
                </span>
              )}
            </div>
          </li>
        ))}
      </ol>
      {printError !== null && <ErrorNotice error={printError} compact />}

      {canReport && !open && (
        <button
          type="button"
          className="button button--small"
          onClick={() => setOpen(true)}
          data-testid="supplementary-open"
        >
          {t('incidents.reports.new')}
        </button>
      )}
      {canReport && open && (
        <form
          className="room-form supplementary-form"
          onSubmit={onSubmit}
          noValidate
          aria-labelledby={`${formId}-title`}
        >
          <h3 id={`${formId}-title`} className="room-form__title">
            {t('incidents.reports.newTitle')}
          </h3>
          <p className="field__hint">
            {inWindow
              ? t('incidents.reports.windowNote', { time: zoneTime(incident.clock.supplementaryUntil) })
              : t('incidents.reports.windowClosed', { time: zoneTime(incident.clock.supplementaryUntil) })}
          </p>
          <div className="casualty-grid">
            {FIELDS.map((f) => (
              <div className="field" key={f}>
                <label htmlFor={`${formId}-${f}`}>{t(`incidents.field.${f}`)}</label>
                <input
                  id={`${formId}-${f}`}
                  inputMode="numeric"
                  value={values[f]}
                  onChange={(e) => setValues((v) => ({ ...v, [f]: e.target.value }))}
                  aria-invalid={counts[f] === null || fieldErrors(`casualties.${f}`).length > 0}
                />
                {counts[f] === null && <p className="field__error">{t('incidents.form.invalidCount')}</p>}
                {fieldErrors(`casualties.${f}`).map((m) => (
                  <p key={m} className="field__error">
                    {m}
                  </p>
                ))}
              </div>
            ))}
          </div>
          <div className="field">
            <label htmlFor={`${formId}-loss`}>{t('incidents.field.directLossCny')}</label>
            <input
              id={`${formId}-loss`}
              inputMode="decimal"
              value={values.loss}
              onChange={(e) => setValues((v) => ({ ...v, loss: e.target.value }))}
              aria-invalid={loss === null}
            />
            {loss === null && <p className="field__error">{t('incidents.form.invalidAmount')}</p>}
          </div>
          <div className="field">
            <label htmlFor={`${formId}-summary`}>{t('incidents.reports.summaryLabel')}</label>
            <textarea
              id={`${formId}-summary`}
              rows={3}
              maxLength={5000}
              value={values.summary}
              onChange={(e) => setValues((v) => ({ ...v, summary: e.target.value }))}
            />
            {fieldErrors('summary').map((m) => (
              <p key={m} className="field__error">
                {m}
              </p>
            ))}
          </div>
          <div className="field">
            <label htmlFor={`${formId}-measures`}>{t('incidents.reports.measuresLabel')}</label>
            <textarea
              id={`${formId}-measures`}
              rows={2}
              maxLength={5000}
              value={values.measures}
              onChange={(e) => setValues((v) => ({ ...v, measures: e.target.value }))}
            />
            {fieldErrors('measuresTaken').map((m) => (
              <p key={m} className="field__error">
                {m}
              </p>
            ))}
          </div>
          <div className="field">
            <label htmlFor={`${formId}-other`}>{t('incidents.field.otherMatters')}</label>
            <textarea
              id={`${formId}-other`}
              rows={2}
              maxLength={5000}
              value={values.otherMatters}
              onChange={(e) => setValues((v) => ({ ...v, otherMatters: e.target.value }))}
            />
            {fieldErrors('otherMatters').map((m) => (
              <p key={m} className="field__error">
                {m}
              </p>
            ))}
          </div>
          <AttachmentsInput
            value={attachments}
            onChange={setAttachments}
            errors={fieldErrors('attachmentIds')}
          />
          <details className="supplementary-form__unit" data-testid="supplementary-unit">
            <summary>{t('incidents.reports.correctUnit')}</summary>
            <div className="form-grid">
              {UNIT_OVERVIEW_FIELDS.map((f) => (
                <div className="field" key={f}>
                  <label htmlFor={`${formId}-unit-${f}`}>{t(`incidents.unit.${f}`)}</label>
                  <input
                    id={`${formId}-unit-${f}`}
                    maxLength={f === 'scale' || f === 'licences' ? 1000 : 200}
                    value={unit[f]}
                    onChange={(e) => setUnit((u) => ({ ...u, [f]: e.target.value }))}
                  />
                  {fieldErrors(`unitOverview.${f}`).map((m) => (
                    <p key={m} className="field__error">
                      {m}
                    </p>
                  ))}
                </div>
              ))}
            </div>
          </details>
          <p className="severity-line">
            {t('incidents.form.severityPreview')} <SeverityBadge severity={graded} />
          </p>
          {submit.isError && !serverErrors && <ErrorNotice error={submit.error} compact />}
          <div className="form__actions">
            <button type="button" className="button button--small" onClick={() => setOpen(false)}>
              {t('common.cancel')}
            </button>
            <button
              type="submit"
              className="button button--small button--primary"
              disabled={!valid || submit.isPending}
            >
              {t('incidents.reports.submit')}
            </button>
          </div>
        </form>
      )}
    </section>
  );
}
