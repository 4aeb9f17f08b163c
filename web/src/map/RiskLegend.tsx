import { useTranslation } from 'react-i18next';
import { RISK_CLASSES, type RiskClass } from '../contracts';
import { RISK_COLORS } from './enterprise-features';

/**
 * The four-colour key with how many sites of each class are on the map; a site's class is its
 * worst risk point's grade, and zoomed in the points themselves are drawn in the same colours.
 */
export function RiskLegend({ counts }: { counts: Record<RiskClass, number> | null }) {
  const { t } = useTranslation();
  return (
    <section
      className="map-overlay risk-legend"
      aria-labelledby="risk-legend-title"
      data-testid="risk-legend"
    >
      <h2 id="risk-legend-title" className="map-overlay__title">
        {t('risk.legendTitle')}
      </h2>
      <ul className="risk-legend__items">
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
      <p className="risk-legend__note">{t('risk.legendNote')}</p>
    </section>
  );
}
