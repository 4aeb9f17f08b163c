import { HazardMapLayer } from '../../../hazards/HazardMapLayer';
import { useOpenHazardsGeoJson } from '../../../hazards/api';
import { HAZARD_COLORS } from '../../../hazards/map-features';
import { useCopT } from '../i18n';
import type { MapLayerDefinition } from '../layer-types';

function HazardsLegend() {
  const { t } = useCopT();
  const data = useOpenHazardsGeoJson(true);
  const count = data.data?.features.length;
  return (
    <ul className="cop-legend" data-testid="legend-hazards">
      <li>
        <span className="cop-dot" style={{ background: HAZARD_COLORS.major }} aria-hidden="true" />
        {t('legend.hazardMajor')}
      </li>
      <li>
        <span
          className="cop-dot cop-dot--small"
          style={{ background: HAZARD_COLORS.general }}
          aria-hidden="true"
        />
        {t('legend.hazardGeneral')}
      </li>
      <li>
        <span
          className="cop-dot cop-dot--overdue"
          style={{ background: HAZARD_COLORS.general }}
          aria-hidden="true"
        />
        {t('legend.hazardOverdue')}
      </li>
      <li>
        <span
          className="cop-dot cop-dot--listed"
          style={{ borderColor: HAZARD_COLORS.major }}
          aria-hidden="true"
        />
        {t('legend.hazardListed')}
      </li>
      {count !== undefined && <li className="cop-legend__count">{t('legend.hazardCount', { count })}</li>}
    </ul>
  );
}

export const hazardsLayer: MapLayerDefinition = {
  id: 'hazards',
  label: 'hazards.mapLayer',
  legend: HazardsLegend,
  // Off at first so the sites stay readable; one click shows the ledger's state.
  defaultOn: false,
  maps: ['zone', 'room'],
  component: HazardMapLayer,
};
