import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { type ContactLanguage, type RecordLanguage, notificationText } from '@muster/contracts';
import { Db } from '../database/db.js';
import { JobName } from '../jobs/job.types.js';
import { Outbox } from '../jobs/outbox.js';
import { OptOutRepository } from '../messaging/opt-out.repository.js';
import type {
  NotificationContact,
  NotificationMessage,
  NotificationChannel,
} from './notification.service.js';
import { NotificationSmsStore } from './notification-sms.store.js';

/** The text a phone shows, in its reader's language: the title, then the body. */
export function notificationSmsBody(
  message: Pick<NotificationMessage, 'kind' | 'params'>,
  lang: RecordLanguage,
): string {
  const { title, body } = notificationText(message.kind, message.params, lang);
  return body ? `${title}\n${body}` : title;
}

/**
 * Notifications by SMS, through the delivery sender that call-outs use: a row per text with an
 * idempotency key (the message's delivery key and the number), written in the notifying
 * transaction together with its outbox job, so the text exists exactly when the notification does
 * and never twice. Recipient users are reached at the first number of their directory contact;
 * `contacts` carry people without an account. Each text is in its reader's language: the one
 * given with the contact, else their directory entry's, else Chinese. Numbers that answered STOP
 * are left out.
 */
@Injectable()
export class SmsNotificationChannel implements NotificationChannel {
  readonly name = 'sms';

  constructor(
    private readonly db: Db,
    private readonly outbox: Outbox,
    private readonly texts: NotificationSmsStore,
    private readonly optOuts: OptOutRepository,
  ) {}

  async deliver(userIds: string[], message: NotificationMessage): Promise<void> {
    const linked: { user_id: string; name: string; phone: string; language: ContactLanguage }[] =
      userIds.length
        ? await this.db.manager.query(
            `SELECT DISTINCT ON (user_id) user_id, name, phones[1] AS phone, language FROM contact
              WHERE user_id = ANY($1::uuid[]) AND cardinality(phones) > 0
              ORDER BY user_id, created_at`,
            [userIds],
          )
        : [];
    const targets = new Map<string, { userId: string | null; name: string; language?: ContactLanguage }>();
    for (const l of linked) targets.set(l.phone, { userId: l.user_id, name: l.name, language: l.language });
    const contacts = message.contacts ?? ([] as NotificationContact[]);
    for (const c of contacts) {
      if (!targets.has(c.phone)) targets.set(c.phone, { userId: null, name: c.name, language: c.language });
    }
    if (!targets.size) return;
    const [optedOut, known] = await Promise.all([
      this.optOuts.among([...targets.keys()]),
      this.directoryLanguages(contacts.filter((c) => !c.language).map((c) => c.phone)),
    ]);
    const to = [...targets]
      .filter(([phone]) => !optedOut.has(phone))
      .map(([phone, t]) => {
        const lang: RecordLanguage = t.language ?? known.get(phone) ?? 'zh-CN';
        return { phone, userId: t.userId, name: t.name, body: notificationSmsBody(message, lang) };
      });
    if (!to.length) return;
    await this.db.transaction(async () => {
      const ids = await this.texts.create({
        deliveryKey: message.deliveryKey ?? randomUUID(),
        kind: message.kind,
        entity: message.entity ?? null,
        entityId: message.entityId ?? null,
        to,
      });
      for (const smsId of ids) await this.outbox.enqueue(JobName.SendNotificationSms, { smsId });
    });
  }

  /** The language of the directory entry holding each number, where one does. */
  private async directoryLanguages(phones: string[]): Promise<Map<string, ContactLanguage>> {
    if (!phones.length) return new Map();
    const rows: { phone: string; language: ContactLanguage }[] = await this.db.manager.query(
      `SELECT DISTINCT ON (p) p AS phone, c.language FROM contact c, unnest(c.phones) AS p
        WHERE p = ANY($1::text[]) ORDER BY p, c.created_at`,
      [phones],
    );
    return new Map(rows.map((r) => [r.phone, r.language]));
  }
}
