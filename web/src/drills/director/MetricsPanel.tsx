import { ErrorNotice } from '../../components/ErrorNotice';
import { Loading } from '../../components/Loading';
import { useDrillsT } from '../i18n';
import { MetricsTables } from '../metrics-tables';
import { useMetrics } from '../run-hooks';

/** Live measurement: expected actions against their targets, objectives, responders' times. */
export function MetricsPanel({ runId }: { runId: string }) {
  const { t } = useDrillsT();
  const metrics = useMetrics(runId);
  return (
    <section className="room-panel" aria-labelledby="drill-metrics-title" data-testid="drill-metrics">
      <h2 id="drill-metrics-title" className="room-panel__title">
        {t('metrics.title')}
      </h2>
      {metrics.isPending && <Loading />}
      {metrics.isError && (
        <ErrorNotice error={metrics.error} compact onRetry={() => void metrics.refetch()} />
      )}
      {metrics.data && <MetricsTables metrics={metrics.data} />}
    </section>
  );
}
