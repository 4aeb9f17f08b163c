import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '../config/config.js';
import { dayStage, daysLeft, horizon } from '../reminders/reminder-stages.js';
import { type OwedReminder, RecordReminderSource, ReminderSources } from '../reminders/reminder-sources.js';
import { RiskPointRepository } from './risk-point.repository.js';

/** A month to plan the reassessment, a week's last call. */
export const RISK_REASSESSMENT_DAYS = [30, 7] as const;

/**
 * A risk point's reassessment date: reminded 30 and 7 days before and once passed, to the
 * enterprise's officers (the zone's inspectors when it has none). A new assessment sets a new
 * date, which is a new deadline.
 */
@Injectable()
export class RiskReminders extends RecordReminderSource {
  readonly name = 'risk_point';

  constructor(
    private readonly points: RiskPointRepository,
    sources: ReminderSources,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {
    super(sources);
  }

  protected async compute(now: Date, id?: string): Promise<OwedReminder[]> {
    const tz = this.config.TZ;
    const rows = await this.points.reassessmentsDue(horizon(now, tz, RISK_REASSESSMENT_DAYS), id);
    const owed: OwedReminder[] = [];
    for (const r of rows) {
      const deadline = r.next_assessment_on;
      const stage = dayStage(deadline, now, tz, RISK_REASSESSMENT_DAYS);
      if (!stage) continue;
      owed.push({
        kind: stage === 'overdue' ? 'risk.reassessment_overdue' : 'risk.reassessment_due',
        stage,
        entity: 'risk_point',
        entityId: r.id,
        deadline,
        to: { roles: ['enterprise_officer'], enterpriseId: r.enterprise_id },
        fallback: { roles: ['inspector'] },
        params: {
          point: r.name,
          enterprise: r.enterprise_name,
          place: r.place,
          deadline,
          days: Math.max(0, daysLeft(deadline, now, tz)),
        },
      });
    }
    return owed;
  }
}
