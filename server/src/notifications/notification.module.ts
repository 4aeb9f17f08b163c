import { Module } from '@nestjs/common';
import { NotificationSmsModule } from './notification-sms.module.js';
import { NotificationRepository } from './notification.repository.js';
import { NotificationService } from './notification.service.js';

/** Notifications in the app and by SMS (the worker sends them too; the routes are the HTTP module's). */
@Module({
  imports: [NotificationSmsModule],
  providers: [NotificationService, NotificationRepository],
  exports: [NotificationService],
})
export class NotificationModule {}
