import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { usePublicConfig } from '../api/queries';
import { useSession } from '../auth/session-hooks';
import { EditDialog, type Editing } from '../components/EditDialog';
import { ErrorNotice } from '../components/ErrorNotice';
import { RecordFormActions, useRecordSave } from '../components/RecordForm';
import { Loading } from '../components/Loading';
import type { ContactView, RotationView } from '../contracts';
import { telHref, zonedDayBoundary } from '../lib/format';
import '../resources/resources.css';
import {
  addOverride,
  fetchAllContacts,
  fetchOnCall,
  fetchRotations,
  fetchSchedule,
  removeOverride,
  saveRotation,
  type RotationInput,
} from './api';
import { DIRECTORY_WRITERS, zoneToday } from './ContactsPage';
import { DirectoryHeader } from './DirectoryTabs';
import { addDays, layoutWeek, mondayOf, zoneTime } from './week';

function RotationForm({
  rotation,
  contacts,
  onDone,
}: {
  rotation: RotationView | null;
  contacts: ContactView[];
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const [draft, setDraft] = useState<RotationInput>(() => ({
    name: rotation?.name ?? '',
    memberContactIds: rotation?.memberContactIds ?? [],
    shiftHours: rotation?.shiftHours ?? 24,
    handoffTime: rotation?.handoffTime ?? '08:00',
    startDate: rotation?.startDate ?? new Date().toISOString().slice(0, 10),
  }));
  const { save, submit } = useRecordSave(
    'rotations',
    () => saveRotation(rotation?.id ?? null, draft),
    onDone,
  );
  const toggle = (id: string) =>
    setDraft((d) => ({
      ...d,
      memberContactIds: d.memberContactIds.includes(id)
        ? d.memberContactIds.filter((x) => x !== id)
        : [...d.memberContactIds, id],
    }));
  return (
    <form onSubmit={submit} className="form-grid">
      <div className="field">
        <label htmlFor="rotation-name">{t('directory.rotationName')}</label>
        <input
          id="rotation-name"
          required
          value={draft.name}
          onChange={(e) => setDraft({ ...draft, name: e.target.value })}
        />
      </div>
      <div className="field">
        <label htmlFor="rotation-shift">{t('directory.shiftHours')}</label>
        <input
          id="rotation-shift"
          type="number"
          min={1}
          max={336}
          value={draft.shiftHours}
          onChange={(e) => setDraft({ ...draft, shiftHours: Number(e.target.value) })}
        />
      </div>
      <div className="field">
        <label htmlFor="rotation-handoff">{t('directory.handoffTime')}</label>
        <input
          id="rotation-handoff"
          type="time"
          value={draft.handoffTime}
          onChange={(e) => setDraft({ ...draft, handoffTime: e.target.value })}
        />
      </div>
      <div className="field">
        <label htmlFor="rotation-start">{t('directory.startDate')}</label>
        <input
          id="rotation-start"
          type="date"
          value={draft.startDate}
          onChange={(e) => setDraft({ ...draft, startDate: e.target.value })}
        />
      </div>
      <fieldset className="field">
        <legend>{t('directory.members')}</legend>
        <small>{t('directory.rotationMembersHint')}</small>
        <div className="member-picker">
          {contacts.map((c) => {
            const position = draft.memberContactIds.indexOf(c.id);
            return (
              <label key={c.id} className="resources-panel__option">
                <input type="checkbox" checked={position >= 0} onChange={() => toggle(c.id)} />
                {position >= 0 && <strong>{position + 1}.</strong>} {c.name}{' '}
                <span className="muted">{c.organization}</span>
              </label>
            );
          })}
        </div>
      </fieldset>
      <RecordFormActions save={save} saveLabel={t('directory.save')} onCancel={onDone} />
    </form>
  );
}

function OverrideForm({
  rotation,
  contacts,
  timeZone,
}: {
  rotation: RotationView;
  contacts: ContactView[];
  timeZone: string;
}) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const [contactId, setContactId] = useState('');
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [reason, setReason] = useState('');
  // datetime-local gives zone wall-clock time; the offset of that instant turns it into ISO.
  const toIso = (local: string) => {
    const [day, time] = local.split('T');
    const midnight = day ? zonedDayBoundary(day, timeZone) : null;
    if (!midnight || !time) return local;
    const [h, m] = time.split(':').map(Number);
    return new Date(new Date(midnight).getTime() + ((h ?? 0) * 60 + (m ?? 0)) * 60_000).toISOString();
  };
  const save = useMutation({
    mutationFn: () =>
      addOverride(rotation.id, { contactId, startsAt: toIso(from), endsAt: toIso(to), reason }),
    onSuccess: () => client.invalidateQueries({ queryKey: ['rotations'] }),
  });
  return (
    <form
      className="filters"
      onSubmit={(e) => {
        e.preventDefault();
        save.mutate();
      }}
    >
      <div className="field field--inline">
        <label htmlFor={`ov-who-${rotation.id}`}>{t('directory.overrideWho')}</label>
        <select
          id={`ov-who-${rotation.id}`}
          required
          value={contactId}
          onChange={(e) => setContactId(e.target.value)}
        >
          <option value="">—</option>
          {contacts.map((c) => (
            <option key={c.id} value={c.id}>
              {c.name}
            </option>
          ))}
        </select>
      </div>
      <div className="field field--inline">
        <label htmlFor={`ov-from-${rotation.id}`}>{t('directory.overrideFrom')}</label>
        <input
          id={`ov-from-${rotation.id}`}
          type="datetime-local"
          required
          value={from}
          onChange={(e) => setFrom(e.target.value)}
        />
      </div>
      <div className="field field--inline">
        <label htmlFor={`ov-to-${rotation.id}`}>{t('directory.overrideTo')}</label>
        <input
          id={`ov-to-${rotation.id}`}
          type="datetime-local"
          required
          value={to}
          onChange={(e) => setTo(e.target.value)}
        />
      </div>
      <div className="field field--inline">
        <label htmlFor={`ov-reason-${rotation.id}`}>{t('directory.overrideReason')}</label>
        <input id={`ov-reason-${rotation.id}`} value={reason} onChange={(e) => setReason(e.target.value)} />
      </div>
      <button type="submit" className="button button--small" disabled={save.isPending}>
        {t('directory.addOverride')}
      </button>
      {save.error && <ErrorNotice error={save.error} compact />}
    </form>
  );
}

