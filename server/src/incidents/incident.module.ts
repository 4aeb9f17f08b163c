import { Module } from '@nestjs/common';
import { EnterpriseModule } from '../enterprises/enterprise.module.js';
import { IncidentController } from './incident.controller.js';
import { IncidentRepository } from './incident.repository.js';
import { IncidentService } from './incident.service.js';

@Module({
  imports: [EnterpriseModule],
  controllers: [IncidentController],
  providers: [IncidentService, IncidentRepository],
  exports: [IncidentService, IncidentRepository],
})
export class IncidentModule {}
