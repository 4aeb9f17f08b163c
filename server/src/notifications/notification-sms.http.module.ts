import { Module } from '@nestjs/common';
import { NotificationSmsWebhookController } from './notification-sms.controller.js';
import { NotificationSmsModule } from './notification-sms.module.js';

/** The HTTP front of NotificationSmsModule: the provider's status callbacks for its texts. */
@Module({ imports: [NotificationSmsModule], controllers: [NotificationSmsWebhookController] })
export class NotificationSmsHttpModule {}
