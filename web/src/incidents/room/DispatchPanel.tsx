import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorNotice } from '../../components/ErrorNotice';
import type { DispatchState, DispatchView } from '../../contracts';
import { dispatchResource, setDispatchState } from '../api';
import { incidentKeys } from '../queries';
import { useZoneTime } from '../ui';
import { upsertInList } from './cache';

/** Resources sent to the scene: en route → on scene → released. */
export function DispatchPanel({
  incidentId,
  dispatches,
  canAct,
}: {
  incidentId: string;
  dispatches: DispatchView[] | undefined;
  canAct: boolean;
}) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const zoneTime = useZoneTime();
  const inputId = useId();
  const [label, setLabel] = useState('');
  const store = (d: DispatchView) =>
    queryClient.setQueryData<DispatchView[]>(incidentKeys.dispatches(incidentId), (list) =>
      upsertInList(list, d),
    );

  const add = useMutation({
    mutationFn: () => dispatchResource(incidentId, label.trim()),
    onSuccess: (d) => {
      store(d);
      setLabel('');
    },
  });
  const change = useMutation({
    mutationFn: ({ id, state }: { id: string; state: DispatchState }) =>
      setDispatchState(incidentId, id, state),
    onSuccess: store,
  });

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    if (label.trim()) add.mutate();
  };

  return (
    <section className="room-panel" aria-labelledby="dispatch-title" data-testid="dispatch-panel">
      <h2 id="dispatch-title" className="room-panel__title">
        {t('incidents.dispatch.title')}
      </h2>
      {change.isError && <ErrorNotice error={change.error} compact />}
      <ul className="work-list">
        {dispatches?.length === 0 && <li className="work-list__empty">{t('incidents.dispatch.empty')}</li>}
        {dispatches?.map((d) => (
          <li
            key={d.id}
            className={`work-item work-item--${d.state}`}
            data-testid="dispatch"
            data-state={d.state}
          >
            <div className="work-item__main">
              <span className="work-item__title">{d.label}</span>
              <span className="work-item__meta">
                <span className={`dispatch-state dispatch-state--${d.state}`}>
                  {t(`incidents.dispatch.state.${d.state}`)}
                </span>
                <time dateTime={d.updatedAt}>{zoneTime(d.updatedAt)}</time>
              </span>
            </div>
            {canAct && d.state !== 'released' && (
              <div className="work-item__actions">
                {d.state === 'en_route' && (
                  <button
                    type="button"
                    className="button button--small"
                    disabled={change.isPending}
                    onClick={() => change.mutate({ id: d.id, state: 'on_scene' })}
                  >
                    {t('incidents.dispatch.onScene')}
                  </button>
                )}
                <button
                  type="button"
                  className="button button--small"
                  disabled={change.isPending}
                  onClick={() => change.mutate({ id: d.id, state: 'released' })}
                >
                  {t('incidents.dispatch.release')}
                </button>
              </div>
            )}
          </li>
        ))}
      </ul>
      {canAct && (
        <form className="room-form room-form--row" onSubmit={onSubmit}>
          <div className="field">
            <label htmlFor={inputId}>{t('incidents.dispatch.label')}</label>
            <input
              id={inputId}
              value={label}
              maxLength={200}
              placeholder={t('incidents.dispatch.placeholder')}
              onChange={(e) => setLabel(e.target.value)}
            />
          </div>
          <button type="submit" className="button button--small" disabled={!label.trim() || add.isPending}>
            {t('incidents.dispatch.add')}
          </button>
          {add.isError && <ErrorNotice error={add.error} compact />}
        </form>
      )}
    </section>
  );
}
