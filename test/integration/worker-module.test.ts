import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { type INestApplicationContext } from '@nestjs/common';
import { DiscoveryService, MetadataScanner } from '@nestjs/core';
import { GATEWAY_METADATA } from '@nestjs/websockets/constants.js';
import { JOB_HANDLER_KEY } from '../../server/src/jobs/job.decorators.js';
import { JobQueue } from '../../server/src/jobs/job-queue.service.js';
import { QueueName } from '../../server/src/jobs/job.types.js';
import { checkHandlers } from '../../server/src/jobs/job-worker.service.js';
import { type TestDatabase, createTestDatabase } from '../support/db.js';
import { REDIS_URL } from '../support/env.js';
import { bootWorker } from '../support/worker.js';

/** The worker as it boots in production: the domain cores and their jobs, no HTTP at all. */
describe('the worker module', () => {
  let db: TestDatabase;
  let app: INestApplicationContext;

  beforeAll(async () => {
    db = await createTestDatabase();
    const env = {
      NODE_ENV: 'test',
      DATABASE_URL: db.url,
      REDIS_URL,
      REDIS_PREFIX: `test-${db.name}`,
      JWT_SECRET: `test-secret-${db.name}-0123456789abcdef`,
      LOG_LEVEL: 'silent',
    };
    app = await bootWorker(env);
  });

  afterAll(async () => {
    for (const q of Object.values(QueueName)) await app?.get(JobQueue).queue(q).obliterate({ force: true });
    await app?.close();
    await db?.drop();
  });

  it('registers no controller and no gateway', () => {
    const discovery = app.get(DiscoveryService);
    expect(discovery.getControllers().map((c) => c.name)).toEqual([]);
    const gateways = discovery
      .getProviders()
      .filter((w) => w.metatype && Reflect.getMetadata(GATEWAY_METADATA, w.metatype))
      .map((w) => w.name);
    expect(gateways).toEqual([]);
  });

  it('has exactly one handler for every job', () => {
    const found: { name: string; where: string }[] = [];
    const discovery = app.get(DiscoveryService);
    for (const wrapper of discovery.getProviders()) {
      const instance = wrapper.instance as Record<string, unknown> | undefined;
      if (!instance || typeof instance !== 'object') continue;
      const proto = Object.getPrototypeOf(instance) as object;
      for (const method of new MetadataScanner().getAllMethodNames(proto)) {
        const fn = (instance as Record<string, unknown>)[method] as object;
        const name = Reflect.getMetadata(JOB_HANDLER_KEY, fn) as string | undefined;
        if (name) found.push({ name, where: `${proto.constructor.name}.${method}` });
      }
    }
    expect(found.length).toBeGreaterThan(0);
    expect(checkHandlers(found)).toEqual([]);
  });
});
