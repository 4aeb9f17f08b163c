import { Module } from '@nestjs/common';
import { AssessmentsModule } from '../assessments/assessments.module.js';
import { ClockModule } from '../common/clock.js';
import { EnterpriseModule } from '../enterprises/enterprise.module.js';
import { FileModule } from '../files/file.module.js';
import { HazardModule } from '../hazards/hazard.module.js';
import { UserFinder } from '../identity/user-finder.js';
import { IncidentModule } from '../incidents/incident.module.js';
import { PlansModule } from '../plans/plans.module.js';
import { RemindersModule } from '../reminders/reminders.module.js';
import { AccountabilityReminders } from './accountability-reminders.js';
import { AccountabilityRepository, EnforcementCaseFinder } from './accountability.repository.js';
import { AccountabilityService } from './accountability.service.js';
import { Findings } from './findings.js';

/**
 * What the worker needs of accountability: the records and their overdue measures, as a source
 * of the reminder scheduler, without the domains the findings are read from.
 */
@Module({
  imports: [RemindersModule],
  providers: [AccountabilityRepository, AccountabilityReminders],
  exports: [AccountabilityRepository],
})
export class AccountabilityRemindersModule {}

/** Accountability (责任追究): records linking findings to the people responsible. */
@Module({
  imports: [
    AccountabilityRemindersModule,
    AssessmentsModule,
    ClockModule,
    EnterpriseModule,
    FileModule,
    HazardModule,
    IncidentModule,
    PlansModule,
  ],
  providers: [AccountabilityService, EnforcementCaseFinder, Findings, UserFinder],
  exports: [AccountabilityService],
})
export class AccountabilityModule {}
