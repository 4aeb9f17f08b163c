import type { ProviderName } from '../messaging/routing.js';
import { Injectable } from '@nestjs/common';
import { AuditService } from '../audit/audit.service.js';
import { Db } from '../database/db.js';
import type { DeliveryRow, StatusUpdate } from '../messaging/delivery-store.js';
import { DeliveryTableStore } from '../messaging/delivery-store.js';

/** A notification text as the sender needs it. */
export interface NotificationSms extends DeliveryRow {
  body: string;
  /** A deadline's reminder (its delivery key is `reminder:…`), not a warning. */
  reminder: boolean;
}

/** What is texted to whom, for one notification. */
export interface NewNotificationSms {
  /** The message's delivery key: one text per key and number, however often it is written. */
  deliveryKey: string;
  kind: string;
  entity: string | null;
  entityId: string | null;
  /** Each text in its reader's language. */
  to: { phone: string; userId: string | null; name: string; body: string }[];
}

/** The `notification_sms` table: one row per notification text, keyed by message and number. */
@Injectable()
export class NotificationSmsStore extends DeliveryTableStore {
  constructor(db: Db, audit: AuditService) {
    super(db, audit, 'notification_sms');
  }

  /** Inserts the texts that do not exist yet; returns the ids of those it created. */
  async create(sms: NewNotificationSms): Promise<string[]> {
    const rows: { id: string }[] = await this.db.manager.query(
      `INSERT INTO notification_sms (idempotency_key, kind, entity, entity_id, user_id, name, phone, body)
       SELECT $1::text || ':' || t.phone, $2, $3, $4, t.user_id, t.name, t.phone, t.body
         FROM unnest($5::text[], $6::uuid[], $7::text[], $8::text[]) AS t (phone, user_id, name, body)
       ON CONFLICT (idempotency_key) DO NOTHING RETURNING id`,
      [
        sms.deliveryKey,
        sms.kind,
        sms.entity,
        sms.entityId,
        sms.to.map((t) => t.phone),
        sms.to.map((t) => t.userId),
        sms.to.map((t) => t.name),
        sms.to.map((t) => t.body),
      ],
    );
    return rows.map((r) => r.id);
  }

  async get(id: string): Promise<NotificationSms | null> {
    const [row]: {
      id: string;
      phone: string;
      body: string;
      status: string;
      sending_since: Date | null;
      in_flight_until: Date | null;
      provider: ProviderName | null;
      attempts: number;
      reminder: boolean;
    }[] = await this.db.manager.query(
      `SELECT id, phone, body, status, sending_since, in_flight_until, provider, attempts,
              idempotency_key LIKE 'reminder:%' AS reminder
         FROM notification_sms WHERE id = $1`,
      [id],
    );
    if (!row) return null;
    const { sending_since: sendingSince, in_flight_until: inFlightUntil, ...rest } = row;
    return { ...rest, sendingSince, inFlightUntil };
  }

  /** A status callback, written if it moves the text forwards. */
  async report(id: string, s: StatusUpdate): Promise<void> {
    await this.applyStatus(id, s);
  }
}
