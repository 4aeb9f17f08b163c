import { useTranslation } from 'react-i18next';
import type { IncidentView } from '../contracts';
import { useZoneTime } from './ui';

/**
 * 接警: who of the duty officers and commanders first acknowledged the duty page, and when; an
 * open real incident nobody has taken yet says so, as that is what the zone's command must see.
 */
export function TakenInCharge({
  incident,
  compact = false,
}: {
  incident: Pick<IncidentView, 'takenInChargeAt' | 'takenInChargeBy' | 'status' | 'isDrill'>;
  compact?: boolean;
}) {
  const { t } = useTranslation();
  const zoneTime = useZoneTime();
  if (incident.takenInChargeAt)
    return (
      <span className="taken-in-charge taken-in-charge--taken" data-testid="taken-in-charge">
        {compact
          ? t('incidents.takenInCharge.short', { name: incident.takenInChargeBy })
          : t('incidents.takenInCharge.by', {
              name: incident.takenInChargeBy,
              time: zoneTime(incident.takenInChargeAt),
            })}
      </span>
    );
  if (incident.status === 'closed' || incident.isDrill) return null;
  return (
    <span className="taken-in-charge taken-in-charge--waiting" data-testid="taken-in-charge">
      {t('incidents.takenInCharge.waiting')}
    </span>
  );
}
