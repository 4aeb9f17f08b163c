import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { ApiRequestError } from '../../api/client';
import { Dialog } from '../../components/Dialog';
import { ErrorNotice } from '../../components/ErrorNotice';
import type { RunView } from '../../contracts';
import { setRunRoster } from '../api';
import { useDrillsT } from '../i18n';
import { errorsAt, fieldErrors } from '../model';
import { type Roster, RosterFields } from '../RosterFields';
import { drillKeys, useCanDirect } from '../ui';

/** Who the drill may page: the roster's contacts, teams and evaluators, editable while the run is open. */
export function RosterPanel({ run }: { run: RunView }) {
  const { t } = useDrillsT();
  const canDirect = useCanDirect();
  const [editing, setEditing] = useState(false);
  const open = run.status === 'scheduled' || run.status === 'running' || run.status === 'paused';
  return (
    <section className="room-panel" aria-labelledby="drill-roster-title" data-testid="drill-roster">
      <h2 id="drill-roster-title" className="room-panel__title">
        {t('console.roster')}
        {canDirect && open && (
          <button
            type="button"
            className="button button--small"
            onClick={() => setEditing(true)}
            data-testid="roster-edit"
          >
            {t('console.rosterEdit')}
          </button>
        )}
      </h2>
      <p className="field__hint">{t('console.rosterHint')}</p>
      <dl className="facts">
        <dt>{t('runs.contactsLabel')}</dt>
        <dd>{run.roster.contacts.map((c) => c.name).join('、') || t('none')}</dd>
        <dt>{t('runs.teamsLabel')}</dt>
        <dd>{run.roster.teams.map((c) => c.name).join('、') || t('none')}</dd>
        <dt>{t('runs.evaluatorsLabel')}</dt>
        <dd>{run.roster.evaluators.map((c) => c.name).join('、') || t('none')}</dd>
      </dl>
      <Dialog open={editing} title={t('console.rosterEdit')} onClose={() => setEditing(false)}>
        {editing && <RosterForm run={run} onDone={() => setEditing(false)} />}
      </Dialog>
    </section>
  );
}

/** Changes who may be paged from now on; those already paged stay paged. */
function RosterForm({ run, onDone }: { run: RunView; onDone: () => void }) {
  const { t } = useDrillsT();
  const queryClient = useQueryClient();
  const [roster, setRoster] = useState<Roster>({
    contactIds: run.roster.contacts.map((c) => c.contactId),
    teamIds: run.roster.teams.map((c) => c.teamId),
    evaluatorIds: run.roster.evaluators.map((c) => c.userId),
  });
  const save = useMutation({
    mutationFn: () => setRunRoster(run.id, roster),
    onSuccess: (next) => {
      queryClient.setQueryData(drillKeys.run(run.id), next);
      onDone();
    },
  });
  const errors =
    save.error instanceof ApiRequestError && save.error.status === 400
      ? fieldErrors(save.error.messages)
      : null;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    save.mutate();
  };
  return (
    <form className="form" onSubmit={submit} data-testid="roster-form" noValidate>
      {save.isError && !errors && <ErrorNotice error={save.error} />}
      <RosterFields
        value={roster}
        onChange={setRoster}
        problemsAt={(path) => (errors ? errorsAt(errors, path, true) : [])}
      />
      <div className="form__actions">
        <button type="submit" className="button button--primary" disabled={save.isPending}>
          {save.isPending ? t('saving') : t('console.rosterSave')}
        </button>
        <button type="button" className="button" onClick={onDone}>
          {t('cancel')}
        </button>
      </div>
    </form>
  );
}
