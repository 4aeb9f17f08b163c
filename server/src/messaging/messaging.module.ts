import { Module } from '@nestjs/common';
import { DeliverySender } from './delivery-sender.js';
import { OptOutRepository } from './opt-out.repository.js';
import { MESSAGING_PROVIDER, PROVIDER_WEBHOOKS } from './provider.js';
import { TwilioProvider } from './twilio/twilio.provider.js';
import { TwilioWebhooks } from './twilio/twilio-webhooks.js';
import { WebhookSignatureGuard } from './webhook-signature.guard.js';

/**
 * Texts and calls: the provider (Twilio) behind Muster's own interfaces, the one delivery sender
 * that call-outs and notifications send through, the opt-out list, and the webhook signature
 * check. It knows no domain: the tables of sends are the domains' stores.
 */
@Module({
  providers: [
    { provide: MESSAGING_PROVIDER, useClass: TwilioProvider },
    { provide: PROVIDER_WEBHOOKS, useClass: TwilioWebhooks },
    DeliverySender,
    OptOutRepository,
    WebhookSignatureGuard,
  ],
  exports: [MESSAGING_PROVIDER, PROVIDER_WEBHOOKS, DeliverySender, OptOutRepository, WebhookSignatureGuard],
})
export class MessagingModule {}
