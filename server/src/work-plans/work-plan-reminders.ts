import { Inject, Injectable } from '@nestjs/common';
import { QUARTERS, quarterDueOn, quarterOwed } from '@muster/contracts';
import { APP_CONFIG, type AppConfig } from '../config/config.js';
import { Db } from '../database/db.js';
import { dayStage, daysLeft } from '../reminders/reminder-stages.js';
import { type OwedReminder, RecordReminderSource, ReminderSources } from '../reminders/reminder-sources.js';
import { zoneDate } from '../zone/zone-time.js';

/** A week leaves time to write and sign the plan off; the day before is the last call. */
export const WORK_PLAN_REMINDER_DAYS = [7, 1] as const;

/**
 * Two deadlines of the implementation plans, to the officers of each enterprise (the zone's
 * inspectors when it has none): the template's submission deadline, for every enterprise that has
 * not submitted its plan yet (none started, or a draft), 7 and 1 days before and once overdue;
 * and each quarter's progress report of an approved plan, by its due day, the same stages. A
 * returned plan was submitted: its revision is between the enterprise and its reviewer. Only this
 * year's and last year's are reminded (last year's fourth quarter is due in January).
 */
@Injectable()
export class WorkPlanReminders extends RecordReminderSource {
  readonly name = 'work_plan';

  constructor(
    private readonly db: Db,
    sources: ReminderSources,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {
    super(sources);
  }

  protected async compute(now: Date, id?: string): Promise<OwedReminder[]> {
    const tz = this.config.TZ;
    const year = Number(zoneDate(now, tz).slice(0, 4));
    return [...(await this.submissions(now, year - 1, id)), ...(await this.progress(now, year - 1, id))];
  }

  /** Keyed by the enterprise: it owes the plan before any plan record of its exists. */
  private async submissions(now: Date, fromYear: number, enterpriseId?: string): Promise<OwedReminder[]> {
    const tz = this.config.TZ;
    const rows: { enterprise_id: string; enterprise: string; year: number; deadline: string }[] =
      await this.db.manager.query(
        `SELECT e.id AS enterprise_id, e.name AS enterprise, t.year,
                to_char(t.submission_deadline, 'YYYY-MM-DD') AS deadline
           FROM work_plan_template t
           CROSS JOIN enterprise e
           LEFT JOIN work_plan p ON p.enterprise_id = e.id AND p.year = t.year
          WHERE t.status = 'published' AND t.year >= $1
            AND (p.id IS NULL OR p.versions = 0)
            AND ($2::uuid IS NULL OR e.id = $2::uuid)
          ORDER BY t.year, e.id`,
        [fromYear, enterpriseId ?? null],
      );
    return rows.flatMap((r) => {
      const stage = dayStage(r.deadline, now, tz, WORK_PLAN_REMINDER_DAYS);
      if (!stage) return [];
      return [
        {
          kind: stage === 'overdue' ? 'work_plan.submission_overdue' : 'work_plan.submission_due',
          stage,
          entity: 'enterprise',
          entityId: r.enterprise_id,
          deadline: r.deadline,
          to: { roles: ['enterprise_officer'], enterpriseId: r.enterprise_id },
          fallback: { roles: ['inspector'] },
          params: {
            enterprise: r.enterprise,
            year: r.year,
            deadline: r.deadline,
            days: Math.max(0, daysLeft(r.deadline, now, tz)),
          },
        } satisfies OwedReminder,
      ];
    });
  }

  private async progress(now: Date, fromYear: number, planId?: string): Promise<OwedReminder[]> {
    const tz = this.config.TZ;
    const rows: {
      id: string;
      enterprise_id: string;
      enterprise: string;
      year: number;
      approved_on: string;
      quarters: number[];
    }[] = await this.db.manager.query(
      `SELECT p.id, p.enterprise_id, e.name AS enterprise, p.year,
              to_char(p.approved_at AT TIME ZONE $2, 'YYYY-MM-DD') AS approved_on,
              coalesce((SELECT array_agg(r.quarter::int) FROM work_plan_report r WHERE r.plan_id = p.id), '{}') AS quarters
         FROM work_plan p JOIN enterprise e ON e.id = p.enterprise_id
        WHERE p.status = 'approved' AND p.year >= $1 AND ($3::uuid IS NULL OR p.id = $3::uuid)
        ORDER BY p.id`,
      [fromYear, tz, planId ?? null],
    );
    const owed: OwedReminder[] = [];
    for (const r of rows) {
      for (const q of QUARTERS) {
        if (r.quarters.includes(q) || !quarterOwed(r.year, q, r.approved_on)) continue;
        const due = quarterDueOn(r.year, q);
        const stage = dayStage(due, now, tz, WORK_PLAN_REMINDER_DAYS);
        if (!stage) continue;
        owed.push({
          kind: stage === 'overdue' ? 'work_plan.progress_overdue' : 'work_plan.progress_due',
          stage,
          entity: 'work_plan',
          entityId: r.id,
          deadline: due,
          to: { roles: ['enterprise_officer'], enterpriseId: r.enterprise_id },
          fallback: { roles: ['inspector'] },
          params: {
            enterprise: r.enterprise,
            year: r.year,
            quarter: q,
            deadline: due,
            days: Math.max(0, daysLeft(due, now, tz)),
          },
        });
      }
    }
    return owed;
  }
}
