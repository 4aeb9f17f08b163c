import { Injectable } from '@nestjs/common';
import { OnJob } from '../jobs/job.decorators.js';
import { JobName } from '../jobs/job.types.js';
import { ReminderScheduler, type ScanResult } from './reminder-scheduler.js';

/** The worker's part of the reminders: the scan every minute. */
@Injectable()
export class ReminderJobs {
  constructor(private readonly scheduler: ReminderScheduler) {}

  @OnJob(JobName.ReminderScan)
  scan(): Promise<ScanResult> {
    return this.scheduler.scan();
  }
}
