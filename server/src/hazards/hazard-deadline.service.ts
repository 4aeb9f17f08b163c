import { Inject, Injectable } from '@nestjs/common';
import { AuditService } from '../audit/audit.service.js';
import { Clock } from '../common/clock.js';
import { APP_CONFIG, type AppConfig } from '../config/config.js';
import { type Role, hazardCode } from '@muster/contracts';
import { Db } from '../database/db.js';
import type { JobPayloads, JobName } from '../jobs/job.types.js';
import { NotificationService } from '../notifications/notification.service.js';
import { HazardRepository } from './hazard.repository.js';
import { addDays, dueReminder, zoneDate } from '../zone/zone-time.js';

type Reminder = JobPayloads[JobName.HazardReminder];

/**
 * Deadlines of open hazards, decided in the zone's time zone: reminders to the enterprise before
 * the deadline, escalation to the zone and to the enterprise's first responsible person once it
 * has passed. In-app always; by SMS too when a provider is configured, to the directory numbers
 * of the recipients and of the people the ledger and the enterprise name.
 */
@Injectable()
export class HazardDeadlineService {
  constructor(
    private readonly db: Db,
    private readonly hazards: HazardRepository,
    private readonly notifications: NotificationService,
    private readonly audit: AuditService,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** The reminders owed now and not yet sent. */
  async scan(): Promise<Reminder[]> {
    const now = this.clock.now();
    const candidates = await this.hazards.openDueBy(addDays(zoneDate(now, this.config.TZ), 3));
    const due: Reminder[] = [];
    for (const c of candidates) {
      const kind = dueReminder(c.deadline, now, this.config.TZ);
      if (kind && !c.sent.includes(kind)) due.push({ hazardId: c.id, kind, deadline: c.deadline });
    }
    return due;
  }

  /**
   * Records the reminders these hazards are owed now as sent, without sending them: for entries
   * made after the fact (the demo zone's back-dated ledger), whose deadlines passed before they
   * were entered here and about which nobody is to be paged at once. Reminders that come due
   * later (the next kind, a moved deadline) go out as usual.
   */
  async waiveOwed(hazardIds: string[], reason: string): Promise<number> {
    const ids = new Set(hazardIds);
    const owed = (await this.scan()).filter((r) => ids.has(r.hazardId));
    return this.db.transaction(async () => {
      let waived = 0;
      for (const r of owed) {
        if (!(await this.hazards.claimReminder(r.hazardId, r.kind, r.deadline))) continue;
        await this.audit.record({
          action: 'hazard.reminder_waived',
          entity: 'hazard',
          entityId: r.hazardId,
          after: { kind: r.kind, deadline: r.deadline, reason },
        });
        waived++;
      }
      return waived;
    });
  }

  /**
   * Sends one reminder, once: the row in hazard_reminder is claimed in the same transaction as
   * the notifications, so a duplicate or retried job sends nothing. A reminder that went stale
   * while queued (hazard closed, deadline moved, a more urgent kind now due) is dropped; the
   * next scan sends the right one.
   */
  async sendReminder(p: Reminder): Promise<boolean> {
    return this.db.transaction(async () => {
      const h = await this.hazards.findAnyById(p.hazardId);
      if (!h || h.status === 'closed' || h.deadline !== p.deadline) return false;
      if (dueReminder(p.deadline, this.clock.now(), this.config.TZ) !== p.kind) return false;
      if (!(await this.hazards.claimReminder(p.hazardId, p.kind, p.deadline))) return false;
      const enterpriseName = (await this.hazards.enterpriseName(h.enterpriseId)) ?? '';
      const code = hazardCode(h.seq);
      const message = {
        kind: `hazard.${p.kind}` as const,
        params: {
          code,
          enterprise: enterpriseName,
          place: h.place,
          deadline: p.deadline,
          responsible: h.responsiblePerson ?? '—',
        },
        entity: 'hazard',
        entityId: h.id,
        // Every reminder is worth a text (its kinds are urgent): the people who must act rarely
        // sit at the console.
        // One text per number per reminder, however often the job or the notify below runs.
        deliveryKey: `hazard-reminder:${h.id}:${p.kind}:${p.deadline}`,
      };
      const contacts = await this.hazards.reminderContacts(
        h.enterpriseId,
        h.responsiblePerson,
        p.kind === 'overdue',
      );
      const officers = await this.notifications.notify(
        { roles: ['enterprise_officer'], enterpriseId: h.enterpriseId },
        { ...message, contacts },
      );
      // Escalation: once overdue, the zone's inspectors and administrators hear of it too. An
      // enterprise without an officer account would hear nothing before that, so its reminders
      // go to the zone's inspectors instead.
      const zoneRoles: Role[] =
        p.kind === 'overdue' ? ['inspector', 'zone_admin'] : officers.length === 0 ? ['inspector'] : [];
      const zone = zoneRoles.length ? await this.notifications.notify({ roles: zoneRoles }, message) : [];
      await this.audit.record({
        action: 'hazard.reminder_sent',
        entity: 'hazard',
        entityId: h.id,
        after: {
          kind: p.kind,
          deadline: p.deadline,
          recipients: officers.length + zone.length,
          contacts: contacts.map((c) => c.name),
        },
      });
      return true;
    });
  }
}
