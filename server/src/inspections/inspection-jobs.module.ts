import { Module } from '@nestjs/common';
import { NotificationCoreModule } from '../notifications/notification.module.js';
import { InspectionScheduleService } from './inspection-schedule.service.js';
import { InspectionJobs } from './inspection.jobs.js';

/**
 * The worker's part of inspections: the schedule scan. Needs neither the ledger's HTTP side nor
 * the inspection routes, so the hazard jobs module can carry it without an import cycle.
 */
@Module({
  imports: [NotificationCoreModule],
  providers: [InspectionScheduleService, InspectionJobs],
  exports: [InspectionScheduleService],
})
export class InspectionJobsModule {}
