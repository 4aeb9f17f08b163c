import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { TFunction } from 'i18next';
import { useId, useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiRequestError } from '../../api/client';
import { ErrorNotice } from '../../components/ErrorNotice';
import {
  REPORT_CHANNELS,
  type ChainActView,
  type ChainDuty,
  type IncidentView,
  type ReportLevel,
  type ReportingChainView,
  type Role,
} from '../../contracts';
import { uploadFile } from '../../hazards/api';
import { type ChainAct, recordChainAct } from '../chain-api';
import { errorsFor, parseFieldErrors, zonedInputToIso } from '../incident-model';
import { useProblemText } from '../problem-text';
import { incidentKeys } from '../queries';
import { COMMAND, REPORTERS } from '../roles';
import { useFlash, useNow, useZoneTime, useZoneTimeZone } from '../ui';
import './chain.css';

const MINUTE_MS = 60_000;

/**
 * The reporting chain of the incident (Decree 493 Art. 9–13, 29, 32; SAWS Order 21): each duty
 * with its clock and state, counting down live, and for whoever owes it, the form to record the
 * act. The enterprise records its own reports; the zone's commanders the zone's acts.
 */
export function ReportingChainPanel({ incident, role }: { incident: IncidentView; role: Role | undefined }) {
  const { t } = useTranslation();
  const zoneTime = useZoneTime();
  const [flash, setFlash] = useFlash();
  const chain = incident.chain;
  if (!chain) return null;
  const zone = role ? COMMAND.includes(role) : false;
  const enterprise = role === 'enterprise_officer';
  const filer = role ? REPORTERS.includes(role) : false;
  const done = () => setFlash(t('incidents.chain.recorded'));
  const { investigation } = chain;

  return (
    <section className="room-panel" aria-labelledby="chain-title" data-testid="reporting-chain">
      <h2 id="chain-title" className="room-panel__title">
        {t('incidents.chain.title')}
      </h2>
      {flash && (
        <p className="notice notice--success notice--compact" role="status">
          {flash}
        </p>
      )}
      {chain.nextDue && (
        <p className="chain-next" data-testid="chain-next">
          {t('incidents.chain.nextDue', {
            duty: dutyName(t, chain.nextDue.duty),
            time: zoneTime(chain.nextDue.deadline),
          })}
        </p>
      )}
      <ol className="chain-duties">
        <DutyRow
          testId="duty-enterprise"
          label={t('incidents.chain.duty.enterpriseReport')}
          duty={chain.enterpriseReport}
          detail={
            <>
              {t('incidents.chain.headInformed', { time: zoneTime(chain.enterpriseReport.headInformedAt) })}
              {chain.enterpriseReport.source === 'zone' &&
                ` · ${t('incidents.chain.zoneKnew', { time: zoneTime(chain.enterpriseReport.zoneKnewAt) })}`}
            </>
          }
          action={
            enterprise && isOpen(chain.enterpriseReport) ? (
              <ActForm
                incidentId={incident.id}
                label={t('incidents.chain.action.enterpriseReport')}
                fields={['at', 'headInformedAt', 'senderName', 'note']}
                build={(v) => ({
                  kind: 'enterprise-report',
                  body: {
                    at: v.at,
                    headInformedAt: v.headInformedAt,
                    senderName: v.senderName,
                    note: v.note,
                  },
                })}
                onDone={done}
              />
            ) : null
          }
        />
        {chain.provincialReport.state !== 'not_owed' && (
          <DutyRow
            testId="duty-provincial"
            label={t('incidents.chain.duty.provincialReport')}
            duty={chain.provincialReport}
            detail={<ActLine act={chain.provincialReport.act} />}
            action={
              enterprise && !chain.provincialReport.act ? (
                <ActForm
                  incidentId={incident.id}
                  label={t('incidents.chain.action.provincial')}
                  fields={['at', 'recipient', 'channel', 'senderName', 'fileId', 'note']}
                  build={(v) => ({ kind: 'provincial', body: sent(v) })}
                  onDone={done}
                />
              ) : null
            }
          />
        )}
        {chain.onward.levels.map((level) => (
          <DutyRow
            key={level.level}
            testId={`duty-onward-${level.level}`}
            label={t('incidents.chain.duty.onward', { level: t(`incidents.chain.level.${level.level}`) })}
            duty={level}
            detail={<ActLine act={level.act} />}
            action={
              zone && !level.act ? (
                <ActForm
                  incidentId={incident.id}
                  label={t('incidents.chain.action.onward')}
                  fields={['at', 'recipient', 'channel', 'senderName', 'fileId', 'note']}
                  build={(v) => ({ kind: 'onward', body: { ...sent(v), level: level.level } })}
                  onDone={done}
                />
              ) : null
            }
          />
        ))}
        <DutyRow
          testId="duty-follow-up"
          label={t('incidents.chain.duty.followUp', { hours: chain.followUp.intervalHours })}
          duty={chain.followUp}
          detail={t('incidents.chain.followUpDetail', {
            count: chain.followUp.reports,
            time: zoneTime(chain.followUp.lastAt),
          })}
        />
        {chain.supplements.map((s) => (
          <DutyRow
            key={s.act.id}
            testId="duty-supplement"
            label={t('incidents.chain.duty.supplement')}
            duty={s}
            detail={s.act.note}
          />
        ))}
        {filer && chain.supplementaryWindow.open && (
          <li className="chain-duty chain-duty--form">
            <ActForm
              incidentId={incident.id}
              label={t('incidents.chain.action.casualtyChange')}
              fields={['at', 'noteRequired']}
              build={(v) => ({ kind: 'casualty-change', body: { at: v.at, note: v.note ?? '' } })}
              onDone={done}
            />
            <p className="field__hint">
              {t('incidents.chain.windowHint', {
                days: chain.supplementaryWindow.days,
                time: zoneTime(chain.supplementaryWindow.until),
              })}
            </p>
          </li>
        )}
        <DutyRow
          testId="duty-investigation"
          label={t('incidents.chain.duty.investigationReport')}
          duty={investigation.report}
          detail={
            investigation.extension &&
            t('incidents.chain.extended', {
              days: investigation.extension.extensionDays ?? 0,
              approver: investigation.extension.approver ?? '',
              reason: investigation.extension.note,
            })
          }
          action={
            zone && !investigation.report.act ? (
              <>
                <ActForm
                  incidentId={incident.id}
                  label={t('incidents.chain.action.investigationReport')}
                  fields={['at', 'fileId', 'note']}
                  build={(v) => ({
                    kind: 'investigation/report',
                    body: { at: v.at, fileId: v.fileId, note: v.note },
                  })}
                  onDone={done}
                />
                {!investigation.extension && (
                  <ActForm
                    incidentId={incident.id}
                    label={t('incidents.chain.action.extension')}
                    fields={['days', 'reason', 'approver']}
                    build={(v) => ({
                      kind: 'investigation/extension',
                      body: { days: Number(v.days), reason: v.reason ?? '', approver: v.approver ?? '' },
                    })}
                    onDone={done}
                  />
                )}
              </>
            ) : null
          }
        />
        {investigation.report.act && (
          <DutyRow
            testId="duty-reply"
            label={t('incidents.chain.duty.investigationReply')}
            duty={investigation.reply}
            detail={
              investigation.fileClosedAt &&
              t('incidents.chain.fileClosed', { time: zoneTime(investigation.fileClosedAt) })
            }
            action={
              zone && !investigation.reply.act ? (
                <ActForm
                  incidentId={incident.id}
                  label={t('incidents.chain.action.reply')}
                  fields={['at', 'fileId', 'note']}
                  build={(v) => ({
                    kind: 'investigation/reply',
                    body: { at: v.at, fileId: v.fileId, note: v.note },
                  })}
                  onDone={done}
                />
              ) : null
            }
          />
        )}
      </ol>
    </section>
  );
}

