import { useTranslation } from 'react-i18next';
import { RiskPointsLayer } from '../../../risks/RiskPointsLayer';
import type { MapLayerDefinition } from '../layer-types';

function RiskPointsLegend() {
  const { t } = useTranslation();
  return (
    <p className="cop-legend risk-legend__note" data-testid="legend-risk-points">
      {t('risk.legendNote')}
    </p>
  );
}

export const riskPointsLayer: MapLayerDefinition = {
  id: 'risk-points',
  label: 'risks:mapLayer',
  legend: RiskPointsLegend,
  // It draws nothing until the map is zoomed in on a site, so it can be on from the start.
  defaultOn: true,
  maps: ['zone'],
  component: RiskPointsLayer,
};
