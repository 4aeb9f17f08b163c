import { RiskBadge } from '../components/RiskBadge';
import type { RiskClass } from '../contracts';
import { useRisksT } from './i18n';

/** A risk point's grade in its colour, or "not assessed". */
export function GradeBadge({ grade }: { grade: RiskClass | null }) {
  const { t } = useRisksT();
  if (!grade) return <span className="risk-badge risk-badge--none">{t('unassessed')}</span>;
  return <RiskBadge riskClass={grade} />;
}
