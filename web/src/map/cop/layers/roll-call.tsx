import { useRollCallT } from '../../../rollcall/i18n';
import { RollCallMapLayer } from '../../../rollcall/RollCallMapLayer';
import type { MapLayerDefinition, MapLayerProps } from '../layer-types';

function RoomRollCall({ scene }: MapLayerProps) {
  if (!scene.incident) return null;
  return <RollCallMapLayer incidentId={scene.incident.id} events={scene.events ?? []} />;
}

function RollCallLegend() {
  const { t } = useRollCallT();
  return (
    <p className="cop-legend" data-testid="legend-roll-call">
      {t('map.legend')}
    </p>
  );
}

export const rollCallLayer: MapLayerDefinition = {
  id: 'roll-call',
  label: 'rollcall:map.layer',
  legend: RollCallLegend,
  defaultOn: true,
  maps: ['room'],
  component: RoomRollCall,
};
