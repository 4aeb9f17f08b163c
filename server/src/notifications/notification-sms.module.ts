import { Module } from '@nestjs/common';
import { JobsModule } from '../jobs/jobs.module.js';
import { MessagingModule } from '../messaging/messaging.module.js';
import { Providers } from '../messaging/providers.js';
import { NOTIFICATION_CHANNELS } from './notification.service.js';
import { SmsNotificationChannel } from './notification-sms.channel.js';
import { NotificationSmsSender } from './notification-sms.sender.js';
import { NotificationSmsStore } from './notification-sms.store.js';

/**
 * The SMS channel of notifications, installed when the provider is configured. Kept apart from
 * CalloutsModule, which needs incidents and plans: the notifications core (imported by the
 * worker's hazard jobs) needs only messaging, the outbox and the queues.
 */
@Module({
  imports: [JobsModule, MessagingModule],
  providers: [
    SmsNotificationChannel,
    NotificationSmsSender,
    NotificationSmsStore,
    {
      provide: NOTIFICATION_CHANNELS,
      inject: [Providers, SmsNotificationChannel],
      useFactory: (providers: Providers, sms: SmsNotificationChannel) =>
        providers.configured() ? [sms] : [],
    },
  ],
  exports: [NOTIFICATION_CHANNELS, NotificationSmsSender, MessagingModule],
})
export class NotificationSmsModule {}
