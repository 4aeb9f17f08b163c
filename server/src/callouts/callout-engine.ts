import { Inject, Injectable, Logger } from '@nestjs/common';
import { DelayedError, type Job } from 'bullmq';
import { APP_CONFIG, type AppConfig } from '../config/config.js';
import type { PageFailure } from '@muster/contracts';
import { Db } from '../database/db.js';
import { OnJob } from '../jobs/job.decorators.js';
import { JobName, type JobPayloads } from '../jobs/job.types.js';
import { RoomLog } from '../rooms/room-log.js';
import { Callout, CalloutDelivery, CalloutRecipient } from './callout.entities.js';
import { CalloutService } from './callout.service.js';
import { type Channel, afterTierTimeout } from './ladder.js';
import { Outbox } from '../jobs/outbox.js';
import {
  MESSAGING_PROVIDER,
  type MessagingProvider,
  ProviderError,
  type ProviderResult,
} from './provider.js';
import { signResponseToken } from './response-link.js';
import { smsBody } from './templates.js';

/** Statuses after which a send is done, whatever happens to the job that made it. */
export const SETTLED = new Set([
  'queued',
  'accepted',
  'sending_provider',
  'sent',
  'delivered',
  'failed',
  'undelivered',
  'skipped',
  'initiated',
  'ringing',
  'in-progress',
  'completed',
  'busy',
  'no-answer',
  'canceled',
]);
/** Twilio errors that retrying cannot fix: invalid number, not a mobile, unsubscribed (STOP). */
export const PERMANENT_CODES = new Set([21211, 21214, 21217, 21219, 21408, 21610, 21612, 21614]);
/** Look this far before a crashed send started when reconciling with the provider's records. */
export const RECONCILE_SLACK_MS = 60_000;
/**
 * How long a request to the provider may be in flight: longer than the provider client's request
 * timeout, so that an attempt whose worker died or lost its job (taken over as stalled, queued
 * again after Redis lost it) has surely ended before another run reconciles and sends.
 */
export const SEND_LEASE_MS = 20_000;

/**
 * Postpones a job whose send may still be in flight in another run, without spending an attempt;
 * once the lease has run out, the send is reconciled with the provider's records.
 */
export async function waitForLease(
  inFlightUntil: Date | null,
  job: Job,
  token: string | undefined,
): Promise<void> {
  const until = inFlightUntil ? new Date(inFlightUntil).getTime() : 0;
  if (until <= Date.now()) return;
  if (!token) throw new Error('a send of this message is still under way');
  await job.moveToDelayed(until, token);
  throw new DelayedError();
}

/** What the ladder needs to know of a send that failed. */
export type FailedDelivery = Pick<
  CalloutDelivery,
  'calloutId' | 'recipientId' | 'tier' | 'round' | 'channel' | 'status' | 'errorCode' | 'errorMessage'
>;

const failureOf = (d: FailedDelivery): PageFailure => ({
  channel: d.channel,
  code: d.errorCode,
  status: d.status,
});

interface SendRow {
  id: string;
  callout_id: string;
  recipient_id: string;
  tier: number;
  round: number;
  channel: Channel;
  status: string;
  attempts: number;
  sending_since: Date | null;
  in_flight_until: Date | null;
  error_code: number | null;
  error_message: string | null;
  phone: string;
  language: CalloutRecipient['language'];
  recipient_state: CalloutRecipient['state'];
  callout_status: Callout['status'];
  message: string;
  is_drill: boolean;
  short_code: string;
  other_open_callouts: boolean;
}

interface SendContext {
  delivery: FailedDelivery &
    Pick<CalloutDelivery, 'id' | 'status' | 'attempts' | 'sendingSince' | 'inFlightUntil' | 'errorCode'>;
  recipient: Pick<CalloutRecipient, 'id' | 'phone' | 'language'>;
  callout: Pick<Callout, 'id' | 'message' | 'isDrill' | 'shortCode'>;
  otherOpenCallouts: boolean;
}

/**
 * The ladder at work, in the worker: page a tier, follow an unanswered SMS with a call, and when a
 * tier's time is up repeat it, move on or give up. Every send goes through a delivery row whose
 * idempotency key makes a retried, duplicated or restarted job unable to page anyone twice.
 */
@Injectable()
export class CalloutEngine {
  private readonly logger = new Logger(CalloutEngine.name);

