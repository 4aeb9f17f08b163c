import { Module } from '@nestjs/common';
import { JobsModule } from './jobs.module.js';
import { QueueAdminController } from './queue-admin.controller.js';
import { QueueAdminService } from './queue-admin.service.js';

/** The queue inspection API of the server (the worker boots JobsModule without it). */
@Module({
  imports: [JobsModule],
  controllers: [QueueAdminController],
  providers: [QueueAdminService],
})
export class QueueAdminModule {}
