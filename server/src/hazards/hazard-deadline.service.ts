import { Inject, Injectable } from '@nestjs/common';
import { hazardCode } from '@muster/contracts';
import { APP_CONFIG, type AppConfig } from '../config/config.js';
import { type OwedReminder, RecordReminderSource, ReminderSources } from '../reminders/reminder-sources.js';
import { addDays, dueReminder, zoneDate } from '../zone/zone-time.js';
import { HazardRepository } from './hazard.repository.js';

/**
 * Deadlines of open hazards, decided in the zone's time zone, as a source of the reminder
 * scheduler: reminders to the enterprise three days and one day before the deadline, escalation
 * to the zone (inspectors, administrators) and to the enterprise's first responsible person once
 * it has passed. Every stage is urgent, so it also goes by SMS: to the directory numbers of the
 * recipients and of the people the ledger and the enterprise name.
 */
@Injectable()
export class HazardDeadlineService extends RecordReminderSource {
  readonly name = 'hazard';

  constructor(
    private readonly hazards: HazardRepository,
    sources: ReminderSources,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {
    super(sources);
  }

  protected async compute(now: Date, id?: string): Promise<OwedReminder[]> {
    const candidates = await this.hazards.openDueBy(addDays(zoneDate(now, this.config.TZ), 3), id);
    const owed: OwedReminder[] = [];
    for (const h of candidates) {
      const stage = dueReminder(h.deadline, now, this.config.TZ);
      if (!stage) continue;
      const overdue = stage === 'overdue';
      owed.push({
        kind: `hazard.${stage}`,
        stage,
        entity: 'hazard',
        entityId: h.id,
        deadline: h.deadline,
        to: { roles: ['enterprise_officer'], enterpriseId: h.enterpriseId },
        // An enterprise without an officer account would hear nothing before the escalation, so
        // its reminders go to the zone's inspectors instead.
        fallback: { roles: ['inspector'] },
        // Escalation: once overdue, the zone's inspectors and administrators hear of it too, and
        // the first responsible person (among the contacts) by SMS.
        ...(overdue ? { alsoTo: { roles: ['inspector', 'zone_admin'] } } : {}),
        contacts: await this.hazards.reminderContacts(h.enterpriseId, h.responsiblePerson, overdue),
        params: {
          code: hazardCode(h.seq),
          enterprise: h.enterpriseName,
          place: h.place,
          deadline: h.deadline,
          // A dash reads the same in both languages where nobody is named yet.
          responsible: h.responsiblePerson ?? '—',
        },
      });
    }
    return owed;
  }
}
