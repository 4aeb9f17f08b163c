import { Module } from '@nestjs/common';
import { EnterpriseController } from './enterprise.controller.js';
import { EnterpriseRepository } from './enterprise.repository.js';
import { EnterpriseService } from './enterprise.service.js';

@Module({
  controllers: [EnterpriseController],
  providers: [EnterpriseService, EnterpriseRepository],
  exports: [EnterpriseService, EnterpriseRepository],
})
export class EnterpriseModule {}
