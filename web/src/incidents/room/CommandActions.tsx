import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorNotice } from '../../components/ErrorNotice';
import {
  INCIDENT_STATUSES,
  RESPONSE_LEVELS,
  checkTransition,
  type IncidentStatus,
  type IncidentView,
  type ResponseLevel,
} from '../../contracts';
import { setIncidentStatus, setResponseLevel } from '../api';
import { incidentKeys } from '../queries';
import { levelName } from '../level-name';

/** A commander's controls: the lifecycle step (reason required to reopen) and the response level. */
export function CommandActions({ incident }: { incident: IncidentView }) {
  const { t, i18n } = useTranslation();
  const queryClient = useQueryClient();
  const formId = useId();
  const allowed = INCIDENT_STATUSES.filter((s) => checkTransition(incident.status, s, 'reason').ok);
  const [status, setStatus] = useState<IncidentStatus | ''>('');
  const [reason, setReason] = useState('');
  const [level, setLevel] = useState<ResponseLevel | ''>('');
  const reopening = incident.status === 'closed';
  const chosenStatus = status && allowed.includes(status) ? status : '';
  const chosenLevel = level || incident.responseLevel || '';

  const store = (view: IncidentView) => {
    queryClient.setQueryData(incidentKeys.detail(incident.id), view);
    void queryClient.invalidateQueries({ queryKey: incidentKeys.lists });
  };
  const statusMutation = useMutation({
    mutationFn: () =>
      setIncidentStatus(incident.id, chosenStatus as IncidentStatus, reason.trim() || undefined),
    onSuccess: (view) => {
      store(view);
      setStatus('');
      setReason('');
    },
  });
  const levelMutation = useMutation({
    mutationFn: () => setResponseLevel(incident.id, chosenLevel as ResponseLevel),
    onSuccess: (view) => {
      store(view);
      setLevel('');
    },
  });

  const onStatus = (event: FormEvent) => {
    event.preventDefault();
    if (chosenStatus && (!reopening || reason.trim())) statusMutation.mutate();
  };
  const onLevel = (event: FormEvent) => {
    event.preventDefault();
    if (chosenLevel && chosenLevel !== incident.responseLevel) levelMutation.mutate();
  };

  return (
    <div className="command-actions" data-testid="command-actions">
      <form className="command-actions__group" onSubmit={onStatus}>
        <label htmlFor={`${formId}-status`}>{t('incidents.room.changeStatus')}</label>
        <select
          id={`${formId}-status`}
          value={chosenStatus}
          onChange={(e) => setStatus(e.target.value as IncidentStatus | '')}
          disabled={allowed.length === 0}
        >
          <option value="">{t('incidents.room.toStatus')}…</option>
          {allowed.map((s) => (
            <option key={s} value={s}>
              {t(`incidents.status.${s}`)}
            </option>
          ))}
        </select>
        {reopening && (
          <input
            aria-label={t('incidents.room.reopenReason')}
            placeholder={t('incidents.room.reopenReason')}
            value={reason}
            maxLength={1000}
            onChange={(e) => setReason(e.target.value)}
            required
          />
        )}
        <button
          type="submit"
          className="button button--small"
          disabled={!chosenStatus || (reopening && !reason.trim()) || statusMutation.isPending}
        >
          {t('incidents.room.applyStatus')}
        </button>
      </form>
      {!reopening && (
        <form className="command-actions__group" onSubmit={onLevel}>
          <label htmlFor={`${formId}-level`}>{t('incidents.room.setLevel')}</label>
          <select
            id={`${formId}-level`}
            value={chosenLevel}
            onChange={(e) => setLevel(e.target.value as ResponseLevel | '')}
          >
            {!incident.responseLevel && <option value="">{t('incidents.level.none')}</option>}
            {RESPONSE_LEVELS.map((l) => (
              <option key={l} value={l}>
                {levelName(l, i18n.language)}
              </option>
            ))}
          </select>
          <button
            type="submit"
            className="button button--small button--primary"
            disabled={!chosenLevel || chosenLevel === incident.responseLevel || levelMutation.isPending}
            data-testid="set-level"
          >
            {incident.responseLevel ? t('incidents.room.changeLevel') : t('incidents.room.applyLevel')}
          </button>
        </form>
      )}
      {statusMutation.isError && <ErrorNotice error={statusMutation.error} compact />}
      {levelMutation.isError && <ErrorNotice error={levelMutation.error} compact />}
    </div>
  );
}
