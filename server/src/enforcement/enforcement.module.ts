import { Module } from '@nestjs/common';
import { ClockModule } from '../common/clock.js';
import { DocumentNumbersModule } from '../document-numbers/document-numbers.js';
import { EnterpriseModule } from '../enterprises/enterprise.module.js';
import { HazardModule } from '../hazards/hazard.module.js';
import { InspectionModule } from '../inspections/inspection.module.js';
import { PortalModule } from '../portal/portal.module.js';
import { RemindersModule } from '../reminders/reminders.module.js';
import { EnforcementDisclosure } from './enforcement-disclosure.js';
import { EnforcementReminders } from './enforcement-reminders.js';
import { EnforcementCaseRepository } from './enforcement.repository.js';
import { EnforcementService } from './enforcement.service.js';
import { InstrumentPdfService } from './instrument-pdf.service.js';

/** The deadlines of open cases, a source of the reminder scheduler (the worker runs only this). */
@Module({ imports: [RemindersModule], providers: [EnforcementReminders] })
export class EnforcementJobsModule {}

/**
 * Enforcement cases and their numbered instruments; the deadlines they run; and the disclosed
 * cases, registered as the public pages' `enforcement` section.
 */
@Module({
  imports: [
    ClockModule,
    DocumentNumbersModule,
    EnterpriseModule,
    HazardModule,
    InspectionModule,
    PortalModule,
    EnforcementJobsModule,
  ],
  providers: [EnforcementCaseRepository, EnforcementService, InstrumentPdfService, EnforcementDisclosure],
  exports: [EnforcementService, InstrumentPdfService],
})
export class EnforcementModule {}
