import { Controller, HttpCode, Inject, Injectable, Post, Query, Req } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { DelayedError, type Job } from 'bullmq';
import type { Request } from 'express';
import { randomUUID } from 'node:crypto';
import { Public } from '../common/access.decorators.js';
import { APP_CONFIG, type AppConfig } from '../config/config.js';
import { Db } from '../database/db.js';
import { OnJob } from '../jobs/job.decorators.js';
import { errorCodeOf, recordIdOf } from '../twilio/webhook-params.js';
import { JobName, type JobPayloads } from '../jobs/job.types.js';
import type {
  NotificationChannel,
  NotificationContact,
  NotificationMessage,
} from '../notifications/notification.service.js';
import {
  PERMANENT_CODES,
  RECONCILE_SLACK_MS,
  SEND_LEASE_MS,
  SETTLED,
  waitForLease,
} from './callout-engine.js';
import { Outbox } from '../jobs/outbox.js';
import { MESSAGING_PROVIDER, type MessagingProvider, ProviderError } from './provider.js';
import { ProviderStatusWriter } from './provider-status.js';
import { ForbiddenError } from '../common/domain-errors.js';

interface SmsRow {
  id: string;
  phone: string;
  body: string;
  status: string;
  attempts: number;
  sending_since: Date | null;
  in_flight_until: Date | null;
}

/** Whether an SMS provider is configured at all; without one the channel is not installed. */
export function smsConfigured(config: AppConfig): boolean {
  return Boolean(config.TWILIO_ACCOUNT_SID && config.TWILIO_AUTH_TOKEN && config.TWILIO_FROM_NUMBER);
}

/** The text a phone shows: the title carries the hazard code, the body what is due and by whom. */
export function notificationSmsBody(message: Pick<NotificationMessage, 'title' | 'body'>): string {
  return `${message.title}\n${message.body}`;
}

/**
 * Notifications by SMS, through the call-out machinery: a row per text with an idempotency key
 * (the message's delivery key and the number), written in the notifying transaction together with
 * its outbox job, so the text exists exactly when the notification does and never twice.
 * Recipient users are reached at the first number of their directory contact; `contacts` carry
 * people without an account. Numbers that answered STOP are left out.
 */
@Injectable()
export class SmsNotificationChannel implements NotificationChannel {
  readonly name = 'sms';

  constructor(
    private readonly db: Db,
    private readonly outbox: Outbox,
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
    const optedOut = new Set<string>(
      (
        await this.db.manager.query(`SELECT phone FROM sms_opt_out WHERE phone = ANY($1::text[])`, [
          [...targets.keys()],
        ])
      ).map((r: { phone: string }) => r.phone),
    );
    const send = [...targets].filter(([phone]) => !optedOut.has(phone));
    if (!send.length) return;
    await this.db.transaction(async () => {
      const rows: { id: string }[] = await this.db.manager.query(
        `INSERT INTO notification_sms (idempotency_key, kind, entity, entity_id, user_id, name, phone, body)
         SELECT $1::text || ':' || t.phone, $2, $3, $4, t.user_id, t.name, t.phone, $5
           FROM unnest($6::text[], $7::uuid[], $8::text[]) AS t (phone, user_id, name)
         ON CONFLICT (idempotency_key) DO NOTHING RETURNING id`,
        [
          message.deliveryKey ?? randomUUID(),
          message.kind,
          message.entity ?? null,
          message.entityId ?? null,
          notificationSmsBody(message),
          send.map(([phone]) => phone),
          send.map(([, t]) => t.userId),
          send.map(([, t]) => t.name),
        ],
      );
      for (const r of rows) await this.outbox.enqueue(JobName.SendNotificationSms, { smsId: r.id });
    });
  }
}

/**
 * Sends one notification text, on the deliveries queue (so under the same per-number rate limit
 * as call-outs). As with call-out sends, a row found under way was interrupted: the provider's
 * records are checked for the exact text first, and a message found there is adopted, not resent.
 */
