import { Inject, Injectable } from '@nestjs/common';
import { EXPIRY_WARNING_DAYS } from '@muster/contracts';
import { APP_CONFIG, type AppConfig } from '../config/config.js';
import { Db } from '../database/db.js';
import { dayStage, daysLeft, horizon } from '../reminders/reminder-stages.js';
import { type OwedReminder, RecordReminderSource, ReminderSources } from '../reminders/reminder-sources.js';

/** The register's own warning window (EXPIRY_WARNING_DAYS) and a last call a week ahead. */
export const RESOURCE_DAYS = [EXPIRY_WARNING_DAYS, 7] as const;

/**
 * A resource's next inspection and its expiry (resource-alert.ts): reminded 30 and 7 days before
 * and once passed, to the officers of the enterprise that holds it (the zone's administrators for
 * the zone's own), the custodian by SMS once it is overdue. A new inspection date or expiry (a
 * resource inspected, replaced) is a new deadline; one marked expired is no longer reminded.
 */
@Injectable()
export class ResourceReminders extends RecordReminderSource {
  readonly name = 'resource';

  constructor(
    private readonly db: Db,
    sources: ReminderSources,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {
    super(sources);
  }

  protected async compute(now: Date, id?: string): Promise<OwedReminder[]> {
    const tz = this.config.TZ;
    const rows: {
      id: string;
      name: string;
      enterprise_id: string | null;
      enterprise_name: string | null;
      address: string;
      custodian: string;
      custodian_phone: string | null;
      next_inspection_on: string | null;
      expires_on: string | null;
    }[] = await this.db.manager.query(
      `SELECT r.id, r.name, r.enterprise_id, e.name AS enterprise_name, r.address, r.custodian,
              r.custodian_phone,
              to_char(r.next_inspection_on, 'YYYY-MM-DD') AS next_inspection_on,
              to_char(r.expires_on, 'YYYY-MM-DD') AS expires_on
         FROM resource r LEFT JOIN enterprise e ON e.id = r.enterprise_id
        WHERE r.status <> 'expired'
          AND (r.next_inspection_on <= $1::date OR r.expires_on <= $1::date)
          AND ($2::uuid IS NULL OR r.id = $2::uuid)
        ORDER BY r.id`,
      [horizon(now, tz, RESOURCE_DAYS), id ?? null],
    );
    const owed: OwedReminder[] = [];
    for (const r of rows) {
      const dates = [
        ['inspection', r.next_inspection_on],
        ['expiry', r.expires_on],
      ] as const;
      for (const [what, deadline] of dates) {
        if (!deadline) continue;
        const stage = dayStage(deadline, now, tz, RESOURCE_DAYS);
        if (!stage) continue;
        const overdue = stage === 'overdue';
        owed.push({
          kind:
            what === 'inspection'
              ? overdue
                ? 'resource.inspection_overdue'
                : 'resource.inspection_due_soon'
              : overdue
                ? 'resource.expired'
                : 'resource.expiring',
          stage,
          entity: 'resource',
          entityId: r.id,
          deadline,
          to: r.enterprise_id
            ? { roles: ['enterprise_officer'], enterpriseId: r.enterprise_id }
            : { roles: ['zone_admin'] },
          fallback: { roles: ['inspector'] },
          contacts: overdue && r.custodian_phone ? [{ name: r.custodian, phone: r.custodian_phone }] : [],
          params: {
            resource: r.name,
            owner: r.enterprise_name ?? '园区',
            address: r.address,
            custodian: r.custodian,
            deadline,
            days: Math.max(0, daysLeft(deadline, now, tz)),
          },
        });
      }
    }
    return owed;
  }
}
