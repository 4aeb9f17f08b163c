import type { RollCallMetric } from '../contracts';
import { formatSpan } from '../drills/model';
import { useRollCallT } from './i18n';

/** A drill's roll calls in its measurement: time from opening to 100 % accounted, and the numbers. */
export function RollCallMetrics({
  rollCalls,
  tableClass,
}: {
  rollCalls: RollCallMetric[];
  tableClass: string;
}) {
  const { t } = useRollCallT();
  if (!rollCalls.length) return null;
  return (
    <>
      <h3 className="card__title">{t('metrics.title')}</h3>
      <table className={tableClass} data-testid="rollcall-metrics">
        <thead>
          <tr>
            <th scope="col">{t('metrics.opened')}</th>
            <th scope="col">{t('metrics.timeToAll')}</th>
            <th scope="col">{t('metrics.numbers')}</th>
            <th scope="col">{t('metrics.state')}</th>
          </tr>
        </thead>
        <tbody>
          {rollCalls.map((r) => (
            <tr key={r.rollCallId} data-testid="rollcall-metric">
              <td className="drill-num">
                {r.openedAtSeconds === null ? '—' : `T+${formatSpan(r.openedAtSeconds)}`}
              </td>
              <td className="drill-num" data-testid="rollcall-time-to-all">
                {r.secondsToAllAccounted === null
                  ? t('metrics.notReached')
                  : formatSpan(r.secondsToAllAccounted)}
              </td>
              <td>
                {t('metrics.line', { accounted: r.accounted, expected: r.expected, missing: r.missing })}
              </td>
              <td>{t(r.closed ? 'status.closed' : 'status.open')}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}
