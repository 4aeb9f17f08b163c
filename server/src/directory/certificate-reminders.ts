import { Inject, Injectable } from '@nestjs/common';
import { addYears, OPERATION_CERTIFICATE_REVIEW_YEARS, operationCertificateDates } from '@muster/contracts';
import { APP_CONFIG, type AppConfig } from '../config/config.js';
import { Db } from '../database/db.js';
import { dayStage, daysLeft, horizon } from '../reminders/reminder-stages.js';
import { type OwedReminder, RecordReminderSource, ReminderSources } from '../reminders/reminder-sources.js';
import { addDays } from '../zone/zone-time.js';

/** Renewing a certificate takes a course and an exam: a month ahead, a week ahead, then expired. */
export const CERTIFICATE_DAYS = [30, 7] as const;

/**
 * Contacts' certificates (special operations, safety management) by their expiry: reminded to the
 * officers of the contact's enterprise (the zone's administrators for the zone's own contacts),
 * and once expired to the holder too, by SMS at their first number. Keyed by the certificate's
 * name and number, so each certificate of a person is reminded on its own; a renewed one (a new
 * expiry) is a new deadline. A special operation certificate (an operation type and an issue day)
 * is also reminded of its 3-year review until the review is recorded, the holder texted once it
 * is overdue.
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
    const last = horizon(now, tz, CERTIFICATE_DAYS);
    // A day's margin: an issue on 29 February is reviewed on the 28th three years on.
    const issuedBy = addDays(addYears(last, -OPERATION_CERTIFICATE_REVIEW_YEARS), 1);
    const rows: {
      id: string;
      name: string;
      organization: string;
      enterprise_id: string | null;
      phone: string | null;
      cert_name: string;
      cert_number: string | null;
      expires_on: string | null;
      operation_type: string | null;
      issued_on: string | null;
      reviewed_on: string | null;
    }[] = await this.db.manager.query(
      `SELECT c.id, c.name, c.organization, c.enterprise_id, c.phones[1] AS phone,
              cert->>'name' AS cert_name, cert->>'number' AS cert_number, cert->>'expiresOn' AS expires_on,
              cert->>'operationType' AS operation_type, cert->>'issuedOn' AS issued_on,
              cert->>'reviewedOn' AS reviewed_on
         FROM contact c CROSS JOIN LATERAL jsonb_array_elements(c.certifications) AS cert
        WHERE ((cert->>'expiresOn' IS NOT NULL AND cert->>'expiresOn' <= $1)
               OR (cert->>'operationType' IS NOT NULL AND cert->>'reviewedOn' IS NULL
                   AND cert->>'issuedOn' <= $3))
          AND ($2::uuid IS NULL OR c.id = $2::uuid)
        ORDER BY c.id`,
      [last, contactId ?? null, issuedBy],
    );
    const owed: OwedReminder[] = [];
    for (const r of rows) {
      const certificate = r.cert_number ? `${r.cert_name}（${r.cert_number}）` : r.cert_name;
      const to = r.enterprise_id
        ? { roles: ['enterprise_officer' as const], enterpriseId: r.enterprise_id }
        : { roles: ['zone_admin' as const] };
      const deadlines: { what: 'expiry' | 'review'; on: string }[] = [];
      if (r.expires_on) deadlines.push({ what: 'expiry', on: r.expires_on });
      if (r.operation_type && r.issued_on && !r.reviewed_on) {
        const { reviewOn } = operationCertificateDates(r.issued_on);
        // Past the expiry only the expiry is owed: a lapsed certificate cannot be reviewed.
        if (!r.expires_on || reviewOn < r.expires_on) deadlines.push({ what: 'review', on: reviewOn });
      }
      for (const d of deadlines) {
        const stage = dayStage(d.on, now, tz, CERTIFICATE_DAYS);
        if (!stage) continue;
        const overdue = stage === 'overdue';
        owed.push({
          kind:
            d.what === 'expiry'
              ? overdue
                ? 'contact.certificate_expired'
                : 'contact.certificate_expiring'
              : overdue
                ? 'contact.certificate_review_overdue'
                : 'contact.certificate_review_due',
          // The expiry's key is as it always was, so reminders already sent are not sent again.
          stage: d.what === 'expiry' ? `${certificate}.${stage}` : `${certificate}.review.${stage}`,
          entity: 'contact',
          entityId: r.id,
          deadline: d.on,
          to,
          fallback: { roles: ['inspector'] },
          contacts: overdue && r.phone ? [{ name: r.name, phone: r.phone }] : [],
          params: {
            name: r.name,
            certificate,
            organization: r.organization,
            deadline: d.on,
            days: Math.max(0, daysLeft(d.on, now, tz)),
          },
        });
      }
    }
    return owed;
  }
}
