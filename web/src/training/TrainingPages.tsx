import { useQuery } from '@tanstack/react-query';
import QRCode from 'qrcode';
import { useEffect, useState, type FormEvent } from 'react';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router';
import { usePublicConfig } from '../api/queries';
import { useSession as useAuthSession } from '../auth/session-hooks';
import { ErrorNotice } from '../components/ErrorNotice';
import { FileOpenButton } from '../components/FileOpenButton';
import { ListTable, QueryState } from '../components/ListTable';
import { PageHeader } from '../components/PageHeader';
import { Tabs } from '../components/Tabs';
import {
  TRAINING_KINDS,
  TRAINING_ROLES,
  type TrainingKind,
  type TrainingRole,
  type TrainingSessionView,
  type TrainingStatus,
} from '../contracts';
import { fetchAllContacts } from '../directory/api';
import { uploadFile } from '../hazards/api';
import { formatDateTime, timeZoneOffsetMinutes } from '../lib/format';
import {
  fetchSignIn,
  signIn,
  useCreateSession,
  useDeleteSession,
  useLapsing,
  usePeople,
  usePersonRecord,
  useRecordAttendance,
  useSession,
  useSessions,
  useSetProfile,
  useUpdateSession,
} from './api';
import { useTrainingT } from './i18n';
import './training.css';

const ORGANISERS = ['zone_admin', 'commander', 'inspector', 'enterprise_officer'];

function useZone() {
  const config = usePublicConfig();
  return config.data?.timeZone ?? 'Asia/Shanghai';
}

