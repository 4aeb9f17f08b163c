import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router';
import { useAllEnterprises } from '../api/queries';
import { useSession } from '../auth/session-hooks';
import { ErrorNotice } from '../components/ErrorNotice';
import { ListTable, QueryState } from '../components/ListTable';
import { PageHeader } from '../components/PageHeader';
import {
  type EnforcementCaseSummary,
  type EnforcementCaseView,
  type EnforcementStep,
  type HazardCategory,
  type HazardLevel,
  HAZARD_CATEGORIES,
  HAZARD_LEVELS,
  INSTRUMENT_KINDS,
  type InstrumentView,
  STATEMENT_KINDS,
  isZoneRole,
} from '../contracts';
import { useTranslation } from 'react-i18next';
import { useInspectionRecord } from '../inspections/api';
import { useZoneTime, useZoneTimeZone } from '../incidents/ui';
import {
  type ViolationInput,
  discloseCase,
  downloadInstrumentPdf,
  enforcementKeys,
  fetchCase,
  fetchCases,
  openCase,
  takeStep,
} from './api';
import './enforcement.css';
import { type EnforcementKey, useEnforcementT } from './i18n';

const PAGE_SIZE = 50;
/** The procedure as the case page lists it: the instruments, with the statement before the decision. */
const STEPS: EnforcementStep[] = [...INSTRUMENT_KINDS.slice(0, 6), 'statement', ...INSTRUMENT_KINDS.slice(6)];

function useCanIssue(): boolean {
  const role = useSession()?.user.role;
  return role === 'inspector' || role === 'zone_admin';
}

export function EnforcementCasesPage() {
  const { t } = useEnforcementT();
  const zoneTime = useZoneTime();
  const role = useSession()?.user.role;
  const canIssue = useCanIssue();
  const [status, setStatus] = useState<'' | 'open' | 'closed'>('');
  const [page, setPage] = useState(1);
  const cases = useQuery({
    queryKey: enforcementKeys.list(status, page),
    queryFn: ({ signal }) => fetchCases({ status: status || undefined, page, pageSize: PAGE_SIZE }, signal),
    placeholderData: keepPreviousData,
  });
  return (
    <div className="page">
      <PageHeader
        title={t('title')}
        actions={
          canIssue && (
            <Link className="button button--primary" to="/enforcement/new" data-testid="enforcement-new">
              {t('new')}
            </Link>
          )
        }
      >
        {t('subtitle')}
      </PageHeader>
      <div className="field field--inline enforcement-filter">
        <label htmlFor="enforcement-status">{t('filter.label')}</label>
        <select
          id="enforcement-status"
          value={status}
          onChange={(e) => {
            setStatus(e.target.value as typeof status);
            setPage(1);
          }}
        >
          <option value="">{t('filter.all')}</option>
          <option value="open">{t('filter.open')}</option>
          <option value="closed">{t('filter.closed')}</option>
        </select>
      </div>
      <QueryState query={cases} />
      {cases.data && (
        <ListTable<EnforcementCaseSummary>
          testId="enforcement-cases"
          columns={[
            t('columns.title'),
            t('columns.enterprise'),
            t('columns.status'),
            t('columns.last'),
            t('columns.deadline'),
            t('columns.opened'),
          ]}
          items={cases.data.items}
          empty={role && isZoneRole(role) ? t('empty') : t('emptyOfficer')}
          busy={cases.isFetching}
          paging={{ page, pageSize: PAGE_SIZE, total: cases.data.total, onPage: setPage }}
          row={(c) => (
            <tr key={c.id}>
              <td>
                <Link to={`/enforcement/${c.id}`}>{c.title}</Link>
              </td>
              <td>{c.enterpriseName}</td>
              <td>
                <CaseStatus c={c} />
              </td>
              <td>{c.lastInstrument ? t(`step.${c.lastInstrument}`) : '—'}</td>
              <td>{c.nextDeadline ?? '—'}</td>
              <td>{zoneTime(c.openedAt)}</td>
            </tr>
          )}
        />
      )}
    </div>
  );
}

function CaseStatus({ c }: { c: EnforcementCaseSummary }) {
  const { t } = useEnforcementT();
  const key = c.disclosedAt ? 'disclosed' : c.status;
  return <span className={`enforcement-status enforcement-status--${key}`}>{t(`status.${key}`)}</span>;
}

