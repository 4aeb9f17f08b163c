import { useState, type FormEvent } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { useSession } from '../auth/session-hooks';
import { ErrorNotice } from '../components/ErrorNotice';
import { ListTable, QueryState } from '../components/ListTable';
import { PageHeader } from '../components/PageHeader';
import {
  ACCOUNTABILITY_MEASURES,
  ACCOUNTABILITY_STATUSES,
  FINDING_KINDS,
  accountabilityActions,
  type AccountabilityMeasure,
  type AccountabilityRecordView,
  type FindingKind,
} from '../contracts';
import { uploadFile } from '../hazards/api';
import {
  type RecordFilter,
  useCandidates,
  useCreateRecord,
  useFindings,
  useRecord,
  useRecords,
  useStep,
} from './api';
import { useAccountabilityT } from './i18n';
import './accountability.css';

function useIsAdmin(): boolean {
  return useSession()?.user.role === 'zone_admin';
}

function personText(p: { holder: string | null; post: string | null; unit: string }): string {
  return [p.unit, p.post, p.holder].filter(Boolean).join(' · ');
}

export function AccountabilityPage() {
  const { t } = useAccountabilityT();
  const admin = useIsAdmin();
  const [filter, setFilter] = useState<RecordFilter>({ status: '', measure: '', findingKind: '' });
  const records = useRecords(filter);
  return (
    <div className="page">
      <PageHeader title={t('title')}>{t('subtitle')}</PageHeader>
      {admin && <NewRecord />}
      <div className="form__row acc-filters">
        <div className="field">
          <label htmlFor="acc-f-status">{t('record.status')}</label>
          <select
            id="acc-f-status"
            value={filter.status}
            onChange={(e) => setFilter({ ...filter, status: e.target.value as RecordFilter['status'] })}
          >
            <option value="">{t('all')}</option>
            {ACCOUNTABILITY_STATUSES.map((s) => (
              <option key={s} value={s}>
                {t(`status.${s}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="acc-f-measure">{t('record.measure')}</label>
          <select
            id="acc-f-measure"
            value={filter.measure}
            onChange={(e) => setFilter({ ...filter, measure: e.target.value as RecordFilter['measure'] })}
          >
            <option value="">{t('all')}</option>
            {ACCOUNTABILITY_MEASURES.map((m) => (
              <option key={m} value={m}>
                {t(`measure.${m}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="acc-f-kind">{t('record.findingKind')}</label>
          <select
            id="acc-f-kind"
            value={filter.findingKind}
            onChange={(e) =>
              setFilter({ ...filter, findingKind: e.target.value as RecordFilter['findingKind'] })
            }
          >
            <option value="">{t('all')}</option>
            {FINDING_KINDS.map((k) => (
              <option key={k} value={k}>
                {t(`kind.${k}`)}
              </option>
            ))}
          </select>
        </div>
      </div>
      <QueryState query={records} />
      {records.data && (
        <ListTable
          testId="accountability-records"
          columns={[
            t('record.finding'),
            t('record.whose'),
            t('record.persons'),
            t('record.measure'),
            t('record.status'),
            t('record.dueOn'),
          ]}
          items={records.data.items}
          empty={t('record.empty')}
          row={(r) => (
            <tr key={r.id}>
              <td>
                <Link to={`/accountability/${r.id}`}>{r.finding.title}</Link>
                <div className="muted">{t(`kind.${r.finding.kind}`)}</div>
              </td>
              <td>{r.enterpriseName ?? t('record.zone')}</td>
              <td>{r.persons.map((p) => p.holder ?? p.post ?? p.unit).join('、')}</td>
              <td>{t(`measure.${r.measure}`)}</td>
              <td>
                <StatusBadge record={r} />
              </td>
              <td className="nowrap">{r.dueOn ?? '—'}</td>
            </tr>
          )}
        />
      )}
    </div>
  );
}

function StatusBadge({ record }: { record: AccountabilityRecordView }) {
  const { t } = useAccountabilityT();
  return (
    <span className={`acc-status acc-status--${record.overdue ? 'overdue' : record.status}`}>
      {record.overdue ? t('overdue') : t(`status.${record.status}`)}
    </span>
  );
}

function NewRecord() {
  const { t } = useAccountabilityT();
  const navigate = useNavigate();
  const [kind, setKind] = useState<FindingKind>('incident');
  const [open, setOpen] = useState(false);
  const [findingId, setFindingId] = useState('');
  const [about, setAbout] = useState<'enterprise' | 'zone'>('enterprise');
  const [chosen, setChosen] = useState<number[]>([]);
  const [facts, setFacts] = useState('');
  const [measure, setMeasure] = useState<AccountabilityMeasure>('talk');
  const [detail, setDetail] = useState('');
  const [files, setFiles] = useState<File[]>([]);
  const [uploadError, setUploadError] = useState<unknown>(null);
  const findings = useFindings(kind, open);
  const candidates = useCandidates(kind, findingId);
  const create = useCreateRecord();
  const listed = (candidates.data?.candidates ?? []).filter((c) => c.list === about);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setUploadError(null);
    let attachmentIds: string[];
    try {
      attachmentIds = (await Promise.all(files.map((f) => uploadFile(f)))).map((f) => f.id);
    } catch (err) {
      setUploadError(err);
      return;
    }
    create.mutate(
      {
        findingKind: kind,
        findingId,
        about,
        persons: chosen.map((i) => {
          const { allDuties: _all, ...person } = listed[i]!;
          return person;
        }),
        facts,
        measure,
        ...(detail ? { measureDetail: detail } : {}),
        attachmentIds,
      },
      { onSuccess: (r) => void navigate(`/accountability/${r.id}`) },
    );
  };

  return (
    <details className="acc-new" onToggle={(e) => setOpen((e.target as HTMLDetailsElement).open)}>
      <summary>{t('new.title')}</summary>
      <form className="form" onSubmit={(e) => void submit(e)} data-testid="accountability-form">
        <div className="form__row">
          <div className="field">
            <label htmlFor="acc-kind">{t('record.findingKind')}</label>
            <select
              id="acc-kind"
              value={kind}
              onChange={(e) => {
                setKind(e.target.value as FindingKind);
                setFindingId('');
                setChosen([]);
              }}
            >
              {FINDING_KINDS.map((k) => (
                <option key={k} value={k}>
                  {t(`kind.${k}`)}
                </option>
              ))}
            </select>
          </div>
          <div className="field acc-wide">
            <label htmlFor="acc-finding">{t('record.finding')}</label>
            <select
              id="acc-finding"
              value={findingId}
              onChange={(e) => {
                setFindingId(e.target.value);
                setChosen([]);
              }}
              required
            >
              <option value="">{t('new.chooseFinding')}</option>
              {(findings.data ?? []).map((f) => (
                <option key={f.id} value={f.id}>
                  {f.enterpriseName ? `${f.enterpriseName}：` : ''}
                  {f.title}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor="acc-about">{t('record.whose')}</label>
            <select
              id="acc-about"
              value={about}
              onChange={(e) => {
                setAbout(e.target.value as 'enterprise' | 'zone');
                setChosen([]);
              }}
            >
              <option value="enterprise">{t('new.enterprisePeople')}</option>
              <option value="zone">{t('new.zonePeople')}</option>
            </select>
          </div>
        </div>
        {findingId && (
          <fieldset className="acc-candidates" data-testid="accountability-candidates">
            <legend>{t('new.candidates')}</legend>
            {listed.length === 0 && <p className="muted">{t('new.noCandidates')}</p>}
            {listed.map((c, i) => (
              <label key={i} className="acc-candidate">
                <input
                  type="checkbox"
                  checked={chosen.includes(i)}
                  onChange={() =>
                    setChosen(chosen.includes(i) ? chosen.filter((x) => x !== i) : [...chosen, i])
                  }
                />
                <span>
                  <strong>{personText(c)}</strong>
                  <span className="muted"> — {c.duties.join('；')}</span>
                </span>
              </label>
            ))}
          </fieldset>
        )}
        <div className="field">
          <label htmlFor="acc-facts">{t('record.facts')}</label>
          <textarea
            id="acc-facts"
            rows={3}
            value={facts}
            onChange={(e) => setFacts(e.target.value)}
            required
          />
        </div>
        <MeasureFields measure={measure} setMeasure={setMeasure} detail={detail} setDetail={setDetail} />
        <div className="field">
          <label htmlFor="acc-files">{t('record.attachments')}</label>
          <input
            id="acc-files"
            type="file"
            multiple
            accept="image/jpeg,image/png,image/webp,application/pdf"
            onChange={(e) => setFiles([...(e.target.files ?? [])])}
          />
        </div>
        {Boolean(uploadError) && <ErrorNotice error={uploadError} />}
        {create.isError && <ErrorNotice error={create.error} />}
        <div className="form__actions">
          <button
            type="submit"
            className="button button--primary"
            disabled={create.isPending || chosen.length === 0}
          >
            {t('new.submit')}
          </button>
        </div>
      </form>
    </details>
  );
}

function MeasureFields(props: {
  measure: AccountabilityMeasure;
  setMeasure: (m: AccountabilityMeasure) => void;
  detail: string;
  setDetail: (d: string) => void;
}) {
  const { t } = useAccountabilityT();
  return (
    <div className="form__row">
      <div className="field">
        <label htmlFor="acc-measure">{t('record.measure')}</label>
        <select
          id="acc-measure"
          value={props.measure}
          onChange={(e) => props.setMeasure(e.target.value as AccountabilityMeasure)}
        >
          {ACCOUNTABILITY_MEASURES.map((m) => (
            <option key={m} value={m}>
              {t(`measure.${m}`)}
            </option>
          ))}
        </select>
      </div>
      {(props.measure === 'transfer' || props.measure === 'other') && (
        <div className="field acc-wide">
          <label htmlFor="acc-detail">
            {t(props.measure === 'transfer' ? 'record.transferTo' : 'record.otherMeasure')}
          </label>
          <input
            id="acc-detail"
            value={props.detail}
            onChange={(e) => props.setDetail(e.target.value)}
            required
          />
        </div>
      )}
    </div>
  );
}

export function AccountabilityRecordPage() {
  const { id = '' } = useParams();
  const { t } = useAccountabilityT();
  const record = useRecord(id);
  const admin = useIsAdmin();
  const r = record.data;
  return (
    <div className="page">
      <PageHeader title={t('record.heading')}>
        <Link to="/accountability">{t('back')}</Link>
      </PageHeader>
      <QueryState query={record} />
      {r && (
        <>
          <section className="acc-card" data-testid="accountability-record">
            <StatusBadge record={r} />
            <dl>
              <dt>{t('record.finding')}</dt>
              <dd>
                {t(`kind.${r.finding.kind}`)}：{r.finding.title}
                {r.finding.enterpriseName ? `（${r.finding.enterpriseName}）` : ''}
              </dd>
              <dt>{t('record.whose')}</dt>
              <dd>{r.enterpriseName ?? t('record.zone')}</dd>
              <dt>{t('record.measure')}</dt>
              <dd>
                {t(`measure.${r.measure}`)}
                {r.measureDetail ? `：${r.measureDetail}` : ''}
              </dd>
              <dt>{t('record.facts')}</dt>
              <dd className="acc-pre">{r.facts}</dd>
              {r.decidedOn && (
                <>
                  <dt>{t('record.decidedOn')}</dt>
                  <dd>{r.decidedOn}</dd>
                  <dt>{t('record.dueOn')}</dt>
                  <dd className={r.overdue ? 'acc-overdue' : ''}>{r.dueOn}</dd>
                </>
              )}
              {r.carriedOutOn && (
                <>
                  <dt>{t('record.carriedOutOn')}</dt>
                  <dd>{r.carriedOutOn}</dd>
                  <dt>{t('record.outcome')}</dt>
                  <dd className="acc-pre">{r.outcome}</dd>
                </>
              )}
              {r.withdrawnReason && (
                <>
                  <dt>{t('record.withdrawnReason')}</dt>
                  <dd>{r.withdrawnReason}</dd>
                </>
              )}
              {r.attachments.length > 0 && (
                <>
                  <dt>{t('record.attachments')}</dt>
                  <dd>{r.attachments.map((a) => a.name).join('、')}</dd>
                </>
              )}
              <dt>{t('record.createdBy')}</dt>
              <dd>{r.createdBy ?? '—'}</dd>
            </dl>
          </section>
          <h2>{t('record.persons')}</h2>
          <ListTable
            testId="accountability-persons"
            columns={[t('person.unit'), t('person.post'), t('person.holder'), t('person.duties')]}
            items={r.persons}
            empty=""
            row={(p) => (
              <tr key={`${p.unit}-${p.post ?? ''}-${p.holder ?? ''}`}>
                <td>{p.unit}</td>
                <td>{p.post ?? '—'}</td>
                <td>{p.holder ?? '—'}</td>
                <td>
                  <ul className="acc-duties">
                    {p.duties.map((d) => (
                      <li key={d}>{d}</li>
                    ))}
                  </ul>
                </td>
              </tr>
            )}
          />
          {admin && <Steps record={r} />}
        </>
      )}
    </div>
  );
}

function Steps({ record }: { record: AccountabilityRecordView }) {
  const { t } = useAccountabilityT();
  const step = useStep(record.id);
  const actions = accountabilityActions(record.status);
  const [measure, setMeasure] = useState<AccountabilityMeasure>(record.measure);
  const [detail, setDetail] = useState(record.measureDetail);
  const [decidedOn, setDecidedOn] = useState('');
  const [dueOn, setDueOn] = useState('');
  const [carriedOutOn, setCarriedOutOn] = useState('');
  const [outcome, setOutcome] = useState('');
  const [reason, setReason] = useState('');
  if (!actions.length) return null;
  return (
    <section className="acc-steps">
      {actions.includes('decide') && (
        <form
          className="form acc-card"
          onSubmit={(e) => {
            e.preventDefault();
            step.mutate({
              step: 'decide',
              body: { measure, ...(detail ? { measureDetail: detail } : {}), decidedOn, dueOn },
            });
          }}
        >
          <h3>{t('steps.decide')}</h3>
          <MeasureFields measure={measure} setMeasure={setMeasure} detail={detail} setDetail={setDetail} />
          <div className="form__row">
            <div className="field">
              <label htmlFor="acc-decided">{t('record.decidedOn')}</label>
              <input
                id="acc-decided"
                type="date"
                value={decidedOn}
                onChange={(e) => setDecidedOn(e.target.value)}
                required
              />
            </div>
            <div className="field">
              <label htmlFor="acc-due">{t('record.dueOn')}</label>
              <input
                id="acc-due"
                type="date"
                value={dueOn}
                onChange={(e) => setDueOn(e.target.value)}
                required
              />
            </div>
          </div>
          <div className="form__actions">
            <button type="submit" className="button button--primary" disabled={step.isPending}>
              {t('steps.decide')}
            </button>
          </div>
        </form>
      )}
      {actions.includes('carry_out') && (
        <form
          className="form acc-card"
          onSubmit={(e) => {
            e.preventDefault();
            step.mutate({ step: 'carry-out', body: { carriedOutOn, outcome } });
          }}
        >
          <h3>{t('steps.carryOut')}</h3>
          <div className="field">
            <label htmlFor="acc-done">{t('record.carriedOutOn')}</label>
            <input
              id="acc-done"
              type="date"
              value={carriedOutOn}
              onChange={(e) => setCarriedOutOn(e.target.value)}
              required
            />
          </div>
          <div className="field">
            <label htmlFor="acc-outcome">{t('record.outcome')}</label>
            <textarea
              id="acc-outcome"
              rows={2}
              value={outcome}
              onChange={(e) => setOutcome(e.target.value)}
              required
            />
          </div>
          <div className="form__actions">
            <button type="submit" className="button button--primary" disabled={step.isPending}>
              {t('steps.carryOut')}
            </button>
          </div>
        </form>
      )}
      {actions.includes('withdraw') && (
        <details className="acc-new">
          <summary>{t('steps.withdraw')}</summary>
          <form
            className="form"
            onSubmit={(e) => {
              e.preventDefault();
              step.mutate({ step: 'withdraw', body: { reason } });
            }}
          >
            <div className="field">
              <label htmlFor="acc-reason">{t('record.withdrawnReason')}</label>
              <textarea
                id="acc-reason"
                rows={2}
                value={reason}
                onChange={(e) => setReason(e.target.value)}
                required
              />
            </div>
            <div className="form__actions">
              <button type="submit" className="button" disabled={step.isPending}>
                {t('steps.withdraw')}
              </button>
            </div>
          </form>
        </details>
      )}
      {step.isError && <ErrorNotice error={step.error} />}
    </section>
  );
}
