import { Module } from '@nestjs/common';
import { DeliverySender } from './delivery-sender.js';
import { OptOutRepository } from './opt-out.repository.js';
import { PROVIDER_WEBHOOKS } from './provider.js';
import { Providers } from './providers.js';
import { ReceiptSinks } from './receipt-sinks.js';
import { TencentPushGuard } from './tencent/tencent-push.js';
import { TencentProvider } from './tencent/tencent.provider.js';
import { TencentVoicePushes } from './tencent/tencent-voice-pushes.js';
import { TwilioProvider } from './twilio/twilio.provider.js';
import { TwilioWebhooks } from './twilio/twilio-webhooks.js';
import { StatusCallbacks } from './status-callbacks.js';
import { WebhookSignatureGuard } from './webhook-signature.guard.js';

/**
 * Texts and calls: the providers (Twilio; Tencent Cloud for mainland numbers) behind Muster's own
 * interfaces with their routes and health, the one delivery sender that call-outs and
 * notifications send through, the opt-out list, and the checks of the providers' webhooks and
 * pushes. It knows no domain: the tables of sends are the domains' stores.
 */
@Module({
  providers: [
    TwilioProvider,
    TencentProvider,
    Providers,
    { provide: PROVIDER_WEBHOOKS, useClass: TwilioWebhooks },
    TencentPushGuard,
    TencentVoicePushes,
    ReceiptSinks,
    DeliverySender,
    OptOutRepository,
    WebhookSignatureGuard,
    StatusCallbacks,
  ],
  exports: [
    Providers,
    PROVIDER_WEBHOOKS,
    DeliverySender,
    OptOutRepository,
    WebhookSignatureGuard,
    TencentPushGuard,
    TencentVoicePushes,
    ReceiptSinks,
    StatusCallbacks,
  ],
})
export class MessagingModule {}
