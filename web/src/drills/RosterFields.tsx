import { useQuery } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { ErrorNotice } from '../components/ErrorNotice';
import { Loading } from '../components/Loading';
import { fetchDrillStaff } from './api';
import { useDrillsT } from './i18n';
import { FieldProblems, useContactChoices, useTeamChoices } from './ui';

export interface Roster {
  contactIds: string[];
  teamIds: string[];
  evaluatorIds: string[];
}

/**
 * The people, teams and evaluators of a run: who may be paged and who evaluates. Used when a run
 * is scheduled and when its director changes the roster later.
 */
export function RosterFields({
  value,
  onChange,
  problemsAt,
}: {
  value: Roster;
  onChange: (roster: Roster) => void;
  problemsAt: (path: keyof Roster) => string[];
}) {
  const { t } = useDrillsT();
  const [contactFilter, setContactFilter] = useState('');
  const contacts = useContactChoices();
  const teams = useTeamChoices();
  const staff = useQuery({ queryKey: ['drills', 'staff'], queryFn: ({ signal }) => fetchDrillStaff(signal) });

  const shownContacts = useMemo(() => {
    const q = contactFilter.trim().toLowerCase();
    const list = contacts.data ?? [];
    return q ? list.filter((c) => `${c.name} ${c.organization} ${c.post}`.toLowerCase().includes(q)) : list;
  }, [contacts.data, contactFilter]);

  const toggle = (key: keyof Roster, id: string, on: boolean) =>
    onChange({ ...value, [key]: on ? [...value[key], id] : value[key].filter((x) => x !== id) });

  return (
    <div className="drill-roster">
      <fieldset className="field">
        <legend>{t('runs.contacts', { count: value.contactIds.length })}</legend>
        <input
          type="search"
          aria-label={t('runs.filterContacts')}
          placeholder={t('runs.filterContacts')}
          value={contactFilter}
          onChange={(event) => setContactFilter(event.target.value)}
        />
        <div className="drill-checks" data-testid="roster-contacts">
          {contacts.isPending && <Loading />}
          {shownContacts.map((c) => (
            <label key={c.id}>
              <input
                type="checkbox"
                checked={value.contactIds.includes(c.id)}
                onChange={(event) => toggle('contactIds', c.id, event.target.checked)}
              />
              {c.name}
              <span className="cell-sub">
                {c.organization} {c.phones[0] ?? ''}
              </span>
            </label>
          ))}
        </div>
        {contacts.isError && <ErrorNotice error={contacts.error} compact />}
        <FieldProblems problems={problemsAt('contactIds')} />
      </fieldset>
      <fieldset className="field">
        <legend>{t('runs.teams', { count: value.teamIds.length })}</legend>
        <div className="drill-checks" data-testid="roster-teams">
          {(teams.data?.items ?? []).map((team) => (
            <label key={team.id}>
              <input
                type="checkbox"
                checked={value.teamIds.includes(team.id)}
                onChange={(event) => toggle('teamIds', team.id, event.target.checked)}
              />
              {team.name}
            </label>
          ))}
        </div>
        {teams.isError && <ErrorNotice error={teams.error} compact />}
        <FieldProblems problems={problemsAt('teamIds')} />
      </fieldset>
      <fieldset className="field">
        <legend>{t('runs.evaluators', { count: value.evaluatorIds.length })}</legend>
        <div className="drill-checks" data-testid="roster-evaluators">
          {(staff.data?.evaluators ?? []).map((u) => (
            <label key={u.id}>
              <input
                type="checkbox"
                checked={value.evaluatorIds.includes(u.id)}
                onChange={(event) => toggle('evaluatorIds', u.id, event.target.checked)}
              />
              {u.name}
            </label>
          ))}
        </div>
        {staff.isError && <ErrorNotice error={staff.error} compact />}
        <FieldProblems problems={problemsAt('evaluatorIds')} />
      </fieldset>
    </div>
  );
}
