import { useTranslation } from 'react-i18next';
import type { PlanVersionStatus } from '../contracts';

export function PlanStatusBadge({ status }: { status: PlanVersionStatus }) {
  const { t } = useTranslation();
  return <span className={`plan-status plan-status--${status}`}>{t(`plans.status.${status}`)}</span>;
}

/** Seconds as the commander reads them: "5 分钟", "90 秒". */
export function useDuration(): (seconds: number) => string {
  const { t } = useTranslation();
  return (s) => (s % 60 === 0 ? t('plans.minutes', { count: s / 60 }) : t('plans.seconds', { count: s }));
}
