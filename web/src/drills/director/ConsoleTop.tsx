import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link } from 'react-router';
import { ErrorNotice } from '../../components/ErrorNotice';
import type { RunView } from '../../contracts';
import { commandRun, type RunCommand } from '../api';
import { useDrillsT } from '../i18n';
import { formatClock } from '../model';
import { useScenarioSeconds } from '../run-hooks';
import { drillKeys, RunStatusBadge, useCanDirect, useCanEvaluate } from '../ui';

function useRunCommand(runId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (command: RunCommand) => commandRun(runId, command),
    onSuccess: (run) => {
      queryClient.setQueryData(drillKeys.run(runId), run);
      void queryClient.invalidateQueries({ queryKey: ['drills', 'runs'] });
      void queryClient.invalidateQueries({ queryKey: drillKeys.metrics(runId) });
    },
  });
}

/** The run's title and links, and the scenario clock with the director's start, pause, resume and end. */
export function ConsoleTop({ run, receivedAt }: { run: RunView; receivedAt: number }) {
  const { t } = useDrillsT();
  const canDirect = useCanDirect();
  const canEvaluate = useCanEvaluate();
  const seconds = useScenarioSeconds(run, receivedAt);
  const command = useRunCommand(run.id);
  const [confirmEnd, setConfirmEnd] = useState(false);
  const busy = command.isPending;
  return (
    <>
      <div className="drill-console__top">
        <div>
          <Link to="/drills">← {t('runs.back')}</Link>
          <h1 className="page-header__title" data-testid="run-title">
            {run.title} <RunStatusBadge status={run.status} />
          </h1>
          <p className="page-header__subtitle">
            {t(`form.${run.form}`)} · {t(`scope.${run.scope}`)} · {run.enterpriseName ?? t('zone')} ·{' '}
            {t('console.directedBy', { name: run.directorName })}
            {' · '}
            {canEvaluate && run.incidentId && (
              <>
                <Link to={`/drills/runs/${run.id}/evaluate`}>{t('runs.evaluate')}</Link>
                {' · '}
              </>
            )}
            <Link to={`/drills/runs/${run.id}/report`}>{t('runs.report')}</Link>
            {run.incidentId && (
              <>
                {' · '}
                <Link to={`/incidents/${run.incidentId}`}>{t('console.fullRoom')}</Link>
              </>
            )}
          </p>
        </div>
        <div
          className="drill-clock"
          data-testid="drill-clock"
          data-running={run.clock.running}
          data-seconds={Math.floor(seconds)}
          aria-label={t('console.clock')}
        >
          <span className="drill-clock__time" role="timer">
            {formatClock(seconds)}
          </span>
          {canDirect && (
            <div className="drill-clock__buttons">
              {run.status === 'scheduled' && (
                <>
                  <button
                    type="button"
                    className="button button--primary"
                    data-testid="drill-start"
                    disabled={busy}
                    onClick={() => command.mutate('start')}
                  >
                    {t('console.start')}
                  </button>
                  <button
                    type="button"
                    className="button"
                    disabled={busy}
                    onClick={() => command.mutate('cancel')}
                  >
                    {t('console.cancel')}
                  </button>
                </>
              )}
              {run.status === 'running' && (
                <button
                  type="button"
                  className="button"
                  data-testid="drill-pause"
                  disabled={busy}
                  onClick={() => command.mutate('pause')}
                >
                  {t('console.pause')}
                </button>
              )}
              {run.status === 'paused' && (
                <button
                  type="button"
                  className="button button--primary"
                  data-testid="drill-resume"
                  disabled={busy}
                  onClick={() => command.mutate('resume')}
                >
                  {t('console.resume')}
                </button>
              )}
              {(run.status === 'running' || run.status === 'paused') &&
                (confirmEnd ? (
                  <>
                    <button
                      type="button"
                      className="button button--danger"
                      data-testid="drill-end-confirm"
                      disabled={busy}
                      onClick={() => {
                        setConfirmEnd(false);
                        command.mutate('end');
                      }}
                    >
                      {t('console.endConfirm')}
                    </button>
                    <button type="button" className="button" onClick={() => setConfirmEnd(false)}>
                      {t('cancel')}
                    </button>
                  </>
                ) : (
                  <button
                    type="button"
                    className="button button--danger"
                    data-testid="drill-end"
                    disabled={busy}
                    onClick={() => setConfirmEnd(true)}
                  >
                    {t('console.end')}
                  </button>
                ))}
            </div>
          )}
        </div>
      </div>
      {command.isError && <ErrorNotice error={command.error} compact />}
    </>
  );
}
