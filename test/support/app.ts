import 'reflect-metadata';
import type { INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import request from 'supertest';
import type { Role, LoginResponse } from '@muster/contracts';
import { AppModule } from '../../server/src/app.module.js';
import { configureApp } from '../../server/src/app.setup.js';
import { DEMO_PASSWORD, DEMO_USERS } from '../../server/src/demo/demo-data.js';
import { DemoModule } from '../../server/src/demo/demo.module.js';
import { Redis } from 'ioredis';
import { REDIS_URL } from './env.js';
import { createTestDatabase, type TestDatabase } from './db.js';

export interface TestAppOptions {
  /** Serve the built web console (web/dist). */
  web?: boolean;
  /** Listen on this port (for a PUBLIC_URL known before boot); default a free one. */
  port?: number;
  /** More modules in the same process, e.g. the worker's job processing. */
  imports?: NonNullable<ReturnType<typeof AppModule.register>['imports']>;
  /** Extra environment for the application's config. */
  env?: Record<string, string>;
  /**
   * Keep the demo zone's duty alerting policy switched on, so every filing pages the duty
   * officer and the rest; off by default, so other tests' filings page only whom they name.
   */
  dutyAlerting?: boolean;
}

export interface TestApp {
  app: INestApplication;
  db: TestDatabase;
  /** Redis namespace of this app (a second process joins it to share rooms and limits). */
  redisPrefix: string;
  /** Signing secret, shared with a second server process so its tokens are accepted there. */
  jwtSecret: string;
  baseUrl: string;
  http: ReturnType<typeof request>;
  /** Logs in a demo user and returns its bearer token. */
  login(email: string, password?: string): Promise<LoginResponse>;
  /** Token of the demo user with that role (officer1 for enterprise_officer). */
  token(role: Role | 'officer2'): Promise<string>;
  get<T>(cls: abstract new (...args: never[]) => T): T;
  close(): Promise<void>;
}

/**
 * The real application (same module, same HTTP pipeline as production) on a random port, over a
 * database of its own seeded with the demo zone.
 */
export async function createTestApp(options: TestAppOptions = {}): Promise<TestApp> {
  const db = await createTestDatabase();
  if (!options.dutyAlerting) await db.query('UPDATE duty_policy SET enabled = false');
  const env: Record<string, string> = {
    NODE_ENV: 'test',
    DATABASE_URL: db.url,
    REDIS_URL,
    REDIS_PREFIX: `test-${db.name}`,
    JWT_SECRET: `test-secret-${db.name}-0123456789abcdef`,
    LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent',
    WEB_DIST: options.web ? new URL('../../web/dist', import.meta.url).pathname : '/nonexistent-web-dist',
    ...options.env,
  };
  const previous = Object.fromEntries(Object.keys(env).map((k) => [k, process.env[k]]));
  Object.assign(process.env, env);
  let app: NestExpressApplication;
  try {
    const root = AppModule.register();
    root.imports = [...(root.imports ?? []), DemoModule, ...(options.imports ?? [])];
    app = await NestFactory.create<NestExpressApplication>(root, { bufferLogs: true, abortOnError: false });
    await configureApp(app);
    await app.listen(options.port ?? 0, '127.0.0.1');
  } finally {
    for (const [k, v] of Object.entries(previous)) {
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
    }
  }
  const address = app.getHttpServer().address() as { port: number };
  const baseUrl = `http://127.0.0.1:${address.port}`;
  const tokens = new Map<string, string>();

  const login = async (email: string, password = DEMO_PASSWORD): Promise<LoginResponse> => {
    const res = await request(baseUrl).post('/api/auth/login').send({ email, password });
    if (res.status !== 200) throw new Error(`login ${email}: ${res.status} ${JSON.stringify(res.body)}`);
    return res.body as LoginResponse;
  };

  return {
    app,
    db,
    redisPrefix: env.REDIS_PREFIX,
    jwtSecret: env.JWT_SECRET,
    baseUrl,
    http: request(baseUrl),
    login,
    async token(role) {
      const email =
        role === 'officer2'
          ? 'officer2@muster.test'
          : role === 'enterprise_officer'
            ? 'officer1@muster.test'
            : DEMO_USERS.find((u) => u.role === role)!.email;
      if (!tokens.has(email)) tokens.set(email, (await login(email)).accessToken);
      return tokens.get(email)!;
    },
    get: (cls) => app.get(cls),
    async close() {
      await app.close();
      await db.drop();
      await dropRedisPrefix(env.REDIS_PREFIX);
    },
  };
}

/**
 * Removes what an app's queues and Socket.IO adapter left under its prefix, so that a Redis
 * that outlives the run does not keep every test's keys. A Redis that a fault test left down
 * keeps them: that costs memory, not a result.
 */
export async function dropRedisPrefix(prefix: string): Promise<void> {
  const redis = new Redis(REDIS_URL, {
    lazyConnect: true,
    maxRetriesPerRequest: 1,
    retryStrategy: () => null,
  });
  try {
    await redis.connect();
    for await (const keys of redis.scanStream({ match: `${prefix}:*`, count: 1000 }) as AsyncIterable<
      string[]
    >) {
      if (keys.length) await redis.unlink(...keys);
    }
  } catch {
    // A Redis that is down keeps them (see above).
  } finally {
    redis.disconnect();
  }
}