  constructor(
    private readonly db: Db,
    private readonly callouts: CalloutService,
    private readonly rooms: RoomLog,
    private readonly outbox: Outbox,
    @Inject(MESSAGING_PROVIDER) private readonly provider: MessagingProvider,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  private scaled(seconds: number): number {
    return seconds * 1000 * this.config.CALLOUT_TIME_SCALE;
  }

  @OnJob(JobName.CalloutTierStart)
  async startTier(p: JobPayloads[JobName.CalloutTierStart]): Promise<void> {
    await this.db.transaction(async () => {
      const callout = await this.callouts.lock(p.calloutId);
      if (callout.status !== 'active' || callout.currentTier !== p.tier || callout.currentRound !== p.round)
        return;
      const tier = callout.tiers[p.tier]!;
      // The whole tier is paged in this one transaction, so an event for it means the job ran
      // already (queued again after Redis lost it, or retried after its commit): nothing to do.
      const [paged] = await this.db.manager.query(
        `SELECT 1 FROM room_event WHERE incident_id = $1 AND type = 'callout.tier_paged'
            AND payload->>'calloutId' = $2 AND payload->>'tier' = $3 AND payload->>'round' = $4`,
        [callout.incidentId, callout.id, String(p.tier), String(p.round)],
      );
      if (paged) return;
      // Everyone of the tier who has not answered: a repeat pages again those already paged and
      // those whose page has not gone out yet. They show as notified once the provider takes one.
      const targets: { id: string; phone: string }[] = await this.db.manager.query(
        `SELECT id, phone FROM callout_recipient
          WHERE callout_id = $1 AND tier = $2 AND NOT unreachable AND state IN ('pending', 'notified')`,
        [callout.id, tier.index],
      );
      if (!targets.length) return;
      const optedOut = new Set<string>(
        (
          await this.db.manager.query(`SELECT phone FROM sms_opt_out WHERE phone = ANY($1::text[])`, [
            targets.map((t) => t.phone),
          ])
        ).map((r: { phone: string }) => r.phone),
      );
      const smsTargets = tier.channels.includes('sms') ? targets.filter((t) => !optedOut.has(t.phone)) : [];
      const deliveryIds = await this.createDeliveries(
        callout,
        smsTargets.map((t) => t.id),
        p.tier,
        p.round,
        'sms',
      );
      await this.outbox.enqueueMany(
        JobName.SendSms,
        deliveryIds.map((id) => ({ deliveryId: id })),
      );
      if (tier.channels.includes('voice')) {
        // Without an SMS (voice-only tier, or the number opted out of SMS) the call goes at once.
        const texted = new Set(smsTargets.map((t) => t.id));
        await this.outbox.enqueueMany(
          JobName.CalloutVoiceEscalation,
          targets.map((t) => ({ calloutId: callout.id, recipientId: t.id, tier: p.tier, round: p.round })),
          targets.map((t) => (texted.has(t.id) ? this.scaled(tier.voiceDelaySeconds) : 0)),
        );
      }
      await this.outbox.enqueue(JobName.CalloutTierTimeout, p, this.scaled(tier.ackTimeoutSeconds));
      await this.rooms.append(callout.incidentId, 'callout.tier_paged', {
        calloutId: callout.id,
        tier: p.tier,
        round: p.round,
        recipients: targets.length,
        channels: tier.channels,
      });
    });
  }

  @OnJob(JobName.CalloutVoiceEscalation)
  async escalateToVoice(p: JobPayloads[JobName.CalloutVoiceEscalation]): Promise<void> {
    await this.db.transaction(async () => {
      const callout = await this.db.repo(Callout).findOneBy({ id: p.calloutId });
      const r = await this.db.repo(CalloutRecipient).findOneBy({ id: p.recipientId });
      if (!callout || !r || callout.status !== 'active') return;
      if (r.unreachable || (r.state !== 'notified' && r.state !== 'pending')) return;
      await this.queueCall(callout, r, p.tier, p.round);
    });
  }

  @OnJob(JobName.CalloutTierTimeout)
  async tierTimedOut(p: JobPayloads[JobName.CalloutTierTimeout]): Promise<void> {
    await this.db.transaction(async () => {
      const callout = await this.callouts.lock(p.calloutId);
      if (callout.status !== 'active' || callout.currentTier !== p.tier || callout.currentRound !== p.round)
        return;
      const recipients = await this.db.repo(CalloutRecipient).findBy({ calloutId: callout.id });
      const decision = afterTierTimeout({ tier: p.tier, round: p.round }, callout.tiers, recipients);
      switch (decision.kind) {
        case 'succeeded':
          return this.callouts.end(callout, 'succeeded', 'quorum of acknowledgements met');
        case 'exhausted':
          return this.callouts.end(callout, 'exhausted', 'no tier reached its quorum in time');
        case 'wait':
          return;
        case 'repeat':
        case 'next_tier': {
          const round = decision.kind === 'repeat' ? decision.round : 0;
          callout.currentTier = decision.tier;
          callout.currentRound = round;
          await this.db.repo(Callout).save(callout);
          await this.rooms.append(callout.incidentId, 'callout.tier_escalated', {
            calloutId: callout.id,
            tier: decision.tier,
            round,
            reason: decision.kind === 'repeat' ? 'repeat' : 'quorum not met',
            recipients: decision.recipientIds.length,
          });
          await this.outbox.enqueue(JobName.CalloutTierStart, {
            calloutId: callout.id,
            tier: decision.tier,
            round,
          });
        }
      }
    });
  }

  @OnJob(JobName.SendSms)
  async sendSms(p: JobPayloads[JobName.SendSms], job: Job, token?: string): Promise<void> {
    const ctx = await this.prepareSend(p.deliveryId);
    if (!ctx) return;
    const { delivery, recipient, callout } = ctx;
    const body = smsBody(recipient.language, {
      message: callout.message,
      isDrill: callout.isDrill,
      shortCode: ctx.otherOpenCallouts ? callout.shortCode : null,
      link: `${this.config.PUBLIC_URL}/r/${signResponseToken(recipient.id, this.config.JWT_SECRET)}`,
    });
    await this.send(
      delivery,
      job,
      token,
      () =>
        this.provider.sendSms({
          to: recipient.phone,
          body,
          statusCallback: this.webhookUrl('status', delivery.id),
        }),
      (since) => this.provider.findSms(recipient.phone, body, since),
    );
  }

  @OnJob(JobName.PlaceCall)
  async placeCall(p: JobPayloads[JobName.PlaceCall], job: Job, token?: string): Promise<void> {
    const ctx = await this.prepareSend(p.deliveryId);
    if (!ctx) return;
    const { delivery, recipient } = ctx;
    await this.send(
      delivery,
      job,
      token,
      () =>
        this.provider.placeCall({
          to: recipient.phone,
          scriptUrl: this.webhookUrl('voice', delivery.id),
          statusCallback: this.webhookUrl('status', delivery.id),
        }),
      (since) => this.provider.findCall(recipient.phone, since),
    );
  }

  /** After a permanent SMS failure (or an undelivered one) the person is called at once. */
  async smsFailed(delivery: FailedDelivery): Promise<void> {
    await this.db.transaction(async () => {
      const callout = await this.db.repo(Callout).findOneBy({ id: delivery.calloutId });
      const r = await this.db.repo(CalloutRecipient).findOneBy({ id: delivery.recipientId });
      if (!callout || !r || callout.status !== 'active' || (r.state !== 'notified' && r.state !== 'pending'))
        return;
      const why = delivery.errorMessage ?? `SMS ${delivery.status}`;
      if (callout.tiers[delivery.tier]?.channels.includes('voice')) {
        r.lastError = why;
        await this.db.repo(CalloutRecipient).save(r);
        await this.queueCall(callout, r, delivery.tier, delivery.round, failureOf(delivery));
      } else {
        await this.markUnreachable(callout, r, why, failureOf(delivery));
      }
    });
  }

  async callFailed(delivery: FailedDelivery): Promise<void> {
    await this.db.transaction(async () => {
      const callout = await this.db.repo(Callout).findOneBy({ id: delivery.calloutId });
      const r = await this.db.repo(CalloutRecipient).findOneBy({ id: delivery.recipientId });
      if (!callout || !r || (r.state !== 'notified' && r.state !== 'pending')) return;
      // Unreachable only when no SMS got through either.
      const [{ ok }] = await this.db.manager.query(
        `SELECT count(*)::int AS ok FROM callout_delivery WHERE recipient_id = $1 AND channel = 'sms'
           AND status IN ('queued', 'sent', 'delivered')`,
        [r.id],
      );
      if (!ok)
        await this.markUnreachable(
          callout,
          r,
          delivery.errorMessage ?? `call ${delivery.status}`,
          failureOf(delivery),
        );
    });
  }

  private async markUnreachable(
    callout: Callout,
    r: CalloutRecipient,
    why: string,
    failure: PageFailure,
  ): Promise<void> {
    r.unreachable = true;
    r.lastError = why;
    await this.db.repo(CalloutRecipient).save(r);
    await this.rooms.append(callout.incidentId, 'callout.recipient_updated', {
      calloutId: callout.id,
      recipientId: r.id,
      name: r.name,
      state: r.state,
      unreachable: true,
      error: why,
      failure,
    });
  }

  private async queueCall(
    callout: Callout,
    r: CalloutRecipient,
    tier: number,
    round: number,
    failure?: PageFailure,
  ): Promise<void> {
    const [id] = await this.createDeliveries(callout, [r.id], tier, round, 'voice');
    if (!id) return; // this step's call exists already
    await this.outbox.enqueue(JobName.PlaceCall, { deliveryId: id });
    await this.rooms.append(callout.incidentId, 'callout.recipient_updated', {
      calloutId: callout.id,
      recipientId: r.id,
      name: r.name,
      state: r.state,
      channel: 'voice',
      ...(failure && { failure }),
    });
  }

  /** Inserts the deliveries that do not exist yet; returns the ids of those it created. */
  private async createDeliveries(
    callout: Callout,
    recipientIds: string[],
    tier: number,
    round: number,
    channel: Channel,
  ): Promise<string[]> {
    const ids: string[] = [];
    for (let i = 0; i < recipientIds.length; i += 2000) {
      const chunk = recipientIds.slice(i, i + 2000);
      const rows: { id: string }[] = await this.db.manager.query(
        `INSERT INTO callout_delivery (callout_id, recipient_id, tier, round, channel, idempotency_key)
         SELECT $1::uuid, r, $2::int, $3::int, $4::text, $6::text || r::text || $7::text FROM unnest($5::uuid[]) AS r
         ON CONFLICT (idempotency_key) DO NOTHING RETURNING id`,
        [callout.id, tier, round, channel, chunk, `${callout.id}:`, `:${tier}.${round}:${channel}`],
      );
      ids.push(...rows.map((r) => r.id));
    }
    return ids;
  }

  /**
   * The delivery, its recipient and call-out in one round-trip (a send is the hot path of a
   * fan-out), with whether the phone is also awaited by another open call-out (the SMS then
   * carries a short code to reply with). Null when there is nothing to send.
   */
  private async prepareSend(deliveryId: string): Promise<SendContext | null> {
    const [row]: SendRow[] = await this.db.manager.query(
      `SELECT d.id, d.callout_id, d.recipient_id, d.tier, d.round, d.channel, d.status, d.attempts,
              d.sending_since, d.in_flight_until, d.error_code, d.error_message,
              r.phone, r.language, r.state AS recipient_state,
              c.status AS callout_status, c.message, c.is_drill, c.short_code,
              EXISTS (SELECT 1 FROM callout_recipient r2 JOIN callout c2 ON c2.id = r2.callout_id
                       WHERE r2.phone = r.phone AND c2.status = 'active' AND c2.id <> c.id
                         AND r2.state IN ('pending', 'notified')) AS other_open_callouts
         FROM callout_delivery d
         JOIN callout_recipient r ON r.id = d.recipient_id
         JOIN callout c ON c.id = d.callout_id
        WHERE d.id = $1`,
      [deliveryId],
    );
    if (!row || SETTLED.has(row.status)) return null;
    if (
      row.callout_status !== 'active' ||
      row.recipient_state === 'acknowledged' ||
      row.recipient_state === 'declined'
    ) {
      await this.db.manager.query(
        `UPDATE callout_delivery SET status = 'skipped', updated_at = now() WHERE id = $1`,
        [row.id],
      );
      return null;
    }
    return {
      delivery: {
        id: row.id,
        calloutId: row.callout_id,
        recipientId: row.recipient_id,
        tier: row.tier,
        round: row.round,
        channel: row.channel,
        status: row.status,
        attempts: row.attempts,
        sendingSince: row.sending_since,
        inFlightUntil: row.in_flight_until,
        errorCode: row.error_code,
        errorMessage: row.error_message,
      },
      recipient: { id: row.recipient_id, phone: row.phone, language: row.language },
      callout: { id: row.callout_id, message: row.message, isDrill: row.is_drill, shortCode: row.short_code },
      otherOpenCallouts: row.other_open_callouts,
    };
  }

  /**
   * Marks the send as under way (committed), sends, records the outcome. A delivery found
   * already under way was interrupted (crash, lost reply): its outcome is unknown, so the
   * provider's records are checked first and a message found there is adopted, not resent.
   */
  private async send(
    delivery: SendContext['delivery'],
    job: Job,
    token: string | undefined,
    attempt: () => Promise<ProviderResult>,
    find: (since: Date) => Promise<ProviderResult | null>,
  ): Promise<void> {
    if (delivery.status === 'sending' && delivery.sendingSince) {
      await waitForLease(delivery.inFlightUntil, job, token);
      const found = await find(new Date(delivery.sendingSince.getTime() - RECONCILE_SLACK_MS));
      if (found) {
        await this.accepted(delivery, found, false);
        this.logger.warn(
          { deliveryId: delivery.id, sid: found.sid },
          'adopted a send whose outcome was unknown',
        );
        return;
      }
    }
    await this.db.manager.query(
      `UPDATE callout_delivery SET status = 'sending', sending_since = $2, attempts = $3,
              in_flight_until = $2::timestamptz + $4::int * interval '1 millisecond', updated_at = now()
        WHERE id = $1`,
      [delivery.id, new Date(), delivery.attempts + 1, SEND_LEASE_MS],
    );
    try {
      await this.accepted(delivery, await attempt(), true);
    } catch (e) {
      if (!(e instanceof ProviderError)) throw e;
      if (e.kind === 'permanent' || (e.code !== null && PERMANENT_CODES.has(e.code))) {
        const failed = Object.assign(delivery, {
          status: 'failed',
          errorCode: e.code,
          errorMessage: e.message,
        });
        await this.db.manager.query(
          `UPDATE callout_delivery SET status = 'failed', error_code = $2, error_message = $3,
                  in_flight_until = NULL, updated_at = now()
            WHERE id = $1`,
          [delivery.id, e.code, e.message],
        );
        if (e.code === 21610) {
          await this.db.manager.query(
            `INSERT INTO sms_opt_out (phone) SELECT phone FROM callout_recipient WHERE id = $1 ON CONFLICT DO NOTHING`,
            [delivery.recipientId],
          );
        }
        if (delivery.channel === 'sms') await this.smsFailed(failed);
        else await this.callFailed(failed);
        return;
      }
      // The request may or may not have reached the provider: leave the delivery 'sending' so
      // the retry reconciles before it sends again. The attempt itself is over: no lease to wait.
      await this.db.manager.query(`UPDATE callout_delivery SET in_flight_until = NULL WHERE id = $1`, [
        delivery.id,
      ]);
      if (e.kind === 'rate_limited' && token) {
        await job.moveToDelayed(Date.now() + (e.retryAfterMs ?? 1000), token);
        throw new DelayedError();
      }
      throw e;
    }
  }

  /**
   * The provider took the message or call: the delivery records it, and the recipient is shown
   * notified from now on (not before: a page still in a queue has reached nobody).
   */
  private async accepted(delivery: { id: string }, result: ProviderResult, fresh: boolean): Promise<void> {
    // A status callback may already have moved a fresh send on; never go back from there.
    await this.db.manager.query(
      `WITH d AS (
         UPDATE callout_delivery SET provider_sid = $2, in_flight_until = NULL,
                status = CASE WHEN $4 AND status <> 'sending' THEN status ELSE $3 END, updated_at = now()
          WHERE id = $1 RETURNING recipient_id)
       UPDATE callout_recipient r SET state = 'notified', notified_at = coalesce(r.notified_at, now())
         FROM d WHERE r.id = d.recipient_id AND r.state = 'pending'`,
      [delivery.id, result.sid, result.status, fresh],
    );
  }

  private webhookUrl(kind: 'status' | 'voice', deliveryId: string): string {
    return `${this.config.PUBLIC_URL}/webhooks/twilio/${kind}?delivery=${deliveryId}`;
  }
}