interface ViolationDraft {
  facts: string;
  basis: string;
  hazardId: string | null;
  newHazard: boolean;
  place: string;
  category: HazardCategory;
  level: HazardLevel;
  harmAnalysis: string;
}

const blankViolation = (): ViolationDraft => ({
  facts: '',
  basis: '',
  hazardId: null,
  newHazard: false,
  place: '',
  category: 'management',
  level: 'general',
  harmAnalysis: '',
});

/** A new case: from an inspection (`?inspection=`), its failed items prefilled; or against an enterprise. */
export function NewEnforcementCasePage() {
  const [params] = useSearchParams();
  const inspectionId = params.get('inspection');
  const record = useInspectionRecord(inspectionId ?? '');
  if (inspectionId && !record.data) return <QueryState query={record} />;
  const failed =
    record.data?.items
      .filter((i) => i.result === 'fail')
      .map((i) => ({
        ...blankViolation(),
        facts: i.note ? `${i.text}：${i.note}` : i.text,
        hazardId: i.hazardId,
      })) ?? [];
  return (
    <NewCaseForm
      key={inspectionId ?? 'direct'}
      inspection={record.data ?? null}
      initial={failed.length ? failed : [blankViolation()]}
    />
  );
}

function NewCaseForm({
  inspection,
  initial,
}: {
  inspection: { id: string; enterpriseId: string; enterpriseName: string; startedAt: string } | null;
  initial: ViolationDraft[];
}) {
  const { t } = useEnforcementT();
  const { t: tMain } = useTranslation();
  const zoneTime = useZoneTime();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const enterprises = useAllEnterprises();
  const [enterpriseId, setEnterpriseId] = useState(inspection?.enterpriseId ?? '');
  const [title, setTitle] = useState('');
  const [violations, setViolations] = useState<ViolationDraft[]>(initial);
  const patch = (n: number, p: Partial<ViolationDraft>) =>
    setViolations((vs) => vs.map((v, i) => (i === n ? { ...v, ...p } : v)));
  const create = useMutation({
    mutationFn: () =>
      openCase({
        ...(inspection ? { inspectionRecordId: inspection.id } : { enterpriseId }),
        title,
        violations: violations.map((v): ViolationInput => ({
          facts: v.facts,
          basis: v.basis,
          ...(v.hazardId ? { hazardId: v.hazardId } : {}),
          ...(!v.hazardId && v.newHazard
            ? {
                hazard: {
                  place: v.place,
                  category: v.category,
                  level: v.level,
                  ...(v.harmAnalysis ? { harmAnalysis: v.harmAnalysis } : {}),
                },
              }
            : {}),
        })),
      }),
    onSuccess: (c) => {
      void queryClient.invalidateQueries({ queryKey: enforcementKeys.all });
      void navigate(`/enforcement/${c.id}`);
    },
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    create.mutate();
  };
  return (
    <div className="page page--narrow">
      <PageHeader title={t('newCase.title')}>{t('newCase.intro')}</PageHeader>
      <form className="form card" onSubmit={submit} data-testid="enforcement-new-form">
        {inspection ? (
          <p className="card__text">
            <Link to={`/inspections/${inspection.id}`}>
              {t('newCase.inspection', {
                enterprise: inspection.enterpriseName,
                time: zoneTime(inspection.startedAt),
              })}
            </Link>
          </p>
        ) : (
          <div className="field">
            <label htmlFor="case-enterprise">{t('newCase.enterprise')}</label>
            <select
              id="case-enterprise"
              required
              value={enterpriseId}
              onChange={(e) => setEnterpriseId(e.target.value)}
            >
              <option value="">{t('newCase.choose')}</option>
              {enterprises.data?.items.map((e) => (
                <option key={e.id} value={e.id}>
                  {e.name}
                </option>
              ))}
            </select>
          </div>
        )}
        <div className="field">
          <label htmlFor="case-title">{t('newCase.caseTitle')}</label>
          <input
            id="case-title"
            required
            maxLength={200}
            placeholder={t('newCase.caseTitlePlaceholder')}
            value={title}
            onChange={(e) => setTitle(e.target.value)}
          />
        </div>
        <fieldset className="enforcement-violations">
          <legend>{t('newCase.violations')}</legend>
          {violations.map((v, n) => (
            <div className="enforcement-violation" key={n} data-testid={`violation-${n}`}>
              <div className="field">
                <label htmlFor={`v${n}-facts`}>{t('case.facts')}</label>
                <textarea
                  id={`v${n}-facts`}
                  required
                  maxLength={2000}
                  rows={2}
                  value={v.facts}
                  onChange={(e) => patch(n, { facts: e.target.value })}
                />
              </div>
              <div className="field">
                <label htmlFor={`v${n}-basis`}>{t('case.basis')}</label>
                <input
                  id={`v${n}-basis`}
                  required
                  maxLength={1000}
                  placeholder="《中华人民共和国安全生产法》第……条"
                  value={v.basis}
                  onChange={(e) => patch(n, { basis: e.target.value })}
                />
              </div>
              {v.hazardId ? (
                <p className="field__hint">
                  <Link to={`/hazards/${v.hazardId}`}>{t('newCase.hazardLinked')}</Link>
                </p>
              ) : (
                <label className="checkbox">
                  <input
                    type="checkbox"
                    checked={v.newHazard}
                    onChange={(e) => patch(n, { newHazard: e.target.checked })}
                  />
                  {t('newCase.hazardNew')}
                </label>
              )}
              {!v.hazardId && v.newHazard && (
                <div className="form__row">
                  <input
                    aria-label={t('newCase.hazardPlace')}
                    placeholder={t('newCase.hazardPlace')}
                    required
                    maxLength={200}
                    value={v.place}
                    onChange={(e) => patch(n, { place: e.target.value })}
                  />
                  <select
                    aria-label={t('newCase.hazardCategory')}
                    value={v.category}
                    onChange={(e) => patch(n, { category: e.target.value as HazardCategory })}
                  >
                    {HAZARD_CATEGORIES.map((c) => (
                      <option key={c} value={c}>
                        {tMain(`hazards.category.${c}`)}
                      </option>
                    ))}
                  </select>
                  <select
                    aria-label={t('newCase.hazardLevel')}
                    value={v.level}
                    onChange={(e) => patch(n, { level: e.target.value as HazardLevel })}
                  >
                    {HAZARD_LEVELS.map((l) => (
                      <option key={l} value={l}>
                        {tMain(`hazards.level.${l}`)}
                      </option>
                    ))}
                  </select>
                  {v.level === 'major' && (
                    <textarea
                      aria-label={t('newCase.harmAnalysis')}
                      placeholder={t('newCase.harmAnalysis')}
                      required
                      rows={2}
                      value={v.harmAnalysis}
                      onChange={(e) => patch(n, { harmAnalysis: e.target.value })}
                    />
                  )}
                </div>
              )}
              {violations.length > 1 && (
                <button
                  type="button"
                  className="button button--small"
                  onClick={() => setViolations((vs) => vs.filter((_, i) => i !== n))}
                >
                  {t('newCase.remove')}
                </button>
              )}
            </div>
          ))}
          <button
            type="button"
            className="button button--small"
            onClick={() => setViolations((vs) => [...vs, blankViolation()])}
          >
            {t('newCase.add')}
          </button>
        </fieldset>
        {create.isError && <ErrorNotice error={create.error} />}
        <div className="form__actions">
          <button
            type="submit"
            className="button button--primary"
            disabled={create.isPending}
            data-testid="enforcement-open"
          >
            {t('newCase.submit')}
          </button>
          <Link className="button" to="/enforcement">
            {t('newCase.cancel')}
          </Link>
        </div>
      </form>
    </div>
  );
}

export function EnforcementCasePage() {
  const { id = '' } = useParams();
  const { t } = useEnforcementT();
  const zoneTime = useZoneTime();
  const canIssue = useCanIssue();
  const queryClient = useQueryClient();
  const kase = useQuery({
    queryKey: enforcementKeys.case(id),
    queryFn: ({ signal }) => fetchCase(id, signal),
  });
  const disclose = useMutation({
    mutationFn: () => discloseCase(id),
    onSuccess: (c) => {
      queryClient.setQueryData(enforcementKeys.case(id), c);
      void queryClient.invalidateQueries({ queryKey: ['enforcement', 'list'] });
    },
  });
  if (!kase.data) return <QueryState query={kase} />;
  const c = kase.data;
  return (
    <div className="page">
      <PageHeader
        title={c.title}
        actions={
          <Link className="button" to="/enforcement">
            {t('case.back')}
          </Link>
        }
      >
        {c.enterpriseName} · <CaseStatus c={c} /> ·{' '}
        {t('case.openedBy', { name: c.openedBy, time: zoneTime(c.openedAt) })}
        {c.inspectionRecordId && (
          <>
            {' · '}
            <Link to={`/inspections/${c.inspectionRecordId}`}>{t('case.fromInspection')}</Link>
          </>
        )}
      </PageHeader>
      <section className="card" aria-labelledby="violations-title">
        <h2 id="violations-title" className="card__title">
          {t('case.violations')}
        </h2>
        <div className="table-wrap">
          <table className="table" data-testid="case-violations">
            <thead>
              <tr>
                <th scope="col">{t('case.facts')}</th>
                <th scope="col">{t('case.basis')}</th>
                <th scope="col">{t('case.hazard')}</th>
              </tr>
            </thead>
            <tbody>
              {c.violations.map((v, n) => (
                <tr key={n}>
                  <td>{v.facts}</td>
                  <td>{v.basis}</td>
                  <td>{v.hazardId ? <Link to={`/hazards/${v.hazardId}`}>{v.hazardCode}</Link> : '—'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>
      <section className="card" aria-labelledby="procedure-title">
        <h2 id="procedure-title" className="card__title">
          {t('case.procedure')}
        </h2>
        <p className="field__hint">{canIssue ? t('case.procedureHint') : t('case.readOnly')}</p>
        <ol className="enforcement-steps" data-testid="case-steps">
          {STEPS.map((step) => (
            <Step key={step} kase={c} step={step} canIssue={canIssue} />
          ))}
        </ol>
      </section>
      {canIssue && c.status === 'closed' && (
        <section className="card" aria-labelledby="disclose-title">
          <h2 id="disclose-title" className="card__title">
            {t('case.disclose')}
          </h2>
          {c.disclosedAt ? (
            <p className="card__text">{t('case.disclosed', { time: zoneTime(c.disclosedAt) })}</p>
          ) : (
            <>
              <p className="field__hint">{t('case.discloseHint')}</p>
              {disclose.isError && <ErrorNotice error={disclose.error} />}
              <button
                type="button"
                className="button button--primary"
                disabled={disclose.isPending}
                onClick={() => disclose.mutate()}
                data-testid="case-disclose"
              >
                {t('case.disclose')}
              </button>
            </>
          )}
        </section>
      )}
    </div>
  );
}

function Step({
  kase,
  step,
  canIssue,
}: {
  kase: EnforcementCaseView;
  step: EnforcementStep;
  canIssue: boolean;
}) {
  const { t } = useEnforcementT();
  const zoneTime = useZoneTime();
  const [open, setOpen] = useState(false);
  const instrument = step === 'statement' ? undefined : kase.instruments.find((i) => i.kind === step);
  const done = step === 'statement' ? kase.statement !== null : instrument !== undefined;
  const available = kase.nextSteps.includes(step);
  // An enterprise sees what was served on it, not the steps still ahead.
  if (!canIssue && !done) return null;
  const state = done ? 'done' : available ? 'available' : 'waiting';
  return (
    <li className={`enforcement-step enforcement-step--${state}`} data-testid={`step-${step}`}>
      <div className="enforcement-step__head">
        <span className="enforcement-step__name">{t(`step.${step}`)}</span>
        {instrument && (
          <>
            <span className="enforcement-step__meta">
              {t('case.issuedLine', {
                no: instrument.documentNo,
                time: zoneTime(instrument.issuedAt),
                name: instrument.issuedBy,
              })}
            </span>
            <button
              type="button"
              className="button button--small"
              onClick={() => void downloadInstrumentPdf(instrument)}
              data-testid={`pdf-${step}`}
            >
              {t('case.pdf')}
            </button>
          </>
        )}
        {!done && canIssue && available && !open && (
          <button
            type="button"
            className="button button--small button--primary"
            onClick={() => setOpen(true)}
            data-testid={`issue-${step}`}
          >
            {step === 'statement' ? t('case.record') : t('case.issue')}
          </button>
        )}
        {!done && !available && <span className="enforcement-step__meta">{t('case.waiting')}</span>}
      </div>
      {instrument && <InstrumentSummary instrument={instrument} />}
      {step === 'statement' && kase.statement && (
        <p className="card__text">
          {t('case.statementRecorded', {
            kind: t(`statementKind.${kase.statement.kind}`),
            summary: kase.statement.summary,
          })}
          <br />
          {t('case.review', { review: kase.statement.review })}
        </p>
      )}
      {open && <StepForm kase={kase} step={step} onDone={() => setOpen(false)} />}
    </li>
  );
}

function InstrumentSummary({ instrument }: { instrument: InstrumentView }) {
  const { t } = useEnforcementT();
  const c = instrument.content as unknown as Record<string, unknown>;
  const parts: string[] = [];
  switch (instrument.kind) {
    case 'rectification_order':
      parts.push(t('content.deadline', { date: instrument.deadline }));
      break;
    case 'onsite_measures':
      parts.push(String(c.measures));
      if (instrument.deadline) parts.push(t('content.measuresDeadline', { date: instrument.deadline }));
      break;
    case 'recheck_opinion':
      parts.push(c.passed ? t('content.passed') : t('content.failed'));
      break;
    case 'penalty_notice':
      parts.push(
        t('content.fine', { amount: c.fineYuan }),
        t('content.statementUntil', { date: instrument.deadline }),
      );
      if (c.hearingRight) parts.push(t('content.hearing'));
      break;
    case 'penalty_decision':
      parts.push(t('content.fine', { amount: c.fineYuan }));
      if (instrument.deadline) parts.push(t('content.payBy', { date: instrument.deadline }));
      break;
    default:
      return null;
  }
  return <p className="enforcement-step__summary">{parts.join(' · ')}</p>;
}

type FieldKind = 'text' | 'textarea' | 'date' | 'datetime' | 'number' | 'checkbox' | 'statementKind';
interface FieldDef {
  name: string;
  label: EnforcementKey;
  kind: FieldKind;
  optional?: boolean;
  initial?: (today: string) => string | boolean;
}

const addDays = (day: string, n: number) => {
  const d = new Date(`${day}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
};

/** What each step's form asks, in the order the printed instrument has it. */
const STEP_FIELDS: Record<EnforcementStep, FieldDef[]> = {
  inspection_record: [
    { name: 'place', label: 'field.place', kind: 'text' },
    { name: 'inspectedAt', label: 'field.inspectedAt', kind: 'datetime' },
    { name: 'inspectors', label: 'field.inspectors', kind: 'text' },
    { name: 'present', label: 'field.present', kind: 'text' },
    { name: 'situation', label: 'field.situation', kind: 'textarea' },
  ],
  rectification_order: [
    { name: 'requirement', label: 'field.requirement', kind: 'textarea' },
    { name: 'deadline', label: 'field.deadline', kind: 'date', initial: (today) => addDays(today, 15) },
  ],
  onsite_measures: [
    { name: 'measures', label: 'field.measures', kind: 'textarea' },
    { name: 'basis', label: 'field.basis', kind: 'text' },
    { name: 'deadline', label: 'field.deadline', kind: 'date', optional: true },
  ],
  recheck_opinion: [
    { name: 'recheckedOn', label: 'field.recheckedOn', kind: 'date', initial: (today) => today },
    { name: 'passed', label: 'field.passed', kind: 'checkbox', initial: () => true },
    { name: 'opinion', label: 'field.opinion', kind: 'textarea' },
  ],
  filing: [
    { name: 'cause', label: 'field.cause', kind: 'text' },
    { name: 'summary', label: 'field.summary', kind: 'textarea' },
  ],
  penalty_notice: [
    { name: 'fineYuan', label: 'field.fineYuan', kind: 'number' },
    { name: 'otherPenalty', label: 'field.otherPenalty', kind: 'text', optional: true },
    { name: 'basis', label: 'field.basis', kind: 'text' },
    { name: 'onPerson', label: 'field.onPerson', kind: 'checkbox' },
    { name: 'suspendsOrRevokes', label: 'field.suspendsOrRevokes', kind: 'checkbox' },
    { name: 'statementDays', label: 'field.statementDays', kind: 'number', initial: () => '5' },
  ],
  statement: [
    { name: 'kind', label: 'field.kind', kind: 'statementKind', initial: () => 'statement' },
    { name: 'summary', label: 'field.statementSummary', kind: 'textarea' },
    { name: 'review', label: 'field.review', kind: 'textarea' },
  ],
  penalty_decision: [
    { name: 'fineYuan', label: 'field.fineYuan', kind: 'number' },
    { name: 'otherPenalty', label: 'field.otherPenalty', kind: 'text', optional: true },
    { name: 'basis', label: 'field.basis', kind: 'text' },
    { name: 'reasoning', label: 'field.reasoning', kind: 'textarea' },
  ],
  closing: [{ name: 'execution', label: 'field.execution', kind: 'textarea' }],
};

/** The decision repeats the notice's penalty unless the review changed it. */
function initialValues(
  kase: EnforcementCaseView,
  step: EnforcementStep,
  today: string,
): Record<string, string | boolean> {
  const values: Record<string, string | boolean> = {};
  for (const f of STEP_FIELDS[step])
    values[f.name] = f.initial?.(today) ?? (f.kind === 'checkbox' ? false : '');
  const notice = kase.instruments.find((i) => i.kind === 'penalty_notice');
  if (step === 'penalty_decision' && notice) {
    const c = notice.content as { fineYuan: number; otherPenalty: string | null; basis: string };
    Object.assign(values, {
      fineYuan: String(c.fineYuan),
      otherPenalty: c.otherPenalty ?? '',
      basis: c.basis,
    });
  }
  return values;
}

function StepForm({
  kase,
  step,
  onDone,
}: {
  kase: EnforcementCaseView;
  step: EnforcementStep;
  onDone: () => void;
}) {
  const { t } = useEnforcementT();
  const queryClient = useQueryClient();
  const timeZone = useZoneTimeZone();
  // Swedish dates are ISO dates: the zone's today as YYYY-MM-DD.
  const [values, setValues] = useState(() =>
    initialValues(kase, step, new Date().toLocaleDateString('sv-SE', { timeZone })),
  );
  const issue = useMutation({
    mutationFn: () => {
      const body: Record<string, unknown> = {};
      for (const f of STEP_FIELDS[step]) {
        const v = values[f.name];
        if (f.kind === 'checkbox') body[f.name] = v === true;
        else if (v === '' && f.optional) body[f.name] = null;
        else if (f.kind === 'number') body[f.name] = Number(v);
        else if (f.kind === 'datetime') body[f.name] = new Date(String(v)).toISOString();
        else body[f.name] = v;
      }
      return takeStep(kase.id, step, body);
    },
    onSuccess: (c) => {
      queryClient.setQueryData(enforcementKeys.case(kase.id), c);
      void queryClient.invalidateQueries({ queryKey: ['enforcement', 'list'] });
      onDone();
    },
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    issue.mutate();
  };
  const set = (name: string, v: string | boolean) => setValues((vs) => ({ ...vs, [name]: v }));
  return (
    <form className="form enforcement-step__form" onSubmit={submit} data-testid={`form-${step}`}>
      {STEP_FIELDS[step].map((f) => {
        const id = `${step}-${f.name}`;
        const v = values[f.name];
        if (f.kind === 'checkbox') {
          return (
            <label key={f.name} className="checkbox">
              <input
                id={id}
                type="checkbox"
                checked={v === true}
                onChange={(e) => set(f.name, e.target.checked)}
              />
              {t(f.label)}
            </label>
          );
        }
        return (
          <div className="field" key={f.name}>
            <label htmlFor={id}>{t(f.label)}</label>
            {f.kind === 'textarea' ? (
              <textarea
                id={id}
                required={!f.optional}
                maxLength={4000}
                rows={3}
                value={String(v)}
                onChange={(e) => set(f.name, e.target.value)}
              />
            ) : f.kind === 'statementKind' ? (
              <select id={id} value={String(v)} onChange={(e) => set(f.name, e.target.value)}>
                {STATEMENT_KINDS.map((k) => (
                  <option key={k} value={k}>
                    {t(`statementKind.${k}`)}
                  </option>
                ))}
              </select>
            ) : (
              <input
                id={id}
                type={
                  f.kind === 'datetime'
                    ? 'datetime-local'
                    : f.kind === 'date'
                      ? 'date'
                      : f.kind === 'number'
                        ? 'number'
                        : 'text'
                }
                {...(f.kind === 'number' ? { min: 0, step: 'any' } : {})}
                required={!f.optional}
                maxLength={f.kind === 'text' ? 1000 : undefined}
                value={String(v)}
                onChange={(e) => set(f.name, e.target.value)}
              />
            )}
          </div>
        );
      })}
      {issue.isError && <ErrorNotice error={issue.error} />}
      <div className="form__actions">
        <button
          type="submit"
          className="button button--primary"
          disabled={issue.isPending}
          data-testid={`submit-${step}`}
        >
          {step === 'statement' ? t('case.submitRecord') : t('case.submit')}
        </button>
        <button type="button" className="button" onClick={onDone}>
          {t('case.cancel')}
        </button>
      </div>
    </form>
  );
}
