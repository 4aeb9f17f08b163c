import { useTranslation } from 'react-i18next';
import type { IncidentView } from '../../contracts';
import { ReportingCountdown, useZoneTime } from '../ui';

/** The report as filed and as it stands: every fact of it, for when the header's few are not enough. */
export function IncidentDetails({ incident }: { incident: IncidentView }) {
  const { t } = useTranslation();
  const zoneTime = useZoneTime();
  const c = incident.casualties;
  return (
    <section
      className="room-panel incident-details"
      aria-labelledby="incident-details-title"
      data-testid="incident-details"
    >
      <h2 id="incident-details-title" className="room-panel__title">
        {t('incidents.room.details')}
      </h2>
      <dl className="incident-details__facts">
        <div>
          <dt>{t('incidents.field.enterprise')}</dt>
          <dd>{incident.enterpriseName ?? t('incidents.field.noEnterprise')}</dd>
        </div>
        <div>
          <dt>{t('incidents.category.label')}</dt>
          <dd>{t(`incidents.category.${incident.category}`)}</dd>
        </div>
        <div>
          <dt>{t('incidents.field.occurredAt')}</dt>
          <dd>{zoneTime(incident.occurredAt)}</dd>
        </div>
        <div>
          <dt>{t('incidents.field.deadline')}</dt>
          <dd>
            <ReportingCountdown
              deadline={incident.clock.deadline}
              duty={incident.clock.duty}
              closed={incident.status === 'closed'}
            />
          </dd>
        </div>
        <div>
          <dt>{t('incidents.reports.supplementary')}</dt>
          <dd>
            {t('incidents.clock.supplementaryUntil', { time: zoneTime(incident.clock.supplementaryUntil) })}
          </dd>
        </div>
        <div>
          <dt>{t('incidents.room.figures')}</dt>
          <dd>
            {t('incidents.room.figuresLine', {
              deaths: c.deaths,
              missing: c.missing,
              serious: c.seriousInjuries,
              minor: c.minorInjuries,
            })}
            {' · '}
            {t('incidents.room.loss', { amount: incident.directLossCny.toLocaleString('zh-CN') })}
          </dd>
        </div>
        <div>
          <dt>{t('incidents.field.address')}</dt>
          <dd>
            {incident.address}
            {incident.outsideZone && <span className="late-flag">{t('incidents.outsideZone')}</span>}
          </dd>
        </div>
        <div>
          <dt>{t('incidents.field.reporter')}</dt>
          <dd>
            {t('incidents.room.reportedBy', { name: incident.reporter.name, phone: incident.reporter.phone })}
          </dd>
        </div>
        {incident.summary && (
          <div className="incident-details__wide">
            <dt>{t('incidents.field.summary')}</dt>
            <dd className="incident-details__text">{incident.summary}</dd>
          </div>
        )}
        {incident.measuresTaken && (
          <div className="incident-details__wide">
            <dt>{t('incidents.field.measuresTaken')}</dt>
            <dd className="incident-details__text">{incident.measuresTaken}</dd>
          </div>
        )}
      </dl>
    </section>
  );
}
