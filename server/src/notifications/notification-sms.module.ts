import { Module } from '@nestjs/common';
import { JobsModule } from '../jobs/jobs.module.js';
import { MESSAGING_PROVIDER, type MessagingProvider } from '../messaging/provider.js';
import { MessagingModule } from '../messaging/messaging.module.js';
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
      inject: [MESSAGING_PROVIDER, SmsNotificationChannel],
      useFactory: (provider: MessagingProvider, sms: SmsNotificationChannel) =>
        provider.configured() ? [sms] : [],
    },
  ],
  exports: [NOTIFICATION_CHANNELS, NotificationSmsSender, MessagingModule],
})
export class NotificationSmsModule {}
