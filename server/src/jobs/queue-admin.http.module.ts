import { Module } from '@nestjs/common';
import { QueueAdminController } from './queue-admin.controller.js';
import { QueueAdminModule } from './queue-admin.module.js';

/** The HTTP front of QueueAdminModule: its routes, on the core module. */
@Module({ imports: [QueueAdminModule], controllers: [QueueAdminController] })
export class QueueAdminHttpModule {}
