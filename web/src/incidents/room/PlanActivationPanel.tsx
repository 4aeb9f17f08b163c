import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ErrorNotice } from '../../components/ErrorNotice';
import { ApiRequestError } from '../../api/client';
import {
  type IncidentView,
  type LevelActivationPreview,
  type PlanLevelView,
  type PlanSuggestionItem,
  type SuggestionInstallation,
  type TaskView,
  responseLevelOfRank,
} from '../../contracts';
import { levelName } from '../level-name';
import { useZoneTime } from '../ui';
import { fetchVersion } from '../../plans/api';
import { incidentKeys } from '../queries';
import { upsertInList } from './cache';
import type { BoardCallout } from './callout-board';
import { activateLevel, fetchSuggestedPlans, previewLevel } from './callouts-api';

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
          <SuggestionRow
            key={item.versionId}
            incident={incident}
            item={item}
            installations={(suggestion.data?.installations ?? []).filter((i) =>
              i.planIds.includes(item.plan.id),
            )}
          />
        ))}
      </ul>
    </section>
  );
}

function SuggestionRow({
  incident,
  item,
  installations,
}: {
  incident: IncidentView;
  item: PlanSuggestionItem;
  /** The enterprise's major hazard installations that call for this plan. */
  installations: SuggestionInstallation[];
}) {
  const { t, i18n } = useTranslation();
  // The level in words, then the plan's own name for it unless that only repeats the level.
  const label = (l: PlanLevelView) => {
    const name = levelName(responseLevelOfRank(l.rank), i18n.language);
    return /^[IVⅠⅡⅢⅣ一二三四]+级响应$/.test(l.name.trim()) ? name : `${name} · ${l.name}`;
  };
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

  // Before anything starts the commander sees what the level adds and what of it runs already.
  const preview = useMutation({
    mutationFn: (level: PlanLevelView) => previewLevel(incident.id, item.versionId, level.id),
  });
  const activate = useMutation({
    mutationFn: (level: PlanLevelView) => activateLevel(incident.id, item.versionId, level.id),
    onError: (error, level) => {
      // Someone else activated it first: the preview then says since when and by whom.
      if (error instanceof ApiRequestError && error.status === 409) preview.mutate(level);
    },
    onSuccess: (result) => {
      preview.reset();
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
        {installations.map((i) => (
          <span key={i.installationId} className="work-item__meta" data-testid="plan-called-for">
            {t('incidents.plans.calledFor', {
              name: i.name,
              grade: t(`incidents.plans.installationGrade.${i.grade}`),
            })}
          </span>
        ))}
        {chosen ? (
          <span className="plan-suggestion__level" data-testid="plan-level">
            <strong>{label(chosen)}</strong>
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
                  {label(l)}
                  {l.id === item.level?.id ? ` (${t('incidents.plans.suggested')})` : ''}
                </option>
              ))}
            </select>
          </span>
        )}
        {version.isError && <ErrorNotice error={version.error} compact />}
        {preview.isError && <ErrorNotice error={preview.error} compact />}
        {activate.isError &&
          !(activate.error instanceof ApiRequestError && activate.error.status === 409) && (
            <ErrorNotice error={activate.error} compact />
          )}
        {preview.data && chosen && (
          <ActivationConfirm
            p={preview.data}
            pending={activate.isPending}
            onConfirm={() => activate.mutate(chosen)}
            onCancel={() => preview.reset()}
          />
        )}
        {activate.isSuccess && (
          <span className="notice notice--success notice--compact" role="status" data-testid="plan-activated">
            {t('incidents.plans.activated', {
              level: levelName(activate.data.responseLevel, i18n.language),
              tasks: activate.data.tasks.length,
              recipients: activate.data.callout?.recipients.length ?? 0,
            })}
            {activate.data.alreadyRunning.tasks.length + activate.data.alreadyRunning.people.length > 0 &&
              ` ${t('incidents.plans.notRepeated', {
                tasks: activate.data.alreadyRunning.tasks.length,
                people: activate.data.alreadyRunning.people.length,
              })}`}
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
          disabled={!chosen || activate.isPending || preview.isPending || incident.status === 'closed'}
          data-testid="plan-activate"
          onClick={() => {
            if (chosen) {
              activate.reset();
              preview.mutate(chosen);
            }
          }}
        >
          {t('incidents.plans.activate')}
        </button>
      </div>
    </li>
  );
}

/**
 * The confirmation of a level: refused outright when the level is active already (since when, by
 * whom); otherwise what it will add beside what of it runs already and will not start again.
 */
function ActivationConfirm({
  p,
  pending,
  onConfirm,
  onCancel,
}: {
  p: LevelActivationPreview;
  pending: boolean;
  onConfirm: () => void;
  onCancel: () => void;
}) {
  const { t, i18n } = useTranslation();
  const zoneTime = useZoneTime();
  const level = levelName(p.responseLevel, i18n.language);
  if (p.active)
    return (
      <div
        className="notice notice--error notice--compact plan-confirm"
        role="alert"
        data-testid="plan-confirm"
      >
        <strong className="notice__summary" data-testid="plan-already-active">
          {t('incidents.plans.alreadyActive', {
            level,
            since: zoneTime(p.active.activatedAt),
            by: p.active.activatedByName ?? t('incidents.plans.someone'),
          })}
        </strong>
        <button type="button" className="button button--small" onClick={onCancel}>
          {t('common.close')}
        </button>
      </div>
    );
  const list = (names: string[]) => (names.length ? names.join('、') : t('incidents.plans.nothing'));
  return (
    <div className="notice notice--compact plan-confirm" role="dialog" data-testid="plan-confirm">
      <strong className="notice__summary">{t('incidents.plans.confirmTitle', { level })}</strong>
      {p.earlier.length > 0 && (
        <p>
          {t('incidents.plans.earlier', {
            levels: p.earlier.map((e) => levelName(e.responseLevel, i18n.language)).join('、'),
          })}
        </p>
      )}
      <dl className="plan-confirm__lists">
        <dt>{t('incidents.plans.addsTasks', { count: p.adds.tasks.length })}</dt>
        <dd data-testid="plan-adds-tasks">{list(p.adds.tasks)}</dd>
        <dt>{t('incidents.plans.addsPeople', { count: p.adds.people.length })}</dt>
        <dd data-testid="plan-adds-people">{list(p.adds.people)}</dd>
        {p.alreadyRunning.tasks.length + p.alreadyRunning.people.length > 0 && (
          <>
            <dt>{t('incidents.plans.runningTasks', { count: p.alreadyRunning.tasks.length })}</dt>
            <dd data-testid="plan-running-tasks">{list(p.alreadyRunning.tasks)}</dd>
            <dt>{t('incidents.plans.runningPeople', { count: p.alreadyRunning.people.length })}</dt>
            <dd data-testid="plan-running-people">{list(p.alreadyRunning.people)}</dd>
          </>
        )}
      </dl>
      <div className="plan-confirm__actions">
        <button
          type="button"
          className="button button--small button--primary"
          disabled={pending}
          data-testid="plan-confirm-activate"
          onClick={onConfirm}
        >
          {t('incidents.plans.confirm')}
        </button>
        <button type="button" className="button button--small" onClick={onCancel}>
          {t('common.cancel')}
        </button>
      </div>
    </div>
  );
}
