import {
  Inject,
  Injectable,
  Logger,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
} from '@nestjs/common';
import { DiscoveryService, MetadataScanner } from '@nestjs/core';
import { type Job, UnrecoverableError, Worker, type WorkerOptions } from 'bullmq';
import { DomainError } from '../common/domain-errors.js';
import { RequestContext } from '../common/request-context.js';
import { APP_CONFIG, type AppConfig } from '../config/config.js';
import { JOB_HANDLER_KEY } from './job.decorators.js';
import { JobQueue } from './job-queue.service.js';
import { JobReconciler } from './job-reconciler.js';
import { JobName, QUEUE_OF, QueueName } from './job.types.js';
import { bullConnection, logQueueErrors } from './redis-connection.js';

type Handler = (payload: unknown, job: Job, token?: string) => Promise<unknown>;

/**
 * The rate spread over tenths of a second rather than granted a second at a time: BullMQ's
 * limiter windows are fixed, so a whole second's allowance at the end of one window and again at
 * the start of the next would let a sliding second see twice the rate.
 */
export function sendLimiter(perSecond: number): { max: number; duration: number } {
  const max = Math.max(1, Math.ceil(perSecond / 10));
  return { max, duration: Math.round((1000 * max) / perSecond) };
}

/**
 * Sends are I/O-bound and many run at once; the provider's rate per sender number is enforced by
 * BullMQ's limiter across every worker process (it is kept in Redis).
 */
export function workerOptions(queue: QueueName, config: AppConfig): Partial<WorkerOptions> {
  if (queue === QueueName.Deliveries) {
    return {
      concurrency: 100,
      ...(config.SMS_RATE_PER_SECOND > 0 ? { limiter: sendLimiter(config.SMS_RATE_PER_SECOND) } : {}),
    };
  }
  if (queue === QueueName.Callouts) return { concurrency: 20 };
  return { concurrency: 5 };
}

/** Every JobName must have exactly one handler; returns the problems, empty when sound. */
export function checkHandlers(found: { name: string; where: string }[]): string[] {
  const problems: string[] = [];
  for (const name of Object.values(JobName)) {
    const at = found.filter((f) => f.name === name).map((f) => f.where);
    if (at.length === 0) problems.push(`job ${name} has no handler`);
    if (at.length > 1) problems.push(`job ${name} has ${at.length} handlers: ${at.join(', ')}`);
  }
  const known = new Set<string>(Object.values(JobName));
  for (const f of found) if (!known.has(f.name)) problems.push(`${f.where} handles unknown job ${f.name}`);
  return problems;
}

/**
 * How a job's failure is taken: a domain error (the record is gone, the state forbids it, the
 * input is invalid) is the same at every attempt, so it fails the job at once with its reason;
 * anything else (a lost database connection, Redis, the provider) is transient and retried.
 */
export function jobFailure(e: unknown): unknown {
  return e instanceof DomainError ? new UnrecoverableError(`${e.name}: ${e.message}`) : e;
}

/**
 * The worker side of the queues: finds the `@OnJob` handlers, refuses to start unless each job
 * has exactly one, runs one BullMQ worker per queue, and installs the repeatable schedules.
 */
@Injectable()
export class JobWorker implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(JobWorker.name);
  private readonly handlers = new Map<JobName, Handler>();
  private workers: Worker[] = [];

  constructor(
    private readonly discovery: DiscoveryService,
    private readonly scanner: MetadataScanner,
    private readonly queues: JobQueue,
    private readonly context: RequestContext,
    private readonly reconciler: JobReconciler,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const found: { name: JobName; where: string; fn: Handler }[] = [];
    for (const wrapper of this.discovery.getProviders()) {
      const instance = wrapper.instance as Record<string, unknown> | undefined;
      if (!instance || typeof instance !== 'object') continue;
      const proto = Object.getPrototypeOf(instance) as object;
      for (const method of this.scanner.getAllMethodNames(proto)) {
        const fn = instance[method] as (...args: unknown[]) => Promise<unknown>;
        const name = Reflect.getMetadata(JOB_HANDLER_KEY, fn) as JobName | undefined;
        if (name) found.push({ name, where: `${proto.constructor.name}.${method}`, fn: fn.bind(instance) });
      }
    }
    const problems = checkHandlers(found);
    if (problems.length) throw new Error(`Job handlers are not one per job:\n  - ${problems.join('\n  - ')}`);
    for (const f of found) this.handlers.set(f.name, f.fn);

    for (const queue of Object.values(QueueName)) {
      const worker = new Worker(queue, (job, token) => this.run(job, token), {
        connection: bullConnection(this.config.REDIS_URL),
        prefix: this.config.REDIS_PREFIX,
        lockDuration: this.config.JOB_LOCK_SECONDS * 1000,
        stalledInterval: (this.config.JOB_LOCK_SECONDS * 1000) / 2,
        ...workerOptions(queue, this.config),
      });
      logQueueErrors(worker, queue, this.logger);
      worker.on('failed', (job, err) => {
        this.logger.error({ err, jobId: job?.id, job: job?.name, attempts: job?.attemptsMade }, 'Job failed');
        // Out of attempts: its outbox row is closed with the error, or the reconciler would
        // queue it again forever. The queue admin page shows it with the others that failed.
        if (job && (err.name === 'UnrecoverableError' || job.attemptsMade >= (job.opts.attempts ?? 1)))
          this.reconciler.jobFinished(job.id, err.message);
      });
      this.workers.push(worker);
    }
    await this.queues.installSchedules();
    this.logger.log(`Processing ${this.handlers.size} job types on ${this.workers.length} queue(s)`);
  }

  private run(job: Job, token?: string): Promise<unknown> {
    const handler = this.handlers.get(job.name as JobName);
    if (!handler || QUEUE_OF[job.name as JobName] !== job.queueName) {
      throw new Error(`No handler for job ${job.name} on queue ${job.queueName}`);
    }
    return this.context
      .runAsSystem(`job:${job.name}`, () => handler(job.data, job, token))
      .then(
        (result) => {
          this.reconciler.jobFinished(job.id);
          return result;
        },
        (e: unknown) => {
          throw jobFailure(e);
        },
      );
  }

  /** Lets running jobs finish; unstarted ones stay queued for the next worker. */
  async onApplicationShutdown(): Promise<void> {
    await Promise.all(this.workers.map((w) => w.close()));
    this.workers = [];
  }
}
