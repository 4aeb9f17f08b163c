import { Injectable, Logger } from '@nestjs/common';
import { Db } from '../database/db.js';
import { JobQueue } from './job-queue.service.js';
import { JOB_ID, type JobName, type JobPayloads } from './job.types.js';

const BATCH = 1000;
/** Rows per INSERT: keeps each statement's parameters a few hundred kilobytes. */
const INSERT_CHUNK = 5000;

export interface OutboxRow {
  id: string;
  job: JobName;
  payload: JobPayloads[JobName];
  due_at: Date;
  /** Null only on rows written before the ledger existed; the relay fills it in. */
  job_id: string | null;
}

/**
 * The id of a row's job in BullMQ. Every job that goes through the outbox has a deterministic id:
 * it is what lets the reconciler find the job in Redis, and queue a lost one again as the same job.
 */
export function outboxJobId<N extends JobName>(job: N, payload: JobPayloads[N]): string {
  const idOf = JOB_ID[job] as ((p: JobPayloads[N]) => string) | undefined;
  if (!idOf) throw new Error(`job ${job} has no deterministic id (JOB_ID) and cannot go through the outbox`);
  return idOf(payload);
}

/**
 * The transactional outbox, and the ledger of every job that must run. `enqueue` writes a job
 * with its due time into PostgreSQL inside the caller's transaction, so the job exists exactly
 * when the change that causes it does; `relay` moves waiting rows into BullMQ. A row stays open
 * until a worker has finished its job (`markDone`), so a job that Redis lost is found again by the
 * worker's reconciler. Deterministic job ids make a row queued twice one job.
 */
@Injectable()
export class Outbox {
  private readonly logger = new Logger(Outbox.name);
  private relaying: Promise<number> | null = null;

  constructor(
    private readonly db: Db,
    private readonly queue: JobQueue,
  ) {}

  async enqueue<N extends JobName>(job: N, payload: JobPayloads[N], delayMs = 0): Promise<void> {
    await this.enqueueMany(job, [payload], [delayMs]);
  }

  /**
   * Many jobs of one kind in as few statements as possible: a tier of ten thousand people is
   * queued in a handful of round-trips inside its transaction instead of ten thousand of them.
   */
  async enqueueMany<N extends JobName>(
    job: N,
    payloads: JobPayloads[N][],
    delaysMs?: number[],
  ): Promise<void> {
    if (!this.db.inTransaction()) throw new Error(`outbox job ${job} enqueued outside a transaction`);
    if (!payloads.length) return;
    for (let i = 0; i < payloads.length; i += INSERT_CHUNK) {
      const chunk = payloads.slice(i, i + INSERT_CHUNK);
      // Read by the relay after the commit only: it goes with the transaction's other such writes.
      await this.db.writeAtCommit(
        `INSERT INTO outbox (job, payload, delay_ms, due_at, job_id)
         SELECT $1, p, d, now() + d * interval '1 millisecond', j
           FROM unnest($2::jsonb[], $3::int[], $4::text[]) AS t(p, d, j)`,
        [
          job,
          chunk.map((p) => JSON.stringify(p)),
          chunk.map((_, j) => Math.max(0, Math.round(delaysMs?.[i + j] ?? 0))),
          chunk.map((p) => outboxJobId(job, p)),
        ],
      );
    }
    this.db.afterCommit(() => void this.relaySoon());
  }

  /** Relays now unless a relay is already running, in which case that one picks the rows up. */
  relaySoon(): Promise<number> {
    this.relaying ??= this.relay()
      .catch((e: unknown) => {
        this.logger.warn({ err: e }, 'outbox relay failed; rows wait for the next one');
        return 0;
      })
      .finally(() => {
        this.relaying = null;
      });
    return this.relaying;
  }

  /** Moves every waiting row into the queues; returns how many. */
  async relay(): Promise<number> {
    let moved = 0;
    for (;;) {
      const n = await this.db.transaction(async () => {
        const rows: OutboxRow[] = await this.db.manager.query(
          `SELECT id, job, payload, due_at, job_id FROM outbox
              WHERE dispatched_at IS NULL ORDER BY id LIMIT ${BATCH} FOR UPDATE SKIP LOCKED`,
        );
        if (!rows.length) return 0;
        for (const r of rows) r.job_id ??= outboxJobId(r.job, r.payload);
        await this.requeue(rows);
        await this.db.manager.query(
          `UPDATE outbox SET dispatched_at = now(), job_id = t.job_id
             FROM unnest($1::bigint[], $2::text[]) AS t(id, job_id) WHERE outbox.id = t.id`,
          [rows.map((r) => r.id), rows.map((r) => r.job_id)],
        );
        return rows.length;
      });
      moved += n;
      if (n < BATCH) return moved;
    }
  }

  /**
   * Queues the rows' jobs under their deterministic ids, each delayed until its due time (a delay
   * counts from when the row was written, not from when Redis came back).
   */
  async requeue(rows: OutboxRow[]): Promise<void> {
    const now = Date.now();
    for (const group of groupBy(rows, (r) => r.job)) {
      await this.queue.addBulk(
        group[0]!.job,
        group.map((r) => r.payload),
        group.map((r) => Math.max(0, new Date(r.due_at).getTime() - now)),
        group.map((r) => r.job_id ?? outboxJobId(r.job, r.payload)),
      );
    }
  }

  /**
   * Closes the rows of finished jobs (successfully, or out of attempts with the error). A job
   * that finishes twice (re-queued by the reconciler) finds its row closed already.
   */
  async markDone(done: { jobId: string; error?: string }[]): Promise<void> {
    if (!done.length) return;
    await this.db.manager.query(
      `UPDATE outbox SET done_at = now(), error = t.error
         FROM unnest($1::text[], $2::text[]) AS t(job_id, error)
        WHERE outbox.job_id = t.job_id AND outbox.done_at IS NULL`,
      [done.map((d) => d.jobId), done.map((d) => d.error ?? null)],
    );
  }
}

function groupBy<T>(items: T[], key: (t: T) => string): T[][] {
  const m = new Map<string, T[]>();
  for (const i of items) {
    const group = m.get(key(i));
    if (group) group.push(i);
    else m.set(key(i), [i]);
  }
  return [...m.values()];
}
