import { Module } from '@nestjs/common';
import { EnterpriseModule } from '../enterprises/enterprise.module.js';
import { RemindersModule } from '../reminders/reminders.module.js';
import { ResourceReminders } from './resource-reminders.js';
import { ResourceRepository } from './resource.repository.js';
import { ResourceService } from './resource.service.js';
import { ResourceTransferService } from './resource-transfer.service.js';

/**
 * Emergency resources; `ResourceService.nearest` is exported for incident rooms and plans. Their
 * inspection and expiry dates are a source of the reminder scheduler.
 */
@Module({
  imports: [EnterpriseModule, RemindersModule],
  providers: [ResourceRepository, ResourceService, ResourceTransferService, ResourceReminders],
  exports: [ResourceRepository, ResourceService, ResourceTransferService],
})
export class ResourcesModule {}
