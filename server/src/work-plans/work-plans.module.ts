import { Module } from '@nestjs/common';
import { DirectoryModule } from '../directory/directory.module.js';
import { EnterpriseModule } from '../enterprises/enterprise.module.js';
import { FileModule } from '../files/file.module.js';
import { MeasuresModule } from '../measures/measures.module.js';
import { UserFinder } from '../identity/user-finder.js';
import { NotificationModule } from '../notifications/notification.module.js';
import { RemindersModule } from '../reminders/reminders.module.js';
import { WorkPlanExportService } from './work-plan-export.service.js';
import { WorkPlanMeasures } from './work-plan-measures.js';
import { WorkPlanReminders } from './work-plan-reminders.js';
import {
  WorkPlanReportRepository,
  WorkPlanRepository,
  WorkPlanTemplateRepository,
  WorkPlanVersionRepository,
} from './work-plan.repository.js';
import { WorkPlanService } from './work-plan.service.js';

/**
 * Enterprises' implementation plans of the zone's work plan: the yearly template, each plan and
 * its review, the quarterly progress reports. Their deadlines are a source of the reminder
 * scheduler; the assessment scores them through `WorkPlanMeasures`.
 */
@Module({
  imports: [
    DirectoryModule,
    EnterpriseModule,
    FileModule,
    MeasuresModule,
    NotificationModule,
    RemindersModule,
  ],
  providers: [
    WorkPlanTemplateRepository,
    WorkPlanRepository,
    WorkPlanVersionRepository,
    WorkPlanReportRepository,
    WorkPlanService,
    WorkPlanExportService,
    WorkPlanReminders,
    WorkPlanMeasures,
    UserFinder,
  ],
  exports: [WorkPlanService, WorkPlanExportService],
})
export class WorkPlansModule {}
