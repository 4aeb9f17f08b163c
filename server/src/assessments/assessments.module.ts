import { Module } from '@nestjs/common';
import { ClockModule } from '../common/clock.js';
import { DocumentNumbersModule } from '../document-numbers/document-numbers.js';
import { DrillsModule } from '../drills/drills.module.js';
import { EnterpriseModule } from '../enterprises/enterprise.module.js';
import { FileModule } from '../files/file.module.js';
import { HazardCoreModule } from '../hazards/hazard.module.js';
import { UserFinder } from '../identity/user-finder.js';
import { IncidentModule } from '../incidents/incident.module.js';
import { InspectionModule } from '../inspections/inspection.module.js';
import { MeasuresModule } from '../measures/measures.module.js';
import { MonitoringModule } from '../monitoring/monitoring.module.js';
import { NotificationModule } from '../notifications/notification.module.js';
import { PlansModule } from '../plans/plans.module.js';
import { RecordMeasures } from './assessment-measures.js';
import { AssessmentRemindersModule } from './assessment-reminders.module.js';
import { PortalModule } from '../portal/portal.module.js';
import { AssessmentResultsSection } from './assessment-results-section.js';
import { SchemeRepository, SheetRepository } from './assessment.repository.js';
import { AssessmentService } from './assessment.service.js';
import { DepartmentMeasures } from './department-measures.js';
import { NoticeService } from './notice.service.js';

/**
 * The yearly assessment's core: schemes, sheets of enterprises and of zone departments scored
 * through the measures the domains register, notices, and the notifications and reminders of
 * results and objections.
 */
@Module({
  imports: [
    ClockModule,
    DocumentNumbersModule,
    EnterpriseModule,
    FileModule,
    HazardCoreModule,
    DrillsModule,
    IncidentModule,
    InspectionModule,
    MeasuresModule,
    MonitoringModule,
    NotificationModule,
    PlansModule,
    AssessmentRemindersModule,
    PortalModule,
  ],
  providers: [
    SchemeRepository,
    SheetRepository,
    RecordMeasures,
    DepartmentMeasures,
    AssessmentService,
    NoticeService,
    UserFinder,
    AssessmentResultsSection,
  ],
  exports: [AssessmentService, NoticeService],
})
export class AssessmentsModule {}