function thisYear(timeZone: string): number {
  return Number(new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric' }).format(new Date()));
}

/** A `datetime-local` value read as wall-clock time in the zone. */
function zonedIso(local: string, timeZone: string): string {
  const offset = timeZoneOffsetMinutes(new Date(`${local}:00Z`), timeZone);
  const sign = offset >= 0 ? '+' : '-';
  const abs = Math.abs(offset);
  return `${local}:00${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
}

/** An instant as the zone's wall-clock `datetime-local` value. */
function zonedLocal(iso: string, timeZone: string): string {
  return new Intl.DateTimeFormat('sv-SE', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  })
    .format(new Date(iso))
    .replace(' ', 'T');
}

function TrainingTabs() {
  const { t } = useTrainingT();
  return (
    <Tabs
      label={t('title')}
      tabs={[
        { to: '/training', label: t('tabs.sessions'), end: true },
        { to: '/training/people', label: t('tabs.people') },
        { to: '/training/certificates', label: t('tabs.certificates') },
      ]}
    />
  );
}

export function StatusBadge({ status }: { status: TrainingStatus }) {
  const { t } = useTrainingT();
  return (
    <span className={`training-status training-status--${status.state}`} data-testid="training-status">
      {t(`state.${status.state}`, { n: status.shortBy })}
    </span>
  );
}

export function TrainingSessionsPage() {
  const { t, i18n } = useTrainingT();
  const tz = useZone();
  const auth = useAuthSession();
  const organiser = auth ? ORGANISERS.includes(auth.user.role) : false;
  const [year, setYear] = useState(() => thisYear(tz));
  const sessions = useSessions(year);
  return (
    <div className="page">
      <PageHeader title={t('title')}>{t('subtitle')}</PageHeader>
      <TrainingTabs />
      {organiser && <SessionForm />}
      <div className="field training-narrow">
        <label htmlFor="training-year">{t('people.year')}</label>
        <input
          id="training-year"
          type="number"
          value={year}
          onChange={(e) => setYear(Number(e.target.value) || thisYear(tz))}
        />
      </div>
      <QueryState query={sessions} />
      {sessions.data && (
        <ListTable
          testId="training-sessions"
          columns={[
            t('session.titleField'),
            t('session.kind'),
            t('session.organiser'),
            t('session.startsAt'),
            t('session.hours'),
            t('session.attendees'),
          ]}
          items={sessions.data.items}
          empty={t('session.empty')}
          row={(s) => (
            <tr key={s.id}>
              <td>
                <Link to={`/training/sessions/${s.id}`}>{s.title}</Link>
              </td>
              <td>{t(`kind.${s.kind}`)}</td>
              <td>{s.enterpriseName ?? t('session.zone')}</td>
              <td className="nowrap">{formatDateTime(s.startsAt, i18n.language, tz)}</td>
              <td className="num">{s.hours}</td>
              <td className="num">{s.attendeeCount}</td>
            </tr>
          )}
        />
      )}
    </div>
  );
}

/** A new session, or (with `editing`) a correction of one; a correction keeps its materials and adds to them. */
function SessionForm({ editing, onDone }: { editing?: TrainingSessionView; onDone?: () => void }) {
  const { t } = useTrainingT();
  const tz = useZone();
  const create = useCreateSession();
  const update = useUpdateSession(editing?.id ?? '');
  const save = editing ? update : create;
  const [kind, setKind] = useState<TrainingKind>(editing?.kind ?? 'class');
  const [title, setTitle] = useState(editing?.title ?? '');
  const [trainer, setTrainer] = useState(editing?.trainer ?? '');
  const [startsAt, setStartsAt] = useState(editing ? zonedLocal(editing.startsAt, tz) : '');
  const [hours, setHours] = useState(editing ? String(editing.hours) : '');
  const [content, setContent] = useState(editing?.content ?? '');
  const [drillRunId, setDrillRunId] = useState(editing?.drillRunId ?? '');
  const [files, setFiles] = useState<File[]>([]);
  const [uploadError, setUploadError] = useState<unknown>(null);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setUploadError(null);
    let materialFileIds: string[];
    try {
      materialFileIds = (await Promise.all(files.map((f) => uploadFile(f)))).map((f) => f.id);
    } catch (err) {
      setUploadError(err);
      return;
    }
    save.mutate(
      {
        kind,
        title,
        trainer,
        startsAt: startsAt ? zonedIso(startsAt, tz) : '',
        hours: Number(hours),
        content,
        materialFileIds: [...(editing?.materialFileIds ?? []), ...materialFileIds],
        ...(kind === 'drill' ? { drillRunId } : {}),
      },
      {
        onSuccess: () => {
          setFiles([]);
          if (editing) {
            onDone?.();
            return;
          }
          setTitle('');
          setTrainer('');
          setHours('');
          setContent('');
        },
      },
    );
  };

  const form = (
    <form
      className="form"
      onSubmit={(e) => void submit(e)}
      data-testid={editing ? 'training-session-edit' : 'training-session-form'}
    >
      <div className="form__row">
        <div className="field">
          <label htmlFor="ts-title">{t('session.titleField')}</label>
          <input id="ts-title" value={title} onChange={(e) => setTitle(e.target.value)} required />
        </div>
        <div className="field">
          <label htmlFor="ts-kind">{t('session.kind')}</label>
          <select id="ts-kind" value={kind} onChange={(e) => setKind(e.target.value as TrainingKind)}>
            {TRAINING_KINDS.map((k) => (
              <option key={k} value={k}>
                {t(`kind.${k}`)}
              </option>
            ))}
          </select>
        </div>
      </div>
      <div className="form__row">
        <div className="field">
          <label htmlFor="ts-trainer">{t('session.trainer')}</label>
          <input id="ts-trainer" value={trainer} onChange={(e) => setTrainer(e.target.value)} required />
        </div>
        <div className="field">
          <label htmlFor="ts-starts">{t('session.startsAt')}</label>
          <input
            id="ts-starts"
            type="datetime-local"
            value={startsAt}
            onChange={(e) => setStartsAt(e.target.value)}
            required
          />
        </div>
        <div className="field">
          <label htmlFor="ts-hours">{t('session.hours')}</label>
          <input
            id="ts-hours"
            type="number"
            step="0.1"
            min="0.1"
            value={hours}
            onChange={(e) => setHours(e.target.value)}
            required
          />
        </div>
      </div>
      {kind === 'drill' && (
        <div className="field">
          <label htmlFor="ts-drill">{t('session.drillRun')}</label>
          <input id="ts-drill" value={drillRunId} onChange={(e) => setDrillRunId(e.target.value.trim())} />
        </div>
      )}
      <div className="field">
        <label htmlFor="ts-content">{t('session.content')}</label>
        <textarea id="ts-content" rows={3} value={content} onChange={(e) => setContent(e.target.value)} />
      </div>
      <div className="field">
        <label htmlFor="ts-files">{t('session.materials')}</label>
        <input
          id="ts-files"
          type="file"
          multiple
          accept="image/jpeg,image/png,image/webp,application/pdf"
          onChange={(e) => setFiles([...(e.target.files ?? [])])}
        />
      </div>
      {Boolean(uploadError) && <ErrorNotice error={uploadError} />}
      {save.isError && <ErrorNotice error={save.error} />}
      <div className="form__actions">
        <button type="submit" className="button button--primary" disabled={save.isPending}>
          {editing ? t('session.save') : t('session.create')}
        </button>
        {editing && (
          <button type="button" className="button" onClick={onDone}>
            {t('session.cancel')}
          </button>
        )}
      </div>
    </form>
  );
  if (editing) return form;
  return (
    <details className="training-new">
      <summary>{t('session.new')}</summary>
      {form}
    </details>
  );
}

export function TrainingSessionPage() {
  const { id = '' } = useParams();
  const { t, i18n } = useTrainingT();
  const tz = useZone();
  const auth = useAuthSession();
  const organiser = auth ? ORGANISERS.includes(auth.user.role) : false;
  const session = useSession(id);
  const remove = useDeleteSession(id);
  const navigate = useNavigate();
  const [editing, setEditing] = useState(false);
  const [qr, setQr] = useState('');
  const link = session.data ? `${window.location.origin}${session.data.signInPath}` : '';
  useEffect(() => {
    if (!link) return;
    let live = true;
    void QRCode.toDataURL(link, { margin: 1, width: 220 }).then((url) => live && setQr(url));
    return () => {
      live = false;
    };
  }, [link]);

  return (
    <div className="page">
      <QueryState query={session} />
      {session.data && (
        <>
          <PageHeader title={session.data.title}>
            {t(`kind.${session.data.kind}`)} · {session.data.trainer} ·{' '}
            {formatDateTime(session.data.startsAt, i18n.language, tz)} · {session.data.hours}{' '}
            {t('session.hours')}
          </PageHeader>
          <p>
            <Link to="/training">{t('session.back')}</Link>
            {session.data.drillRunId && (
              <>
                {' · '}
                <Link to={`/drills/runs/${session.data.drillRunId}`}>{t('session.drillLink')}</Link>
              </>
            )}
          </p>
          {organiser && !editing && (
            <div className="training-actions">
              <button type="button" className="button" onClick={() => setEditing(true)}>
                {t('session.edit')}
              </button>
              {session.data.attendeeCount === 0 && (
                <button
                  type="button"
                  className="button button--danger"
                  disabled={remove.isPending}
                  onClick={() => {
                    if (window.confirm(t('session.deleteConfirm')))
                      remove.mutate(undefined, { onSuccess: () => void navigate('/training') });
                  }}
                >
                  {t('session.delete')}
                </button>
              )}
            </div>
          )}
          {remove.isError && <ErrorNotice error={remove.error} />}
          {editing && <SessionForm editing={session.data} onDone={() => setEditing(false)} />}
          {session.data.content && <p className="training-content">{session.data.content}</p>}
          {session.data.materials.length > 0 && (
            <p className="training-materials" data-testid="training-materials">
              {t('session.materialsList')}:{' '}
              {session.data.materials.map((f) => (
                <FileOpenButton key={f.id} file={f} />
              ))}
            </p>
          )}
          <section className="training-signin" aria-labelledby="signin-title">
            <h2 id="signin-title">{t('session.signIn')}</h2>
            <p>{t('session.signInHint')}</p>
            {qr && (
              <img src={qr} width={220} height={220} alt={t('session.signIn')} data-testid="training-qr" />
            )}
            <p>
              <a href={session.data.signInPath} data-testid="training-signin-link">
                {link}
              </a>
            </p>
          </section>
          <section aria-labelledby="attendance-title">
            <h2 id="attendance-title">{t('session.attendance')}</h2>
            {organiser && <AttendanceForm sessionId={id} />}
            <ListTable
              testId="training-attendance"
              columns={[t('session.person'), t('session.hours'), t('session.signedAt'), '']}
              items={session.data.attendance}
              empty={t('session.noAttendance')}
              row={(a) => (
                <tr key={a.id}>
                  <td>
                    <Link to={`/training/people/${a.contactId}`}>{a.contactName}</Link>
                  </td>
                  <td className="num">{a.hours}</td>
                  <td className="nowrap">{formatDateTime(a.signedAt, i18n.language, tz)}</td>
                  <td>{t(`session.method.${a.method}`)}</td>
                </tr>
              )}
            />
          </section>
        </>
      )}
    </div>
  );
}

function AttendanceForm({ sessionId }: { sessionId: string }) {
  const { t } = useTrainingT();
  const contacts = useQuery({
    queryKey: ['contacts', 'all'],
    queryFn: ({ signal }) => fetchAllContacts(signal),
  });
  const record = useRecordAttendance(sessionId);
  const [contactId, setContactId] = useState('');
  return (
    <form
      className="form training-inline-form"
      onSubmit={(e) => {
        e.preventDefault();
        record.mutate({ contactId }, { onSuccess: () => setContactId('') });
      }}
    >
      <div className="field">
        <label htmlFor="ta-person">{t('session.record')}</label>
        <select id="ta-person" value={contactId} onChange={(e) => setContactId(e.target.value)} required>
          <option value="">{t('session.choose')}</option>
          {(contacts.data ?? []).map((c) => (
            <option key={c.id} value={c.id}>
              {c.name}（{c.organization || c.post}）
            </option>
          ))}
        </select>
      </div>
      <button type="submit" className="button" disabled={record.isPending}>
        {t('session.recordButton')}
      </button>
      {record.isError && <ErrorNotice error={record.error} />}
    </form>
  );
}

export function TrainingPeoplePage() {
  const { t } = useTrainingT();
  const tz = useZone();
  const auth = useAuthSession();
  const organiser = auth ? ORGANISERS.includes(auth.user.role) : false;
  const [year, setYear] = useState(() => thisYear(tz));
  const people = usePeople(year);
  return (
    <div className="page">
      <PageHeader title={t('title')}>{t('subtitle')}</PageHeader>
      <TrainingTabs />
      {organiser && <ProfileForm />}
      <div className="field training-narrow">
        <label htmlFor="people-year">{t('people.year')}</label>
        <input
          id="people-year"
          type="number"
          value={year}
          onChange={(e) => setYear(Number(e.target.value) || thisYear(tz))}
        />
      </div>
      <QueryState query={people} />
      {people.data && (
        <ListTable
          testId="training-people"
          columns={[
            t('people.name'),
            t('people.enterprise'),
            t('people.role'),
            t('people.hours'),
            t('people.required'),
            t('people.status'),
          ]}
          items={people.data}
          empty={t('people.empty')}
          row={(p) => (
            <tr key={p.contactId}>
              <td>
                <Link to={`/training/people/${p.contactId}?year=${year}`}>{p.name}</Link>
              </td>
              <td>{p.enterpriseName ?? t('session.zone')}</td>
              <td>{t(`role.${p.role}`)}</td>
              <td className="num">{p.status.hours}</td>
              <td className="num">{p.status.required || ''}</td>
              <td>
                <StatusBadge status={p.status} />
              </td>
            </tr>
          )}
        />
      )}
    </div>
  );
}

function ProfileForm() {
  const { t } = useTrainingT();
  const contacts = useQuery({
    queryKey: ['contacts', 'all'],
    queryFn: ({ signal }) => fetchAllContacts(signal),
  });
  const save = useSetProfile();
  const [contactId, setContactId] = useState('');
  const [role, setRole] = useState<TrainingRole>('employee');
  const [startedOn, setStartedOn] = useState('');
  return (
    <details className="training-new">
      <summary>{t('people.add')}</summary>
      <form
        className="form"
        onSubmit={(e) => {
          e.preventDefault();
          save.mutate({ contactId, role, startedOn: startedOn || null });
        }}
      >
        <div className="form__row">
          <div className="field">
            <label htmlFor="tp-person">{t('session.person')}</label>
            <select id="tp-person" value={contactId} onChange={(e) => setContactId(e.target.value)} required>
              <option value="">{t('session.choose')}</option>
              {(contacts.data ?? []).map((c) => (
                <option key={c.id} value={c.id}>
                  {c.name}（{c.organization || c.post}）
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor="tp-role">{t('people.role')}</label>
            <select id="tp-role" value={role} onChange={(e) => setRole(e.target.value as TrainingRole)}>
              {TRAINING_ROLES.map((r) => (
                <option key={r} value={r}>
                  {t(`role.${r}`)}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor="tp-started">{t('people.startedOn')}</label>
            <input
              id="tp-started"
              type="date"
              value={startedOn}
              onChange={(e) => setStartedOn(e.target.value)}
            />
          </div>
        </div>
        {save.isError && <ErrorNotice error={save.error} />}
        <div className="form__actions">
          <button type="submit" className="button button--primary" disabled={save.isPending}>
            {t('people.save')}
          </button>
        </div>
      </form>
    </details>
  );
}

export function TrainingPersonPage() {
  const { id = '' } = useParams();
  const { t, i18n } = useTrainingT();
  const tz = useZone();
  const [params] = useSearchParams();
  const year = Number(params.get('year')) || thisYear(tz);
  const record = usePersonRecord(id, year);
  return (
    <div className="page">
      <QueryState query={record} />
      {record.data && (
        <>
          <PageHeader title={`${record.data.name} · ${t('people.record')} ${year}`}>
            {record.data.enterpriseName ?? t('session.zone')} · {t(`role.${record.data.role}`)} ·{' '}
            {t(`industry.${record.data.industry}`)}
          </PageHeader>
          <p>
            <Link to="/training/people">{t('people.back')}</Link>
          </p>
          <dl className="training-facts" data-testid="training-record">
            <dt>{t('people.hours')}</dt>
            <dd data-testid="training-hours">{record.data.status.hours}</dd>
            <dt>{t('people.required')}</dt>
            <dd>
              {record.data.status.basis
                ? t('people.requiredBasis', {
                    hours: record.data.status.required,
                    basis: t(`basis.${record.data.status.basis}`),
                  })
                : '—'}
            </dd>
            <dt>{t('people.dueOn')}</dt>
            <dd>{record.data.status.dueOn ?? '—'}</dd>
            <dt>{t('people.status')}</dt>
            <dd>
              <StatusBadge status={record.data.status} />
            </dd>
          </dl>
          <h2>{t('people.sessions')}</h2>
          <ListTable
            testId="training-record-sessions"
            columns={[
              t('session.titleField'),
              t('session.kind'),
              t('session.startsAt'),
              t('session.hours'),
              '',
            ]}
            items={record.data.attendance}
            empty={t('session.noAttendance')}
            row={(a) => (
              <tr key={a.id}>
                <td>
                  <Link to={`/training/sessions/${a.sessionId}`}>{a.title}</Link>
                </td>
                <td>{t(`kind.${a.kind}`)}</td>
                <td className="nowrap">{formatDateTime(a.startsAt, i18n.language, tz)}</td>
                <td className="num">{a.hours}</td>
                <td>{t(`session.method.${a.method}`)}</td>
              </tr>
            )}
          />
        </>
      )}
    </div>
  );
}

export function TrainingCertificatesPage() {
  const { t } = useTrainingT();
  const [days, setDays] = useState(90);
  const lapsing = useLapsing(days);
  return (
    <div className="page">
      <PageHeader title={t('title')}>{t('certificates.hint')}</PageHeader>
      <TrainingTabs />
      <div className="field training-narrow">
        <label htmlFor="cert-days">{t('certificates.days')}</label>
        <input
          id="cert-days"
          type="number"
          min="0"
          value={days}
          onChange={(e) => setDays(Math.max(0, Number(e.target.value) || 0))}
        />
      </div>
      <QueryState query={lapsing} />
      {lapsing.data && (
        <ListTable
          testId="training-lapsing"
          columns={[
            t('certificates.name'),
            t('certificates.organization'),
            t('certificates.operationType'),
            t('certificates.number'),
            t('certificates.issuedOn'),
            t('certificates.reviewOn'),
            t('certificates.expiresOn'),
            t('certificates.next'),
            t('certificates.daysLeft'),
          ]}
          items={lapsing.data}
          empty={t('certificates.empty')}
          row={(c) => (
            <tr key={`${c.contactId}-${c.number ?? c.operationType}-${c.issuedOn}`}>
              <td>{c.name}</td>
              <td>{c.organization}</td>
              <td>{c.operationType}</td>
              <td>{c.number ?? ''}</td>
              <td className="nowrap">{c.issuedOn}</td>
              <td className="nowrap">{c.reviewedOn ? `${c.reviewOn} ✓` : c.reviewOn}</td>
              <td className="nowrap">{c.expiresOn}</td>
              <td>{t(`certificates.${c.next}`)}</td>
              <td className={c.daysLeft < 0 ? 'num training-late' : 'num'}>
                {c.daysLeft < 0 ? t('certificates.passed', { n: -c.daysLeft }) : c.daysLeft}
              </td>
            </tr>
          )}
        />
      )}
    </div>
  );
}

/** The page a session's QR code opens: no login, the link and the person's number are enough. */
export function TrainingSignInPage() {
  const { token = '' } = useParams();
  const { t, i18n } = useTrainingT();
  const tz = useZone();
  const info = useQuery({
    queryKey: ['training-sign-in', token],
    queryFn: ({ signal }) => fetchSignIn(token, signal),
    retry: false,
  });
  const [phone, setPhone] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [result, setResult] = useState<{ name: string; hours: number; already: boolean } | null>(null);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const r = await signIn(token, phone);
      setResult({ name: r.contactName, hours: r.hours, already: r.already });
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };
  return (
    <main className="training-signin-page">
      <h1>{t('signIn.title')}</h1>
      <QueryState query={info} />
      {info.data && (
        <>
          <p className="training-signin-page__session">
            <strong>{info.data.title}</strong>
            <br />
            {info.data.organiser && `${info.data.organiser} · `}
            {t(`kind.${info.data.kind}`)} · {info.data.trainer} ·{' '}
            {formatDateTime(info.data.startsAt, i18n.language, tz)} · {info.data.hours} {t('session.hours')}
          </p>
          {result ? (
            <p className="training-signin-page__done" role="status" data-testid="training-signin-done">
              {t(result.already ? 'signIn.already' : 'signIn.done', {
                name: result.name,
                hours: result.hours,
              })}
            </p>
          ) : (
            <form className="form" onSubmit={(e) => void submit(e)}>
              <div className="field">
                <label htmlFor="signin-phone">{t('signIn.phone')}</label>
                <input
                  id="signin-phone"
                  type="tel"
                  inputMode="tel"
                  autoComplete="tel"
                  value={phone}
                  onChange={(e) => setPhone(e.target.value)}
                  required
                />
              </div>
              {Boolean(error) && <ErrorNotice error={error} />}
              <button type="submit" className="button button--primary" disabled={busy}>
                {t('signIn.submit')}
              </button>
            </form>
          )}
        </>
      )}
    </main>
  );
}
