import { useState } from 'react';
import { Link } from 'react-router';
import { useSession } from '../auth/session-hooks';
import { ErrorNotice } from '../components/ErrorNotice';
import type { AlarmView } from '../contracts';
import { useZoneTime } from '../incidents/ui';
import { type AlarmStep, useAlarmStep } from './api';
import { useInstallationsT } from './i18n';

/** Those who record hazards in the ledger may open one from an alarm. */
const HAZARD_RECORDERS = new Set(['zone_admin', 'inspector', 'enterprise_officer']);

/**
 * Alarms with their handling: acknowledge, dispose (what was done), close — each in its turn —
 * and the hazard opened from the alarm in the enterprise's ledger.
 */
export function AlarmTable({ alarms, canHandle }: { alarms: AlarmView[]; canHandle: boolean }) {
  const { t } = useInstallationsT();
  const session = useSession();
  const canOpenHazard = HAZARD_RECORDERS.has(session?.user.role ?? '');
  if (!alarms.length) return <p className="muted">{t('alarms.empty')}</p>;
  return (
    <table className="table alarm-table" data-testid="alarm-table">
      <thead>
        <tr>
          <th>{t('alarms.when')}</th>
          <th>{t('alarms.level')}</th>
          <th>{t('alarms.point')}</th>
          <th>{t('alarms.installation')}</th>
          <th>{t('alarms.value')}</th>
          <th>{t('alarms.status')}</th>
        </tr>
      </thead>
      <tbody>
        {alarms.map((a) => (
          <AlarmRow key={a.id} alarm={a} canHandle={canHandle} canOpenHazard={canOpenHazard} />
        ))}
      </tbody>
    </table>
  );
}

function AlarmRow({
  alarm: a,
  canHandle,
  canOpenHazard,
}: {
  alarm: AlarmView;
  canHandle: boolean;
  canOpenHazard: boolean;
}) {
  const { t } = useInstallationsT();
  const time = useZoneTime();
  const step = useAlarmStep();
  const [disposal, setDisposal] = useState('');
  const run = (s: AlarmStep) => step.mutate({ id: a.id, step: s, disposal });
  const severe = a.level === 'high_high' || a.level === 'low_low';
  return (
    <tr
      className={`alarm-row alarm-row--${a.status}`}
      data-testid={`alarm-${a.pointCode}`}
      data-status={a.status}
    >
      <td>{time(a.raisedAt)}</td>
      <td>
        <span className={`alarm-level ${severe ? 'alarm-level--severe' : 'alarm-level--warning'}`}>
          {t(`level.${a.level}`)}
        </span>
      </td>
      <td>
        <strong>{a.pointCode}</strong> {a.pointName}
      </td>
      <td>
        <Link to={`/installations/${a.installationId}`}>{a.installationName}</Link>
        <div className="muted">{a.enterpriseName}</div>
      </td>
      <td>
        {a.peakValue} / {a.limit} {a.unit}
        <div className={a.clearedAt ? 'muted' : 'alarm-active'}>
          {a.clearedAt ? t('alarms.cleared', { time: time(a.clearedAt) }) : t('alarms.active')}
        </div>
      </td>
      <td>
        <div className="alarm-status">{t(`status.${a.status}`)}</div>
        {a.acknowledgedBy && (
          <div className="muted">
            {t('alarms.acknowledgedBy', { who: a.acknowledgedBy, time: time(a.acknowledgedAt) })}
          </div>
        )}
        {a.disposal && (
          <div className="muted">{t('alarms.disposedBy', { who: a.disposedBy ?? '', what: a.disposal })}</div>
        )}
        {a.incidentId && (
          <div>
            <Link to={`/incidents/${a.incidentId}`}>{t('alarms.incident')}</Link>
          </div>
        )}
        {a.hazardId && (
          <div>
            <Link to={`/hazards/${a.hazardId}`}>{t('alarms.hazard')}</Link>
          </div>
        )}
        {canOpenHazard && !a.hazardId && (
          <button
            type="button"
            className="button button--small"
            disabled={step.isPending}
            onClick={() => run('hazard')}
          >
            {t('alarms.openHazard')}
          </button>
        )}
        {canHandle && a.status === 'open' && (
          <button
            type="button"
            className="button button--small button--primary"
            disabled={step.isPending}
            onClick={() => run('acknowledge')}
          >
            {t('alarms.acknowledge')}
          </button>
        )}
        {canHandle && a.status === 'acknowledged' && (
          <form
            className="alarm-dispose"
            onSubmit={(e) => {
              e.preventDefault();
              run('dispose');
            }}
          >
            <label>
              <span className="visually-hidden">{t('alarms.disposal')}</span>
              <input
                value={disposal}
                onChange={(e) => setDisposal(e.target.value)}
                placeholder={t('alarms.disposalPlaceholder')}
                minLength={2}
                required
              />
            </label>
            <button type="submit" className="button button--small" disabled={step.isPending}>
              {t('alarms.dispose')}
            </button>
          </form>
        )}
        {canHandle && a.status === 'disposed' && a.clearedAt && (
          <button
            type="button"
            className="button button--small"
            disabled={step.isPending}
            onClick={() => run('close')}
          >
            {t('alarms.close')}
          </button>
        )}
        {step.isError && <ErrorNotice error={step.error} compact />}
      </td>
    </tr>
  );
}
