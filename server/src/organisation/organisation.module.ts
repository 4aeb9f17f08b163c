import { Module } from '@nestjs/common';
import { MeasuresModule } from '../measures/measures.module.js';
import { SafetyOfficeMeasures } from './safety-office-measures.js';

import { DirectoryModule } from '../directory/directory.module.js';
import { EnterpriseModule } from '../enterprises/enterprise.module.js';
import { FileModule } from '../files/file.module.js';
import { RemindersModule } from '../reminders/reminders.module.js';
import { DecisionReminders } from './decision-reminders.js';
import { LeadingGroupRepository } from './leading-group.repository.js';
import { LeadingGroupService } from './leading-group.service.js';
import { OrganisationService } from './organisation.service.js';
import { SafetyOrgRepository } from './safety-org.repository.js';

/**
 * Organisation: the zone's leading group, its meetings and the decisions it assigns (a source of
 * the reminder scheduler by their deadlines), and each enterprise's safety organisation, whose
 * status `OrganisationService.safetyOfficeStatusByEnterprise` answers for the assessment.
 */
@Module({
  imports: [MeasuresModule, DirectoryModule, EnterpriseModule, FileModule, RemindersModule],
  providers: [
    SafetyOfficeMeasures,
    LeadingGroupRepository,
    SafetyOrgRepository,
    LeadingGroupService,
    OrganisationService,
    DecisionReminders,
  ],
  exports: [LeadingGroupService, OrganisationService],
})
export class OrganisationModule {}
