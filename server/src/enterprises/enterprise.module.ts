import { Module } from '@nestjs/common';
import { EnterpriseRepository } from './enterprise.repository.js';
import { EnterpriseService } from './enterprise.service.js';

@Module({
  providers: [EnterpriseService, EnterpriseRepository],
  exports: [EnterpriseService, EnterpriseRepository],
})
export class EnterpriseModule {}
