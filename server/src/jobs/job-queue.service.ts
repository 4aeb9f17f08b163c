import { InjectQueue } from '@nestjs/bullmq';
import { Injectable, Logger } from '@nestjs/common';
import type { JobsOptions, Queue } from 'bullmq';
import {
  JOB_ID,
  JOB_OPTIONS,
  JOB_SCHEDULES,
  type JobName,
  type JobPayloads,
  QUEUE_OF,
  QueueName,
} from './job.types.js';
import { logQueueErrors } from './redis-connection.js';

/** Completed jobs are kept a week: long enough for a deterministic id to keep deduplicating. */
const DEFAULTS: JobsOptions = {
  attempts: 5,
  backoff: { type: 'exponential', delay: 10_000 },
  removeOnComplete: { age: 7 * 24 * 3600, count: 10_000 },
  removeOnFail: { age: 30 * 24 * 3600 },
};

/** Typed producer: a job can only be enqueued with its own payload type, on its own queue. */
@Injectable()
export class JobQueue {
  private readonly queues: Record<QueueName, Queue>;

  constructor(
    @InjectQueue(QueueName.Hazards) hazards: Queue,
    @InjectQueue(QueueName.Callouts) callouts: Queue,
    @InjectQueue(QueueName.Deliveries) deliveries: Queue,
    @InjectQueue(QueueName.Drills) drills: Queue,
  ) {
    this.queues = {
      [QueueName.Hazards]: hazards,
      [QueueName.Callouts]: callouts,
      [QueueName.Deliveries]: deliveries,
      [QueueName.Drills]: drills,
    };
    const logger = new Logger(JobQueue.name);
    for (const [name, queue] of Object.entries(this.queues)) logQueueErrors(queue, name, logger);
  }

  queue(name: QueueName): Queue {
    return this.queues[name];
  }

  async add<N extends JobName>(name: N, payload: JobPayloads[N], delayMs = 0): Promise<string | undefined> {
    const jobId = (JOB_ID[name] as ((p: JobPayloads[N]) => string) | undefined)?.(payload);
    const job = await this.queues[QUEUE_OF[name]].add(name, payload, {
      ...DEFAULTS,
      ...JOB_OPTIONS[name],
      jobId,
      delay: delayMs,
    });
    return job.id;
  }

  async addBulk<N extends JobName>(
    name: N,
    payloads: JobPayloads[N][],
    delaysMs?: number[],
    jobIds?: string[],
  ): Promise<void> {
    if (!payloads.length) return;
    const idOf = JOB_ID[name] as ((p: JobPayloads[N]) => string) | undefined;
    await this.queues[QUEUE_OF[name]].addBulk(
      payloads.map((data, i) => ({
        name,
        data,
        opts: {
          ...DEFAULTS,
          ...JOB_OPTIONS[name],
          jobId: jobIds?.[i] ?? idOf?.(data),
          delay: delaysMs?.[i] ?? 0,
        },
      })),
    );
  }

  /** The Redis key of a job's hash: it exists while Redis holds the job, in whatever state. */
  jobKey(job: JobName, jobId: string): string {
    return this.queues[QUEUE_OF[job]].toKey(jobId);
  }

  /** The repeatable jobs whose scheduler Redis does not hold (it was restarted empty, say). */
  async missingSchedules(): Promise<string[]> {
    const missing: string[] = [];
    for (const s of JOB_SCHEDULES) {
      if (!(await this.queues[QUEUE_OF[s.name]].getJobScheduler(s.id))) missing.push(s.id);
    }
    return missing;
  }

  /**
   * Upserts every repeatable job: rebooting the worker never duplicates a schedule. Schedules of
   * jobs this version retired (the hazard deadline scan, now the reminder scan) are removed, or
   * Redis would keep producing jobs that no handler takes.
   */
  async installSchedules(): Promise<void> {
    const current = new Set(JOB_SCHEDULES.map((s) => s.id));
    for (const queue of Object.values(this.queues)) {
      for (const s of await queue.getJobSchedulers()) {
        if (s.key && !current.has(s.key)) await queue.removeJobScheduler(s.key);
      }
    }
    for (const s of JOB_SCHEDULES) {
      await this.queues[QUEUE_OF[s.name]].upsertJobScheduler(
        s.id,
        { every: s.everyMs },
        {
          name: s.name,
          data: s.payload,
          opts: { removeOnComplete: { count: 100 }, removeOnFail: { count: 100 } },
        },
      );
    }
  }
}
