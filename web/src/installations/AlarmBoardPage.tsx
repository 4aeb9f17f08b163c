import './installations.css';
import { useSession } from '../auth/session-hooks';
import { ErrorNotice } from '../components/ErrorNotice';
import { Loading } from '../components/Loading';
import { PageHeader } from '../components/PageHeader';
import { useAlarms, useAlarmStatistics } from './api';
import { AlarmTable } from './AlarmTable';
import { useInstallationsT } from './i18n';
import { useAlarmsLive } from './use-alarms-live';

/** The zone's alarm board: alarms not closed first, live; and the counts per enterprise. */
export function AlarmBoardPage() {
  const { t } = useInstallationsT();
  const session = useSession();
  const status = useAlarmsLive();
  const alarms = useAlarms({});
  const stats = useAlarmStatistics();
  const canHandle = session?.user.role !== 'evaluator';
  return (
    <div className="page alarm-board">
      <PageHeader
        title={t('alarms.title')}
        actions={
          <span
            className={`live-badge live-badge--${status === 'connected' ? 'on' : 'off'}`}
            data-testid="live-status"
          >
            {status === 'connected' ? t('alarms.live.connected') : t('alarms.live.other')}
          </span>
        }
      >
        {t('alarms.subtitle')}
      </PageHeader>
      {alarms.isPending && <Loading />}
      {alarms.isError && <ErrorNotice error={alarms.error} onRetry={() => void alarms.refetch()} />}
      {alarms.data && <AlarmTable alarms={alarms.data.items} canHandle={canHandle} />}

      <h2 className="section-title">{t('stats.title')}</h2>
      {stats.data && (
        <table className="table" data-testid="alarm-stats">
          <thead>
            <tr>
              <th>{t('stats.enterprise')}</th>
              <th>{t('stats.total')}</th>
              <th>{t('stats.open')}</th>
              <th>{t('stats.acknowledged')}</th>
              <th>{t('stats.meanAck')}</th>
              <th>{t('stats.maxAck')}</th>
            </tr>
          </thead>
          <tbody>
            {stats.data.map((r) => (
              <tr key={r.enterpriseId}>
                <td>{r.enterpriseName}</td>
                <td>{r.total}</td>
                <td>{r.open}</td>
                <td>{r.acknowledged}</td>
                <td>
                  {r.meanSecondsToAcknowledge === null
                    ? t('stats.none')
                    : t('stats.seconds', { value: Math.round(r.meanSecondsToAcknowledge) })}
                </td>
                <td>
                  {r.maxSecondsToAcknowledge === null
                    ? t('stats.none')
                    : t('stats.seconds', { value: Math.round(r.maxSecondsToAcknowledge) })}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}
