import { Injectable } from '@nestjs/common';
import type { Job } from 'bullmq';
import { AuditService } from '../audit/audit.service.js';
import type { ListResponse, QueueJobState, QueueJobView, QueueSummaryView } from '@muster/contracts';
import { Db } from '../database/db.js';
import { JobQueue } from './job-queue.service.js';
import { QueueName } from './job.types.js';
import { ConflictError, NotFoundError } from '../common/domain-errors.js';

const COUNTED = [
  'waiting',
  'active',
  'delayed',
  'failed',
  'completed',
  'prioritized',
  'waiting-children',
] as const;

/** Enough of a stack to see where a job failed, without shipping kilobytes per job. */
const STACK_LINES = 8;

function isQueueName(name: string): name is QueueName {
  return (Object.values(QueueName) as string[]).includes(name);
}

const iso = (ms: number | undefined | null): string | null => (ms ? new Date(ms).toISOString() : null);

/**
 * What the zone admin sees of the background jobs: counts per queue, the jobs of one state, and
 * a retry for a failed one (after the cause, e.g. a provider outage, has been dealt with).
 */
@Injectable()
export class QueueAdminService {
  constructor(
    private readonly jobs: JobQueue,
    private readonly db: Db,
    private readonly audit: AuditService,
  ) {}

  async summaries(): Promise<ListResponse<QueueSummaryView>> {
    const items = await Promise.all(
      Object.values(QueueName).map(async (name) => {
        const queue = this.jobs.queue(name);
        const counts = (await queue.getJobCounts(...COUNTED)) as QueueSummaryView['counts'];
        for (const state of COUNTED) counts[state] ??= 0;
        return { name, paused: await queue.isPaused(), counts };
      }),
    );
    return { items, total: items.length };
  }

  async list(
    name: string,
    state: QueueJobState,
    page: number,
    pageSize: number,
  ): Promise<ListResponse<QueueJobView>> {
    const queue = this.jobs.queue(this.queueName(name));
    const start = (page - 1) * pageSize;
    // Newest first: after an incident the admin looks for what just went wrong.
    const [jobs, total] = await Promise.all([
      queue.getJobs([state], start, start + pageSize - 1, false),
      queue.getJobCountByTypes(state),
    ]);
    return { items: jobs.filter(Boolean).map((j) => this.view(name, state, j)), total };
  }

  async retry(name: string, jobId: string): Promise<QueueJobView> {
    const queue = this.jobs.queue(this.queueName(name));
    const job = await queue.getJob(jobId);
    if (!job) throw new NotFoundError(`No job ${jobId} in queue ${name}`);
    const state = await job.getState();
    if (state !== 'failed')
      throw new ConflictError(`Only a failed job can be retried (this one is ${state})`);
    return this.db.transaction(async () => {
      await this.audit.record({
        action: 'job.retried',
        entity: 'job',
        entityId: null,
        after: { queue: name, jobId, name: job.name, failedReason: job.failedReason },
      });
      // Last, so a refused audit row leaves the job where it was.
      await job.retry('failed');
      const fresh = await queue.getJob(jobId);
      const now = (await fresh?.getState()) ?? 'waiting';
      return this.view(name, (now === 'unknown' ? 'waiting' : now) as QueueJobState, fresh ?? job);
    });
  }

  private queueName(name: string): QueueName {
    if (!isQueueName(name)) throw new NotFoundError(`No queue named ${name}`);
    return name;
  }

  private view(queue: string, state: QueueJobState, j: Job): QueueJobView {
    const stack = j.stacktrace?.at(-1) ?? null;
    return {
      id: String(j.id),
      name: j.name,
      queue,
      state,
      data: j.data,
      attemptsMade: j.attemptsMade,
      attempts: j.opts.attempts ?? 1,
      failedReason: j.failedReason || null,
      stacktrace: stack ? stack.split('\n').slice(0, STACK_LINES).join('\n') : null,
      createdAt: new Date(j.timestamp).toISOString(),
      processedAt: iso(j.processedOn),
      finishedAt: iso(j.finishedOn),
      dueAt: state === 'delayed' ? iso(j.timestamp + (j.opts.delay ?? 0)) : null,
    };
  }
}
