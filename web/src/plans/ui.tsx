import type { PlanVersionStatus } from '../contracts';
import { usePlansT } from './i18n';

export function PlanStatusBadge({ status }: { status: PlanVersionStatus }) {
  const { t } = usePlansT();
  return <span className={`plan-status plan-status--${status}`}>{t(`status.${status}`)}</span>;
}

/** Seconds as the commander reads them: "5 分钟", "90 秒". */
export function useDuration(): (seconds: number) => string {
  const { t } = usePlansT();
  return (s) => (s % 60 === 0 ? t('minutes', { count: s / 60 }) : t('seconds', { count: s }));
}
