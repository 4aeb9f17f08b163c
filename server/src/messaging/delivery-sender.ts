import { Injectable, Logger } from '@nestjs/common';
import { DelayedError } from 'bullmq';
import type { DeliveryRow, DeliveryStore } from './delivery-store.js';
import { OptOutRepository } from './opt-out.repository.js';
import {
  type MessagingProvider,
  type OutboundCall,
  type OutboundSms,
  ProviderError,
  type ProviderResult,
} from './provider.js';
import { Providers } from './providers.js';
import type { ProviderName, SendChannel } from './routing.js';

/** Look this far before a crashed send started when reconciling with the provider's records. */
export const RECONCILE_SLACK_MS = 60_000;
/**
 * How long a request to the provider may be in flight: longer than the provider client's request
 * timeout, so that an attempt whose worker died or lost its job (taken over as stalled, queued
 * again after Redis lost it) has surely ended before another run reconciles and sends.
 */
export const SEND_LEASE_MS = 20_000;
/** How soon a run that lost the claim to another run of the same send looks at the row again. */
export const CLAIM_LOST_RETRY_MS = 1000;

/**
 * The job a send runs in, as far as the sender needs it: a send that must wait moves its job to
 * later (a batch of sends hands such a send to a job of its own instead).
 */
export interface SendJob {
  moveToDelayed(timestamp: number, token?: string): Promise<void>;
}

/** What goes out, and how to find it at the provider when an attempt's outcome is unknown. */
export interface Outbound {
  channel: SendChannel;
  send(provider: MessagingProvider): Promise<ProviderResult>;
  find(provider: MessagingProvider, since: Date): Promise<ProviderResult | null>;
}

export const textMessage = (sms: OutboundSms): Outbound => ({
  channel: 'sms',
  send: (provider) => provider.sendSms(sms),
  find: (provider, since) => provider.findSms(sms.to, sms.fingerprint ?? sms.body, since),
});

export const phoneCall = (call: OutboundCall): Outbound => ({
  channel: 'voice',
  send: (provider) => provider.placeCall(call),
  find: (provider, since) => provider.findCall(call.to, since),
});

/** How a send ended: the provider has it (`adopted`: from an interrupted attempt), or refused it. */
export type SendOutcome =
  | { kind: 'accepted' | 'adopted'; result: ProviderResult; provider: ProviderName }
  | { kind: 'failed'; code: number | null; message: string };

/**
 * Postpones a job whose send may still be in flight in another run, without spending an attempt;
 * once the lease has run out, the send is reconciled with the provider's records.
 */
export async function waitForLease(
  inFlightUntil: Date | null,
  job: SendJob,
  token: string | undefined,
): Promise<void> {
  const until = inFlightUntil ? new Date(inFlightUntil).getTime() : 0;
  if (until <= Date.now()) return;
  if (!token) throw new Error('a send of this message is still under way');
  await job.moveToDelayed(until, token);
  throw new DelayedError();
}

/**
 * The one way a text or a call goes out, for call-outs and notifications alike. Picks the provider
 * (the first able to reach the number whose breaker lets it through), claims the send's next
 * attempt with it (committed, under a lease; a run that lost the claim sends nothing), sends, records the outcome in the row's store and tells the
 * provider's breaker. A row found already under way was interrupted (crash, lost reply, an error
 * or a time-out): its outcome is unknown, so the records of the provider it went to are checked
 * first and a message found there is adopted, not sent again — only then may it go to another
 * provider, so nobody gets it from both. A permanent refusal is recorded and returned for the
 * caller to draw its consequence; anything else is thrown for the job to be retried (a rate limit
 * postpones it without spending an attempt).
 */
@Injectable()
export class DeliverySender {
  private readonly logger = new Logger(DeliverySender.name);

  constructor(
    private readonly providers: Providers,
    private readonly optOuts: OptOutRepository,
  ) {}

