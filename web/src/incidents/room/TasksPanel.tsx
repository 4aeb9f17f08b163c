import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorNotice } from '../../components/ErrorNotice';
import type { TaskStatus, TaskView } from '../../contracts';
import { createTask, setTaskStatus } from '../api';
import { zonedInputToIso } from '../incident-model';
import { incidentKeys } from '../queries';
import { useNow, useZoneTime, useZoneTimeZone } from '../ui';
import { upsertInList } from './cache';

/** The room's tasks: what is open, who took it, what is due; create, accept, done. */
export function TasksPanel({
  incidentId,
  tasks,
  canAct,
}: {
  incidentId: string;
  tasks: TaskView[] | undefined;
  canAct: boolean;
}) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const zoneTime = useZoneTime();
  const timeZone = useZoneTimeZone();
  const nowMs = useNow();
  const formId = useId();
  const [title, setTitle] = useState('');
  const [assignee, setAssignee] = useState('');
  const [due, setDue] = useState('');

  const store = (task: TaskView) =>
    queryClient.setQueryData<TaskView[]>(incidentKeys.tasks(incidentId), (list) => upsertInList(list, task));

  const create = useMutation({
    mutationFn: () =>
      createTask(incidentId, {
        title: title.trim(),
        ...(assignee.trim() ? { assigneeLabel: assignee.trim() } : {}),
        ...(due ? { dueAt: zonedInputToIso(due, timeZone) ?? undefined } : {}),
      }),
    onSuccess: (task) => {
      store(task);
      setTitle('');
      setAssignee('');
      setDue('');
    },
  });
  const update = useMutation({
    mutationFn: ({ id, status }: { id: string; status: TaskStatus }) => setTaskStatus(incidentId, id, status),
    onSuccess: store,
  });

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    if (title.trim()) create.mutate();
  };

  return (
    <section className="room-panel" aria-labelledby="tasks-title" data-testid="tasks-panel">
      <h2 id="tasks-title" className="room-panel__title">
        {t('incidents.tasks.title')}
        {tasks && (
          <span className="room-panel__count">
            {tasks.filter((x) => x.status === 'open' || x.status === 'accepted').length}
          </span>
        )}
      </h2>
      {update.isError && <ErrorNotice error={update.error} compact />}
      <ul className="work-list">
        {tasks?.length === 0 && <li className="work-list__empty">{t('incidents.tasks.empty')}</li>}
        {tasks?.map((task) => {
          const overdue =
            task.dueAt &&
            Date.parse(task.dueAt) < nowMs &&
            (task.status === 'open' || task.status === 'accepted');
          return (
            <li key={task.id} className={`work-item work-item--${task.status}`} data-testid="task">
              <div className="work-item__main">
                <span className="work-item__title">{task.title}</span>
                <span className="work-item__meta">
                  <span className={`task-status task-status--${task.status}`}>
                    {t(`incidents.tasks.status.${task.status}`)}
                  </span>
                  {task.assigneeLabel && <span>{task.assigneeLabel}</span>}
                  {task.dueAt && <span>{t('incidents.tasks.dueAt', { time: zoneTime(task.dueAt) })}</span>}
                  {overdue && <span className="late-flag">{t('incidents.tasks.overdue')}</span>}
                  {task.source === 'checklist' && (
                    <span className="chip">{t('incidents.tasks.checklist')}</span>
                  )}
                </span>
              </div>
              {canAct && (
                <div className="work-item__actions">
                  {task.status === 'open' && (
                    <button
                      type="button"
                      className="button button--small"
                      disabled={update.isPending}
                      onClick={() => update.mutate({ id: task.id, status: 'accepted' })}
                    >
                      {t('incidents.tasks.accept')}
                    </button>
                  )}
                  {(task.status === 'open' || task.status === 'accepted') && (
                    <button
                      type="button"
                      className="button button--small"
                      disabled={update.isPending}
                      onClick={() => update.mutate({ id: task.id, status: 'done' })}
                    >
                      {t('incidents.tasks.done')}
                    </button>
                  )}
                </div>
              )}
            </li>
          );
        })}
      </ul>
      {canAct && (
        <form className="room-form" onSubmit={onSubmit} aria-label={t('incidents.tasks.new')}>
          <div className="field">
            <label htmlFor={`${formId}-title`}>{t('incidents.tasks.taskTitle')}</label>
            <input
              id={`${formId}-title`}
              value={title}
              maxLength={300}
              onChange={(e) => setTitle(e.target.value)}
            />
          </div>
          <div className="room-form__row">
            <div className="field">
              <label htmlFor={`${formId}-assignee`}>{t('incidents.tasks.assignee')}</label>
              <input
                id={`${formId}-assignee`}
                value={assignee}
                maxLength={200}
                onChange={(e) => setAssignee(e.target.value)}
              />
            </div>
            <div className="field">
              <label htmlFor={`${formId}-due`}>{t('incidents.tasks.due')}</label>
              <input
                id={`${formId}-due`}
                type="datetime-local"
                value={due}
                onChange={(e) => setDue(e.target.value)}
              />
            </div>
          </div>
          {create.isError && <ErrorNotice error={create.error} compact />}
          <button type="submit" className="button button--small" disabled={!title.trim() || create.isPending}>
            {t('incidents.tasks.create')}
          </button>
        </form>
      )}
    </section>
  );
}
