import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ErrorNotice } from '../../components/ErrorNotice';
import type { IncidentView, PlanLevelView, PlanSuggestionItem, TaskView } from '../../contracts';
import { fetchVersion } from '../../plans/api';
import { incidentKeys } from '../queries';
import { upsertInList } from './cache';
import type { BoardCallout } from './callout-board';
import { activateLevel, fetchSuggestedPlans } from './callouts-api';

/**
 * The commander's "which plan, which level": the published plans that apply to the incident,
 * most specific first, with the level its grade calls for; activating one sets the level, turns
 * its checklist into the room's tasks and starts its escalation policy's call-out.
 */
export function PlanActivationPanel({ incident }: { incident: IncidentView }) {
  const { t } = useTranslation();
  const suggestion = useQuery({
    queryKey: [...incidentKeys.detail(incident.id), 'suggested-plans', incident.severity, incident.category],
    queryFn: ({ signal }) => fetchSuggestedPlans(incident.id, signal),
  });
  const items = suggestion.data?.items ?? [];
  return (
    <section
      className="room-panel plan-activation"
      aria-labelledby="plan-activation-title"
      data-testid="plan-panel"
    >
      <h2 id="plan-activation-title" className="room-panel__title">
        {t('incidents.plans.title')}
      </h2>
      {suggestion.isError && (
        <ErrorNotice error={suggestion.error} compact onRetry={() => void suggestion.refetch()} />
      )}
      {suggestion.data && items.length === 0 && (
        <p className="work-list__empty">{t('incidents.plans.none')}</p>
      )}
      <ul className="work-list">
        {items.map((item) => (
          <SuggestionRow key={item.versionId} incident={incident} item={item} />
        ))}
      </ul>
    </section>
  );
}

function SuggestionRow({ incident, item }: { incident: IncidentView; item: PlanSuggestionItem }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const selectId = useId();
  const [levelId, setLevelId] = useState(item.level?.id ?? '');
  // The other levels of the version, only once the commander wants one that was not suggested.
  const [choosing, setChoosing] = useState(false);
  const version = useQuery({
    queryKey: ['plan-version', item.versionId],
    queryFn: ({ signal }) => fetchVersion(item.versionId, signal),
    enabled: choosing || !item.level,
  });
  const levels: PlanLevelView[] = version.data?.levels ?? (item.level ? [item.level] : []);
  const chosen = levels.find((l) => l.id === levelId) ?? null;
  const active = incident.planId === item.plan.id;

  const activate = useMutation({
    mutationFn: (level: PlanLevelView) => activateLevel(incident.id, item.versionId, level.id),
    onSuccess: (result) => {
      queryClient.setQueryData(incidentKeys.detail(incident.id), result.incident);
      for (const task of result.tasks)
        queryClient.setQueryData<TaskView[]>(incidentKeys.tasks(incident.id), (list) =>
          upsertInList(list, task),
        );
      if (result.callout) {
        const callout = result.callout;
        queryClient.setQueryData<BoardCallout[]>(incidentKeys.callouts(incident.id), (list) =>
          list ? [callout, ...list.filter((c) => c.id !== callout.id)] : list,
        );
      }
      void queryClient.invalidateQueries({ queryKey: incidentKeys.lists });
    },
  });

  return (
    <li className="work-item plan-suggestion" data-testid="plan-suggestion" data-version-id={item.versionId}>
      <div className="work-item__main">
        <span className="work-item__title">
          {item.plan.title}
          {active && <span className="plan-suggestion__active">{t('incidents.plans.inEffect')}</span>}
        </span>
        <span className="work-item__meta">
          <span>{t(`incidents.plans.match.${item.match}`)}</span>
          <span>{item.plan.code}</span>
          {item.plan.enterpriseName && <span>{item.plan.enterpriseName}</span>}
        </span>
        {chosen ? (
          <span className="plan-suggestion__level" data-testid="plan-level">
            <strong>
              {chosen.code} {chosen.name}
            </strong>
            {' · '}
            {t('incidents.plans.checklist', { count: chosen.checklist.length })}
            {chosen.policy && ` · ${t('incidents.plans.policy', { name: chosen.policy.name })}`}
          </span>
        ) : (
          <span className="work-item__meta">{t('incidents.plans.noLevel')}</span>
        )}
        {(choosing || !item.level) && levels.length > 0 && (
          <span className="plan-suggestion__choose">
            <label htmlFor={selectId}>{t('incidents.plans.level')}</label>
            <select id={selectId} value={levelId} onChange={(e) => setLevelId(e.target.value)}>
              <option value="">{t('incidents.plans.pickLevel')}</option>
              {levels.map((l) => (
                <option key={l.id} value={l.id}>
                  {l.code} {l.name}
                  {l.id === item.level?.id ? ` (${t('incidents.plans.suggested')})` : ''}
                </option>
              ))}
            </select>
          </span>
        )}
        {version.isError && <ErrorNotice error={version.error} compact />}
        {activate.isError && <ErrorNotice error={activate.error} compact />}
        {activate.isSuccess && (
          <span className="notice notice--success notice--compact" role="status" data-testid="plan-activated">
            {t('incidents.plans.activated', {
              tasks: activate.data.tasks.length,
              recipients: activate.data.callout?.recipients.length ?? 0,
            })}
          </span>
        )}
      </div>
      <div className="work-item__actions plan-suggestion__actions">
        {item.level && !choosing && (
          <button
            type="button"
            className="button button--small button--ghost"
            onClick={() => setChoosing(true)}
          >
            {t('incidents.plans.otherLevel')}
          </button>
        )}
        <Link className="button button--small" to={`/plans/${item.plan.id}`} target="_blank">
          {t('incidents.plans.open')}
        </Link>
        <button
          type="button"
          className="button button--small button--primary"
          disabled={!chosen || activate.isPending || incident.status === 'closed'}
          data-testid="plan-activate"
          onClick={() => {
            if (
              chosen &&
              window.confirm(t('incidents.plans.activateConfirm', { level: `${chosen.code} ${chosen.name}` }))
            )
              activate.mutate(chosen);
          }}
        >
          {t('incidents.plans.activate')}
        </button>
      </div>
    </li>
  );
}
