import { useTranslation } from 'react-i18next';
import type { IncidentView } from '../../contracts';
import { LevelBadge, StatusBadge } from '../ui';
import { CommandActions } from './CommandActions';
import { PlanActivationPanel } from './PlanActivationPanel';

/**
 * Where the response stands (its level and step) and, for a commander, what moves it: the level
 * and lifecycle controls and the plans that apply, each with the level the incident calls for.
 */
export function ResponsePanel({ incident, canCommand }: { incident: IncidentView; canCommand: boolean }) {
  const { t } = useTranslation();
  return (
    <section
      className="room-panel response-panel"
      aria-labelledby="response-title"
      data-testid="response-panel"
    >
      <div className="room-panel__head">
        <h2 id="response-title" className="room-panel__title">
          {t('incidents.room.response')}
        </h2>
        <span className="response-panel__state">
          <LevelBadge level={incident.responseLevel} />
          <StatusBadge status={incident.status} />
        </span>
      </div>
      <div className="response-panel__body">
        {canCommand && <CommandActions incident={incident} />}
        {canCommand && incident.status !== 'closed' && <PlanActivationPanel incident={incident} />}
      </div>
    </section>
  );
}