function RotationCard({
  rotation,
  contacts,
  timeZone,
  canWrite,
  onEdit,
}: {
  rotation: RotationView;
  contacts: Map<string, ContactView>;
  timeZone: string;
  canWrite: boolean;
  onEdit: () => void;
}) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const [monday, setMonday] = useState(() => mondayOf(zoneToday(timeZone)));
  const from = zonedDayBoundary(monday, timeZone)!;
  const to = zonedDayBoundary(addDays(monday, 7), timeZone)!;
  const onCall = useQuery({
    queryKey: ['rotations', rotation.id, 'on-call', rotation.updatedAt, rotation.overrides.length],
    queryFn: ({ signal }) => fetchOnCall(rotation.id, signal),
    refetchInterval: 60_000,
  });
  const schedule = useQuery({
    queryKey: ['rotations', rotation.id, 'schedule', from, to, rotation.updatedAt, rotation.overrides.length],
    queryFn: ({ signal }) => fetchSchedule(rotation.id, from, to, signal),
  });
  const unOverride = useMutation({
    mutationFn: (overrideId: string) => removeOverride(rotation.id, overrideId),
    onSuccess: () => client.invalidateQueries({ queryKey: ['rotations'] }),
  });
  const week = useMemo(
    () => (schedule.data ? layoutWeek(monday, schedule.data.segments, timeZone) : []),
    [schedule.data, monday, timeZone],
  );
  const today = zoneToday(timeZone);
  const now = onCall.data?.contact;

  return (
    <section
      className="card rotation-card"
      data-testid="rotation-card"
      aria-labelledby={`rotation-${rotation.id}`}
    >
      <header className="page-header">
        <div>
          <h2 id={`rotation-${rotation.id}`}>{rotation.name}</h2>
          <p className="muted">
            {rotation.shiftHours} h · {t('directory.handoffTime')} {rotation.handoffTime} ·{' '}
            {rotation.memberContactIds.map((id) => contacts.get(id)?.name ?? '?').join(' → ')}
          </p>
        </div>
        {canWrite && (
          <button type="button" className="button button--small" onClick={onEdit}>
            {t('directory.edit')}
          </button>
        )}
      </header>
      <p data-testid="on-call-now">
        <strong>{t('directory.onCallNow')}:</strong>{' '}
        {now ? (
          <>
            {now.name}{' '}
            {onCall.data?.source === 'override' && (
              <span className="alert-badge alert-badge--expiring">{t('directory.override')}</span>
            )}{' '}
            {now.phones[0] && <a href={telHref(now.phones[0]) ?? undefined}>{now.phones[0]}</a>}
          </>
        ) : (
          t('directory.noOneOnCall')
        )}
      </p>
      <div className="filters">
        <button type="button" className="button button--small" onClick={() => setMonday(addDays(monday, -7))}>
          {t('directory.prevWeek')}
        </button>
        <span>
          {monday} – {addDays(monday, 6)}
        </span>
        <button type="button" className="button button--small" onClick={() => setMonday(addDays(monday, 7))}>
          {t('directory.nextWeek')}
        </button>
        <span className="muted">{t('directory.timeZoneNote', { tz: timeZone })}</span>
      </div>
      {schedule.isError && <ErrorNotice error={schedule.error} compact />}
      <div className="week-grid" data-testid="week-grid">
        {week.map((d) => (
          <div key={d.day} className={`week-grid__day ${d.day === today ? 'week-grid__day--today' : ''}`}>
            <div className="cell-title">{d.day.slice(5)}</div>
            {d.slots.map((s) => (
              <div key={s.startsAt} className={`week-grid__slot week-grid__slot--${s.source}`}>
                {zoneTime(s.startsAt, timeZone)}–
                {s.endsAt === d.endsAt ? '24:00' : zoneTime(s.endsAt, timeZone)}{' '}
                {contacts.get(s.contactId)?.name ?? '?'}
              </div>
            ))}
          </div>
        ))}
      </div>
      {rotation.overrides.length > 0 && (
        <ul>
          {rotation.overrides.map((o) => (
            <li key={o.id}>
              {t('directory.override')}: {contacts.get(o.contactId)?.name ?? '?'} {o.startsAt.slice(0, 16)} →{' '}
              {o.endsAt.slice(0, 16)} {o.reason}{' '}
              {canWrite && (
                <button
                  type="button"
                  className="button button--small"
                  onClick={() => unOverride.mutate(o.id)}
                >
                  {t('directory.delete')}
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
      {canWrite && <OverrideForm rotation={rotation} contacts={[...contacts.values()]} timeZone={timeZone} />}
    </section>
  );
}

/** On-call rotations (值班) with who is on duty now and a week calendar computed by the API. */
export function RotationsPage() {
  const { t } = useTranslation();
  const session = useSession();
  const config = usePublicConfig();
  const rotations = useQuery({
    queryKey: ['rotations', 'all'],
    queryFn: ({ signal }) => fetchRotations(signal),
  });
  const contacts = useQuery({
    queryKey: ['contacts', 'all'],
    queryFn: ({ signal }) => fetchAllContacts(signal),
  });
  const byId = useMemo(() => new Map((contacts.data ?? []).map((c) => [c.id, c])), [contacts.data]);
  const [editing, setEditing] = useState<Editing<RotationView>>(null);
  const canWrite = session ? DIRECTORY_WRITERS.includes(session.user.role) : false;
  const timeZone = config.data?.timeZone ?? 'Asia/Shanghai';

  return (
    <div className="page">
      <DirectoryHeader
        canWrite={canWrite}
        addLabel={t('directory.addRotation')}
        onAdd={() => setEditing('new')}
      />
      {(rotations.isPending || contacts.isPending) && <Loading />}
      {rotations.isError && <ErrorNotice error={rotations.error} onRetry={() => void rotations.refetch()} />}
      {rotations.data &&
        contacts.data &&
        rotations.data.items.map((r) => (
          <RotationCard
            key={r.id}
            rotation={r}
            contacts={byId}
            timeZone={timeZone}
            canWrite={canWrite}
            onEdit={() => setEditing(r)}
          />
        ))}
      <EditDialog
        editing={editing}
        addTitle={t('directory.addRotation')}
        editTitle={t('directory.editRotation')}
        onClose={() => setEditing(null)}
      >
        {(rotation) => (
          <RotationForm rotation={rotation} contacts={contacts.data ?? []} onDone={() => setEditing(null)} />
        )}
      </EditDialog>
    </div>
  );
}
