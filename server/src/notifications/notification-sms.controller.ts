import { Controller, HttpCode, Post, Query, UseGuards, Inject } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { Public } from '../common/access.decorators.js';
import { PROVIDER_WEBHOOKS, type ProviderWebhooks, type WebhookParams } from '../messaging/provider.js';
import { WebhookForm, WebhookSignatureGuard } from '../messaging/webhook-signature.guard.js';
import { recordIdOf, WEBHOOK_PATH } from '../messaging/webhooks.js';
import { NotificationSmsSender } from './notification-sms.sender.js';
import { ApiDoc } from '../common/api-docs.js';

/** The provider's status callbacks for notification texts; signed like every provider webhook. */
@ApiExcludeController()
@Controller(WEBHOOK_PATH)
@Public()
@UseGuards(WebhookSignatureGuard)
export class NotificationSmsWebhookController {
  constructor(
    private readonly texts: NotificationSmsSender,
    @Inject(PROVIDER_WEBHOOKS) private readonly webhooks: ProviderWebhooks,
  ) {}

  @ApiDoc('Twilio status callback for a notification SMS', 400, 403)
  @Post('notification-status')
  @HttpCode(204)
  async status(@WebhookForm() form: WebhookParams, @Query('sms') smsId: string | undefined): Promise<void> {
    const report = this.webhooks.report(form);
    const id = recordIdOf(smsId);
    if (!id || report?.channel !== 'sms' || !report.status) return;
    await this.texts.reported(id, { status: report.status, sid: report.sid, errorCode: report.errorCode });
  }
}