@Injectable()
export class NotificationSmsSender {
  constructor(
    private readonly db: Db,
    @Inject(MESSAGING_PROVIDER) private readonly provider: MessagingProvider,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @OnJob(JobName.SendNotificationSms)
  async send(p: JobPayloads[JobName.SendNotificationSms], job: Job, token?: string): Promise<void> {
    const [sms]: SmsRow[] = await this.db.manager.query(
      `SELECT id, phone, body, status, attempts, sending_since, in_flight_until FROM notification_sms WHERE id = $1`,
      [p.smsId],
    );
    if (!sms || SETTLED.has(sms.status)) return;
    const [opted] = await this.db.manager.query(`SELECT 1 FROM sms_opt_out WHERE phone = $1`, [sms.phone]);
    if (opted) return this.update(sms.id, { status: 'skipped' });
    if (sms.status === 'sending' && sms.sending_since) {
      await waitForLease(sms.in_flight_until, job, token);
      const since = new Date(new Date(sms.sending_since).getTime() - RECONCILE_SLACK_MS);
      const found = await this.provider.findSms(sms.phone, sms.body, since);
      if (found) return this.update(sms.id, { status: found.status, provider_sid: found.sid });
    }
    await this.db.manager.query(
      `UPDATE notification_sms SET status = 'sending', sending_since = now(), attempts = attempts + 1,
              in_flight_until = now() + $2::int * interval '1 millisecond', updated_at = now() WHERE id = $1`,
      [sms.id, SEND_LEASE_MS],
    );
    try {
      const result = await this.provider.sendSms({
        to: sms.phone,
        body: sms.body,
        statusCallback: `${this.config.PUBLIC_URL}/webhooks/twilio/notification-status?sms=${sms.id}`,
      });
      // A status callback may already have moved it on; never go back from there.
      await this.db.manager.query(
        `UPDATE notification_sms SET provider_sid = $2, in_flight_until = NULL,
                status = CASE WHEN status = 'sending' THEN $3 ELSE status END, updated_at = now()
          WHERE id = $1`,
        [sms.id, result.sid, result.status],
      );
    } catch (e) {
      if (!(e instanceof ProviderError)) throw e;
      if (e.kind === 'permanent' || (e.code !== null && PERMANENT_CODES.has(e.code))) {
        await this.update(sms.id, { status: 'failed', error_code: e.code, error_message: e.message });
        if (e.code === 21610) {
          await this.db.manager.query(`INSERT INTO sms_opt_out (phone) VALUES ($1) ON CONFLICT DO NOTHING`, [
            sms.phone,
          ]);
        }
        return;
      }
      // Whether the request reached the provider is unknown: the row stays 'sending' so that the
      // retry reconciles before it sends again. The attempt itself is over: no lease to wait.
      await this.db.manager.query(`UPDATE notification_sms SET in_flight_until = NULL WHERE id = $1`, [
        sms.id,
      ]);
      if (e.kind === 'rate_limited' && token) {
        await job.moveToDelayed(Date.now() + (e.retryAfterMs ?? 1000), token);
        throw new DelayedError();
      }
      throw e;
    }
  }

  private async update(
    id: string,
    set: { status: string; provider_sid?: string; error_code?: number | null; error_message?: string },
  ): Promise<void> {
    await this.db.manager.query(
      `UPDATE notification_sms SET status = $2, provider_sid = coalesce($3, provider_sid), in_flight_until = NULL,
              error_code = coalesce($4, error_code), error_message = coalesce($5, error_message),
              updated_at = now() WHERE id = $1`,
      [id, set.status, set.provider_sid ?? null, set.error_code ?? null, set.error_message ?? null],
    );
  }
}

/** The provider's status callbacks for notification texts; signed like every Twilio webhook. */
@ApiExcludeController()
@Controller('webhooks/twilio')
@Public()
export class NotificationSmsWebhookController {
  constructor(
    private readonly statuses: ProviderStatusWriter,
    @Inject(MESSAGING_PROVIDER) private readonly provider: MessagingProvider,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Post('notification-status')
  @HttpCode(204)
  async status(@Req() req: Request, @Query('sms') smsId: string | undefined): Promise<void> {
    const params = (req.body ?? {}) as Record<string, string>;
    const url = `${this.config.PUBLIC_URL.replace(/\/+$/, '')}${req.originalUrl}`;
    if (!this.provider.validWebhook(url, params, req.header('x-twilio-signature'))) {
      throw new ForbiddenError('Invalid X-Twilio-Signature');
    }
    const status = params.MessageStatus ?? params.SmsStatus;
    const id = recordIdOf(smsId);
    if (!id || !status) return;
    await this.statuses.apply('notification_sms', id, {
      status,
      sid: params.MessageSid ?? null,
      errorCode: errorCodeOf(params.ErrorCode),
    });
  }
}
