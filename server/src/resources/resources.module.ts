import { Module } from '@nestjs/common';
import { EnterpriseModule } from '../enterprises/enterprise.module.js';
import { ResourceRepository } from './resource.repository.js';
import { ResourceService } from './resource.service.js';
import { ResourceTransferService } from './resource-transfer.service.js';

/** Emergency resources; `ResourceService.nearest` is exported for incident rooms and plans. */
@Module({
  imports: [EnterpriseModule],
  providers: [ResourceRepository, ResourceService, ResourceTransferService],
  exports: [ResourceRepository, ResourceService, ResourceTransferService],
})
export class ResourcesModule {}
