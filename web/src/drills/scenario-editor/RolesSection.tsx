import { useState } from 'react';
import { ErrorNotice } from '../../components/ErrorNotice';
import { useDrillsT } from '../i18n';
import { FieldProblems, useTeamChoices } from '../ui';
import type { ScenarioSectionProps } from './use-scenario-editor';

/** The roles injects are addressed to, and the response teams taking part. */
export function RolesSection({ doc, update, at }: ScenarioSectionProps) {
  const { t } = useDrillsT();
  const teams = useTeamChoices();
  return (
    <section className="card" aria-labelledby="roles-title">
      <h2 id="roles-title" className="card__title">
        {t('editor.rolesAndTeams')}
      </h2>
      <RolesEditor
        roles={doc.roles}
        onChange={(roles) => update((d) => ({ ...d, roles }))}
        problems={at('roles', true)}
      />
      <fieldset className="field">
        <legend>{t('scenario.teams')}</legend>
        <div className="drill-checks">
          {(teams.data?.items ?? []).map((team) => (
            <label key={team.id}>
              <input
                type="checkbox"
                checked={doc.teamIds.includes(team.id)}
                onChange={(event) =>
                  update((d) => ({
                    ...d,
                    teamIds: event.target.checked
                      ? [...d.teamIds, team.id]
                      : d.teamIds.filter((x) => x !== team.id),
                  }))
                }
              />
              {team.name}
            </label>
          ))}
        </div>
        {teams.isError && <ErrorNotice error={teams.error} compact />}
        <FieldProblems problems={at('teamIds', true)} />
      </fieldset>
    </section>
  );
}

function RolesEditor({
  roles,
  onChange,
  problems,
}: {
  roles: string[];
  onChange: (roles: string[]) => void;
  problems: string[];
}) {
  const { t } = useDrillsT();
  const [text, setText] = useState('');
  const add = () => {
    const names = text
      .split(/[,，、;；\n]/)
      .map((s) => s.trim())
      .filter((s) => s && !roles.includes(s));
    if (names.length) onChange([...roles, ...new Set(names)]);
    setText('');
  };
  return (
    <div className="field">
      <label htmlFor="role-input">{t('scenario.roles')}</label>
      <div>
        {roles.map((r) => (
          <span key={r} className="chip" data-testid="scenario-role">
            {r}{' '}
            <button
              type="button"
              className="drill-chip-remove"
              aria-label={t('editor.removeRole', { role: r })}
              onClick={() => onChange(roles.filter((x) => x !== r))}
            >
              ×
            </button>
          </span>
        ))}
      </div>
      <div style={{ display: 'flex', gap: 8 }}>
        <input
          id="role-input"
          value={text}
          placeholder={t('editor.rolePlaceholder')}
          onChange={(event) => setText(event.target.value)}
          onKeyDown={(event) => {
            if (event.key === 'Enter' && !event.nativeEvent.isComposing) {
              event.preventDefault();
              add();
            }
          }}
        />
        <button type="button" className="button button--small" onClick={add} disabled={!text.trim()}>
          {t('editor.addRole')}
        </button>
      </div>
      <FieldProblems problems={problems} />
    </div>
  );
}
