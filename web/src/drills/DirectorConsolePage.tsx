import { Link, useParams } from 'react-router';
import { ErrorNotice } from '../components/ErrorNotice';
import { Loading } from '../components/Loading';
import { ConsoleTop } from './director/ConsoleTop';
import { DrillRoom } from './director/DrillRoom';
import { InjectsPanel } from './director/InjectsPanel';
import { RosterPanel } from './director/RosterPanel';
import { useDrillsT } from './i18n';
import { useRun } from './run-hooks';
import { DrillWatermark } from './ui';

/**
 * The director's console of one drill run: the scenario clock on top, then the drill room once the
 * run has started (its incident), or the injects and the roster while it is only scheduled.
 */
export function DirectorConsolePage() {
  const { id = '' } = useParams();
  return <DirectorConsole key={id} runId={id} />;
}

function DirectorConsole({ runId }: { runId: string }) {
  const { t } = useDrillsT();
  const run = useRun(runId);
  if (run.isPending) return <Loading />;
  if (run.isError) {
    return (
      <div className="page">
        <ErrorNotice error={run.error} onRetry={() => void run.refetch()} />
        <Link to="/drills">{t('runs.back')}</Link>
      </div>
    );
  }
  return (
    <div className="drill-console" data-testid="drill-console" data-run-id={runId}>
      <DrillWatermark />
      <ConsoleTop run={run.data} receivedAt={run.dataUpdatedAt} />
      {run.data.incidentId ? (
        <DrillRoom run={run.data} incidentId={run.data.incidentId} receivedAt={run.dataUpdatedAt} />
      ) : (
        <div className="drill-console__grid">
          <div className="drill-console__column">
            <InjectsPanel run={run.data} receivedAt={run.dataUpdatedAt} />
          </div>
          <div className="drill-console__column">
            <RosterPanel run={run.data} />
          </div>
        </div>
      )}
    </div>
  );
}
