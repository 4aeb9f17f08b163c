import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '../config/config.js';
import { type OwedReminder, RecordReminderSource, ReminderSources } from '../reminders/reminder-sources.js';
import { zoneDate } from '../zone/zone-time.js';
import { AccountabilityRepository } from './accountability.repository.js';

/**
 * A decided measure not carried out by its date: the zone's administrators are told once, from
 * the next zone-local midnight; a moved date is a new deadline.
 */
@Injectable()
export class AccountabilityReminders extends RecordReminderSource {
  readonly name = 'accountability';

  constructor(
    private readonly records: AccountabilityRepository,
    sources: ReminderSources,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {
    super(sources);
  }

  protected async compute(now: Date, id?: string): Promise<OwedReminder[]> {
    const rows = await this.records.overdue(zoneDate(now, this.config.TZ), id);
    return rows.map((r) => ({
      kind: 'accountability.overdue',
      stage: 'overdue',
      entity: 'accountability_record',
      entityId: r.id,
      deadline: r.dueOn!,
      to: { roles: ['zone_admin'] },
      params: {
        finding: r.findingTitle,
        persons: r.persons.map((p) => p.holder ?? p.post ?? p.unit).join('、'),
        deadline: r.dueOn!,
      },
    }));
  }
}
