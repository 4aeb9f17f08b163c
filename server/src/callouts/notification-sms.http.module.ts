import { Module } from '@nestjs/common';
import { NotificationSmsWebhookController } from './notification-sms.js';
import { NotificationSmsModule } from './notification-sms.module.js';

/** The HTTP front of NotificationSmsModule: its routes, on the core module. */
@Module({ imports: [NotificationSmsModule], controllers: [NotificationSmsWebhookController] })
export class NotificationSmsHttpModule {}
