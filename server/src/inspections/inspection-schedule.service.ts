import { Inject, Injectable } from '@nestjs/common';
import { AuditService } from '../audit/audit.service.js';
import { Clock } from '../common/clock.js';
import { APP_CONFIG, type AppConfig } from '../config/config.js';
import type { InspectionResultItem } from '@muster/contracts';
import { Db } from '../database/db.js';
import { zoneDate } from '../zone/zone-time.js';
import { NotificationService } from '../notifications/notification.service.js';
import { InspectionPlan } from './inspection.entity.js';
import { currentOccurrence } from './plan-schedule.js';

export interface ScheduleScanResult {
  /** Records created by this scan (zero when an earlier scan already made them). */
  created: number;
}

/**
 * Turns plans' schedules into work: on each occurrence (decided by the zone-local date) every
 * enterprise a plan covers gets an open inspection record with the plan's checklist and the
 * period it is due in, and the people who must carry it out are told. A unique key on plan,
 * enterprise and occurrence makes any number of scans create each record once; the
 * notifications and audit rows commit with the records they are about.
 */
@Injectable()
export class InspectionScheduleService {
  constructor(
    private readonly db: Db,
    private readonly notifications: NotificationService,
    private readonly audit: AuditService,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async createDue(): Promise<ScheduleScanResult> {
    const today = zoneDate(this.clock.now(), this.config.TZ);
    const plans = await this.db
      .repo(InspectionPlan)
      .find({ where: { active: true }, order: { createdAt: 'ASC' } });
    let allEnterprises: string[] | null = null;
    let created = 0;
    for (const plan of plans) {
      const due = currentOccurrence(plan, today);
      if (!due) continue;
      let covered = plan.enterpriseId ? [plan.enterpriseId] : plan.enterpriseIds;
      // A zone plan that names no enterprise covers the whole zone, as when it is run by hand.
      if (!covered.length) covered = allEnterprises ??= await this.enterpriseIds();
      created += await this.createOccurrence(plan, covered, due.dueOn, due.dueBy);
    }
    return { created };
  }

  private createOccurrence(
    plan: InspectionPlan,
    enterpriseIds: string[],
    dueOn: string,
    dueBy: string | null,
  ): Promise<number> {
    return this.db.transaction(async () => {
      const items: InspectionResultItem[] = plan.checklist.map((c) => ({
        itemId: c.id,
        text: c.text,
        category: c.category,
        result: null,
        note: null,
        hazardId: null,
        ...(c.riskPointId ? { riskPointId: c.riskPointId } : {}),
      }));
      const rows: { id: string; enterprise_id: string; name: string }[] = await this.db.manager.query(
        `WITH inserted AS (
           INSERT INTO inspection_record (plan_id, kind, enterprise_id, status, items, rechecks, due_on, due_by)
           SELECT $1, $2, e.id, 'open', $3::jsonb, '[]'::jsonb, $4::date, $5::date
             FROM enterprise e WHERE e.id = ANY($6::uuid[])
           ON CONFLICT (plan_id, enterprise_id, due_on) WHERE due_on IS NOT NULL DO NOTHING
           RETURNING id, enterprise_id)
         SELECT i.id, i.enterprise_id, e.name FROM inserted i JOIN enterprise e ON e.id = i.enterprise_id
          ORDER BY e.name`,
        [plan.id, plan.kind, JSON.stringify(items), dueOn, dueBy, enterpriseIds],
      );
      if (!rows.length) return 0;
      for (const r of rows) {
        await this.audit.record({
          action: 'inspection.scheduled',
          entity: 'inspection_record',
          entityId: r.id,
          after: { planId: plan.id, kind: plan.kind, enterpriseId: r.enterprise_id, dueOn, dueBy },
        });
      }
      const period = dueBy ? `${dueOn} – ${dueBy}` : dueOn;
      if (plan.kind === 'self_inspection') {
        // The enterprise inspects itself: its officers are told, or the zone when it has none.
        for (const r of rows) {
          const message = {
            kind: 'inspection.due' as const,
            params: { plan: plan.title, who: r.name, period },
            entity: 'inspection_record',
            entityId: r.id,
          };
          const officers = await this.notifications.notify(
            { roles: ['enterprise_officer'], enterpriseId: r.enterprise_id },
            message,
          );
          if (!officers.length) await this.notifications.notify({ roles: ['inspector'] }, message);
        }
      } else {
        await this.notifications.notify(
          { roles: ['inspector'] },
          {
            kind: 'inspection.due',
            params: { plan: plan.title, who: rows.map((r) => r.name).join('、'), period },
            entity: 'inspection_plan',
            entityId: plan.id,
          },
        );
      }
      return rows.length;
    });
  }

  private async enterpriseIds(): Promise<string[]> {
    const rows: { id: string }[] = await this.db.manager.query(`SELECT id FROM enterprise ORDER BY id`);
    return rows.map((r) => r.id);
  }
}