  async send(
    store: DeliveryStore,
    row: DeliveryRow,
    outbound: Outbound,
    job: SendJob,
    token: string | undefined,
  ): Promise<SendOutcome> {
    if (row.status === 'sending' && row.sendingSince) {
      await waitForLease(row.inFlightUntil, job, token);
      // Rows from before there was a choice of provider went to Twilio.
      const first = row.provider ?? 'twilio';
      const since = new Date(new Date(row.sendingSince).getTime() - RECONCILE_SLACK_MS);
      const found = await outbound.find(this.providers.get(first), since);
      if (found) {
        await store.accepted(row.id, found, false);
        this.logger.warn(
          { id: row.id, sid: found.sid, provider: first },
          'adopted a send whose outcome was unknown',
        );
        return { kind: 'adopted', result: found, provider: first };
      }
    }
    return this.sendVia(store, row, outbound, job, token, []);
  }

  /** Sends through the first provider able to reach the number, passing over those that refused it. */
  private async sendVia(
    store: DeliveryStore,
    row: DeliveryRow,
    outbound: Outbound,
    job: SendJob,
    token: string | undefined,
    refusedBy: ProviderName[],
  ): Promise<SendOutcome> {
    const provider = this.providers.pick(row.phone, outbound.channel, refusedBy);
    if (!provider) {
      if (!this.providers.candidates(row.phone, outbound.channel).some((n) => !refusedBy.includes(n))) {
        const message = `no provider reaches ${row.phone} by ${outbound.channel}`;
        await store.failed(row.id, null, message);
        return { kind: 'failed', code: null, message };
      }
      throw new ProviderError('every provider able to reach the number is unavailable', 'transient');
    }
    const waitMs = await this.providers.admit(provider.name);
    if (waitMs > 0 && token) {
      await job.moveToDelayed(Date.now() + waitMs, token);
      throw new DelayedError();
    }
    // Reading the row and sending are not one step: another run of this job may have read it
    // too and be sending it now. Only the run whose claim of the next attempt takes sends; the
    // other looks again shortly, and then waits out the winner's lease and reconciles.
    const leaseMs = provider.leaseMs?.(outbound.channel) ?? SEND_LEASE_MS;
    if (!(await store.claim(row.id, row.attempts, leaseMs, provider.name))) {
      if (!token) throw new Error('another run of this send claimed it');
      await job.moveToDelayed(Date.now() + CLAIM_LOST_RETRY_MS, token);
      throw new DelayedError();
    }
    row = { ...row, attempts: row.attempts + 1 };
    try {
      const result = await outbound.send(provider);
      this.providers.succeeded(provider.name);
      await store.accepted(row.id, result, true);
      return { kind: 'accepted', result, provider: provider.name };
    } catch (e) {
      if (!(e instanceof ProviderError)) throw e;
      if (
        e.otherProviderMay &&
        this.providers.candidates(row.phone, outbound.channel).length > refusedBy.length + 1
      )
        return this.sendVia(store, row, outbound, job, token, [...refusedBy, provider.name]);
      return this.refused(store, row, provider, e, job, token);
    }
  }

  private async refused(
    store: DeliveryStore,
    row: DeliveryRow,
    provider: MessagingProvider,
    e: ProviderError,
    job: SendJob,
    token: string | undefined,
  ): Promise<SendOutcome> {
    if (e.kind === 'permanent') {
      await store.failed(row.id, e.code, e.message);
      if (e.optedOut) await this.optOuts.add(row.phone);
      return { kind: 'failed', code: e.code, message: e.message };
    }
    // The provider's own trouble (not a refusal of this number, not its flow control) counts
    // against its health: enough of it, and the next sends go to another provider.
    if (e.kind === 'transient') this.providers.failed(provider.name, e.message);
    // The request may or may not have reached the provider: the row stays 'sending' so that
    // the retry reconciles before it sends again. When the provider answered, the attempt is
    // over and there is no lease to wait for; without an answer it may still be at work.
    if (e.answered) await store.attemptEnded(row.id);
    if (e.kind === 'rate_limited' && token) {
      await job.moveToDelayed(Date.now() + (e.retryAfterMs ?? 1000), token);
      throw new DelayedError();
    }
    throw e;
  }
}
