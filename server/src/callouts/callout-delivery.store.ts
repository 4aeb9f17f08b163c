import { Injectable } from '@nestjs/common';
import { AuditService } from '../audit/audit.service.js';
import { Db } from '../database/db.js';
import type { DeliveryStatus } from '../messaging/delivery-status.js';
import { DeliveryTableStore, SEND_BATCH, type StatusUpdate } from '../messaging/delivery-store.js';
import type { Callout, CalloutDelivery, CalloutRecipient } from './callout.entities.js';
import type { Channel } from './ladder.js';

/** A delivery about to be sent, with what its message is made of. */
export interface CalloutSend {
  delivery: Pick<
    CalloutDelivery,
    | 'id'
    | 'calloutId'
    | 'recipientId'
    | 'tier'
    | 'round'
    | 'channel'
    | 'status'
    | 'sendingSince'
    | 'inFlightUntil'
    | 'provider'
    | 'attempts'
    | 'errorCode'
    | 'errorMessage'
  >;
  recipient: Pick<CalloutRecipient, 'id' | 'phone' | 'language' | 'state'>;
  callout: Pick<Callout, 'id' | 'status' | 'message' | 'isDrill' | 'purpose' | 'shortCode' | 'responseLevel'>;
  /** The phone is also awaited by another open call-out (the SMS then carries a short code). */
  otherOpenCallouts: boolean;
}

/** A call's recipient, and the call-out's message it says. */
export interface CallScript {
  recipient: Pick<CalloutRecipient, 'id' | 'language' | 'state'>;
  message: string;
  isDrill: boolean;
  purpose: Callout['purpose'];
  responseLevel: Callout['responseLevel'];
  /** Whether the call-out still takes answers. */
  open: boolean;
}

/** A delivery as a status callback left it. */
export type ReportedDelivery = Pick<
  CalloutDelivery,
  'calloutId' | 'recipientId' | 'tier' | 'round' | 'channel' | 'errorMessage'
>;

interface SendRow {
  id: string;
  callout_id: string;
  recipient_id: string;
  tier: number;
  round: number;
  channel: Channel;
  status: DeliveryStatus;
  sending_since: Date | null;
  in_flight_until: Date | null;
  provider: CalloutDelivery['provider'];
  attempts: number;
  error_code: number | null;
  error_message: string | null;
  phone: string;
  language: CalloutRecipient['language'];
  recipient_state: CalloutRecipient['state'];
  callout_status: Callout['status'];
  message: string;
  is_drill: boolean;
  purpose: Callout['purpose'];
  short_code: string;
  response_level: Callout['responseLevel'];
  other_open_callouts: boolean;
}

function sendOf(row: SendRow): CalloutSend {
  return {
    delivery: {
      id: row.id,
      calloutId: row.callout_id,
      recipientId: row.recipient_id,
      tier: row.tier,
      round: row.round,
      channel: row.channel,
      status: row.status,
      sendingSince: row.sending_since,
      inFlightUntil: row.in_flight_until,
      provider: row.provider,
      attempts: row.attempts,
      errorCode: row.error_code,
      errorMessage: row.error_message,
    },
    recipient: {
      id: row.recipient_id,
      phone: row.phone,
      language: row.language,
      state: row.recipient_state,
    },
    callout: {
      id: row.callout_id,
      status: row.callout_status,
      message: row.message,
      isDrill: row.is_drill,
      purpose: row.purpose,
      shortCode: row.short_code,
      responseLevel: row.response_level,
    },
    otherOpenCallouts: row.other_open_callouts,
  };
}

/**
 * The `callout_delivery` table: one row per page (a text or a call) of one person in one step of
 * the ladder, whose idempotency key makes a retried, duplicated or restarted job unable to page
 * anyone twice.
 */
@Injectable()
export class CalloutDeliveryStore extends DeliveryTableStore {
  constructor(db: Db, audit: AuditService) {
    super(db, audit, 'callout_delivery');
  }

  /** Inserts the deliveries that do not exist yet; returns those it created, with whom each is for. */
  async create(
    calloutId: string,
    recipientIds: string[],
    tier: number,
    round: number,
    channel: Channel,
  ): Promise<{ id: string; recipientId: string }[]> {
    const created: { id: string; recipientId: string }[] = [];
    for (let i = 0; i < recipientIds.length; i += 2000) {
      const chunk = recipientIds.slice(i, i + 2000);
      const rows: { id: string; recipient_id: string }[] = await this.db.manager.query(
        `INSERT INTO callout_delivery (callout_id, recipient_id, tier, round, channel, idempotency_key)
         SELECT $1::uuid, r, $2::int, $3::int, $4::text, $6::text || r::text || $7::text FROM unnest($5::uuid[]) AS r
         ON CONFLICT (idempotency_key) DO NOTHING RETURNING id, recipient_id`,
        [calloutId, tier, round, channel, chunk, `${calloutId}:`, `:${tier}.${round}:${channel}`],
      );
      created.push(...rows.map((r) => ({ id: r.id, recipientId: r.recipient_id })));
    }
    return created;
  }

