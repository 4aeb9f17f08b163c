import { Module } from '@nestjs/common';
import { JobsModule } from './jobs.module.js';
import { QueueAdminService } from './queue-admin.service.js';

/** Queue inspection and repair for the admin pages (the worker boots JobsModule without it). */
@Module({
  imports: [JobsModule],
  providers: [QueueAdminService],
  exports: [QueueAdminService],
})
export class QueueAdminModule {}
