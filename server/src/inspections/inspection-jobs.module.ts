import { Module } from '@nestjs/common';
import { NotificationModule } from '../notifications/notification.module.js';
import { InspectionScheduleService } from './inspection-schedule.service.js';
import { InspectionJobs } from './inspection.jobs.js';

/** The worker's part of inspections: the schedule scan, without the ledger or the routes. */
@Module({
  imports: [NotificationModule],
  providers: [InspectionScheduleService, InspectionJobs],
  exports: [InspectionScheduleService],
})
export class InspectionJobsModule {}
