import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import type { Job } from 'bullmq';
import { APP_CONFIG, type AppConfig } from '../config/config.js';
import { OnJob } from '../jobs/job.decorators.js';
import { JobName, type JobPayloads } from '../jobs/job.types.js';
import { isSettled } from '../messaging/delivery-status.js';
import { DeliverySender, textMessage } from '../messaging/delivery-sender.js';
import type { StatusUpdate } from '../messaging/delivery-store.js';
import { OptOutRepository } from '../messaging/opt-out.repository.js';
import { ReceiptSinks } from '../messaging/receipt-sinks.js';
import { webhookUrl } from '../messaging/webhooks.js';
import { NotificationSmsStore } from './notification-sms.store.js';

/**
 * Sends one notification text, on the deliveries queue (so under the same per-number rate limit
 * as call-outs), through the same delivery sender: a text found under way was interrupted, and
 * one found at the provider is adopted, not sent again. A number that said STOP since the text
 * was written is skipped.
 */
@Injectable()
export class NotificationSmsSender implements OnModuleInit {
  constructor(
    private readonly texts: NotificationSmsStore,
    private readonly sender: DeliverySender,
    private readonly optOuts: OptOutRepository,
    private readonly receipts: ReceiptSinks,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** Receipts that name a text only by the provider's id (Tencent's pushes) find it here. */
  onModuleInit(): void {
    this.receipts.register(async (provider, sid, s) => {
      const id = await this.texts.idBySid(provider, sid);
      if (id) await this.reported(id, s);
      return id !== null;
    });
  }

  @OnJob(JobName.SendNotificationSms)
  async send(p: JobPayloads[JobName.SendNotificationSms], job: Job, token?: string): Promise<void> {
    const sms = await this.texts.get(p.smsId);
    if (!sms || isSettled(sms.status)) return;
    if (await this.optOuts.has(sms.phone)) return this.texts.skip(sms.id);
    const statusCallback = webhookUrl(this.config.PUBLIC_URL, `notification-status?sms=${sms.id}`);
    await this.sender.send(
      this.texts,
      sms,
      textMessage({
        to: sms.phone,
        body: sms.body,
        statusCallback,
        template: { kind: sms.reminder ? 'reminder' : 'warning', params: [sms.body] },
      }),
      job,
      token,
    );
  }

  /** A status callback of a text: recorded if it moves the text forwards. */
  async reported(smsId: string, s: StatusUpdate): Promise<void> {
    await this.texts.report(smsId, s);
  }
}
