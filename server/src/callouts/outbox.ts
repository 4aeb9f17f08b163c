import { Injectable, Logger } from '@nestjs/common';
import { Db } from '../database/db.js';
import { JobQueue } from '../jobs/job-queue.service.js';
import type { JobName, JobPayloads } from '../jobs/job.types.js';

const BATCH = 1000;
/** Rows per INSERT: keeps each statement's parameters a few hundred kilobytes. */
const INSERT_CHUNK = 5000;

/**
 * The transactional outbox. `enqueue` writes a job into PostgreSQL inside the caller's
 * transaction, so the job exists exactly when the change that causes it does; `relay` moves
 * waiting rows into BullMQ. If Redis is down the rows wait and the next relay (right after the
 * next commit, or the worker's periodic one) delivers them. Deterministic job ids make a row
 * relayed twice (a crash between queueing and marking) one job.
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
      await this.db.manager.query(
        `INSERT INTO outbox (job, payload, delay_ms)
         SELECT $1, p, d FROM unnest($2::jsonb[], $3::int[]) AS t(p, d)`,
        [
          job,
          chunk.map((p) => JSON.stringify(p)),
          chunk.map((_, j) => Math.max(0, Math.round(delaysMs?.[i + j] ?? 0))),
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
        const rows: {
          id: string;
          job: JobName;
          payload: JobPayloads[JobName];
          delay_ms: number;
          created_at: Date;
        }[] = await this.db.manager.query(
          `SELECT id, job, payload, delay_ms, created_at FROM outbox
              WHERE dispatched_at IS NULL ORDER BY id LIMIT ${BATCH} FOR UPDATE SKIP LOCKED`,
        );
        if (!rows.length) return 0;
        const now = Date.now();
        for (const group of groupBy(rows, (r) => r.job)) {
          await this.queue.addBulk(
            group[0]!.job,
            group.map((r) => r.payload),
            // A delay counts from when the row was written, not from when Redis came back.
            group.map((r) => Math.max(0, r.delay_ms - (now - new Date(r.created_at).getTime()))),
          );
        }
        await this.db.manager.query(`UPDATE outbox SET dispatched_at = now() WHERE id = ANY($1::bigint[])`, [
          rows.map((r) => r.id),
        ]);
        return rows.length;
      });
      moved += n;
      if (n < BATCH) return moved;
    }
  }

  async pending(): Promise<number> {
    const [{ n }] = await this.db.manager.query(
      `SELECT count(*)::int AS n FROM outbox WHERE dispatched_at IS NULL`,
    );
    return n;
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
