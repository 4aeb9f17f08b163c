import { useConsequencesT } from '../../../consequences/i18n';
import { useConsequenceRuns } from '../../../consequences/queries';
import { rankColour, shownRuns } from '../../../consequences/threat-zones';
import { ThreatZonesLayer } from '../../../consequences/ThreatZonesLayer';
import type { MapLayerDefinition, MapLayerProps } from '../layer-types';

function RoomThreatZones({ scene }: MapLayerProps) {
  return scene.incident ? <ThreatZonesLayer incidentId={scene.incident.id} /> : null;
}

/** Each shown run's levels in their colours, for the layer panel and the printed sheet. */
function ThreatZonesLegend({ scene }: MapLayerProps) {
  const { t } = useConsequencesT();
  const runs = useConsequenceRuns(scene.incident?.id ?? '');
  const shown = scene.incident ? shownRuns(runs.data) : [];
  if (!shown.length) return <p className="cop-legend">{t('noRuns')}</p>;
  return (
    <ul className="cop-legend" data-testid="legend-threat-zones">
      {shown.flatMap((run) =>
        run.zones.map((zone) => (
          <li key={zone.id}>
            <span className="cop-dot" style={{ background: rankColour(zone.rank) }} aria-hidden="true" />
            {run.title} · {t(`level.${zone.level}` as never)}
          </li>
        )),
      )}
    </ul>
  );
}

export const threatZonesLayer: MapLayerDefinition = {
  id: 'threat-zones',
  label: 'consequences:legend.title',
  legend: ThreatZonesLegend,
  defaultOn: true,
  maps: ['room'],
  component: RoomThreatZones,
};
