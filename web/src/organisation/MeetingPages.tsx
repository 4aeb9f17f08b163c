import { useState, type FormEvent } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { ErrorNotice } from '../components/ErrorNotice';
import { ListTable, QueryState } from '../components/ListTable';
import { PageHeader } from '../components/PageHeader';
import { FileOpenButton } from '../components/FileOpenButton';
import { MEETING_KINDS, type MeetingKind } from '../contracts';
import { useAddDecision, useCreateMeeting, useMeeting, useMeetings } from './api';
import { useOrganisationT } from './i18n';
import { DecisionTable, GroupTabs, uploadAll, useRole, useZonePeople } from './leading-group-shared';
import './organisation.css';

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
              {m.minutesFiles.length
                ? m.minutesFiles.map((f) => <FileOpenButton key={f.id} file={f} />)
                : '—'}
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