const isOpen = (d: ChainDuty) => d.state === 'owed' || d.state === 'overdue';

type Values = Partial<Record<FieldName, string>> & { note?: string };

function sent(v: Values) {
  return {
    at: v.at,
    recipient: v.recipient ?? '',
    channel: (v.channel ?? 'phone') as (typeof REPORT_CHANNELS)[number],
    senderName: v.senderName ?? '',
    fileId: v.fileId,
    note: v.note,
  };
}

/** A duty's key in `nextDue` in words. */
function dutyName(t: TFunction, duty: string): string {
  if (duty.startsWith('onward.')) {
    const level = duty.slice('onward.'.length) as ReportLevel;
    return t('incidents.chain.duty.onward', { level: t(`incidents.chain.level.${level}`) });
  }
  const key = (
    {
      enterpriseReport: 'enterpriseReport',
      provincialReport: 'provincialReport',
      followUp: 'followUpShort',
      supplement: 'supplement',
      'investigation.report': 'investigationReport',
      'investigation.reply': 'investigationReply',
    } as const
  )[duty as 'followUp'];
  return key ? t(`incidents.chain.duty.${key}`) : duty;
}

function DutyRow({
  label,
  duty,
  detail,
  action,
  testId,
}: {
  label: string;
  duty: ChainDuty;
  detail?: ReactNode;
  action?: ReactNode;
  testId: string;
}) {
  const state = liveState(duty, useNow());
  return (
    <li className={`chain-duty chain-duty--${state}`} data-testid={testId} data-state={state}>
      <div className="chain-duty__head">
        <strong>{label}</strong>
        <DutyClock duty={duty} />
      </div>
      {detail && <p className="chain-duty__detail">{detail}</p>}
      {action}
    </li>
  );
}

