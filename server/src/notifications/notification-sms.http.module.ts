import { Module } from '@nestjs/common';
import { NotificationSmsModule } from './notification-sms.module.js';
import { NotificationSmsStatusRoute } from './notification-sms.status-route.js';

/** The HTTP front of NotificationSmsModule: the provider's status callbacks for its texts. */
@Module({ imports: [NotificationSmsModule], providers: [NotificationSmsStatusRoute] })
export class NotificationSmsHttpModule {}
