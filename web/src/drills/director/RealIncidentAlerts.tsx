import { useState } from 'react';
import { Link } from 'react-router';
import { SEVERITIES, type RoomEventView, type Severity } from '../../contracts';
import { SeverityBadge } from '../../incidents/ui';
import { useDrillsT } from '../i18n';

/** A real incident filed while the drill runs, put in front of the director until acknowledged. */
export function RealIncidentAlerts({ events }: { events: readonly RoomEventView[] }) {
  const { t } = useDrillsT();
  const [dismissed, setDismissed] = useState<number[]>([]);
  const alerts = events.filter((e) => e.type === 'drill.real_incident' && !dismissed.includes(e.seq));
  return (
    <>
      {alerts.map((e) => {
        const p = e.payload as {
          incidentId?: string;
          title?: string;
          severity?: string;
          enterpriseName?: string;
        };
        return (
          <div key={e.seq} className="drill-alert" role="alert" data-testid="real-incident-alert">
            <span>
              {t('console.realIncident', {
                title: p.title ?? '',
                enterprise: p.enterpriseName ?? t('zone'),
              })}{' '}
              {p.severity && isSeverity(p.severity) && <SeverityBadge severity={p.severity} />}
            </span>{' '}
            {p.incidentId && (
              <Link className="button button--small" to={`/incidents/${p.incidentId}`} target="_blank">
                {t('console.openRealIncident')}
              </Link>
            )}{' '}
            <button
              type="button"
              className="button button--small"
              onClick={() => setDismissed([...dismissed, e.seq])}
            >
              {t('console.acknowledge')}
            </button>
          </div>
        );
      })}
    </>
  );
}

function isSeverity(v: string): v is Severity {
  return (SEVERITIES as readonly string[]).includes(v);
}