/** The server's state, moved on by the page's clock: a duty owed turns overdue as its deadline passes. */
function liveState(duty: ChainDuty, nowMs: number): ChainDuty['state'] {
  if (duty.state === 'owed' && duty.deadline && Date.parse(duty.deadline) < nowMs) return 'overdue';
  return duty.state;
}

function DutyClock({ duty }: { duty: ChainDuty }) {
  const { t } = useTranslation();
  const nowMs = useNow();
  const zoneTime = useZoneTime();
  const state = liveState(duty, nowMs);
  const deadline = duty.deadline ? Date.parse(duty.deadline) : null;
  let text: string;
  switch (state) {
    case 'met':
      text = t('incidents.chain.state.met', { time: zoneTime(duty.metAt) });
      break;
    case 'met_late':
      text = t('incidents.chain.state.metLate', {
        time: zoneTime(duty.metAt),
        late: span(t, duty.lateByMinutes),
      });
      break;
    case 'owed':
      text = t('incidents.chain.state.owed', {
        left: span(t, Math.max(0, Math.floor((deadline! - nowMs) / MINUTE_MS))),
        time: zoneTime(duty.deadline),
      });
      break;
    case 'overdue':
      text = t('incidents.chain.state.overdue', {
        late: span(t, Math.ceil((nowMs - deadline!) / MINUTE_MS)),
        time: zoneTime(duty.deadline),
      });
      break;
    default:
      text = t('incidents.chain.state.notOwed');
  }
  return (
    <span className={`chain-clock chain-clock--${state}`} data-testid="chain-clock">
      {text}
    </span>
  );
}

/** Minutes in the unit a reader counts them in: minutes, hours and minutes, or days. */
function span(t: TFunction, minutes: number): string {
  if (minutes < 120) return t('incidents.chain.minutes', { count: minutes });
  if (minutes < 48 * 60) return t('incidents.chain.hours', { count: Math.floor(minutes / 60) });
  return t('incidents.chain.days', { count: Math.floor(minutes / (24 * 60)) });
}

function ActLine({ act }: { act: ChainActView | null }) {
  const { t } = useTranslation();
  const zoneTime = useZoneTime();
  if (!act) return null;
  return (
    <>
      {t('incidents.chain.actLine', {
        time: zoneTime(act.at),
        sender: act.senderName ?? '',
        recipient: act.recipient ?? '',
        channel: act.channel ? t(`incidents.chain.channel.${act.channel}`) : '',
      })}
      {act.fileId && ` · ${t('incidents.chain.document')}`}
    </>
  );
}

type FieldName =
  | 'at'
  | 'headInformedAt'
  | 'recipient'
  | 'channel'
  | 'senderName'
  | 'fileId'
  | 'note'
  | 'noteRequired'
  | 'days'
  | 'reason'
  | 'approver';

const REQUIRED: FieldName[] = ['recipient', 'senderName', 'noteRequired', 'days', 'reason', 'approver'];

/**
 * One act's form, folded behind its button. Times are typed on the zone's clock (left empty:
 * now); the server's 400 is shown beside the field it names.
 */
