import { Module } from '@nestjs/common';
import { NotificationController } from './notification.controller.js';
import { NotificationModule } from './notification.module.js';

/** The HTTP front of notifications: the inbox routes, on the core module. */
@Module({ imports: [NotificationModule], controllers: [NotificationController] })
export class NotificationHttpModule {}
