import { Module } from '@nestjs/common';
import { EnterpriseModule } from '../enterprises/enterprise.module.js';
import { HazardCoreModule } from '../hazards/hazard.module.js';
import { InspectionModule } from '../inspections/inspection.module.js';
import { RemindersModule } from '../reminders/reminders.module.js';
import { RiskCardService } from './risk-card.service.js';
import { RiskPlansService } from './risk-plans.service.js';
import { RiskPointRepository } from './risk-point.repository.js';
import { RiskReminders } from './risk-reminders.js';
import { RiskService } from './risk.service.js';

/**
 * The risk register (dual prevention's first half): risk points, their grading and controls, the
 * inspection plans their measures generate. Their reassessment dates are a reminder source.
 */
@Module({
  imports: [EnterpriseModule, HazardCoreModule, InspectionModule, RemindersModule],
  providers: [RiskPointRepository, RiskService, RiskPlansService, RiskCardService, RiskReminders],
  exports: [RiskService, RiskPlansService, RiskCardService],
})
export class RisksModule {}

/** The worker's part: the reassessment reminders. */
@Module({
  imports: [RemindersModule],
  providers: [RiskPointRepository, RiskReminders],
})
export class RiskJobsModule {}
