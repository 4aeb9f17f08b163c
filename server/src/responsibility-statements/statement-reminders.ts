import { Inject, Injectable } from '@nestjs/common';
import { STATEMENT_SIGN_DAYS } from '@muster/contracts';
import { APP_CONFIG, type AppConfig } from '../config/config.js';
import { Db } from '../database/db.js';
import { type OwedReminder, RecordReminderSource, ReminderSources } from '../reminders/reminder-sources.js';
import { addDays, zoneDate } from '../zone/zone-time.js';

/**
 * A holder who has not signed the statement in force of their post within STATEMENT_SIGN_DAYS of
 * its publication (or of taking the post, if later) is reminded once, with their link, and the
 * enterprise's officers hear of it. A new version, or taking the post again, is a new deadline.
 */
@Injectable()
export class StatementReminders extends RecordReminderSource {
  readonly name = 'responsibility-statement';

  constructor(
    private readonly db: Db,
    sources: ReminderSources,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {
    super(sources);
  }

  /** `id`: a post assignment. */
  protected async compute(now: Date, id?: string): Promise<OwedReminder[]> {
    const tz = this.config.TZ;
    const today = zoneDate(now, tz);
    const rows: {
      assignment_id: string;
      sign_token: string;
      enterprise_id: string;
      enterprise_name: string;
      unit: string;
      post: string;
      name: string;
      phone: string | null;
      user_id: string | null;
      version: number;
      since: Date;
    }[] = await this.db.manager.query(
      `SELECT a.id AS assignment_id, a.sign_token, a.enterprise_id, e.name AS enterprise_name,
              p.unit, p.name AS post, c.name, c.phones[1] AS phone, c.user_id, v.version,
              greatest(v.published_at, a.assigned_at) AS since
         FROM post_assignment a
         JOIN responsibility_post p ON p.id = a.post_id AND p.in_list
         JOIN contact c ON c.id = a.contact_id
         JOIN enterprise e ON e.id = a.enterprise_id
         JOIN LATERAL (SELECT id, version, published_at FROM statement_version
                        WHERE post_id = p.id ORDER BY version DESC LIMIT 1) v ON true
        WHERE ($1::uuid IS NULL OR a.id = $1::uuid)
          AND NOT EXISTS (SELECT 1 FROM statement_signature s
                           WHERE s.version_id = v.id AND s.contact_id = a.contact_id)
        ORDER BY a.id`,
      [id ?? null],
    );
    const owed: OwedReminder[] = [];
    for (const r of rows) {
      const deadline = addDays(zoneDate(new Date(r.since), tz), STATEMENT_SIGN_DAYS);
      if (today <= deadline) continue;
      owed.push({
        kind: 'responsibility_statement.unsigned',
        stage: 'overdue',
        entity: 'post_assignment',
        entityId: r.assignment_id,
        deadline,
        to: { roles: ['enterprise_officer'], enterpriseId: r.enterprise_id },
        ...(r.user_id ? { alsoTo: { userIds: [r.user_id] } } : {}),
        fallback: { roles: ['inspector'] },
        contacts: r.phone ? [{ name: r.name, phone: r.phone }] : [],
        params: {
          name: r.name,
          enterprise: r.enterprise_name,
          unit: r.unit,
          post: r.post,
          version: r.version,
          deadline,
          link: `${this.config.PUBLIC_URL}/statements/sign/${r.sign_token}`,
        },
      });
    }
    return owed;
  }
}
