import { Module } from '@nestjs/common';
import { ClockModule } from '../common/clock.js';
import { DocumentNumbersModule } from '../document-numbers/document-numbers.js';
import { DrillsModule } from '../drills/drills.module.js';
import { EnterpriseModule } from '../enterprises/enterprise.module.js';
import { FileModule } from '../files/file.module.js';
import { HazardCoreModule } from '../hazards/hazard.module.js';
import { UserFinder } from '../identity/user-finder.js';
import { IncidentModule } from '../incidents/incident.module.js';
import { MonitoringModule } from '../monitoring/monitoring.module.js';
import { AssessmentMeasures } from './assessment-measures.js';
import { SchemeRepository, SheetRepository } from './assessment.repository.js';
import { AssessmentService } from './assessment.service.js';
import { NoticeService } from './notice.service.js';

/** The yearly assessment's core: schemes, sheets scored from the other domains' records, notices. */
@Module({
  imports: [
    ClockModule,
    DocumentNumbersModule,
    EnterpriseModule,
    FileModule,
    HazardCoreModule,
    DrillsModule,
    IncidentModule,
    MonitoringModule,
  ],
  providers: [
    SchemeRepository,
    SheetRepository,
    AssessmentMeasures,
    AssessmentService,
    NoticeService,
    UserFinder,
  ],
  exports: [AssessmentService, NoticeService],
})
export class AssessmentsModule {}
