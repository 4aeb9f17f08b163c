import { Module } from '@nestjs/common';
import { NotificationController } from './notification.controller.js';
import { NotificationRepository } from './notification.repository.js';
import { NotificationService } from './notification.service.js';

/** Without HTTP (the worker sends notifications but serves no routes). */
@Module({ providers: [NotificationService, NotificationRepository], exports: [NotificationService] })
export class NotificationCoreModule {}

@Module({ imports: [NotificationCoreModule], controllers: [NotificationController] })
export class NotificationModule {}
