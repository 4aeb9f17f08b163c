import { Controller, Get, Inject, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import type { Redis } from 'ioredis';
import { DataSource } from 'typeorm';
import { Public } from '../common/access.decorators.js';
import { REDIS } from '../redis/redis.module.js';

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
  ) {}

  /** 200 when PostgreSQL and Redis both answer, 503 naming the one that does not. */
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
}
