import {
  type BeforeApplicationShutdown,
  Inject,
  Injectable,
  Logger,
  type OnModuleInit,
} from '@nestjs/common';
import { DelayedError, type Job } from 'bullmq';
import { APP_CONFIG, type AppConfig } from '../config/config.js';
import type { PageFailure } from '@muster/contracts';
import { Db } from '../database/db.js';
import { OnJob } from '../jobs/job.decorators.js';
import { JOB_OPTIONS, JobName, type JobPayloads } from '../jobs/job.types.js';
import { RoomLog } from '../room-log/room-log.js';
import { isSettled } from '../messaging/delivery-status.js';
import {
  DeliverySender,
  type Outbound,
  phoneCall,
  type SendJob,
  textMessage,
} from '../messaging/delivery-sender.js';
import type { StatusUpdate } from '../messaging/delivery-store.js';
import { OptOutRepository } from '../messaging/opt-out.repository.js';
import { ReceiptSinks } from '../messaging/receipt-sinks.js';
import type { MessageKind } from '../messaging/provider.js';
import { type ProviderName, takesSms } from '../messaging/routing.js';
import { webhookUrl } from '../messaging/webhooks.js';
import { Callout, type CalloutDelivery, CalloutRecipient } from './callout.entities.js';
import { type CalloutSend, CalloutDeliveryStore } from './callout-delivery.store.js';
import { CalloutService } from './callout.service.js';
import { afterTierTimeout, tierParts } from './ladder.js';
import { Outbox } from '../jobs/outbox.js';
import { signResponseToken } from './response-link.js';
import { smsBody } from './templates.js';

/** What the ladder needs to know of a send that failed. */
export type FailedDelivery = Pick<
  CalloutDelivery,
  'calloutId' | 'recipientId' | 'tier' | 'round' | 'channel' | 'status' | 'errorCode' | 'errorMessage'
>;

/** The template kind of a call-out's pages: a drill's are worded as one. */
const kindOf = (c: { isDrill: boolean }): MessageKind => (c.isDrill ? 'drill_callout' : 'callout');

/**
 * Texts per send job when no send rate is set. BullMQ's limiter counts jobs, so with a rate each
 * text is a job of its own; without one, a job of several saves most of a job's cost per text.
 * Its texts go one after another: the queue's concurrency stays the number of sends in flight.
 */
const TEXTS_PER_JOB = 25;
/** When a text of a batch that failed for now is tried again: its own job's first back-off. */
const FIRST_RETRY_MS = (JOB_OPTIONS[JobName.SendSms]!.backoff as { delay: number }).delay;

/** A tier being paged in parts: who it pages, who of them by text, and the texted in parts. */
interface TierPaging {
  targetIds: string[];
  texted: Set<string>;
  parts: string[][];
}

const failureOf = (d: FailedDelivery): PageFailure => ({
  channel: d.channel,
  code: d.errorCode,
  status: d.status,
});

/**
 * The ladder at work, in the worker: page a tier, follow an unanswered SMS with a call, and when a
 * tier's time is up repeat it, move on or give up. Every send goes through a delivery row whose
 * idempotency key makes a retried, duplicated or restarted job unable to page anyone twice.
 */
@Injectable()
export class CalloutEngine implements OnModuleInit, BeforeApplicationShutdown {
  private readonly logger = new Logger(CalloutEngine.name);
  /** Set once the process is stopping: a batch then starts no more texts and hands them on. */
  private stopping = false;

  constructor(
    private readonly db: Db,
    private readonly callouts: CalloutService,
    private readonly rooms: RoomLog,
    private readonly outbox: Outbox,
    private readonly deliveries: CalloutDeliveryStore,
    private readonly sender: DeliverySender,
    private readonly optOuts: OptOutRepository,
    private readonly receipts: ReceiptSinks,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** Receipts that name a page only by the provider's id (Tencent's pushes) find it here. */
  onModuleInit(): void {
    this.receipts.register(async (provider, sid, s) => {
      const id = await this.deliveries.idBySid(provider, sid);
      if (id) await this.reported(id, s);
      return id !== null;
    });
  }

  /** Before the queues close, which waits for the jobs under way to finish. */
  beforeApplicationShutdown(): void {
    this.stopping = true;
  }

  private scaled(seconds: number): number {
    return seconds * 1000 * this.config.CALLOUT_TIME_SCALE;
  }

  /** The page `provider` knows as `sid`, or null. */
  deliveryOf(provider: ProviderName, sid: string): Promise<string | null> {
    return this.deliveries.idBySid(provider, sid);
  }

