import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { Db } from '../database/db.js';
import { JobName } from '../jobs/job.types.js';
import { Outbox } from '../jobs/outbox.js';
import { OptOutRepository } from '../messaging/opt-out.repository.js';
import type {
  NotificationChannel,
  NotificationContact,
  NotificationMessage,
} from './notification.service.js';
import { NotificationSmsStore } from './notification-sms.store.js';

/** The text a phone shows: the title carries the hazard code, the body what is due and by whom. */
export function notificationSmsBody(message: Pick<NotificationMessage, 'title' | 'body'>): string {
  return `${message.title}\n${message.body}`;
}

/**
 * Notifications by SMS, through the delivery sender that call-outs use: a row per text with an
 * idempotency key (the message's delivery key and the number), written in the notifying
 * transaction together with its outbox job, so the text exists exactly when the notification does
 * and never twice. Recipient users are reached at the first number of their directory contact;
 * `contacts` carry people without an account. Numbers that answered STOP are left out.
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
    const linked: { user_id: string; name: string; phone: string }[] = userIds.length
      ? await this.db.manager.query(
          `SELECT DISTINCT ON (user_id) user_id, name, phones[1] AS phone FROM contact
            WHERE user_id = ANY($1::uuid[]) AND cardinality(phones) > 0
            ORDER BY user_id, created_at`,
          [userIds],
        )
      : [];
    const targets = new Map<string, { userId: string | null; name: string }>();
    for (const l of linked) targets.set(l.phone, { userId: l.user_id, name: l.name });
    for (const c of message.contacts ?? ([] as NotificationContact[])) {
      if (!targets.has(c.phone)) targets.set(c.phone, { userId: null, name: c.name });
    }
    if (!targets.size) return;
    const optedOut = await this.optOuts.among([...targets.keys()]);
    const to = [...targets].filter(([phone]) => !optedOut.has(phone)).map(([phone, t]) => ({ phone, ...t }));
    if (!to.length) return;
    await this.db.transaction(async () => {
      const ids = await this.texts.create({
        deliveryKey: message.deliveryKey ?? randomUUID(),
        kind: message.kind,
        entity: message.entity ?? null,
        entityId: message.entityId ?? null,
        body: notificationSmsBody(message),
        to,
      });
      for (const smsId of ids) await this.outbox.enqueue(JobName.SendNotificationSms, { smsId });
    });
  }
}
