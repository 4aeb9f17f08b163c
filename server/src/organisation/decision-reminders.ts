import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '../config/config.js';
import { Db } from '../database/db.js';
import { dayStage, daysLeft, horizon } from '../reminders/reminder-stages.js';
import { type OwedReminder, RecordReminderSource, ReminderSources } from '../reminders/reminder-sources.js';

/** Three days leaves time to finish; the day before is the last call; then it is overdue. */
export const DECISION_DAYS = [3, 1] as const;

/**
 * Each open decision of the leading group by its deadline: to the group's office (the zone's
 * administrators) and the responsible person's account where they have one; once overdue the
 * responsible person is texted too. A moved deadline is reminded afresh; a decision reported done
 * is owed nothing more.
 */
@Injectable()
export class DecisionReminders extends RecordReminderSource {
  readonly name = 'decision';

  constructor(
    private readonly db: Db,
    sources: ReminderSources,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {
    super(sources);
  }

  protected async compute(now: Date, decisionId?: string): Promise<OwedReminder[]> {
    const tz = this.config.TZ;
    const rows: {
      id: string;
      item: string;
      department: string;
      deadline: string;
      meeting: string;
      name: string | null;
      phone: string | null;
      user_id: string | null;
    }[] = await this.db.manager.query(
      `SELECT d.id, d.item, d.department, to_char(d.deadline, 'YYYY-MM-DD') AS deadline,
              m.title AS meeting, c.name, c.phones[1] AS phone, c.user_id
         FROM leading_group_decision d
         JOIN leading_group_meeting m ON m.id = d.meeting_id
         LEFT JOIN contact c ON c.id = d.responsible_contact_id
        WHERE d.status IN ('assigned', 'in_progress') AND d.deadline <= $1
          AND ($2::uuid IS NULL OR d.id = $2::uuid)
        ORDER BY d.deadline, d.id`,
      [horizon(now, tz, DECISION_DAYS), decisionId ?? null],
    );
    const owed: OwedReminder[] = [];
    for (const r of rows) {
      const stage = dayStage(r.deadline, now, tz, DECISION_DAYS);
      if (!stage) continue;
      const overdue = stage === 'overdue';
      owed.push({
        kind: overdue ? 'organisation.decision_overdue' : 'organisation.decision_due',
        stage,
        entity: 'leading_group_decision',
        entityId: r.id,
        deadline: r.deadline,
        to: { roles: ['zone_admin'] },
        fallback: { roles: ['inspector'] },
        ...(r.user_id ? { alsoTo: { userIds: [r.user_id] } } : {}),
        contacts: overdue && r.phone && r.name ? [{ name: r.name, phone: r.phone }] : [],
        params: {
          item: r.item.length > 60 ? `${r.item.slice(0, 59)}…` : r.item,
          meeting: r.meeting,
          responsible: r.name ? `${r.department} ${r.name}` : r.department,
          deadline: r.deadline,
          days: Math.max(0, daysLeft(r.deadline, now, tz)),
        },
      });
    }
    return owed;
  }
}
