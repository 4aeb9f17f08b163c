import { Module, type OnModuleInit } from '@nestjs/common';
import { DirectoryModule } from '../directory/directory.module.js';
import { EnterpriseModule } from '../enterprises/enterprise.module.js';
import { FileModule } from '../files/file.module.js';
import { HazardCoreModule } from '../hazards/hazard.module.js';
import { IncidentModule } from '../incidents/incident.module.js';
import { PortalModule } from '../portal/portal.module.js';
import { PortalSections } from '../portal/portal-sections.js';
import {
  CultureActivityRepository,
  ModelApplicationRepository,
  ModelCriteriaRepository,
} from './culture.repository.js';
import { CultureService } from './culture.service.js';
import { modelEnterprisesSection } from './model-enterprises.portal.js';
import { ModelProgrammeService } from './model-programme.service.js';

/**
 * Safety culture: publicity activities and the model-enterprise programme. Publishes the model
 * enterprises on the public pages; exports the finders the assessment reads.
 */
@Module({
  imports: [EnterpriseModule, DirectoryModule, FileModule, IncidentModule, HazardCoreModule, PortalModule],
  providers: [
    CultureActivityRepository,
    ModelCriteriaRepository,
    ModelApplicationRepository,
    CultureService,
    ModelProgrammeService,
  ],
  exports: [CultureService, ModelProgrammeService],
})
export class CultureModule implements OnModuleInit {
  constructor(
    private readonly portal: PortalSections,
    private readonly programme: ModelProgrammeService,
  ) {}

  onModuleInit(): void {
    this.portal.register(modelEnterprisesSection(this.programme));
  }
}
