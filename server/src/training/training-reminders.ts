import { Inject, Injectable } from '@nestjs/common';
import {
  type EvaluationCategory,
  type TrainingRole,
  trainingIndustryOf,
  trainingStatus,
} from '@muster/contracts';
import { APP_CONFIG, type AppConfig } from '../config/config.js';
import { Db } from '../database/db.js';
import { dayStage, daysLeft } from '../reminders/reminder-stages.js';
import { type OwedReminder, RecordReminderSource, ReminderSources } from '../reminders/reminder-sources.js';
import { zoneDate } from '../zone/zone-time.js';

/** A month before the year ends leaves time for a class; a week before is the last call. */
export const TRAINING_YEAR_END_DAYS = [30, 7] as const;

/**
 * Each person still short of the year's hours, 30 and 7 days before the year ends: to the officers
 * of their enterprise (the zone's administrators for the zone's own people). Pre-job training is
 * due before the post is taken, not at the year's end, so it is not reminded here. Once the year
 * has ended the shortfall shows as overdue on the record; the next year is a new deadline.
 */
@Injectable()
export class TrainingReminders extends RecordReminderSource {
  readonly name = 'training';

  constructor(
    private readonly db: Db,
    sources: ReminderSources,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {
    super(sources);
  }

  protected async compute(now: Date, contactId?: string): Promise<OwedReminder[]> {
    const tz = this.config.TZ;
    const today = zoneDate(now, tz);
    const year = Number(today.slice(0, 4));
    const yearEnd = `${year}-12-31`;
    const stage = dayStage(yearEnd, now, tz, TRAINING_YEAR_END_DAYS, { overdue: false });
    if (!stage) return [];
    const rows: {
      contact_id: string;
      name: string;
      enterprise_id: string | null;
      enterprise_name: string | null;
      evaluation_category: EvaluationCategory | null;
      role: TrainingRole;
      started_on: string | null;
      hours: string;
    }[] = await this.db.manager.query(
      `SELECT p.contact_id, c.name, p.enterprise_id, e.name AS enterprise_name,
              e.evaluation_category, p.role, to_char(p.started_on, 'YYYY-MM-DD') AS started_on,
              coalesce((SELECT sum(a.hours) FROM training_attendance a
                          JOIN training_session s ON s.id = a.session_id
                         WHERE a.contact_id = p.contact_id
                           AND extract(year FROM s.starts_at AT TIME ZONE $2) = $1), 0) AS hours
         FROM training_profile p
         JOIN contact c ON c.id = p.contact_id
         LEFT JOIN enterprise e ON e.id = p.enterprise_id
        WHERE ($3::uuid IS NULL OR p.contact_id = $3::uuid)
        ORDER BY p.contact_id`,
      [year, tz, contactId ?? null],
    );
    const owed: OwedReminder[] = [];
    for (const r of rows) {
      const status = trainingStatus({
        role: r.role,
        industry: trainingIndustryOf(r.evaluation_category),
        startedOn: r.started_on,
        year,
        hours: Number(r.hours),
        today,
      });
      if (status.state !== 'short' || status.basis === 'pre_job') continue;
      owed.push({
        kind: 'training.hours_short',
        stage,
        entity: 'training_profile',
        entityId: r.contact_id,
        deadline: yearEnd,
        to: r.enterprise_id
          ? { roles: ['enterprise_officer'], enterpriseId: r.enterprise_id }
          : { roles: ['zone_admin'] },
        fallback: { roles: ['inspector'] },
        params: {
          name: r.name,
          organization: r.enterprise_name ?? '',
          hours: status.hours,
          required: status.required,
          shortBy: status.shortBy,
          deadline: yearEnd,
          days: Math.max(0, daysLeft(yearEnd, now, tz)),
        },
      });
    }
    return owed;
  }
}