function ActForm({
  incidentId,
  label,
  fields,
  build,
  onDone,
}: {
  incidentId: string;
  label: string;
  fields: FieldName[];
  build: (values: Values) => ChainAct;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const formId = useId();
  const timeZone = useZoneTimeZone();
  const queryClient = useQueryClient();
  const problemText = useProblemText();
  const [open, setOpen] = useState(false);
  const [values, setValues] = useState<Partial<Record<FieldName, string>>>({ channel: 'phone', days: '30' });
  const [clientErrors, setClientErrors] = useState<Partial<Record<string, string>>>({});
  const submit = useMutation({
    mutationFn: (act: ChainAct) => recordChainAct(incidentId, act),
    onSuccess: async (chain: ReportingChainView) => {
      queryClient.setQueryData<IncidentView>(incidentKeys.detail(incidentId), (i) =>
        i ? { ...i, chain } : i,
      );
      await queryClient.invalidateQueries({ queryKey: incidentKeys.detail(incidentId), exact: true });
      setOpen(false);
      setValues({ channel: 'phone', days: '30' });
      onDone();
    },
  });
  const serverErrors =
    submit.error instanceof ApiRequestError && submit.error.status === 400
      ? parseFieldErrors(submit.error.messages)
      : null;
  const errors = (field: string) => [
    ...(clientErrors[field] ? [clientErrors[field]!] : []),
    ...(serverErrors ? errorsFor(serverErrors, field).map(problemText) : []),
  ];

  if (!open) {
    return (
      <button type="button" className="button button--small chain-act" onClick={() => setOpen(true)}>
        {label}
      </button>
    );
  }

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const problems: Record<string, string> = {};
    const out: Values = {};
    for (const f of fields) {
      const raw = (values[f] ?? '').trim();
      const name = f === 'noteRequired' ? 'note' : f;
      if (!raw) {
        if (REQUIRED.includes(f)) problems[name] = t('incidents.form.required');
        continue;
      }
      if (f === 'at' || f === 'headInformedAt') {
        const iso = zonedInputToIso(raw, timeZone);
        if (!iso) problems[name] = t('incidents.form.invalidTime');
        else out[f] = iso;
      } else out[name as FieldName] = raw;
    }
    setClientErrors(problems);
    if (Object.keys(problems).length === 0) submit.mutate(build(out));
  };

  const input = (f: FieldName) => {
    const name = f === 'noteRequired' ? 'note' : f;
    const id = `${formId}-${f}`;
    const set = (value: string) => setValues((v) => ({ ...v, [f]: value }));
    let control: ReactNode;
    if (f === 'channel') {
      control = (
        <select id={id} value={values.channel} onChange={(e) => set(e.target.value)}>
          {REPORT_CHANNELS.map((c) => (
            <option key={c} value={c}>
              {t(`incidents.chain.channel.${c}`)}
            </option>
          ))}
        </select>
      );
    } else if (f === 'at' || f === 'headInformedAt') {
      control = (
        <input id={id} type="datetime-local" value={values[f] ?? ''} onChange={(e) => set(e.target.value)} />
      );
    } else if (f === 'fileId') {
      // The document goes to the file store first; the act keeps its id.
      control = (
        <>
          <input
            id={id}
            type="file"
            accept="application/pdf,image/jpeg,image/png,image/webp"
            onChange={(e) => {
              const file = e.target.files?.[0];
              setClientErrors((c) => ({ ...c, fileId: undefined }));
              if (!file) return set('');
              uploadFile(file).then(
                (stored) => set(stored.id),
                (err: unknown) =>
                  setClientErrors((c) => ({
                    ...c,
                    fileId:
                      err instanceof ApiRequestError ? err.messages.map(problemText).join(' ') : String(err),
                  })),
              );
            }}
          />
        </>
      );
    } else if (f === 'days') {
      control = (
        <input
          id={id}
          type="number"
          min={1}
          max={60}
          value={values.days ?? ''}
          onChange={(e) => set(e.target.value)}
        />
      );
    } else if (f === 'note' || f === 'noteRequired' || f === 'reason') {
      control = (
        <textarea
          id={id}
          rows={2}
          maxLength={2000}
          value={values[f] ?? ''}
          onChange={(e) => set(e.target.value)}
        />
      );
    } else {
      control = (
        <input id={id} value={values[f] ?? ''} maxLength={200} onChange={(e) => set(e.target.value)} />
      );
    }
    return (
      <div className="field" key={f}>
        <label htmlFor={id}>
          {t(`incidents.chain.field.${f}`)}
          {REQUIRED.includes(f) && <span aria-hidden="true"> *</span>}
        </label>
        {control}
        {f === 'at' && <p className="field__hint">{t('incidents.chain.atHint')}</p>}
        {errors(name).map((m) => (
          <p key={m} className="field__error">
            {m}
          </p>
        ))}
      </div>
    );
  };

  return (
    <form className="room-form chain-form" onSubmit={onSubmit} noValidate aria-label={label}>
      <div className="chain-form__grid">{fields.map(input)}</div>
      {submit.isError && !serverErrors && <ErrorNotice error={submit.error} compact />}
      <div className="form__actions">
        <button type="button" className="button button--small" onClick={() => setOpen(false)}>
          {t('common.cancel')}
        </button>
        <button type="submit" className="button button--small button--primary" disabled={submit.isPending}>
          {t('incidents.chain.save')}
        </button>
      </div>
    </form>
  );
}
