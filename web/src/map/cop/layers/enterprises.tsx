import { useEffect, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useAllEnterprises } from '../../../api/queries';
import { RISK_CLASSES } from '../../../contracts';
import { countByRiskClass, RISK_COLORS } from '../../enterprise-features';
import { EnterpriseSitesLayer } from '../../layers/EnterpriseSitesLayer';
import { SITE_ZOOM } from '../../map-view';
import { useCopT } from '../i18n';
import type { MapLayerDefinition, MapLayerProps, MapSearchProps } from '../layer-types';
import { bestScore } from '../search';

function EnterprisesLayer({ scene }: MapLayerProps) {
  const sites = useAllEnterprises();
  if (!sites.data) return null;
  return <EnterpriseSitesLayer enterprises={sites.data.items} focusId={scene.focusEnterpriseId} />;
}

/** The four-colour key with how many sites of each class are on the map. */
function EnterprisesLegend() {
  const { t } = useTranslation();
  const sites = useAllEnterprises();
  const items = sites.data?.items;
  const counts = useMemo(() => (items ? countByRiskClass(items) : null), [items]);
  return (
    <ul
      className="cop-legend risk-legend__items"
      data-testid="risk-legend"
      aria-label={t('risk.legendTitle')}
    >
      {RISK_CLASSES.map((riskClass) => (
        <li key={riskClass} className="risk-legend__item">
          <span
            className="risk-legend__swatch"
            style={{ background: RISK_COLORS[riskClass].fill, borderColor: RISK_COLORS[riskClass].stroke }}
            aria-hidden="true"
          />
          <span className="risk-legend__label">{t(`risk.${riskClass}`)}</span>
          {counts && <span className="risk-legend__count">{counts[riskClass]}</span>}
        </li>
      ))}
    </ul>
  );
}

function EnterpriseSearch({ query, onResults }: MapSearchProps) {
  const { t } = useCopT();
  const sites = useAllEnterprises();
  const items = sites.data?.items;
  const kind = t('search.kinds.enterprise');
  useEffect(() => {
    onResults(
      (items ?? [])
        .filter((e) => e.location)
        .map((e) => ({
          key: `enterprise:${e.id}`,
          kind,
          title: e.name,
          detail: e.address,
          position: [e.location.lat, e.location.lng] as [number, number],
          zoom: SITE_ZOOM + 1,
          score: bestScore(query, [e.name, e.address, e.industry]),
        }))
        .filter((r) => r.score > 0),
    );
  }, [items, query, kind, onResults]);
  return null;
}

export const enterprisesLayer: MapLayerDefinition = {
  id: 'enterprises',
  label: 'cop:layers.enterprises',
  legend: EnterprisesLegend,
  defaultOn: true,
  maps: ['zone', 'room'],
  component: EnterprisesLayer,
  search: EnterpriseSearch,
};
