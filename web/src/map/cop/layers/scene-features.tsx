import { useTranslation } from 'react-i18next';
import { SceneFeatures } from '../../../incidents/map/RoomMap';
import type { MapLayerDefinition, MapLayerProps } from '../layer-types';

const KINDS = ['hazard_zone', 'cordon', 'evacuation_route', 'command_post', 'assembly_point'] as const;

function SceneFeaturesLayer({ scene }: MapLayerProps) {
  return <SceneFeatures features={scene.features ?? []} onRemove={scene.onRemoveFeature} />;
}

function SceneFeaturesLegend() {
  const { t } = useTranslation();
  return (
    <ul className="cop-legend" data-testid="legend-scene-features">
      {KINDS.map((k) => (
        <li key={k}>
          <span className={`feature-legend__swatch feature-legend__swatch--${k}`} aria-hidden="true" />
          {t(`incidents.map.kinds.${k}`)}
        </li>
      ))}
    </ul>
  );
}

/** What the room has drawn: hazard zones, the cordon, routes, the command post, assembly points. */
export const sceneFeaturesLayer: MapLayerDefinition = {
  id: 'scene-features',
  label: 'cop:layers.sceneFeatures',
  legend: SceneFeaturesLegend,
  defaultOn: true,
  maps: ['room'],
  component: SceneFeaturesLayer,
};
