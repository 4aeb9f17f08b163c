import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { ErrorNotice } from '../../components/ErrorNotice';
import type { RunView } from '../../contracts';
import { releaseInject, skipInject } from '../api';
import { useDrillsT } from '../i18n';
import { formatOffset, formatSpan, sortByOffset } from '../model';
import { useScenarioSeconds } from '../run-hooks';
import { drillKeys, useCanDirect } from '../ui';
import { AddInjectForm } from './AddInjectForm';

/** The MSEL as it plays: released, skipped and upcoming injects; release now, skip, add. */
export function InjectsPanel({
  run,
  receivedAt,
  scene,
}: {
  run: RunView;
  receivedAt: number;
  /** Where the drill happens: a map event added on the fly starts there. */
  scene?: { lat: number; lng: number };
}) {
  const { t } = useDrillsT();
  const queryClient = useQueryClient();
  const canDirect = useCanDirect();
  const seconds = useScenarioSeconds(run, receivedAt);
  const [adding, setAdding] = useState(false);
  const live = run.status === 'running' || run.status === 'paused';
  const store = (next: RunView) => {
    queryClient.setQueryData(drillKeys.run(run.id), next);
    void queryClient.invalidateQueries({ queryKey: drillKeys.metrics(run.id) });
  };
  const release = useMutation({ mutationFn: (id: string) => releaseInject(run.id, id), onSuccess: store });
  const skip = useMutation({ mutationFn: (id: string) => skipInject(run.id, id), onSuccess: store });
  const ordered = useMemo(() => {
    // Done injects in the order they happened, then the upcoming ones in clock order.
    const done = run.injects
      .filter((i) => i.state !== 'pending')
      .sort((a, b) => (a.releasedAtSeconds ?? 0) - (b.releasedAtSeconds ?? 0) || a.order - b.order);
    return [...done, ...sortByOffset(run.injects.filter((i) => i.state === 'pending'))];
  }, [run.injects]);
  const pending = ordered.filter((i) => i.state === 'pending').length;

  return (
    <section className="room-panel" aria-labelledby="drill-injects-title">
      <div className="room-panel__head">
        <h2 id="drill-injects-title" className="room-panel__title">
          {t('console.injects')}
        </h2>
        <span className="room-panel__meta">{t('console.pendingCount', { count: pending })}</span>
      </div>
      <ol className="drill-inject-rows" data-testid="inject-rows">
        {ordered.length === 0 && <li className="table__empty">{t('inject.empty')}</li>}
        {ordered.map((inject) => {
          const dueIn = inject.offsetSeconds - seconds;
          return (
            <li
              key={inject.runInjectId}
              className="drill-inject-row"
              data-testid="inject-row"
              data-state={inject.state}
              data-run-inject-id={inject.runInjectId}
            >
              <span className="drill-inject__offset">
                {formatOffset(
                  inject.state === 'pending'
                    ? inject.offsetSeconds
                    : (inject.releasedAtSeconds ?? inject.offsetSeconds),
                )}
              </span>
              <span>
                <strong>{inject.synopsis}</strong>
                <div className="cell-sub">
                  <span className={`drill-state drill-state--${inject.state}`}>
                    {t(`injectState.${inject.state}`)}
                  </span>{' '}
                  {t(`kind.${inject.kind}`)}
                  {inject.targetRoles.length > 0 && ` → ${inject.targetRoles.join('、')}`}
                  {inject.source === 'added' && ` · ${t('console.addedOnTheFly')}`}
                  {inject.state === 'released' &&
                    inject.releasedBy &&
                    ` · ${t('console.releasedBy', { name: inject.releasedBy })}`}
                  {inject.state === 'pending' &&
                    live &&
                    dueIn > 0 &&
                    ` · ${t('console.dueIn', { time: formatSpan(dueIn) })}`}
                </div>
              </span>
              {canDirect && live && inject.state === 'pending' && (
                <span className="drill-inject-row__buttons">
                  <button
                    type="button"
                    className="button button--small button--primary"
                    data-testid="inject-release"
                    disabled={release.isPending}
                    onClick={() => release.mutate(inject.runInjectId)}
                  >
                    {t('console.releaseNow')}
                  </button>
                  <button
                    type="button"
                    className="button button--small"
                    data-testid="inject-skip"
                    disabled={skip.isPending}
                    onClick={() => skip.mutate(inject.runInjectId)}
                  >
                    {t('console.skip')}
                  </button>
                </span>
              )}
            </li>
          );
        })}
      </ol>
      {release.isError && <ErrorNotice error={release.error} compact />}
      {skip.isError && <ErrorNotice error={skip.error} compact />}
      {canDirect && live && scene && (
        <div style={{ marginTop: 10 }}>
          {adding ? (
            <AddInjectForm run={run} seconds={seconds} scene={scene} onDone={() => setAdding(false)} />
          ) : (
            <button
              type="button"
              className="button button--small"
              data-testid="inject-add-live"
              onClick={() => setAdding(true)}
            >
              {t('console.addInject')}
            </button>
          )}
        </div>
      )}
    </section>
  );
}
