import { Injectable } from '@nestjs/common';
import { OnJob } from '../jobs/job.decorators.js';
import { JobName } from '../jobs/job.types.js';
import { IngestService } from './ingest.service.js';

/** Hourly: the reading partitions of the coming week exist, those past retention are dropped. */
@Injectable()
export class ReadingPartitionsJob {
  constructor(private readonly ingest: IngestService) {}

  @OnJob(JobName.ReadingPartitions)
  run(): Promise<void> {
    return this.ingest.maintainPartitions();
  }
}
