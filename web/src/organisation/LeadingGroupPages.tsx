import { useState, type FormEvent } from 'react';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router';
import { useSession } from '../auth/session-hooks';
import { ErrorNotice } from '../components/ErrorNotice';
import { ListTable, QueryState } from '../components/ListTable';
import { PageHeader } from '../components/PageHeader';
import { Tabs } from '../components/Tabs';
import {
  LEADING_GROUP_ROLES,
  MEETING_KINDS,
  decisionActions,
  type DecisionAction,
  type DecisionView,
  type FileView,
  type LeadingGroupMemberView,
  type LeadingGroupRole,
  type MeetingKind,
} from '../contracts';
import { fileObjectUrl, uploadFile } from '../hazards/api';
import {
  useAddDecision,
  useAddMember,
  useAllContacts,
  useBoard,
  useChangeMember,
  useCreateMeeting,
  useDecision,
  useDecisionAction,
  useEndMember,
  useMeeting,
  useMeetings,
  useMembers,
} from './api';
import { useOrganisationT } from './i18n';
import './organisation.css';

/** The office's actions; the others report progress and completion. */
const OFFICE_ACTIONS: readonly DecisionAction[] = ['verify', 'return'];
const WORKERS = ['zone_admin', 'commander', 'inspector'];

function useRole() {
  return useSession()?.user.role ?? null;
}

function GroupTabs() {
  const { t } = useOrganisationT();
  return (
    <Tabs
      label={t('group.title')}
      tabs={[
        { to: '/leading-group', label: t('tabs.members'), end: true },
        { to: '/leading-group/meetings', label: t('tabs.meetings') },
        { to: '/leading-group/decisions', label: t('tabs.board') },
      ]}
    />
  );
}

/** The zone's people, for the group's pickers: the directory's entries without an enterprise. */
function useZonePeople() {
  const contacts = useAllContacts();
  return (contacts.data ?? []).filter((c) => c.enterpriseId === null);
}

export function LeadingGroupPage() {
  const { t } = useOrganisationT();
  const office = useRole() === 'zone_admin';
  const [history, setHistory] = useState(false);
  const members = useMembers(history);
  return (
    <div className="page">
      <PageHeader title={t('group.title')}>{t('group.subtitle')}</PageHeader>
      <GroupTabs />
      <label className="org-check">
        <input type="checkbox" checked={history} onChange={(e) => setHistory(e.target.checked)} />
        {t('group.history')}
      </label>
      <QueryState query={members} />
      {members.data && (
        <ListTable
          testId="group-members"
          columns={[
            t('group.role'),
            t('group.name'),
            t('group.department'),
            t('group.post'),
            t('group.from'),
            t('group.until'),
            t('group.note'),
            '',
          ]}
          items={members.data}
          empty={t('group.empty')}
          row={(m) => <MemberRow key={m.id} member={m} office={office} />}
        />
      )}
      {office && <AddMemberForm />}
    </div>
  );
}

function MemberRow({ member: m, office }: { member: LeadingGroupMemberView; office: boolean }) {
  const { t } = useOrganisationT();
  const [editing, setEditing] = useState<'change' | 'end' | null>(null);
  return (
    <>
      <tr className={m.untilDate ? 'org-past' : undefined}>
        <td className="nowrap">{t(`group.roles.${m.role}`)}</td>
        <td>{m.name}</td>
        <td>{m.department}</td>
        <td>{m.post}</td>
        <td className="nowrap">{m.fromDate}</td>
        <td className="nowrap">{m.untilDate ?? t('group.current')}</td>
        <td>{m.note}</td>
        <td className="nowrap">
          {office && !m.untilDate && (
            <>
              <button type="button" className="button button--small" onClick={() => setEditing('change')}>
                {t('group.change')}
              </button>{' '}
              <button type="button" className="button button--small" onClick={() => setEditing('end')}>
                {t('group.end')}
              </button>
            </>
          )}
        </td>
      </tr>
      {editing && (
        <tr>
          <td colSpan={8}>
            {editing === 'change' ? (
              <ChangeMemberForm member={m} onDone={() => setEditing(null)} />
            ) : (
              <EndMemberForm member={m} onDone={() => setEditing(null)} />
            )}
          </td>
        </tr>
      )}
    </>
  );
}

