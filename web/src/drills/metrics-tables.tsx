import { ModelRunsTable } from '../consequences/ModelRunsTable';
import type { RunMetrics } from '../contracts';
import { useRecordText } from '../incidents/timeline-text';
import { useDrillsT } from './i18n';
import { formatSpan, outcomeCounts } from './model';
import { OutcomeBadge } from './ui';
import { RollCallMetrics } from '../rollcall/RollCallMetrics';

/**
 * The measurement of a run as tables: outcome counts, expected actions against their targets,
 * objectives and responders. Live in the director console, and on A4 in the after-action report.
 */
export function MetricsTables({ metrics, print = false }: { metrics: RunMetrics; print?: boolean }) {
  const { t } = useDrillsT();
  // The answer's channel in the record words the board and the room log use (link, console…).
  const words = useRecordText();
  const counts = outcomeCounts(metrics.actions);
  const table = print ? 'print-table' : 'drill-small-table';
  return (
    <>
      <dl className="drill-metrics__summary" data-testid="metrics-summary">
        {(['met', 'late', 'missed', 'pending'] as const).map((o) => (
          <div key={o} data-outcome={o}>
            <dt>{t(`outcome.${o}`)}</dt>
            <dd data-testid={`metric-${o}`}>{counts[o]}</dd>
          </div>
        ))}
        <div>
          <dt>{t('metrics.acknowledged')}</dt>
          <dd data-testid="metric-acknowledged">
            {metrics.acknowledged}/{metrics.paged}
          </dd>
        </div>
        <div>
          <dt>{t('metrics.medianAck')}</dt>
          <dd>{formatSpan(metrics.medianAckSeconds)}</dd>
        </div>
      </dl>
      <RollCallMetrics rollCalls={metrics.rollCalls} tableClass={table} />
      <h3 className="card__title">{t('metrics.actions')}</h3>
      <table className={table}>
        <thead>
          <tr>
            <th scope="col">{t('action.description')}</th>
            <th scope="col">{t('action.target')}</th>
            <th scope="col">{t('metrics.achieved')}</th>
            <th scope="col">{t('metrics.outcome')}</th>
          </tr>
        </thead>
        <tbody>
          {metrics.actions.length === 0 && (
            <tr>
              <td colSpan={4}>{t('metrics.noActions')}</td>
            </tr>
          )}
          {metrics.actions.map((a) => (
            <tr key={`${a.injectId}:${a.actionId}`} data-testid="action-metric" data-outcome={a.outcome}>
              <td>{a.description}</td>
              <td className="drill-num">{formatSpan(a.targetSeconds)}</td>
              <td className="drill-num">{formatSpan(a.achievedAfterSeconds)}</td>
              <td>
                <OutcomeBadge outcome={a.outcome} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <h3 className="card__title">{t('metrics.objectives')}</h3>
      <table className={table}>
        <tbody>
          {metrics.objectives.length === 0 && (
            <tr>
              <td>{t('metrics.noObjectives')}</td>
            </tr>
          )}
          {metrics.objectives.map((o) => (
            <tr key={o.objectiveId} data-testid="objective-metric">
              <td>{o.text}</td>
              <td className="drill-num">
                {o.met}/{o.actions}
              </td>
              <td>
                <OutcomeBadge outcome={o.outcome} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <h3 className="card__title">{t('metrics.responders')}</h3>
      <table className={table}>
        <thead>
          <tr>
            <th scope="col">{t('metrics.responder')}</th>
            <th scope="col">{t('metrics.state')}</th>
            <th scope="col">{t('metrics.timeToRespond')}</th>
          </tr>
        </thead>
        <tbody>
          {metrics.responders.length === 0 && (
            <tr>
              <td colSpan={3}>{t('metrics.noResponders')}</td>
            </tr>
          )}
          {metrics.responders.map((r) => (
            <tr
              key={`${r.name}:${r.phone}`}
              data-testid={print ? 'report-responder' : 'responder-metric'}
              data-state={r.state}
            >
              <td>
                {r.name}
                <div className="cell-sub">{r.phone}</div>
              </td>
              <td>
                {t(`recipientState.${isRecipientState(r.state) ? r.state : 'other'}`)}
                {r.channel ? ` · ${words.word('calloutChannel', r.channel)}` : ''}
              </td>
              <td
                className="drill-num"
                data-testid={print ? 'report-response-time' : 'responder-time'}
                data-seconds={r.secondsToRespond ?? ''}
              >
                {formatSpan(r.secondsToRespond)}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <ModelRunsTable runs={metrics.modelRuns} className={table} formatSeconds={formatSpan} />
    </>
  );
}

const RECIPIENT_STATES = ['pending', 'notified', 'acknowledged', 'declined', 'exhausted'] as const;
function isRecipientState(s: string): s is (typeof RECIPIENT_STATES)[number] {
  return (RECIPIENT_STATES as readonly string[]).includes(s);
}
