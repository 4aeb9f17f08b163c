import { Injectable } from '@nestjs/common';
import { OnJob } from '../jobs/job.decorators.js';
import { JobName } from '../jobs/job.types.js';
import { ReminderScheduler, type ScanResult } from './reminder-scheduler.js';

/** The worker's part of the reminders: the scan every minute. */
@Injectable()
export class ReminderJobs {
  constructor(private readonly scheduler: ReminderScheduler) {}

  /**
   * A source or reminder that failed does not stop the others; the scan then fails as a whole
   * (after sending what it could), so the queue page shows it, and the next minute's scan tries
   * again what was not sent.
   */
  @OnJob(JobName.ReminderScan)
  async scan(): Promise<ScanResult> {
    const result = await this.scheduler.scan();
    if (result.failed) {
      throw new Error(`${result.failed} reminder(s) or source(s) failed (sent ${result.sent}); see the log`);
    }
    return result;
  }
}
