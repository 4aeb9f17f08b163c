import {
  Inject,
  Injectable,
  Logger,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
} from '@nestjs/common';
import { Redis } from 'ioredis';
import { APP_CONFIG, type AppConfig } from '../config/config.js';
import { Db } from '../database/db.js';
import { OnJob } from './job.decorators.js';
import { JobQueue } from './job-queue.service.js';
import { JobName } from './job.types.js';
import { Outbox, type OutboxRow } from './outbox.js';
import { bullConnection } from './redis-connection.js';

/** Open rows checked against Redis per round-trip. */
const PAGE = 2000;
/** Finished jobs are closed in PostgreSQL in batches, at most this long after they finish. */
const FLUSH_MS = 200;
/** Closed rows are kept as long as BullMQ keeps completed jobs, then deleted. */
const KEEP_DONE = '7 days';

export interface Reconciliation {
  /** Schedulers that were missing and were installed again. */
  schedules: string[];
  /** Outbox rows that had not reached Redis yet and were relayed. */
  relayed: number;
  /** Jobs that Redis had lost and that were queued again. */
  requeued: number;
}

/**
 * Keeps Redis in step with PostgreSQL, the source of truth for every job that must run. On boot,
 * whenever Redis comes back, and every JOB_RECONCILE_SECONDS it: installs the repeatable jobs
 * again if Redis lost them, relays outbox rows still waiting, and queues again, under the same
 * job id, every open row whose job Redis no longer holds. Handlers are idempotent (delivery rows,
 * claimed reminders, the drill clock), so a job queued again that had in fact run does nothing.
 */
@Injectable()
export class JobReconciler implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(JobReconciler.name);
  private watcher: Redis | null = null;
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<Reconciliation | null> | null = null;
  private finished: { jobId: string; error?: string }[] = [];
  private flushTimer: NodeJS.Timeout | null = null;
  private flushing: Promise<void> = Promise.resolve();
  private stopped = false;

  constructor(
    private readonly db: Db,
    private readonly outbox: Outbox,
    private readonly queues: JobQueue,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  onApplicationBootstrap(): void {
    // A connection of its own whose 'ready' after a loss means Redis is back (perhaps empty):
    // the schedules and lost jobs are restored then rather than at the next tick.
    let wasReady = false;
    this.watcher = new Redis({
      ...bullConnection(this.config.REDIS_URL),
      connectionName: 'muster-reconciler',
    });
    this.watcher.on('error', () => undefined); // outages are logged by the Redis module
    this.watcher.on('ready', () => {
      if (wasReady) void this.reconcileSoon('Redis is back');
      wasReady = true;
    });
    this.timer = setInterval(() => void this.reconcileSoon(), this.config.JOB_RECONCILE_SECONDS * 1000);
    this.timer.unref();
    void this.reconcileSoon('boot');
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearInterval(this.timer);
    // A reconciliation waits for Redis while it is down; the next worker does it again anyway.
    await Promise.race([this.running, new Promise((r) => setTimeout(r, 2000).unref())]);
    await this.flush();
    this.watcher?.disconnect();
  }

  /** The repeatable safety net; the server also relays its own rows right after commit. */
  @OnJob(JobName.OutboxRelay)
  async relayOutbox(): Promise<number> {
    return this.outbox.relaySoon();
  }

  /** A job ran to its end (or out of attempts): its outbox row is closed soon, in a batch. */
  jobFinished(jobId: string | undefined, error?: string): void {
    if (!jobId) return;
    this.finished.push({ jobId, error });
    this.flushTimer ??= setTimeout(() => void this.flush(), FLUSH_MS);
  }

  /** Closes the rows of finished jobs; on failure they are kept for the next flush. */
  flush(): Promise<void> {
    if (this.flushTimer) clearTimeout(this.flushTimer);
    this.flushTimer = null;
    this.flushing = this.flushing.then(async () => {
      const batch = this.finished.splice(0);
      try {
        await this.outbox.markDone(batch);
      } catch (err) {
        // Not closed is safe: the reconciler finds the job still in Redis, or runs it once more.
        this.finished.unshift(...batch);
        this.logger.warn({ err }, 'could not close finished jobs in the outbox; retrying');
        if (!this.stopped) this.flushTimer ??= setTimeout(() => void this.flush(), 1000);
      }
    });
    return this.flushing;
  }

  /** Runs a reconciliation unless one is running already; never throws. */
  reconcileSoon(reason?: string): Promise<Reconciliation | null> {
    if (this.stopped) return Promise.resolve(null);
    this.running ??= this.reconcile(reason)
      .catch((err: unknown) => {
        this.logger.warn({ err }, 'job reconciliation failed; retrying at the next tick');
        return null;
      })
      .finally(() => {
        this.running = null;
      });
    return this.running;
  }

  async reconcile(reason?: string): Promise<Reconciliation> {
    const schedules = await this.queues.missingSchedules();
    if (schedules.length) await this.queues.installSchedules();
    const relayed = await this.outbox.relay();
    const requeued = await this.requeueLost();
    await this.db.manager.query(
      `DELETE FROM outbox WHERE id IN (
         SELECT id FROM outbox WHERE done_at < now() - interval '${KEEP_DONE}' LIMIT 10000)`,
    );
    const result = { schedules, relayed, requeued };
    if (schedules.length || requeued)
      this.logger.warn({ ...result, reason }, 'restored jobs that Redis had lost');
    return result;
  }

  /**
   * Queues again every open, relayed row whose job Redis holds in no state. A fan-out keeps tens of
   * thousands of rows open for minutes and this runs every few seconds, so only the keys are read;
   * the payloads are read for the rows Redis lost, which are normally none.
   */
  private async requeueLost(): Promise<number> {
    let requeued = 0;
    let after = '0';
    for (;;) {
      const rows: { id: string; job: JobName; job_id: string }[] = await this.db.manager.query(
        `SELECT id, job, job_id FROM outbox
          WHERE done_at IS NULL AND dispatched_at IS NOT NULL AND id > $1
          ORDER BY id LIMIT ${PAGE}`,
        [after],
      );
      if (!rows.length) return requeued;
      after = rows.at(-1)!.id;
      const lost = await this.notInRedis(rows);
      if (lost.length) {
        const full: OutboxRow[] = await this.db.manager.query(
          `SELECT id, job, payload, due_at, job_id FROM outbox WHERE id = ANY($1::bigint[]) AND done_at IS NULL`,
          [lost.map((r) => r.id)],
        );
        await this.outbox.requeue(full);
        requeued += full.length;
      }
      if (rows.length < PAGE) return requeued;
    }
  }

  /** The rows whose job hash Redis does not hold: one EXISTS each, pipelined in one round-trip. */
  private async notInRedis<R extends { job: JobName; job_id: string }>(rows: R[]): Promise<R[]> {
    const pipeline = this.watcher!.pipeline();
    for (const r of rows) pipeline.exists(this.queues.jobKey(r.job, r.job_id));
    const replies = (await pipeline.exec()) ?? [];
    return rows.filter((_, i) => {
      const [err, n] = replies[i] ?? [new Error('no reply')];
      if (err) throw err;
      return n === 0;
    });
  }
}
