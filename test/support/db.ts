import 'reflect-metadata';
import pg from 'pg';
import { randomBytes } from 'node:crypto';
import { Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { CoreModule } from '../../server/src/core.module.js';
import { createDataSource } from '../../server/src/database/data-source.js';
import { DemoModule } from '../../server/src/demo/demo.module.js';
import { DemoSeedService } from '../../server/src/demo/demo-seed.service.js';
import { IdentityModule } from '../../server/src/identity/identity.module.js';
import { RoomLogModule } from '../../server/src/room-log/room-log.module.js';
import { TEMPLATE_ENV, databaseUrl, maintenanceUrl } from './env.js';

export interface TestDatabase {
  name: string;
  url: string;
  /** One statement against this database (setup a test needs before the app boots). */
  query(sql: string, params?: unknown[]): Promise<unknown[]>;
  drop(): Promise<void>;
}

/** A fresh, migrated database of its own for one test file; dropped by `drop()`. */
export async function createTestDatabase(): Promise<TestDatabase> {
  const template = await ensureTemplate();
  const name = `muster_test_${randomBytes(5).toString('hex')}`;
  await withAdmin((c) => c.query(`CREATE DATABASE ${name} TEMPLATE ${template}`));
  return {
    name,
    url: databaseUrl(name),
    async query(sql, params = []) {
      const c = new pg.Client({ connectionString: databaseUrl(name) });
      await c.connect();
      try {
        return (await c.query(sql, params)).rows;
      } finally {
        await c.end();
      }
    },
    drop: () =>
      withAdmin((c) => c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)).then(() => undefined),
  };
}

/**
 * Test files run in parallel workers: an advisory lock lets exactly one of them migrate the
 * template and seed the demo zone into it, once per run; every test file then starts from a
 * clone of that seeded database.
 */
async function ensureTemplate(): Promise<string> {
  const template = process.env[TEMPLATE_ENV];
  if (!template)
    throw new Error('The test template database is not named: run the tests through jest (globalSetup)');
  await withAdmin(async (c) => {
    await c.query('SELECT pg_advisory_lock(hashtext($1))', [template]);
    try {
      const { rowCount } = await c.query('SELECT 1 FROM pg_database WHERE datname = $1', [template]);
      if (rowCount) return;
      await c.query(`CREATE DATABASE ${template}`);
      const ds = createDataSource(databaseUrl(template));
      await ds.initialize();
      try {
        await ds.runMigrations();
      } finally {
        await ds.destroy();
      }
      await seedDemo(databaseUrl(template));
    } finally {
      await c.query('SELECT pg_advisory_unlock(hashtext($1))', [template]);
    }
  });
  return template;
}

async function withAdmin<T>(fn: (c: pg.Client) => Promise<T>): Promise<T> {
  const c = new pg.Client({ connectionString: maintenanceUrl() });
  await c.connect();
  try {
    return await fn(c);
  } finally {
    await c.end();
  }
}

async function seedDemo(url: string): Promise<void> {
  @Module({ imports: [CoreModule, RoomLogModule, IdentityModule, DemoModule] })
  class TemplateSeedModule {}
  const saved = { DATABASE_URL: process.env.DATABASE_URL, LOG_LEVEL: process.env.LOG_LEVEL };
  Object.assign(process.env, { DATABASE_URL: url, LOG_LEVEL: 'warn' });
  try {
    const app = await NestFactory.createApplicationContext(TemplateSeedModule, { logger: ['error'] });
    try {
      await app.get(DemoSeedService).seed();
    } finally {
      await app.close();
    }
  } finally {
    for (const [k, v] of Object.entries(saved)) {
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
    }
  }
}
