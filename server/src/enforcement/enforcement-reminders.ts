import { Inject, Injectable } from '@nestjs/common';
import { type InstrumentKind, formatInstrumentNo } from '@muster/contracts';
import { APP_CONFIG, type AppConfig } from '../config/config.js';
import { Db } from '../database/db.js';
import { dayStage, daysLeft, horizon } from '../reminders/reminder-stages.js';
import { type OwedReminder, RecordReminderSource, ReminderSources } from '../reminders/reminder-sources.js';

/** Three days leave time to finish the work; the day before is the last call. */
export const RECTIFICATION_DAYS = [3, 1] as const;
/** The inspector hears the day before the party's period ends, and again once it has. */
export const STATEMENT_DAYS = [1] as const;

/**
 * The deadlines an open case runs: an order to rectify's, until the re-inspection (to the
 * enterprise's officers and the inspector who issued it), and the party's statement period,
 * until the statement is recorded or the penalty decided (to that inspector).
 */
@Injectable()
export class EnforcementReminders extends RecordReminderSource {
  readonly name = 'enforcement';

  constructor(
    private readonly db: Db,
    sources: ReminderSources,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {
    super(sources);
  }

  protected async compute(now: Date, caseId?: string): Promise<OwedReminder[]> {
    const tz = this.config.TZ;
    const rows: {
      case_id: string;
      kind: Extract<InstrumentKind, 'rectification_order' | 'penalty_notice'>;
      year: number;
      seq: number;
      deadline: string;
      issued_by: string | null;
      enterprise_id: string;
      enterprise_name: string;
    }[] = await this.db.manager.query(
      `SELECT i.case_id, i.kind, i.year, i.seq, to_char(i.deadline, 'YYYY-MM-DD') AS deadline, i.issued_by,
              c.enterprise_id, e.name AS enterprise_name
         FROM enforcement_instrument i
         JOIN enforcement_case c ON c.id = i.case_id
         JOIN enterprise e ON e.id = c.enterprise_id
        WHERE c.status = 'open'
          AND ($2::uuid IS NULL OR c.id = $2::uuid)
          AND i.deadline <= $1::date
          AND ((i.kind = 'rectification_order'
                AND NOT EXISTS (SELECT 1 FROM enforcement_instrument r
                                 WHERE r.case_id = c.id AND r.kind = 'recheck_opinion'))
            OR (i.kind = 'penalty_notice' AND c.statement IS NULL
                AND NOT EXISTS (SELECT 1 FROM enforcement_instrument d
                                 WHERE d.case_id = c.id AND d.kind = 'penalty_decision')))
        ORDER BY i.case_id, i.kind`,
      [horizon(now, tz, [...RECTIFICATION_DAYS, ...STATEMENT_DAYS]), caseId ?? null],
    );
    const owed: OwedReminder[] = [];
    for (const r of rows) {
      const order = r.kind === 'rectification_order';
      const stage = dayStage(r.deadline, now, tz, order ? RECTIFICATION_DAYS : STATEMENT_DAYS);
      if (!stage) continue;
      const inspector = r.issued_by ? { userIds: [r.issued_by] } : { roles: ['inspector' as const] };
      const common = {
        stage,
        entity: 'enforcement_case' as const,
        entityId: r.case_id,
        deadline: r.deadline,
        params: {
          enterprise: r.enterprise_name,
          documentNo: formatInstrumentNo(r.kind, r),
          deadline: r.deadline,
          days: Math.max(0, daysLeft(r.deadline, now, tz)),
        },
      };
      if (order) {
        owed.push({
          ...common,
          kind: stage === 'overdue' ? 'enforcement.rectification_overdue' : 'enforcement.rectification_due',
          to: { roles: ['enterprise_officer'], enterpriseId: r.enterprise_id },
          alsoTo: inspector,
          fallback: { roles: ['inspector'] },
        });
      } else {
        owed.push({
          ...common,
          kind:
            stage === 'overdue'
              ? 'enforcement.statement_period_ended'
              : 'enforcement.statement_period_ending',
          to: inspector,
          fallback: { roles: ['inspector'] },
        });
      }
    }
    return owed;
  }
}
