import { Module } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '../config/config.js';
import { JobsModule } from '../jobs/jobs.module.js';
import { NOTIFICATION_CHANNELS } from '../notifications/notification.service.js';
import { NotificationSmsSender, SmsNotificationChannel, smsConfigured } from './notification-sms.js';
import { MESSAGING_PROVIDER } from './provider.js';
import { ProviderStatusWriter } from './provider-status.js';
import { TwilioProvider } from './twilio.provider.js';

/**
 * The SMS channel of notifications. Kept apart from CalloutsModule, which needs incidents and
 * plans: the notifications core (imported by the worker's hazard jobs) needs only the provider,
 * the outbox and the queues.
 */
@Module({
  imports: [JobsModule],
  providers: [
    { provide: MESSAGING_PROVIDER, useClass: TwilioProvider },
    SmsNotificationChannel,
    NotificationSmsSender,
    ProviderStatusWriter,
    {
      provide: NOTIFICATION_CHANNELS,
      inject: [APP_CONFIG, SmsNotificationChannel],
      useFactory: (config: AppConfig, sms: SmsNotificationChannel) => (smsConfigured(config) ? [sms] : []),
    },
  ],
  exports: [NOTIFICATION_CHANNELS, MESSAGING_PROVIDER, ProviderStatusWriter],
})
export class NotificationSmsModule {}
