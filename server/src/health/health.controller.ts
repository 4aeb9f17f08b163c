import { Controller, Get, Inject, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import type { Redis } from 'ioredis';
import { DataSource } from 'typeorm';
import { Public } from '../common/access.decorators.js';
import { JobQueue } from '../jobs/job-queue.service.js';
import { REDIS } from '../redis/redis.module.js';
import { ApiDoc } from '../common/api-docs.js';

type Check = { status: 'up' } | { status: 'down'; message: string };

const TIMEOUT_MS = 2000;

function withTimeout<T>(p: Promise<T>): Promise<T> {
  return Promise.race([
    p,
    new Promise<T>((_, reject) =>
      setTimeout(() => reject(new Error(`no answer within ${TIMEOUT_MS} ms`)), TIMEOUT_MS).unref(),
    ),
  ]);
}

async function check(fn: () => Promise<unknown>): Promise<Check> {
  try {
    await withTimeout(fn());
    return { status: 'up' };
  } catch (e) {
    return { status: 'down', message: e instanceof Error ? e.message : String(e) };
  }
}

@ApiTags('operations')
@Controller('health')
export class HealthController {
  constructor(
    private readonly db: DataSource,
    @Inject(REDIS) private readonly redis: Redis,
    private readonly jobs: JobQueue,
  ) {}

  /** 200 when PostgreSQL and Redis both answer, 503 naming the one that does not. */
  @ApiDoc('Liveness and readiness: PostgreSQL and Redis answer')
  @Get()
  @Public()
  async health(@Res() res: Response): Promise<void> {
    const [database, redis] = await Promise.all([
      check(() => this.db.query('SELECT 1')),
      check(() => this.redis.ping()),
    ]);
    const ok = database.status === 'up' && redis.status === 'up';
    res.status(ok ? 200 : 503).json({ status: ok ? 'ok' : 'error', database, redis });
  }

  /**
   * 200 when background work runs: every repeatable job's scheduler is in Redis (the reminders,
   * inspection scan, outbox relay and drill clock) and no outbox job has waited past its due time
   * for a minute without reaching Redis. 503 naming what is wrong: no worker has restored the
   * schedules since Redis lost them, or jobs are not getting through.
   */
  @ApiDoc('Job health: queues, failed jobs and outbox rows overdue')
  @Get('jobs')
  @Public()
  async jobsHealth(@Res() res: Response): Promise<void> {
    const problems: string[] = [];
    try {
      const missing = await withTimeout(this.jobs.missingSchedules());
      if (missing.length) problems.push(`schedules missing from Redis: ${missing.join(', ')}`);
    } catch (e) {
      problems.push(`Redis: ${e instanceof Error ? e.message : String(e)}`);
    }
    try {
      const [{ n }] = await withTimeout<{ n: number }[]>(
        this.db.query(
          `SELECT count(*)::int AS n FROM outbox
            WHERE dispatched_at IS NULL AND due_at < now() - interval '1 minute'`,
        ),
      );
      if (n) problems.push(`${n} job(s) overdue by over a minute and not yet in Redis`);
    } catch (e) {
      problems.push(`database: ${e instanceof Error ? e.message : String(e)}`);
    }
    res.status(problems.length ? 503 : 200).json({ status: problems.length ? 'error' : 'ok', problems });
  }
}
