import { useTranslation } from 'react-i18next';
import type { ResourceAlert } from '../contracts';

/** "Expiring" (within 30 days) or "Expired" flag; nothing for a resource in date. */
export function AlertBadge({ alert }: { alert: ResourceAlert }) {
  const { t } = useTranslation();
  if (alert === 'ok') return null;
  return (
    <span className={`alert-badge alert-badge--${alert}`} data-testid={`alert-${alert}`}>
      {t(`resources.alert.${alert}`)}
    </span>
  );
}
