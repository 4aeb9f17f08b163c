import { Module } from '@nestjs/common';
import { CalloutController, RespondController } from './callout.controller.js';
import { TwilioWebhooksController } from './twilio-webhooks.controller.js';
import { CalloutsModule } from './callouts.module.js';

/** The HTTP front of CalloutsModule: its routes, on the core module. */
@Module({
  imports: [CalloutsModule],
  controllers: [CalloutController, RespondController, TwilioWebhooksController],
})
export class CalloutsHttpModule {}
