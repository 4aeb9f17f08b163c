import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '../config/config.js';
import { Db } from '../database/db.js';
import { dayStage, daysLeft } from '../reminders/reminder-stages.js';
import { type OwedReminder, RecordReminderSource, ReminderSources } from '../reminders/reminder-sources.js';
import { addDays, zoneDate } from '../zone/zone-time.js';

/** Three days before the objection period ends, and its last day. */
export const OBJECTION_DAYS = [3, 1] as const;

/**
 * Objections still without a reply near the end of their scheme's objection period: to the
 * zone's administrators, who answer them, 3 days and 1 day before the period ends and once it
 * has ended. A reply ends the reminders.
 */
@Injectable()
export class ObjectionReminders extends RecordReminderSource {
  readonly name = 'assessment-objection';

  constructor(
    private readonly db: Db,
    sources: ReminderSources,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {
    super(sources);
  }

  protected async compute(now: Date, objectionId?: string): Promise<OwedReminder[]> {
    const tz = this.config.TZ;
    const rows: {
      id: string;
      text: string;
      enterprise_name: string;
      year: number;
      published_on: string;
      objection_days: number;
    }[] = await this.db.manager.query(
      `SELECT o.id, o.text, sh.enterprise_name, s.year, s.objection_days,
              to_char(s.published_at AT TIME ZONE $1, 'YYYY-MM-DD') AS published_on
         FROM assessment_objection o
         JOIN assessment_sheet sh ON sh.id = o.sheet_id
         JOIN assessment_scheme s ON s.id = sh.scheme_id
        WHERE o.reply IS NULL AND s.status = 'published'
          AND ($2::uuid IS NULL OR o.id = $2::uuid)
        ORDER BY o.id`,
      [tz, objectionId ?? null],
    );
    const today = zoneDate(now, tz);
    const owed: OwedReminder[] = [];
    for (const r of rows) {
      const until = addDays(r.published_on, r.objection_days);
      // Reminded up to a month past the period: older ones are the ledger's to chase, not a daily page.
      if (today > addDays(until, 30)) continue;
      const stage = dayStage(until, now, tz, OBJECTION_DAYS);
      if (!stage) continue;
      owed.push({
        kind: 'assessment.objection_unanswered',
        stage,
        entity: 'assessment_objection',
        entityId: r.id,
        deadline: until,
        to: { roles: ['zone_admin'] },
        params: {
          enterprise: r.enterprise_name,
          year: r.year,
          deadline: until,
          days: Math.max(0, daysLeft(until, now, tz)),
          text: r.text,
        },
      });
    }
    return owed;
  }
}
