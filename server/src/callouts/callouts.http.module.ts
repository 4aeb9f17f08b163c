import { Module } from '@nestjs/common';
import { CalloutController, RespondController } from './callout.controller.js';
import { CalloutWebhooksController } from './callout-webhooks.controller.js';
import { CalloutTencentPushController } from './callout-tencent-push.controller.js';
import { ProviderHealthController } from './provider-health.controller.js';
import { CalloutsModule } from './callouts.module.js';
import { MyCalloutsController } from './my-callouts.controller.js';

/** The HTTP front of CalloutsModule: its routes, on the core module. */
@Module({
  imports: [CalloutsModule],
  controllers: [
    CalloutController,
    RespondController,
    CalloutWebhooksController,
    CalloutTencentPushController,
    MyCalloutsController,
    ProviderHealthController,
  ],
})
export class CalloutsHttpModule {}
