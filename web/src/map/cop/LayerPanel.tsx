import { useTranslation } from 'react-i18next';
import type { BasemapChoice } from './basemaps';
import { useCopT } from './i18n';
import type { MapLayerDefinition, MapScene } from './layer-types';

/**
 * The layer control: a switch per layer with its legend under it while it is on, and the
 * basemap choice. One control for every map; what it lists comes from the registry.
 */
export function LayerPanel({
  id,
  layers,
  active,
  onToggle,
  scene,
  basemaps,
  basemap,
  onBasemap,
}: {
  id: string;
  layers: readonly MapLayerDefinition[];
  active: ReadonlySet<string>;
  onToggle: (id: string, on: boolean) => void;
  scene: MapScene;
  basemaps: readonly BasemapChoice[];
  basemap: string;
  onBasemap: (id: string) => void;
}) {
  const { t } = useCopT();
  const { t: tr } = useTranslation();
  return (
    <section id={id} className="cop-panel" aria-label={t('layers.title')} data-testid="layer-panel">
      <h2 className="cop-panel__title">{t('layers.title')}</h2>
      <ul className="cop-panel__layers">
        {layers.map((layer) => {
          const on = active.has(layer.id);
          const Legend = layer.legend;
          return (
            <li key={layer.id} className={`cop-layer${on ? ' cop-layer--on' : ''}`} data-layer={layer.id}>
              <label className="cop-layer__toggle">
                <input
                  type="checkbox"
                  checked={on}
                  onChange={(e) => onToggle(layer.id, e.target.checked)}
                  data-testid={`layer-toggle-${layer.id}`}
                />
                {tr(layer.label as never)}
              </label>
              {on && (
                <div className="cop-layer__legend" data-testid={`layer-legend-${layer.id}`}>
                  <Legend scene={scene} />
                </div>
              )}
            </li>
          );
        })}
      </ul>
      {basemaps.length > 1 && (
        <fieldset className="cop-panel__basemaps">
          <legend className="cop-panel__title">{t('basemap.title')}</legend>
          {basemaps.map((b) => (
            <label key={b.id} className="cop-layer__toggle">
              <input
                type="radio"
                name={`${id}-basemap`}
                checked={basemap === b.id}
                onChange={() => onBasemap(b.id)}
                data-testid={`basemap-${b.id}`}
              />
              {'host' in b ? t('basemap.tiles', { host: b.host }) : t('basemap.offline')}
            </label>
          ))}
        </fieldset>
      )}
    </section>
  );
}