function RoleSelect({
  id,
  value,
  onChange,
}: {
  id: string;
  value: LeadingGroupRole;
  onChange: (r: LeadingGroupRole) => void;
}) {
  const { t } = useOrganisationT();
  return (
    <select id={id} value={value} onChange={(e) => onChange(e.target.value as LeadingGroupRole)}>
      {LEADING_GROUP_ROLES.map((r) => (
        <option key={r} value={r}>
          {t(`group.roles.${r}`)}
        </option>
      ))}
    </select>
  );
}

function AddMemberForm() {
  const { t } = useOrganisationT();
  const people = useZonePeople();
  const add = useAddMember();
  const [contactId, setContactId] = useState('');
  const [role, setRole] = useState<LeadingGroupRole>('member');
  const [department, setDepartment] = useState('');
  const [post, setPost] = useState('');
  const [fromDate, setFromDate] = useState('');
  return (
    <details className="org-form">
      <summary>{t('group.add')}</summary>
      <form
        className="form"
        onSubmit={(e) => {
          e.preventDefault();
          add.mutate(
            { contactId, role, fromDate, ...(department && { department }), ...(post && { post }) },
            { onSuccess: () => setContactId('') },
          );
        }}
      >
        <div className="form__row">
          <div className="field">
            <label htmlFor="gm-person">{t('group.person')}</label>
            <select
              id="gm-person"
              value={contactId}
              onChange={(e) => {
                setContactId(e.target.value);
                const c = people.find((p) => p.id === e.target.value);
                setDepartment(c?.organization ?? '');
                setPost(c?.post ?? '');
              }}
              required
            >
              <option value="">{t('group.choose')}</option>
              {people.map((c) => (
                <option key={c.id} value={c.id}>
                  {c.name}（{c.post}）
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor="gm-role">{t('group.role')}</label>
            <RoleSelect id="gm-role" value={role} onChange={setRole} />
          </div>
          <div className="field">
            <label htmlFor="gm-from">{t('group.from')}</label>
            <input
              id="gm-from"
              type="date"
              value={fromDate}
              onChange={(e) => setFromDate(e.target.value)}
              required
            />
          </div>
        </div>
        <div className="form__row">
          <div className="field">
            <label htmlFor="gm-department">{t('group.department')}</label>
            <input id="gm-department" value={department} onChange={(e) => setDepartment(e.target.value)} />
          </div>
          <div className="field">
            <label htmlFor="gm-post">{t('group.post')}</label>
            <input id="gm-post" value={post} onChange={(e) => setPost(e.target.value)} />
          </div>
        </div>
        {add.isError && <ErrorNotice error={add.error} />}
        <div className="form__actions">
          <button type="submit" className="button button--primary" disabled={add.isPending}>
            {t('group.addButton')}
          </button>
        </div>
      </form>
    </details>
  );
}

function ChangeMemberForm({ member, onDone }: { member: LeadingGroupMemberView; onDone: () => void }) {
  const { t } = useOrganisationT();
  const change = useChangeMember();
  const [role, setRole] = useState<LeadingGroupRole>(member.role);
  const [department, setDepartment] = useState(member.department);
  const [post, setPost] = useState(member.post);
  const [fromDate, setFromDate] = useState('');
  return (
    <form
      className="form"
      onSubmit={(e) => {
        e.preventDefault();
        change.mutate({ id: member.id, role, department, post, fromDate }, { onSuccess: onDone });
      }}
    >
      <strong>{t('group.changeTitle')}</strong>
      <div className="form__row">
        <div className="field">
          <label htmlFor={`gc-role-${member.id}`}>{t('group.role')}</label>
          <RoleSelect id={`gc-role-${member.id}`} value={role} onChange={setRole} />
        </div>
        <div className="field">
          <label htmlFor={`gc-dep-${member.id}`}>{t('group.department')}</label>
          <input
            id={`gc-dep-${member.id}`}
            value={department}
            onChange={(e) => setDepartment(e.target.value)}
            required
          />
        </div>
        <div className="field">
          <label htmlFor={`gc-post-${member.id}`}>{t('group.post')}</label>
          <input
            id={`gc-post-${member.id}`}
            value={post}
            onChange={(e) => setPost(e.target.value)}
            required
          />
        </div>
        <div className="field">
          <label htmlFor={`gc-from-${member.id}`}>{t('group.changeFrom')}</label>
          <input
            id={`gc-from-${member.id}`}
            type="date"
            min={member.fromDate}
            value={fromDate}
            onChange={(e) => setFromDate(e.target.value)}
            required
          />
        </div>
      </div>
      {change.isError && <ErrorNotice error={change.error} />}
      <div className="form__actions">
        <button type="submit" className="button button--primary" disabled={change.isPending}>
          {t('group.save')}
        </button>
        <button type="button" className="button" onClick={onDone}>
          {t('group.cancel')}
        </button>
      </div>
    </form>
  );
}

function EndMemberForm({ member, onDone }: { member: LeadingGroupMemberView; onDone: () => void }) {
  const { t } = useOrganisationT();
  const end = useEndMember();
  const [untilDate, setUntilDate] = useState('');
  return (
    <form
      className="form org-inline-form"
      onSubmit={(e) => {
        e.preventDefault();
        end.mutate({ id: member.id, untilDate }, { onSuccess: onDone });
      }}
    >
      <div className="field">
        <label htmlFor={`ge-until-${member.id}`}>{t('group.endOn')}</label>
        <input
          id={`ge-until-${member.id}`}
          type="date"
          min={member.fromDate}
          value={untilDate}
          onChange={(e) => setUntilDate(e.target.value)}
          required
        />
      </div>
      {end.isError && <ErrorNotice error={end.error} />}
      <button type="submit" className="button button--primary" disabled={end.isPending}>
        {t('group.save')}
      </button>
      <button type="button" className="button" onClick={onDone}>
        {t('group.cancel')}
      </button>
    </form>
  );
}

// ---------------------------------------------------------------------------------------------
// Meetings

export function MeetingsPage() {
  const { t } = useOrganisationT();
  const office = useRole() === 'zone_admin';
  const meetings = useMeetings();
  return (
    <div className="page">
      <PageHeader title={t('meetings.title')}>{t('meetings.subtitle')}</PageHeader>
      <GroupTabs />
      {office && <MeetingForm />}
      <QueryState query={meetings} />
      {meetings.data && (
        <ListTable
          testId="group-meetings"
          columns={[t('meetings.heldOn'), t('meetings.kind'), t('meetings.name'), t('meetings.decisions')]}
          items={meetings.data.items}
          empty={t('meetings.empty')}
          row={(m) => (
            <tr key={m.id}>
              <td className="nowrap">{m.heldOn}</td>
              <td className="nowrap">{t(`meetings.kinds.${m.kind}`)}</td>
              <td>
                <Link to={`/leading-group/meetings/${m.id}`}>{m.title}</Link>
              </td>
              <td>{t('meetings.openOf', { open: m.openDecisionCount, all: m.decisionCount })}</td>
            </tr>
          )}
        />
      )}
    </div>
  );
}

async function uploadAll(files: File[]): Promise<string[]> {
  return (await Promise.all(files.map((f) => uploadFile(f)))).map((f) => f.id);
}

function MeetingForm() {
  const { t } = useOrganisationT();
  const navigate = useNavigate();
  const people = useZonePeople();
  const create = useCreateMeeting();
  const [kind, setKind] = useState<MeetingKind>('plenary');
  const [title, setTitle] = useState('');
  const [heldOn, setHeldOn] = useState('');
  const [attendees, setAttendees] = useState<string[]>([]);
  const [otherAttendees, setOtherAttendees] = useState('');
  const [agenda, setAgenda] = useState('');
  const [minutes, setMinutes] = useState('');
  const [files, setFiles] = useState<File[]>([]);
  const [uploadError, setUploadError] = useState<unknown>(null);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setUploadError(null);
    let minutesFileIds: string[];
    try {
      minutesFileIds = await uploadAll(files);
    } catch (err) {
      setUploadError(err);
      return;
    }
    create.mutate(
      { kind, title, heldOn, attendeeContactIds: attendees, otherAttendees, agenda, minutes, minutesFileIds },
      { onSuccess: (m) => void navigate(`/leading-group/meetings/${m.id}`) },
    );
  };
  return (
    <details className="org-form">
      <summary>{t('meetings.new')}</summary>
      <form className="form" onSubmit={(e) => void submit(e)}>
        <div className="form__row">
          <div className="field">
            <label htmlFor="mt-kind">{t('meetings.kind')}</label>
            <select id="mt-kind" value={kind} onChange={(e) => setKind(e.target.value as MeetingKind)}>
              {MEETING_KINDS.map((k) => (
                <option key={k} value={k}>
                  {t(`meetings.kinds.${k}`)}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor="mt-date">{t('meetings.heldOn')}</label>
            <input
              id="mt-date"
              type="date"
              value={heldOn}
              onChange={(e) => setHeldOn(e.target.value)}
              required
            />
          </div>
        </div>
        <div className="field">
          <label htmlFor="mt-title">{t('meetings.name')}</label>
          <input id="mt-title" value={title} onChange={(e) => setTitle(e.target.value)} required />
        </div>
        <div className="field">
          <label htmlFor="mt-attendees">{t('meetings.attendees')}</label>
          <select
            id="mt-attendees"
            multiple
            size={6}
            value={attendees}
            onChange={(e) => setAttendees([...e.target.selectedOptions].map((o) => o.value))}
          >
            {people.map((c) => (
              <option key={c.id} value={c.id}>
                {c.name}（{c.organization}）
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="mt-others">{t('meetings.otherAttendees')}</label>
          <input id="mt-others" value={otherAttendees} onChange={(e) => setOtherAttendees(e.target.value)} />
        </div>
        <div className="field">
          <label htmlFor="mt-agenda">{t('meetings.agenda')}</label>
          <textarea id="mt-agenda" rows={3} value={agenda} onChange={(e) => setAgenda(e.target.value)} />
        </div>
        <div className="field">
          <label htmlFor="mt-minutes">{t('meetings.minutes')}</label>
          <textarea id="mt-minutes" rows={6} value={minutes} onChange={(e) => setMinutes(e.target.value)} />
        </div>
        <div className="field">
          <label htmlFor="mt-files">{t('meetings.minutesFiles')}</label>
          <input
            id="mt-files"
            type="file"
            multiple
            accept="image/jpeg,image/png,image/webp,application/pdf"
            onChange={(e) => setFiles([...(e.target.files ?? [])])}
          />
        </div>
        {Boolean(uploadError) && <ErrorNotice error={uploadError} />}
        {create.isError && <ErrorNotice error={create.error} />}
        <div className="form__actions">
          <button type="submit" className="button button--primary" disabled={create.isPending}>
            {t('meetings.create')}
          </button>
        </div>
      </form>
    </details>
  );
}

function FileButton({ file }: { file: FileView }) {
  const [error, setError] = useState<unknown>(null);
  return (
    <>
      <button
        type="button"
        className="button button--small"
        onClick={() => {
          fileObjectUrl(file.url)
            .then((url) => window.open(url, '_blank', 'noopener'))
            .catch(setError);
        }}
      >
        {file.name}
      </button>
      {Boolean(error) && <ErrorNotice error={error} />}
    </>
  );
}

function Deadline({ d }: { d: DecisionView }) {
  const { t } = useOrganisationT();
  return (
    <>
      <span className="nowrap">{d.deadline}</span>
      {d.daysLeft !== null && (
        <div
          className={d.overdue ? 'org-flag org-flag--bad' : 'org-muted'}
          data-testid={d.overdue ? 'decision-overdue' : undefined}
        >
          {d.overdue
            ? t('decision.overdueBy', { days: -d.daysLeft })
            : t('decision.daysLeft', { days: d.daysLeft })}
        </div>
      )}
    </>
  );
}

function StatusBadge({ d }: { d: DecisionView }) {
  const { t } = useOrganisationT();
  return <span className={`org-status org-status--${d.status}`}>{t(`decision.statuses.${d.status}`)}</span>;
}

function DecisionTable({
  items,
  testId,
  showMeeting,
}: {
  items: DecisionView[];
  testId: string;
  showMeeting: boolean;
}) {
  const { t } = useOrganisationT();
  return (
    <ListTable
      testId={testId}
      columns={[
        t('decision.item'),
        t('decision.department'),
        t('decision.responsible'),
        t('decision.deadline'),
        t('decision.status'),
        ...(showMeeting ? [t('decision.meeting')] : []),
      ]}
      items={items}
      empty={t('board.empty')}
      row={(d) => (
        <tr key={d.id} data-decision={d.id}>
          <td>
            <Link to={`/leading-group/decisions/${d.id}`}>{d.item}</Link>
          </td>
          <td>{d.department}</td>
          <td>{d.responsibleName ?? t('decision.none')}</td>
          <td>
            <Deadline d={d} />
          </td>
          <td>
            <StatusBadge d={d} />
          </td>
          {showMeeting && (
            <td>
              <Link to={`/leading-group/meetings/${d.meetingId}`}>{d.meetingTitle}</Link>
            </td>
          )}
        </tr>
      )}
    />
  );
}

export function MeetingPage() {
  const { id = '' } = useParams();
  const { t } = useOrganisationT();
  const office = useRole() === 'zone_admin';
  const meeting = useMeeting(id);
  const m = meeting.data;
  return (
    <div className="page">
      <QueryState query={meeting} />
      {m && (
        <>
          <PageHeader title={m.title}>
            {t(`meetings.kinds.${m.kind}`)} · {m.heldOn}
          </PageHeader>
          <p>
            <Link to="/leading-group/meetings">{t('meetings.back')}</Link>
          </p>
          <dl className="org-facts" data-testid="meeting-facts">
            <dt>{t('meetings.attendees')}</dt>
            <dd>{m.attendees.map((a) => a.name).join('、') || '—'}</dd>
            <dt>{t('meetings.otherAttendees')}</dt>
            <dd>{m.otherAttendees || '—'}</dd>
            <dt>{t('meetings.agenda')}</dt>
            <dd className="org-text">{m.agenda || '—'}</dd>
            <dt>{t('meetings.minutes')}</dt>
            <dd className="org-text">{m.minutes || '—'}</dd>
            <dt>{t('meetings.minutesFiles')}</dt>
            <dd>
              {m.minutesFiles.length ? m.minutesFiles.map((f) => <FileButton key={f.id} file={f} />) : '—'}
            </dd>
          </dl>
          <h2>{t('meetings.decisions')}</h2>
          <DecisionTable items={m.decisions} testId="meeting-decisions" showMeeting={false} />
          {office && <DecisionForm meetingId={m.id} heldOn={m.heldOn} />}
        </>
      )}
    </div>
  );
}

function DecisionForm({ meetingId, heldOn }: { meetingId: string; heldOn: string }) {
  const { t } = useOrganisationT();
  const people = useZonePeople();
  const add = useAddDecision(meetingId);
  const [item, setItem] = useState('');
  const [department, setDepartment] = useState('');
  const [responsible, setResponsible] = useState('');
  const [deadline, setDeadline] = useState('');
  return (
    <details className="org-form" open>
      <summary>{t('decision.add')}</summary>
      <form
        className="form"
        onSubmit={(e) => {
          e.preventDefault();
          add.mutate(
            { item, department, responsibleContactId: responsible || null, deadline },
            {
              onSuccess: () => {
                setItem('');
                setResponsible('');
              },
            },
          );
        }}
      >
        <div className="field">
          <label htmlFor="dc-item">{t('decision.item')}</label>
          <textarea id="dc-item" rows={2} value={item} onChange={(e) => setItem(e.target.value)} required />
        </div>
        <div className="form__row">
          <div className="field">
            <label htmlFor="dc-department">{t('decision.department')}</label>
            <input
              id="dc-department"
              value={department}
              onChange={(e) => setDepartment(e.target.value)}
              required
            />
          </div>
          <div className="field">
            <label htmlFor="dc-responsible">{t('decision.responsible')}</label>
            <select
              id="dc-responsible"
              value={responsible}
              onChange={(e) => {
                setResponsible(e.target.value);
                const c = people.find((p) => p.id === e.target.value);
                if (c && !department) setDepartment(c.organization);
              }}
            >
              <option value="">{t('decision.none')}</option>
              {people.map((c) => (
                <option key={c.id} value={c.id}>
                  {c.name}（{c.organization}）
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor="dc-deadline">{t('decision.deadline')}</label>
            <input
              id="dc-deadline"
              type="date"
              min={heldOn}
              value={deadline}
              onChange={(e) => setDeadline(e.target.value)}
              required
            />
          </div>
        </div>
        {add.isError && <ErrorNotice error={add.error} />}
        <div className="form__actions">
          <button type="submit" className="button button--primary" disabled={add.isPending}>
            {t('decision.addButton')}
          </button>
        </div>
      </form>
    </details>
  );
}

// ---------------------------------------------------------------------------------------------
// The 督办 board and one decision

const BOARD_STATES = ['open', 'overdue', 'closed', 'all'] as const;

export function DecisionBoardPage() {
  const { t } = useOrganisationT();
  const [params, setParams] = useSearchParams();
  const state = BOARD_STATES.find((s) => s === params.get('state')) ?? 'open';
  const department = params.get('department') ?? '';
  const board = useBoard(state);
  const set = (next: { state?: string; department?: string }) => {
    const merged = { state, department, ...next };
    setParams(Object.fromEntries(Object.entries(merged).filter(([, v]) => v)), { replace: true });
  };
  const items = (board.data?.items ?? []).filter((d) => !department || d.department === department);
  return (
    <div className="page">
      <PageHeader title={t('board.title')}>{t('board.subtitle')}</PageHeader>
      <GroupTabs />
      <div className="form__row org-filters">
        <div className="field">
          <label htmlFor="board-state">{t('board.state')}</label>
          <select id="board-state" value={state} onChange={(e) => set({ state: e.target.value })}>
            {BOARD_STATES.map((s) => (
              <option key={s} value={s}>
                {t(`board.states.${s}`)}
              </option>
            ))}
          </select>
        </div>
      </div>
      <QueryState query={board} />
      {board.data && (
        <>
          <h2>{t('board.byDepartment')}</h2>
          <ul className="org-departments" data-testid="board-departments">
            <li>
              <button
                type="button"
                className={`org-chip${department ? '' : ' org-chip--on'}`}
                onClick={() => set({ department: '' })}
              >
                {t('board.allDepartments')}
              </button>
            </li>
            {board.data.departments.map((d) => (
              <li key={d.department}>
                <button
                  type="button"
                  className={`org-chip${department === d.department ? ' org-chip--on' : ''}`}
                  onClick={() => set({ department: d.department })}
                >
                  {d.department} · {t('board.open')} {d.open}
                  {d.overdue > 0 && (
                    <span className="org-flag org-flag--bad">
                      {t('board.overdue')} {d.overdue}
                    </span>
                  )}
                </button>
              </li>
            ))}
          </ul>
          <DecisionTable items={items} testId="decision-board" showMeeting />
        </>
      )}
    </div>
  );
}

export function DecisionPage() {
  const { id = '' } = useParams();
  const { t, i18n } = useOrganisationT();
  const role = useRole();
  const decision = useDecision(id);
  const d = decision.data;
  const when = new Intl.DateTimeFormat(i18n.language, { dateStyle: 'medium', timeStyle: 'short' });
  const actions = d
    ? decisionActions(d.status).filter((a) =>
        OFFICE_ACTIONS.includes(a) ? role === 'zone_admin' : WORKERS.includes(role ?? ''),
      )
    : [];
  return (
    <div className="page">
      <QueryState query={decision} />
      {d && (
        <>
          <PageHeader title={d.item}>
            <Link to={`/leading-group/meetings/${d.meetingId}`}>{d.meetingTitle}</Link> · {d.meetingHeldOn}
          </PageHeader>
          <p>
            <Link to="/leading-group/decisions">{t('decision.back')}</Link>
          </p>
          <dl className="org-facts" data-testid="decision-facts">
            <dt>{t('decision.department')}</dt>
            <dd>{d.department}</dd>
            <dt>{t('decision.responsible')}</dt>
            <dd>{d.responsibleName ?? t('decision.none')}</dd>
            <dt>{t('decision.deadline')}</dt>
            <dd>
              <Deadline d={d} />
            </dd>
            <dt>{t('decision.status')}</dt>
            <dd data-testid="decision-status">
              <StatusBadge d={d} />
            </dd>
          </dl>
          <h2>{t('decision.updates')}</h2>
          {d.updates.length === 0 ? (
            <p className="org-muted">{t('decision.noUpdates')}</p>
          ) : (
            <ol className="org-updates" data-testid="decision-updates">
              {d.updates.map((u) => (
                <li key={u.id}>
                  <strong>{t(`decision.actions.${u.action}`)}</strong>{' '}
                  <span className="org-muted">
                    {t('decision.by', { name: u.byName ?? '', at: when.format(new Date(u.at)) })}
                  </span>
                  {u.note && <div className="org-text">{u.note}</div>}
                  {u.files.map((f) => (
                    <FileButton key={f.id} file={f} />
                  ))}
                </li>
              ))}
            </ol>
          )}
          {actions.length > 0 && <ActionForm id={d.id} actions={actions} />}
        </>
      )}
    </div>
  );
}

function ActionForm({ id, actions }: { id: string; actions: DecisionAction[] }) {
  const { t } = useOrganisationT();
  const act = useDecisionAction(id);
  const [action, setAction] = useState<DecisionAction>(actions[0]!);
  const current = actions.includes(action) ? action : actions[0]!;
  const [note, setNote] = useState('');
  const [files, setFiles] = useState<File[]>([]);
  const [fileKey, setFileKey] = useState(0);
  const [uploadError, setUploadError] = useState<unknown>(null);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setUploadError(null);
    let fileIds: string[];
    try {
      fileIds = await uploadAll(files);
    } catch (err) {
      setUploadError(err);
      return;
    }
    act.mutate(
      { action: current, note, fileIds },
      {
        onSuccess: () => {
          setNote('');
          setFiles([]);
          setFileKey((k) => k + 1);
        },
      },
    );
  };
  return (
    <form className="form org-form" onSubmit={(e) => void submit(e)} data-testid="decision-action-form">
      <div className="org-actions" role="radiogroup">
        {actions.map((a) => (
          <label key={a} className="org-check">
            <input
              type="radio"
              name="decision-action"
              checked={current === a}
              onChange={() => setAction(a)}
            />
            {t(`decision.actions.${a}`)}
          </label>
        ))}
      </div>
      <div className="field">
        <label htmlFor="da-note">{t(`decision.notes.${current}`)}</label>
        <textarea
          id="da-note"
          rows={3}
          value={note}
          onChange={(e) => setNote(e.target.value)}
          required={current !== 'verify'}
        />
      </div>
      <div className="field">
        <label htmlFor="da-files">{t('decision.files')}</label>
        <input
          key={fileKey}
          id="da-files"
          type="file"
          multiple
          accept="image/jpeg,image/png,image/webp,application/pdf"
          onChange={(e) => setFiles([...(e.target.files ?? [])])}
        />
      </div>
      {Boolean(uploadError) && <ErrorNotice error={uploadError} />}
      {act.isError && <ErrorNotice error={act.error} />}
      <div className="form__actions">
        <button type="submit" className="button button--primary" disabled={act.isPending}>
          {t(`decision.actions.${current}`)}
        </button>
      </div>
    </form>
  );
}
