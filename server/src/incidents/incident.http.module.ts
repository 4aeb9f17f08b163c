import { Module } from '@nestjs/common';
import { IncidentFormsController } from './incident-forms.controller.js';
import { IncidentFormsService } from './incident-forms.service.js';
import { IncidentController } from './incident.controller.js';
import { DirectoryModule } from '../directory/directory.module.js';
import { FileModule } from '../files/file.module.js';
import { IncidentModule } from './incident.module.js';
import { ReportingChainController } from './reporting-chain.controller.js';

/** The HTTP front of IncidentModule: its routes, on the core module. */
@Module({
  imports: [IncidentModule, FileModule, DirectoryModule],
  controllers: [IncidentController, ReportingChainController, IncidentFormsController],
  providers: [IncidentFormsService],
})
export class IncidentHttpModule {}