  /**
   * Pages a tier. Its texts go in parts of `CALLOUT_TIER_PART` people (the first of at most
   * `FIRST_PART`), each part's deliveries and send jobs committed by a transaction of its own: the
   * first texts leave while the rest of a large tier is still being written, and an answer waits
   * for the call-out's row lock one part at a time, not the whole tier's. The tier's calls, timers
   * and room event go with its last part; a call-out ended or moved on between parts pages no
   * further. Run again (a crash between parts, a retry), it pages nobody twice: a part written
   * already conflicts on its deliveries' idempotency keys and queues nothing, and only the tier's
   * event says it was paged whole.
   */
  @OnJob(JobName.CalloutTierStart)
  async startTier(p: JobPayloads[JobName.CalloutTierStart]): Promise<void> {
    const paging = await this.db.transaction(async () => {
      const callout = await this.pagingTier(p);
      if (!callout) return null;
      // Logged with the last part: the job ran whole already (queued again after Redis lost it,
      // or retried after that commit), and there is nothing to do.
      const [paged] = await this.db.manager.query(
        `SELECT 1 FROM room_event WHERE incident_id = $1 AND type = 'callout.tier_paged'
            AND payload->>'calloutId' = $2 AND payload->>'tier' = $3 AND payload->>'round' = $4`,
        [callout.incidentId, callout.id, String(p.tier), String(p.round)],
      );
      if (paged) return null;
      const tier = callout.tiers[p.tier]!;
      // Everyone of the tier who has not answered: a repeat pages again those already paged and
      // those whose page has not gone out yet. They show as notified once the provider takes one.
      const targets: { id: string; phone: string }[] = await this.db.manager.query(
        `SELECT id, phone FROM callout_recipient
          WHERE callout_id = $1 AND tier = $2 AND NOT unreachable AND state IN ('pending', 'notified')`,
        [callout.id, tier.index],
      );
      if (!targets.length) return null;
      const optedOut = await this.optOuts.among(targets.map((t) => t.phone));
      // A landline takes no texts: it is called at once, like a number that opted out of SMS.
      const texted = tier.channels.includes('sms')
        ? targets.filter((t) => !optedOut.has(t.phone) && takesSms(t.phone)).map((t) => t.id)
        : [];
      const parts = tierParts(texted, this.config.CALLOUT_TIER_PART);
      const tierPaging: TierPaging = { targetIds: targets.map((t) => t.id), texted: new Set(texted), parts };
      return (await this.pagePart(callout, p, tierPaging, 0)) ? tierPaging : null;
    });
    for (let part = 1; paging && part < paging.parts.length; part++) {
      const more = await this.db.transaction(async () => {
        const callout = await this.pagingTier(p);
        return callout !== null && this.pagePart(callout, p, paging, part);
      });
      if (!more) return;
    }
  }

  /** The call-out, locked, while it still pages this tier and round; else null. */
  private async pagingTier(p: JobPayloads[JobName.CalloutTierStart]): Promise<Callout | null> {
    const callout = await this.callouts.lock(p.calloutId);
    const current =
      callout.status === 'active' && callout.currentTier === p.tier && callout.currentRound === p.round;
    return current ? callout : null;
  }

  /**
   * Texts part `part` of the tier; the last part also queues the tier's calls and timers and logs
   * it paged. Says whether parts remain.
   */
  private async pagePart(
    callout: Callout,
    p: JobPayloads[JobName.CalloutTierStart],
    paging: TierPaging,
    part: number,
  ): Promise<boolean> {
    const texts = await this.deliveries.create(callout.id, paging.parts[part]!, p.tier, p.round, 'sms');
    await this.queueTexts(texts.map((d) => d.id));
    if (part < paging.parts.length - 1) return true;
    const tier = callout.tiers[p.tier]!;
    if (tier.channels.includes('voice')) {
      // Without an SMS (voice-only tier, or the number opted out of SMS) the call goes at once;
      // the texted are called together once the tier's voice delay has passed without an answer.
      await this.queueCalls(
        callout,
        paging.targetIds.filter((id) => !paging.texted.has(id)),
        p.tier,
        p.round,
      );
      if (paging.texted.size)
        await this.outbox.enqueue(
          JobName.CalloutVoiceEscalation,
          { calloutId: callout.id, tier: p.tier, round: p.round },
          this.scaled(tier.voiceDelaySeconds),
        );
    }
    await this.outbox.enqueue(JobName.CalloutTierTimeout, p, this.scaled(tier.ackTimeoutSeconds));
    await this.rooms.append(callout.incidentId, 'callout.tier_paged', {
      calloutId: callout.id,
      tier: p.tier,
      round: p.round,
      recipients: paging.targetIds.length,
      channels: tier.channels,
    });
    return false;
  }

