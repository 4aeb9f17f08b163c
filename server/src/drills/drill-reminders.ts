import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '../config/config.js';
import { Db } from '../database/db.js';
import { dayStage, daysLeft, horizon } from '../reminders/reminder-stages.js';
import { type OwedReminder, RecordReminderSource, ReminderSources } from '../reminders/reminder-sources.js';
import { ComplianceService } from './compliance.service.js';

/** A month ahead to plan a drill, a week as the last call; overdue escalates (urgent). */
export const DRILL_DUTY_DAYS = [30, 7] as const;
/** Improvement items run in weeks: a week ahead and the day before. */
export const IMPROVEMENT_DAYS = [7, 1] as const;

/**
 * Drill duties (MEM Order 2 Art. 33), as the compliance report computes them: each enterprise's
 * next comprehensive-or-special and on-site drill, reminded to its officers (the zone's inspectors
 * when it has no officer account) 30 and 7 days before and once overdue. Keyed by the
 * enterprise, the requirement and the due day: a drill held moves the due day, and the next
 * cycle is reminded afresh.
 */
@Injectable()
export class DrillDutyReminders extends RecordReminderSource {
  readonly name = 'drill-duty';

  constructor(
    private readonly compliance: ComplianceService,
    sources: ReminderSources,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {
    super(sources);
  }

  protected async compute(now: Date, enterpriseId?: string): Promise<OwedReminder[]> {
    const report = await this.compliance.report(enterpriseId, now);
    const owed: OwedReminder[] = [];
    for (const item of report.items) {
      const stage = dayStage(item.dueOn, now, this.config.TZ, DRILL_DUTY_DAYS);
      if (!stage) continue;
      owed.push({
        kind: stage === 'overdue' ? 'drill.duty_overdue' : 'drill.duty_due_soon',
        stage: `${item.requirement}.${stage}`,
        entity: 'enterprise',
        entityId: item.enterpriseId,
        deadline: item.dueOn,
        to: { roles: ['enterprise_officer'], enterpriseId: item.enterpriseId },
        fallback: { roles: ['inspector'] },
        params: {
          enterprise: item.enterpriseName,
          requirement: item.requirement,
          deadline: item.dueOn,
          days: Math.max(0, item.daysUntilDue),
        },
      });
    }
    return owed;
  }
}

/**
 * Open improvement items from drill evaluations, due on their day: reminded 7 days and 1 day
 * before and once overdue, to the officers of the enterprise that drilled (the zone's
 * administrators for the zone's own drills) until the item is marked done.
 */
@Injectable()
export class ImprovementReminders extends RecordReminderSource {
  readonly name = 'drill-improvement';

  constructor(
    private readonly db: Db,
    sources: ReminderSources,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {
    super(sources);
  }

  protected async compute(now: Date, id?: string): Promise<OwedReminder[]> {
    const rows: {
      id: string;
      enterprise_id: string | null;
      enterprise_name: string | null;
      title: string;
      owner: string;
      due_on: string;
    }[] = await this.db.manager.query(
      `SELECT i.id, i.enterprise_id, e.name AS enterprise_name, i.title, i.owner,
              to_char(i.due_on, 'YYYY-MM-DD') AS due_on
         FROM drill_improvement i LEFT JOIN enterprise e ON e.id = i.enterprise_id
        WHERE i.status = 'open' AND i.due_on <= $1::date AND ($2::uuid IS NULL OR i.id = $2::uuid)
        ORDER BY i.due_on, i.id`,
      [horizon(now, this.config.TZ, IMPROVEMENT_DAYS), id ?? null],
    );
    const owed: OwedReminder[] = [];
    for (const r of rows) {
      const stage = dayStage(r.due_on, now, this.config.TZ, IMPROVEMENT_DAYS);
      if (!stage) continue;
      owed.push({
        kind: stage === 'overdue' ? 'drill.improvement_overdue' : 'drill.improvement_due_soon',
        stage,
        entity: 'drill_improvement',
        entityId: r.id,
        deadline: r.due_on,
        to: r.enterprise_id
          ? { roles: ['enterprise_officer'], enterpriseId: r.enterprise_id }
          : { roles: ['zone_admin'] },
        fallback: { roles: ['inspector'] },
        params: {
          title: r.title,
          enterprise: r.enterprise_name ?? '园区',
          owner: r.owner,
          deadline: r.due_on,
          days: Math.max(0, daysLeft(r.due_on, now, this.config.TZ)),
        },
      });
    }
    return owed;
  }
}
