import { Module } from '@nestjs/common';
import { ClockModule } from '../common/clock.js';
import { FileModule } from '../files/file.module.js';
import { NotificationModule } from '../notifications/notification.module.js';
import { PlansModule } from '../plans/plans.module.js';
import { RemindersModule } from '../reminders/reminders.module.js';
import { HazardDeadlineService } from './hazard-deadline.service.js';
import { HazardMapService } from './hazard-map.service.js';
import { HazardReportService } from './hazard-report.service.js';
import { HazardRepository } from './hazard.repository.js';
import { HazardService } from './hazard.service.js';

/**
 * What both the server and the worker run: the ledger's repository and its deadlines (a source of
 * the reminder scheduler).
 */
@Module({
  imports: [ClockModule, NotificationModule, RemindersModule],
  providers: [HazardRepository, HazardDeadlineService],
  exports: [HazardRepository, HazardDeadlineService, NotificationModule],
})
export class HazardCoreModule {}

@Module({
  imports: [HazardCoreModule, FileModule, PlansModule],
  providers: [HazardService, HazardReportService, HazardMapService],
  exports: [HazardService, HazardMapService, HazardReportService],
})
export class HazardModule {}

/** The worker's part: the deadlines it reminds of, through the one reminder scheduler. */
@Module({ imports: [HazardCoreModule] })
export class HazardJobsModule {}
