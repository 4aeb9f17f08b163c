import { Module } from '@nestjs/common';
import { NotificationSmsModule } from './notification-sms.module.js';
import { NotificationController } from './notification.controller.js';
import { NotificationRepository } from './notification.repository.js';
import { NotificationService } from './notification.service.js';

/** The service without the routes (the worker sends notifications but serves none). */
@Module({
  imports: [NotificationSmsModule],
  providers: [NotificationService, NotificationRepository],
  exports: [NotificationService],
})
export class NotificationCoreModule {}

@Module({ imports: [NotificationCoreModule], controllers: [NotificationController] })
export class NotificationModule {}
