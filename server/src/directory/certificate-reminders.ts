import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '../config/config.js';
import { Db } from '../database/db.js';
import { dayStage, daysLeft, horizon } from '../reminders/reminder-stages.js';
import { type OwedReminder, RecordReminderSource, ReminderSources } from '../reminders/reminder-sources.js';

/** Renewing a certificate takes a course and an exam: a month ahead, a week ahead, then expired. */
export const CERTIFICATE_DAYS = [30, 7] as const;

/**
 * Contacts' certificates (special operations, safety management) by their expiry: reminded to the
 * officers of the contact's enterprise (the zone's administrators for the zone's own contacts),
 * and once expired to the holder too, by SMS at their first number. Keyed by the certificate's
 * name and number, so each certificate of a person is reminded on its own; a renewed one (a new
 * expiry) is a new deadline.
 */
@Injectable()
export class CertificateReminders extends RecordReminderSource {
  readonly name = 'certificate';

  constructor(
    private readonly db: Db,
    sources: ReminderSources,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {
    super(sources);
  }

  protected async compute(now: Date, contactId?: string): Promise<OwedReminder[]> {
    const tz = this.config.TZ;
    const rows: {
      id: string;
      name: string;
      organization: string;
      enterprise_id: string | null;
      phone: string | null;
      cert_name: string;
      cert_number: string | null;
      expires_on: string;
    }[] = await this.db.manager.query(
      `SELECT c.id, c.name, c.organization, c.enterprise_id, c.phones[1] AS phone,
              cert->>'name' AS cert_name, cert->>'number' AS cert_number, cert->>'expiresOn' AS expires_on
         FROM contact c CROSS JOIN LATERAL jsonb_array_elements(c.certifications) AS cert
        WHERE cert->>'expiresOn' IS NOT NULL AND cert->>'expiresOn' <= $1
          AND ($2::uuid IS NULL OR c.id = $2::uuid)
        ORDER BY c.id`,
      [horizon(now, tz, CERTIFICATE_DAYS), contactId ?? null],
    );
    const owed: OwedReminder[] = [];
    for (const r of rows) {
      const stage = dayStage(r.expires_on, now, tz, CERTIFICATE_DAYS);
      if (!stage) continue;
      const expired = stage === 'overdue';
      const certificate = r.cert_number ? `${r.cert_name}（${r.cert_number}）` : r.cert_name;
      owed.push({
        kind: expired ? 'contact.certificate_expired' : 'contact.certificate_expiring',
        stage: `${certificate}.${stage}`,
        entity: 'contact',
        entityId: r.id,
        deadline: r.expires_on,
        to: r.enterprise_id
          ? { roles: ['enterprise_officer'], enterpriseId: r.enterprise_id }
          : { roles: ['zone_admin'] },
        fallback: { roles: ['inspector'] },
        contacts: expired && r.phone ? [{ name: r.name, phone: r.phone }] : [],
        params: {
          name: r.name,
          certificate,
          organization: r.organization,
          deadline: r.expires_on,
          days: Math.max(0, daysLeft(r.expires_on, now, tz)),
        },
      });
    }
    return owed;
  }
}
