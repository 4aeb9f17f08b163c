import 'reflect-metadata';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import pg from 'pg';
import { addDays, zoneDate } from '../../server/src/zone/zone-time.js';
import { JobQueue } from '../../server/src/jobs/job-queue.service.js';
import { JobName, QueueName } from '../../server/src/jobs/job.types.js';
import { WorkerModule } from '../../worker/src/worker.module.js';
import { createTestApp, type TestApp } from '../support/app.js';

async function until<T>(what: string, fn: () => Promise<T | undefined>, ms = 15_000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const v = await fn();
    if (v !== undefined) return v;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

describe('deadline reminders through the worker and BullMQ', () => {
  let t: TestApp;
  let worker: INestApplicationContext;
  let sql: pg.Client;
  const prefix = `test-jobs-${process.pid}-${Date.now().toString(36)}`;

  beforeAll(async () => {
    t = await createTestApp();
    sql = new pg.Client({ connectionString: t.db.url });
    await sql.connect();
    const env = { DATABASE_URL: t.db.url, REDIS_PREFIX: prefix, NODE_ENV: 'test', LOG_LEVEL: 'silent' };
    const previous = Object.fromEntries(Object.keys(env).map((k) => [k, process.env[k]]));
    Object.assign(process.env, env);
    try {
      worker = await NestFactory.createApplicationContext(WorkerModule, { logger: false });
      await worker.init();
    } finally {
      for (const [k, v] of Object.entries(previous)) {
        if (v === undefined) delete process.env[k];
        else process.env[k] = v;
      }
    }
  }, 60_000);

  afterAll(async () => {
    const queue = worker?.get(JobQueue).queue(QueueName.Hazards);
    await queue?.obliterate({ force: true });
    await worker?.close();
    await sql.end();
    await t.close();
  });

  it('installs the repeatable scan, and a scan job sends each due reminder exactly once', async () => {
    const queues = worker.get(JobQueue);
    const schedulers = await queues.queue(QueueName.Hazards).getJobSchedulers();
    expect(schedulers.map((s) => s.key)).toEqual(
      expect.arrayContaining(['hazard-deadline-scan', 'inspection-schedule-scan']),
    );

    // Due tomorrow in the zone: the one-day reminder is owed now.
    const deadline = addDays(zoneDate(new Date(), 'Asia/Shanghai'), 1);
    const officer = `Bearer ${await t.token('enterprise_officer')}`;
    const created = await t.http.post('/api/hazards').set('Authorization', officer).send({
      place: '锅炉房',
      category: 'special_equipment',
      description: '安全阀校验过期',
      level: 'general',
      source: 'self_inspection',
      measures: '送检安全阀',
      responsiblePerson: '李志强',
      funds: '800',
      deadline,
    });
    expect(created.status).toBe(201);
    const id = created.body.id as string;

    // Two overlapping scans: the reminder job id is deterministic, so it is queued once.
    await queues.add(JobName.HazardDeadlineScan, {});
    await queues.add(JobName.HazardDeadlineScan, {});
    const rows = await until('the reminder row', async () => {
      const r = await sql.query('SELECT kind, deadline::text FROM hazard_reminder WHERE hazard_id = $1', [
        id,
      ]);
      return r.rowCount ? r.rows : undefined;
    });
    expect(rows).toEqual([{ kind: 'due_in_1_day', deadline }]);
    const jobId = `hazard-reminder.${id}.due_in_1_day.${deadline}`;
    const job = await until('the reminder job to complete', async () => {
      const j = await queues.queue(QueueName.Hazards).getJob(jobId);
      return j && (await j.isCompleted()) ? j : undefined;
    });
    expect(job.returnvalue).toEqual({ sent: true });

    // Enqueued again directly: same id, no second job, no second notification.
    expect(await queues.add(JobName.HazardReminder, { hazardId: id, kind: 'due_in_1_day', deadline })).toBe(
      jobId,
    );
    await queues.add(JobName.HazardDeadlineScan, {});
    await new Promise((r) => setTimeout(r, 1500));
    const notes = await sql.query(
      `SELECT count(*)::int AS n FROM notification WHERE entity_id = $1 AND kind = 'hazard.due_in_1_day'`,
      [id],
    );
    const officers = await sql.query(
      `SELECT count(*)::int AS n FROM app_user WHERE role = 'enterprise_officer' AND enterprise_id = $1 AND active`,
      [created.body.enterpriseId],
    );
    expect(notes.rows[0].n).toBe(officers.rows[0].n);
  });
});
