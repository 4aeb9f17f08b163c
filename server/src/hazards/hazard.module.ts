import { Module } from '@nestjs/common';
import { ClockModule } from '../common/clock.js';
import { FileModule } from '../files/file.module.js';
import { InspectionJobsModule } from '../inspections/inspection-jobs.module.js';
import { JobsModule } from '../jobs/jobs.module.js';
import { NotificationCoreModule } from '../notifications/notification.module.js';
import { PlansModule } from '../plans/plans.module.js';
import { HazardController } from './hazard.controller.js';
import { HazardDeadlineService } from './hazard-deadline.service.js';
import { HazardJobs } from './hazard.jobs.js';
import { HazardMapService } from './hazard-map.service.js';
import { HazardReportService } from './hazard-report.service.js';
import { HazardRepository } from './hazard.repository.js';
import { HazardService } from './hazard.service.js';

/** What both the server and the worker run: the ledger's repository and its deadlines. */
@Module({
  imports: [ClockModule, NotificationCoreModule],
  providers: [HazardRepository, HazardDeadlineService],
  exports: [HazardRepository, HazardDeadlineService, NotificationCoreModule],
})
export class HazardCoreModule {}

@Module({
  imports: [HazardCoreModule, FileModule, PlansModule],
  controllers: [HazardController],
  providers: [HazardService, HazardReportService, HazardMapService],
  exports: [HazardService],
})
export class HazardModule {}

/** The worker's part: the queue handlers of the ledger, its inspection schedule included. */
@Module({ imports: [HazardCoreModule, JobsModule, InspectionJobsModule], providers: [HazardJobs] })
export class HazardJobsModule {}
