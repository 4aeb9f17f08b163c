import { Injectable } from '@nestjs/common';
import { OnJob } from '../jobs/job.decorators.js';
import { JobName } from '../jobs/job.types.js';
import { InspectionScheduleService, type ScheduleScanResult } from './inspection-schedule.service.js';

/** The inspections' background work, run by the worker. */
@Injectable()
export class InspectionJobs {
  constructor(private readonly schedule: InspectionScheduleService) {}

  @OnJob(JobName.InspectionScheduleScan)
  scan(): Promise<ScheduleScanResult> {
    return this.schedule.createDue();
  }
}
