import { Module } from '@nestjs/common';
import { EnterpriseModule } from '../enterprises/enterprise.module.js';
import { FileModule } from '../files/file.module.js';
import { PlansModule } from '../plans/plans.module.js';
import { IncidentHooks } from './incident-hooks.js';
import { IncidentRepository } from './incident.repository.js';
import { IncidentService } from './incident.service.js';

@Module({
  imports: [EnterpriseModule, PlansModule, FileModule],
  providers: [IncidentService, IncidentRepository, IncidentHooks],
  exports: [IncidentService, IncidentRepository, IncidentHooks],
})
export class IncidentModule {}
