import { useTranslation } from 'react-i18next';
import type { HazardLevel, HazardListedSupervision, HazardStatus } from '../contracts';

export function HazardLevelBadge({ level }: { level: HazardLevel }) {
  const { t } = useTranslation();
  return <span className={`hazard-badge hazard-badge--${level}`}>{t(`hazards.level.${level}`)}</span>;
}

export function HazardStatusBadge({ status, overdue }: { status: HazardStatus; overdue?: boolean }) {
  const { t } = useTranslation();
  return (
    <span className="hazard-status" data-testid="hazard-status" data-status={status}>
      <span className={`hazard-status__dot hazard-status__dot--${status}`} aria-hidden="true" />
      {t(`hazards.status.${status}`)}
      {overdue && <span className="hazard-badge hazard-badge--overdue">{t('hazards.overdue')}</span>}
    </span>
  );
}

/** 挂牌督办: the regulator's listed supervision, with its issuing body and deadline. */
export function SupervisionBadge({ listed }: { listed: HazardListedSupervision | null }) {
  const { t } = useTranslation();
  if (!listed) return null;
  return (
    <span
      className="hazard-badge hazard-badge--listed"
      data-testid="hazard-listed"
      title={t('hazards.listedBadge', { body: listed.body, deadline: listed.deadline })}
    >
      {t('hazards.listed')} · {listed.deadline}
    </span>
  );
}
