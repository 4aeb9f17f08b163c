import { useTranslation } from 'react-i18next';
import type { RiskClass, RiskClassSource } from '../contracts';

/**
 * A risk grade in its colour. With `source`, an enterprise's class says where it comes from: its
 * worst assessed risk point, or the class recorded before any point was assessed.
 */
export function RiskBadge({ riskClass, source }: { riskClass: RiskClass; source?: RiskClassSource }) {
  const { t } = useTranslation();
  const note =
    source === 'risk_points' ? t('risk.derived') : source === 'recorded' ? t('risk.recorded') : undefined;
  return (
    <span
      className={`risk-badge risk-badge--${riskClass}${source === 'recorded' ? ' risk-badge--recorded' : ''}`}
      data-risk-class={riskClass}
      data-risk-source={source}
      title={note}
    >
      {t(`risk.${riskClass}`)}
      {note && <span className="visually-hidden"> ({note})</span>}
    </span>
  );
}
