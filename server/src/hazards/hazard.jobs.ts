import { Injectable } from '@nestjs/common';
import { OnJob } from '../jobs/job.decorators.js';
import { JobQueue } from '../jobs/job-queue.service.js';
import { JobName, type JobPayloads } from '../jobs/job.types.js';
import { HazardDeadlineService } from './hazard-deadline.service.js';

/** The hazard ledger's background work, run by the worker. */
@Injectable()
export class HazardJobs {
  constructor(
    private readonly deadlines: HazardDeadlineService,
    private readonly queue: JobQueue,
  ) {}

  @OnJob(JobName.HazardDeadlineScan)
  async scan(): Promise<{ enqueued: number }> {
    const due = await this.deadlines.scan();
    await this.queue.addBulk(JobName.HazardReminder, due);
    return { enqueued: due.length };
  }

  @OnJob(JobName.HazardReminder)
  async remind(p: JobPayloads[JobName.HazardReminder]): Promise<{ sent: boolean }> {
    return { sent: await this.deadlines.sendReminder(p) };
  }
}
