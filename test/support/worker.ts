import type { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { WorkerModule } from '../../worker/src/worker.module.js';
import type { TestApp } from './app.js';
import { REDIS_URL } from './env.js';

/**
 * The worker's modules booted in this process under `env`, as the worker's process boots them
 * (its config is read from the environment at boot; the test's own is restored after).
 */
export async function bootWorker(env: Record<string, string>): Promise<INestApplicationContext> {
  const previous = Object.fromEntries(Object.keys(env).map((k) => [k, process.env[k]]));
  Object.assign(process.env, env);
  try {
    return await NestFactory.createApplicationContext(WorkerModule, { logger: false });
  } finally {
    for (const [k, v] of Object.entries(previous)) {
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
    }
  }
}

/** A second process over a test app's database and Redis: the worker as it boots after a restart. */
export function restartedWorker(t: TestApp): Promise<INestApplicationContext> {
  return bootWorker({
    NODE_ENV: 'test',
    DATABASE_URL: t.db.url,
    REDIS_URL,
    REDIS_PREFIX: t.redisPrefix,
    JWT_SECRET: t.jwtSecret,
    LOG_LEVEL: 'silent',
  });
}