  /**
   * The tier's calls: everyone of it still unanswered and reachable is called, whether or not the
   * call-out has moved on to the next tier meanwhile. Run twice, it calls nobody twice: a
   * step's call is one delivery row.
   */
  @OnJob(JobName.CalloutVoiceEscalation)
  async escalateToVoice(p: JobPayloads[JobName.CalloutVoiceEscalation]): Promise<void> {
    await this.db.transaction(async () => {
      const callout = await this.db.repo(Callout).findOneBy({ id: p.calloutId });
      if (!callout || callout.status !== 'active') return;
      const tier = callout.tiers[p.tier];
      if (!tier) return;
      const open: { id: string }[] = await this.db.manager.query(
        `SELECT id FROM callout_recipient
          WHERE callout_id = $1 AND tier = $2 AND NOT unreachable AND state IN ('pending', 'notified')
            AND ($3::uuid IS NULL OR id = $3::uuid)`,
        [callout.id, tier.index, p.recipientId ?? null],
      );
      await this.queueCalls(
        callout,
        open.map((r) => r.id),
        p.tier,
        p.round,
      );
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

  private async queueTexts(deliveryIds: string[]): Promise<void> {
    if (this.config.SMS_RATE_PER_SECOND > 0)
      return this.outbox.enqueueMany(
        JobName.SendSms,
        deliveryIds.map((deliveryId) => ({ deliveryId })),
      );
    const batches: JobPayloads[JobName.SendSmsBatch][] = [];
    for (let i = 0; i < deliveryIds.length; i += TEXTS_PER_JOB)
      batches.push({ deliveryIds: deliveryIds.slice(i, i + TEXTS_PER_JOB) });
    await this.outbox.enqueueMany(JobName.SendSmsBatch, batches);
  }

  @OnJob(JobName.SendSms)
  async sendSms(p: JobPayloads[JobName.SendSms], job: Job, token?: string): Promise<void> {
    const send = await this.sendable(p.deliveryId);
    if (send) await this.text(send, job, token);
  }

  /**
   * The texts of a batch, one after another. A text that has to wait (an earlier attempt's
   * lease, the provider's rate, a claim lost to another run) or failed for now goes on in a job
   * of its own, with its own retries, queued through the outbox; so do the texts not yet started
   * when the process is told to stop. The batch is done once each of its texts is sent, refused
   * for good, or handed on. Run again (a crash, a lost job), a batch sends none twice: each
   * text's row says how far it got.
   */
  @OnJob(JobName.SendSmsBatch)
  async sendSmsBatch(p: JobPayloads[JobName.SendSmsBatch]): Promise<void> {
    const later: { deliveryId: string; delayMs: number }[] = [];
    let firstError: unknown;
    for (const deliveryId of p.deliveryIds) {
      if (this.stopping) {
        later.push({ deliveryId, delayMs: 0 });
        continue;
      }
      let until = 0;
      const handOn: SendJob = {
        moveToDelayed: (timestamp) => {
          until = timestamp;
          return Promise.resolve();
        },
      };
      try {
        // Read just before its send, as a text's own job does: an answer or a cancellation
        // since the batch started stops it.
        const send = await this.sendable(deliveryId);
        // A batch can always postpone a text (by handing it on), hence a token.
        if (send) await this.text(send, handOn, 'batch');
      } catch (e) {
        const waits = e instanceof DelayedError;
        if (!waits) firstError ??= e;
        later.push({ deliveryId, delayMs: waits ? Math.max(0, until - Date.now()) : FIRST_RETRY_MS });
      }
    }
    if (!later.length) return;
    if (firstError)
      this.logger.warn(
        { err: firstError, handedOn: later.length },
        'texts of a batch go on in jobs of their own',
      );
    await this.db.transaction(() =>
      this.outbox.enqueueMany(
        JobName.SendSms,
        later.map(({ deliveryId }) => ({ deliveryId })),
        later.map(({ delayMs }) => delayMs),
      ),
    );
  }

  private async text(send: CalloutSend, job: SendJob, token: string | undefined): Promise<void> {
    const { delivery, recipient, callout } = send;
    const link = `${this.config.PUBLIC_URL}/r/${signResponseToken(recipient.id, this.config.JWT_SECRET)}`;
    const body = smsBody(recipient.language, {
      message: callout.message,
      isDrill: callout.isDrill,
      purpose: callout.purpose,
      responseLevel: callout.responseLevel,
      shortCode: send.otherOpenCallouts ? callout.shortCode : null,
      link,
    });
    const statusCallback = this.webhookUrl('status', delivery.id);
    const template = { kind: kindOf(callout), params: [callout.message, link] };
    await this.deliver(
      send,
      textMessage({ to: recipient.phone, body, fingerprint: link, statusCallback, template }),
      job,
      token,
    );
  }

  @OnJob(JobName.PlaceCall)
  async placeCall(p: JobPayloads[JobName.PlaceCall], job: Job, token?: string): Promise<void> {
    const send = await this.sendable(p.deliveryId);
    if (!send) return;
    const call = phoneCall({
      to: send.recipient.phone,
      scriptUrl: this.webhookUrl('voice', send.delivery.id),
      statusCallback: this.webhookUrl('status', send.delivery.id),
      template: { kind: kindOf(send.callout), params: [send.callout.message] },
    });
    await this.deliver(send, call, job, token);
  }

  /**
   * A status callback of a delivery. Only a status that moves it forwards is taken, and only then
   * does anything follow from it: a `failed` after `delivered` is recorded, not acted on.
   */
  async reported(deliveryId: string, s: StatusUpdate): Promise<void> {
    const row = await this.deliveries.report(deliveryId, s);
    if (!row) return;
    const d: FailedDelivery = {
      ...row,
      status: s.status,
      errorCode: s.errorCode,
      errorMessage: s.errorCode ? `provider error ${s.errorCode}` : row.errorMessage,
    };
    if (d.channel === 'sms' && (s.status === 'failed' || s.status === 'undelivered')) await this.smsFailed(d);
    if (d.channel === 'voice' && s.status === 'failed') await this.callFailed(d);
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
        await this.queueCalls(callout, [r.id], delivery.tier, delivery.round, failureOf(delivery));
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
      if (!(await this.deliveries.smsGotThrough(r.id)))
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

  /**
   * Calls people of one step in a handful of statements, however many; those whose call exists
   * are skipped. `failure`: the failed SMS the call follows, shown on the board.
   */
  private async queueCalls(
    callout: Callout,
    recipientIds: string[],
    tier: number,
    round: number,
    failure?: PageFailure,
  ): Promise<void> {
    if (!recipientIds.length) return;
    const created = await this.deliveries.create(callout.id, recipientIds, tier, round, 'voice');
    if (!created.length) return;
    await this.outbox.enqueueMany(
      JobName.PlaceCall,
      created.map((d) => ({ deliveryId: d.id })),
    );
    const people: { id: string; name: string; state: CalloutRecipient['state'] }[] =
      await this.db.manager.query(
        `SELECT id, name, state FROM callout_recipient WHERE id = ANY($1::uuid[])`,
        [created.map((d) => d.recipientId)],
      );
    const byId = new Map(people.map((r) => [r.id, r]));
    await this.rooms.appendMany(
      callout.incidentId,
      'callout.recipient_updated',
      created.map((d) => {
        const r = byId.get(d.recipientId)!;
        return {
          calloutId: callout.id,
          recipientId: r.id,
          name: r.name,
          state: r.state,
          channel: 'voice' as const,
          ...(failure && { failure }),
        };
      }),
    );
  }

  /**
   * The delivery with what its message is made of, or null when there is nothing to send: it was
   * sent already, or it is skipped now that its call-out ended or its recipient answered.
   */
  private async sendable(deliveryId: string): Promise<CalloutSend | null> {
    const send = await this.deliveries.forSend(deliveryId);
    if (!send || isSettled(send.delivery.status)) return null;
    const { callout, recipient } = send;
    if (callout.status !== 'active' || recipient.state === 'acknowledged' || recipient.state === 'declined') {
      await this.deliveries.skip(deliveryId);
      return null;
    }
    return send;
  }

  /** Sends through the delivery sender; a page refused for good is followed up by the ladder. */
  private async deliver(send: CalloutSend, outbound: Outbound, job: SendJob, token: string | undefined) {
    const { delivery } = send;
    const row = { ...delivery, phone: send.recipient.phone };
    const outcome = await this.sender.send(this.deliveries, row, outbound, job, token);
    if (outcome.kind !== 'failed') return;
    const failed: FailedDelivery = {
      ...delivery,
      status: 'failed',
      errorCode: outcome.code,
      errorMessage: outcome.message,
    };
    if (delivery.channel === 'sms') await this.smsFailed(failed);
    else await this.callFailed(failed);
  }

  private webhookUrl(kind: 'status' | 'voice', deliveryId: string): string {
    return webhookUrl(this.config.PUBLIC_URL, `${kind}?delivery=${deliveryId}`);
  }
}
