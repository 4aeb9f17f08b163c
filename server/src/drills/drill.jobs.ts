import { Injectable } from '@nestjs/common';
import { OnJob } from '../jobs/job.decorators.js';
import { JobName, type JobPayloads } from '../jobs/job.types.js';
import { DrillRunService, type FireOutcome } from './drill-run.service.js';

/** The scenario clocks' background work, run by the worker. */
@Injectable()
export class DrillJobs {
  constructor(private readonly runs: DrillRunService) {}

  @OnJob(JobName.DrillInjectDue)
  async injectDue(p: JobPayloads[JobName.DrillInjectDue]): Promise<{ outcome: FireOutcome }> {
    return { outcome: await this.runs.fireDue(p) };
  }

  @OnJob(JobName.DrillClockSweep)
  async sweep(): Promise<{ drillsCaughtUp: number }> {
    return { drillsCaughtUp: await this.runs.sweep() };
  }
}
