import { useQuery } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSession } from '../auth/session-hooks';
import { EditDialog, type Editing } from '../components/EditDialog';
import { ErrorNotice } from '../components/ErrorNotice';
import { Loading } from '../components/Loading';
import { RecordFormActions, useRecordSave } from '../components/RecordForm';
import { TEAM_READINESS, TEAM_TYPES, type ContactView, type TeamView } from '../contracts';
import { telHref } from '../lib/format';
import '../resources/resources.css';
import { fetchAllContacts, fetchTeams, saveTeam, type TeamInput } from './api';
import { DIRECTORY_WRITERS } from './ContactsPage';
import { DirectoryHeader } from './DirectoryTabs';

function TeamForm({
  team,
  contacts,
  onDone,
}: {
  team: TeamView | null;
  contacts: ContactView[];
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const [draft, setDraft] = useState<TeamInput>(() => ({
    name: team?.name ?? '',
    type: team?.type ?? 'rescue',
    leaderContactId: team?.leaderContactId ?? null,
    memberContactIds: team?.memberContactIds ?? [],
    readiness: team?.readiness ?? 'ready',
    baseAddress: team?.baseAddress ?? '',
  }));
  const { save, submit } = useRecordSave('teams', () => saveTeam(team?.id ?? null, draft), onDone);
  const toggleMember = (id: string) =>
    setDraft((d) => ({
      ...d,
      memberContactIds: d.memberContactIds.includes(id)
        ? d.memberContactIds.filter((x) => x !== id)
        : [...d.memberContactIds, id],
    }));
  return (
    <form onSubmit={submit} className="form-grid">
      <div className="field">
        <label htmlFor="team-name">{t('directory.teamName')}</label>
        <input
          id="team-name"
          value={draft.name}
          required
          onChange={(e) => setDraft({ ...draft, name: e.target.value })}
        />
      </div>
      <div className="field">
        <label htmlFor="team-type">{t('directory.teamTypeLabel')}</label>
        <select
          id="team-type"
          value={draft.type}
          onChange={(e) => setDraft({ ...draft, type: e.target.value as TeamInput['type'] })}
        >
          {TEAM_TYPES.map((x) => (
            <option key={x} value={x}>
              {t(`directory.teamType.${x}`)}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor="team-readiness">{t('directory.readinessLabel')}</label>
        <select
          id="team-readiness"
          value={draft.readiness}
          onChange={(e) => setDraft({ ...draft, readiness: e.target.value as TeamInput['readiness'] })}
        >
          {TEAM_READINESS.map((x) => (
            <option key={x} value={x}>
              {t(`directory.readiness.${x}`)}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor="team-base">{t('directory.base')}</label>
        <input
          id="team-base"
          value={draft.baseAddress}
          onChange={(e) => setDraft({ ...draft, baseAddress: e.target.value })}
        />
      </div>
      <div className="field">
        <label htmlFor="team-leader">{t('directory.leader')}</label>
        <select
          id="team-leader"
          value={draft.leaderContactId ?? ''}
          onChange={(e) => setDraft({ ...draft, leaderContactId: e.target.value || null })}
        >
          <option value="">—</option>
          {contacts.map((c) => (
            <option key={c.id} value={c.id}>
              {c.name} · {c.organization}
            </option>
          ))}
        </select>
      </div>
      <fieldset className="field">
        <legend>{t('directory.members')}</legend>
        <small>{t('directory.membersHint')}</small>
        <div className="member-picker">
          {contacts.map((c) => (
            <label key={c.id} className="resources-panel__option">
              <input
                type="checkbox"
                checked={draft.memberContactIds.includes(c.id)}
                onChange={() => toggleMember(c.id)}
              />
              {c.name} <span className="muted">{c.organization}</span>
            </label>
          ))}
        </div>
      </fieldset>
      <RecordFormActions save={save} saveLabel={t('directory.save')} onCancel={onDone} />
    </form>
  );
}

/** Rescue teams (救援队伍) with their leaders, members and readiness. */
export function TeamsPage() {
  const { t } = useTranslation();
  const session = useSession();
  const teams = useQuery({ queryKey: ['teams', 'all'], queryFn: ({ signal }) => fetchTeams(signal) });
  const contacts = useQuery({
    queryKey: ['contacts', 'all'],
    queryFn: ({ signal }) => fetchAllContacts(signal),
  });
  const byId = useMemo(() => new Map((contacts.data ?? []).map((c) => [c.id, c])), [contacts.data]);
  const [editing, setEditing] = useState<Editing<TeamView>>(null);
  const canWrite = session ? DIRECTORY_WRITERS.includes(session.user.role) : false;

  return (
    <div className="page">
      <DirectoryHeader
        canWrite={canWrite}
        addLabel={t('directory.addTeam')}
        onAdd={() => setEditing('new')}
      />
      {(teams.isPending || contacts.isPending) && <Loading />}
      {teams.isError && <ErrorNotice error={teams.error} onRetry={() => void teams.refetch()} />}
      {teams.data && (
        <div className="table-wrap">
          <table className="table" data-testid="team-table">
            <thead>
              <tr>
                <th scope="col">{t('directory.teamName')}</th>
                <th scope="col">{t('directory.teamTypeLabel')}</th>
                <th scope="col">{t('directory.leader')}</th>
                <th scope="col">{t('directory.members')}</th>
                <th scope="col">{t('directory.readinessLabel')}</th>
                <th scope="col">{t('directory.base')}</th>
                <th scope="col">
                  <span className="visually-hidden">{t('common.actions')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {teams.data.items.map((team) => {
                const leader = team.leaderContactId ? byId.get(team.leaderContactId) : undefined;
                return (
                  <tr key={team.id}>
                    <td className="cell-title">{team.name}</td>
                    <td>{t(`directory.teamType.${team.type}`)}</td>
                    <td>
                      {leader?.name}
                      {leader?.phones[0] && (
                        <div className="cell-sub">
                          <a href={telHref(leader.phones[0]) ?? undefined}>{leader.phones[0]}</a>
                        </div>
                      )}
                    </td>
                    <td>
                      {team.memberContactIds
                        .map((id) => byId.get(id)?.name)
                        .filter(Boolean)
                        .join('、')}
                    </td>
                    <td>{t(`directory.readiness.${team.readiness}`)}</td>
                    <td>{team.baseAddress}</td>
                    <td>
                      {canWrite && (
                        <button
                          type="button"
                          className="button button--small"
                          onClick={() => setEditing(team)}
                        >
                          {t('directory.edit')}
                        </button>
                      )}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
      <EditDialog
        editing={editing}
        addTitle={t('directory.addTeam')}
        editTitle={t('directory.editTeam')}
        onClose={() => setEditing(null)}
      >
        {(team) => <TeamForm team={team} contacts={contacts.data ?? []} onDone={() => setEditing(null)} />}
      </EditDialog>
    </div>
  );
}
