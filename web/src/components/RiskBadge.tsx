import { useTranslation } from 'react-i18next';
import type { RiskClass } from '../contracts';

export function RiskBadge({ riskClass }: { riskClass: RiskClass }) {
  const { t } = useTranslation();
  return (
    <span className={`risk-badge risk-badge--${riskClass}`} data-risk-class={riskClass}>
      {t(`risk.${riskClass}`)}
    </span>
  );
}
