import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { ApiRequestError } from '../../api/client';
import { ErrorNotice } from '../../components/ErrorNotice';
import type { RunView, ScenarioInject } from '../../contracts';
import { addInject } from '../api';
import { useDrillsT } from '../i18n';
import { InjectFields } from '../InjectTimeline';
import { defaultContent, errorsAt, fieldErrors } from '../model';
import { drillKeys } from '../ui';

/** An inject added on the fly: released at once, or put on the timeline at a scenario time. */
export function AddInjectForm({
  run,
  seconds,
  scene: location,
  onDone,
}: {
  run: RunView;
  seconds: number;
  scene: { lat: number; lng: number };
  onDone: () => void;
}) {
  const { t } = useDrillsT();
  const queryClient = useQueryClient();
  const [now, setNow] = useState(true);
  const [draft, setDraft] = useState<ScenarioInject>(() => ({
    id: 'live',
    offsetSeconds: Math.ceil(seconds / 60) * 60 + 60,
    synopsis: '',
    kind: 'message',
    targetRoles: [],
    content: defaultContent('message', { location }),
    expectedActions: [],
  }));
  const save = useMutation({
    mutationFn: () => {
      const { id: _id, offsetSeconds, ...rest } = draft;
      void _id;
      return addInject(run.id, now ? rest : { ...rest, offsetSeconds });
    },
    onSuccess: (next) => {
      queryClient.setQueryData(drillKeys.run(run.id), next);
      void queryClient.invalidateQueries({ queryKey: drillKeys.metrics(run.id) });
      onDone();
    },
  });
  const errors =
    save.error instanceof ApiRequestError && save.error.status === 400
      ? fieldErrors(save.error.messages)
      : null;
  const roles = [...new Set(run.injects.flatMap((i) => i.targetRoles))];
  const submit = (event: FormEvent) => {
    event.preventDefault();
    save.mutate();
  };
  return (
    <form className="form card" onSubmit={submit} data-testid="add-inject-form">
      <h3 className="card__title">{t('console.addInject')}</h3>
      <label>
        <input type="checkbox" checked={now} onChange={(event) => setNow(event.target.checked)} />{' '}
        {t('console.releaseImmediately')}
      </label>
      <InjectFields
        inject={draft}
        onChange={setDraft}
        problems={(path, nested) => (errors ? errorsAt(errors, path, nested) : [])}
        roles={roles}
        objectives={run.objectives}
        setting={{
          enterpriseId: run.enterpriseId,
          category: 'other',
          title: run.title,
          address: '',
          location,
          summary: '',
        }}
        contacts={run.roster.contacts.map((c) => ({ id: c.contactId, name: c.name, detail: c.phone ?? '' }))}
      />
      {save.isError && !errors && <ErrorNotice error={save.error} compact />}
      {errors && errorsAt(errors, '').length > 0 && <ErrorNotice error={save.error} compact />}
      <div className="form__actions">
        <button type="submit" className="button button--primary" disabled={save.isPending}>
          {now ? t('console.addAndRelease') : t('console.addToTimeline')}
        </button>
        <button type="button" className="button" onClick={onDone}>
          {t('cancel')}
        </button>
      </div>
    </form>
  );
}
