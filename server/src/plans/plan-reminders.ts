import { Inject, Injectable } from '@nestjs/common';
import type { NotificationKind } from '@muster/contracts';
import { APP_CONFIG, type AppConfig } from '../config/config.js';
import { Db } from '../database/db.js';
import { type DayStage, dayStage, daysLeft, horizon } from '../reminders/reminder-stages.js';
import { type OwedReminder, RecordReminderSource, ReminderSources } from '../reminders/reminder-sources.js';

/** The review date set on a draft: a week ahead and the day before, then overdue. */
export const REVIEW_DAYS = [7, 1] as const;
/** Filing within 20 working days of publication (Order 2 Art. 26): a week ahead, the day before, then overdue. */
export const FILING_DAYS = [7, 1] as const;
/** The 3-year evaluation (Order 2 Art. 35): a month ahead, a week ahead, then overdue. */
export const EVALUATION_DAYS = [30, 7] as const;

type DateKind = 'review' | 'filing' | 'evaluation';

const KIND: Record<DateKind, { soon: NotificationKind; overdue: NotificationKind | null }> = {
  review: { soon: 'plan.review_due_soon', overdue: 'plan.review_overdue' },
  filing: { soon: 'plan.filing_due_soon', overdue: 'plan.filing_overdue' },
  evaluation: { soon: 'plan.evaluation_due_soon', overdue: 'plan.evaluation_overdue' },
};

const DAYS: Record<DateKind, readonly number[]> = {
  review: REVIEW_DAYS,
  filing: FILING_DAYS,
  evaluation: EVALUATION_DAYS,
};

/**
 * Plan dates (plan-dates.ts, publicationDeadlines): the review a draft or version in review is
 * due by, the filing and the evaluation of the version in force. Reminded to the officers of the
 * enterprise whose plan it is, or to the zone's administrators for the zone's own plans. Each
 * ends when its act is done as the register sees it: the version published (review), its filing
 * recorded (filing), or the version superseded by a newer one (filing, evaluation).
 */
@Injectable()
export class PlanReminders extends RecordReminderSource {
  readonly name = 'plan';

  constructor(
    private readonly db: Db,
    sources: ReminderSources,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {
    super(sources);
  }

  protected async compute(now: Date, versionId?: string): Promise<OwedReminder[]> {
    const tz = this.config.TZ;
    const rows: {
      id: string;
      number: number;
      title: string;
      enterprise_id: string | null;
      enterprise_name: string | null;
      status: string;
      review_due_on: string | null;
      filing_due_on: string | null;
      filed: boolean;
      evaluation_due_on: string | null;
    }[] = await this.db.manager.query(
      `SELECT v.id, v.number, p.title, p.enterprise_id, e.name AS enterprise_name, v.status,
              to_char(v.review_due_on, 'YYYY-MM-DD') AS review_due_on,
              to_char(v.filing_due_on, 'YYYY-MM-DD') AS filing_due_on, v.filed_on IS NOT NULL AS filed,
              to_char(v.evaluation_due_on, 'YYYY-MM-DD') AS evaluation_due_on
         FROM plan_version v JOIN plan p ON p.id = v.plan_id
         LEFT JOIN enterprise e ON e.id = p.enterprise_id
        WHERE ($4::uuid IS NULL OR v.id = $4::uuid)
          AND ((v.status IN ('draft', 'in_review') AND v.review_due_on <= $1::date)
            OR (v.status = 'published'
                AND ((v.filing_due_on <= $2::date AND v.filed_on IS NULL) OR v.evaluation_due_on <= $3::date)))
        ORDER BY v.id`,
      [
        horizon(now, tz, REVIEW_DAYS),
        horizon(now, tz, FILING_DAYS),
        horizon(now, tz, EVALUATION_DAYS),
        versionId ?? null,
      ],
    );
    const owed: OwedReminder[] = [];
    for (const v of rows) {
      const dates: [DateKind, string | null][] =
        v.status === 'published'
          ? [
              ['filing', v.filed ? null : v.filing_due_on],
              ['evaluation', v.evaluation_due_on],
            ]
          : [['review', v.review_due_on]];
      for (const [what, deadline] of dates) {
        if (!deadline) continue;
        const stage: DayStage | null = dayStage(deadline, now, tz, DAYS[what], {
          overdue: KIND[what].overdue !== null,
        });
        if (!stage) continue;
        owed.push({
          kind: stage === 'overdue' ? KIND[what].overdue! : KIND[what].soon,
          stage,
          entity: 'plan_version',
          entityId: v.id,
          deadline,
          to: v.enterprise_id
            ? { roles: ['enterprise_officer'], enterpriseId: v.enterprise_id }
            : { roles: ['zone_admin'] },
          fallback: { roles: ['inspector'] },
          params: {
            plan: v.title,
            owner: v.enterprise_name ?? '园区管委会',
            version: v.number,
            deadline,
            days: Math.max(0, daysLeft(deadline, now, tz)),
          },
        });
      }
    }
    return owed;
  }
}
