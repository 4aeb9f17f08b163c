import './installations.css';
import { CircleMarker, Pane, Popup } from 'react-leaflet';
import { Link } from 'react-router';
import { useInstallations, useInstallationStates } from './api';
import { ALARM_STATE_COLORS } from './chart-thresholds';
import { gradeKey } from './grade';
import { useInstallationsT } from './i18n';
import { useAlarmsLive } from './use-alarms-live';

/**
 * Monitoring on the zone map, self-contained: every registered installation with a place, green
 * when quiet, amber with an alarm not closed, red with a high-high or low-low one; live.
 */
export function InstallationsLayer() {
  const { t } = useInstallationsT();
  useAlarmsLive();
  const installations = useInstallations();
  const states = useInstallationStates();
  const stateOf = new Map((states.data ?? []).map((s) => [s.installationId, s]));
  return (
    // Under the enterprise markers (600): an installation sits a few metres from its site's pin,
    // and at zone zoom its circle would otherwise cover the pin and take its clicks.
    <Pane name="installations" style={{ zIndex: 590 }}>
      {(installations.data?.items ?? []).flatMap((i) => {
        if (!i.location) return [];
        const state = stateOf.get(i.id);
        const level = state?.state ?? 'normal';
        return [
          <CircleMarker
            key={`${i.id}-${level}`}
            center={[i.location.lat, i.location.lng]}
            radius={i.assessment.grade ? 10 : 7}
            // Read when the path is made (a change of level makes a new marker, by its key).
            className={`installation-marker installation-marker--${level}`}
            pathOptions={{
              color: '#263238',
              weight: 2,
              fillColor: ALARM_STATE_COLORS[level],
              fillOpacity: 0.95,
            }}
          >
            <Popup>
              <strong>
                <Link to={`/installations/${i.id}`}>{i.name}</Link>
              </strong>
              <br />
              {i.enterpriseName}
              <br />
              {t('map.popupGrade', {
                grade: t(gradeKey(i.assessment.grade)),
                state: t(`alarmState.${level}`),
              })}
              {state && (
                <>
                  <br />
                  {t('map.openAlarms', { count: state.openAlarms })}
                </>
              )}
            </Popup>
          </CircleMarker>,
        ];
      })}
    </Pane>
  );
}
