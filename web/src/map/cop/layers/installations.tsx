import { ZONE_ROLES } from '../../../contracts';
import { ALARM_STATE_COLORS } from '../../../installations/chart-thresholds';
import { useInstallationsT } from '../../../installations/i18n';
import { InstallationsLayer } from '../../../installations/InstallationsLayer';
import type { MapLayerDefinition } from '../layer-types';

function InstallationsLegend() {
  const { t } = useInstallationsT();
  return (
    <ul className="cop-legend" data-testid="legend-installations">
      {(['normal', 'warning', 'critical'] as const).map((level) => (
        <li key={level}>
          <span className="cop-dot" style={{ background: ALARM_STATE_COLORS[level] }} aria-hidden="true" />
          {t(`alarmState.${level}`)}
        </li>
      ))}
    </ul>
  );
}

export const installationsLayer: MapLayerDefinition = {
  id: 'installations',
  label: 'installations:map.toggle',
  legend: InstallationsLegend,
  defaultOn: true,
  maps: ['zone', 'room'],
  component: InstallationsLayer,
  roles: [...ZONE_ROLES, 'enterprise_officer'],
};