  /**
   * The delivery, its recipient and call-out in one round-trip (a send is the hot path of a
   * fan-out, and the sends running at once share it), with whether the phone is also awaited by
   * another open call-out.
   */
  forSend(deliveryId: string): Promise<CalloutSend | null> {
    return this.sendOne(deliveryId);
  }

  private readonly sendOne = this.db.batched<string, CalloutSend | null>(async (ids, query) => {
    const rows = await query<SendRow>(
      `SELECT d.id, d.callout_id, d.recipient_id, d.tier, d.round, d.channel, d.status,
              d.sending_since, d.in_flight_until, d.provider, d.attempts, d.error_code, d.error_message,
              r.phone, r.language, r.state AS recipient_state,
              c.status AS callout_status, c.message, c.is_drill, c.purpose, c.short_code, c.response_level,
              EXISTS (SELECT 1 FROM callout_recipient r2 JOIN callout c2 ON c2.id = r2.callout_id
                       WHERE r2.phone = r.phone AND c2.status = 'active' AND c2.id <> c.id
                         AND r2.state IN ('pending', 'notified')) AS other_open_callouts
         FROM callout_delivery d
         JOIN callout_recipient r ON r.id = d.recipient_id
         JOIN callout c ON c.id = d.callout_id
        WHERE d.id = ANY($1::uuid[])`,
      [[...new Set(ids)]],
    );
    const byId = new Map(rows.map((row) => [row.id, sendOf(row)]));
    return ids.map((id) => byId.get(id) ?? null);
  }, SEND_BATCH);

  /**
   * The provider took the page: the recipient is shown notified from now on, in the same
   * statement (not before: a page still in a queue has reached nobody).
   */
  protected override acceptedUpdate(): string {
    return `WITH d AS (${super.acceptedUpdate()})
            UPDATE callout_recipient r SET state = 'notified', notified_at = coalesce(r.notified_at, now())
              FROM d WHERE r.id = d.recipient_id AND r.state = 'pending'`;
  }

  /** A status callback, written if it moves the delivery forwards (null when it does not). */
  async report(id: string, s: StatusUpdate): Promise<ReportedDelivery | null> {
    const row = await this.applyStatus<{
      callout_id: string;
      recipient_id: string;
      tier: number;
      round: number;
      channel: Channel;
      error_message: string | null;
    }>(id, s);
    return (
      row && {
        calloutId: row.callout_id,
        recipientId: row.recipient_id,
        tier: row.tier,
        round: row.round,
        channel: row.channel,
        errorMessage: row.error_message,
      }
    );
  }

  /** Whether a text of this recipient's got through to the provider or further. */
  async smsGotThrough(recipientId: string): Promise<boolean> {
    const [{ ok }]: { ok: number }[] = await this.db.manager.query(
      `SELECT count(*)::int AS ok FROM callout_delivery WHERE recipient_id = $1 AND channel = 'sms'
         AND status IN ('queued', 'sent', 'delivered')`,
      [recipientId],
    );
    return ok > 0;
  }

  /** Who a call of this delivery speaks to and what it says, or null for no such delivery. */
  async forCall(deliveryId: string): Promise<CallScript | null> {
    const [row]: {
      id: string;
      language: CalloutRecipient['language'];
      state: CalloutRecipient['state'];
      message: string;
      is_drill: boolean;
      purpose: Callout['purpose'];
      response_level: Callout['responseLevel'];
      status: Callout['status'];
    }[] = await this.db.manager.query(
      `SELECT r.id, r.language, r.state, c.message, c.is_drill, c.purpose, c.response_level, c.status
           FROM callout_delivery d
           JOIN callout_recipient r ON r.id = d.recipient_id
           JOIN callout c ON c.id = d.callout_id
          WHERE d.id = $1`,
      [deliveryId],
    );
    return row
      ? {
          recipient: { id: row.id, language: row.language, state: row.state },
          message: row.message,
          isDrill: row.is_drill,
          purpose: row.purpose,
          responseLevel: row.response_level,
          open: row.status === 'active',
        }
      : null;
  }
}
