import 'reflect-metadata';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { INestApplicationContext } from '@nestjs/common';
import pg from 'pg';
import { addDays, zoneDate } from '../../server/src/zone/zone-time.js';
import { JobQueue } from '../../server/src/jobs/job-queue.service.js';
import { JobName, QueueName } from '../../server/src/jobs/job.types.js';
import { createTestApp, dropRedisPrefix, type TestApp } from '../support/app.js';
import { bootWorker } from '../support/worker.js';

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
    worker = await bootWorker(env);
  }, 60_000);

  afterAll(async () => {
    await worker?.close();
    await dropRedisPrefix(prefix);
    await sql.end();
    await t.close();
  });

  it('installs the repeatable scan, and a scan job sends each due reminder exactly once', async () => {
    const queues = worker.get(JobQueue);
    const schedulers = await queues.queue(QueueName.Hazards).getJobSchedulers();
    expect(schedulers.map((s) => s.key)).toEqual(
      expect.arrayContaining(['reminder-scan', 'inspection-schedule-scan']),
    );
    // The schedule of the retired hazard deadline scan, as an upgraded Redis still holds it, is
    // removed when the schedules are installed.
    const hazards = queues.queue(QueueName.Hazards);
    await hazards.upsertJobScheduler(
      'hazard-deadline-scan',
      { every: 15 * 60_000, startDate: Date.now() + 3_600_000 },
      { name: 'hazard-deadline-scan', data: {} },
    );
    expect((await hazards.getJobSchedulers()).map((s) => s.key)).toContain('hazard-deadline-scan');
    await queues.installSchedules();
    expect((await hazards.getJobSchedulers()).map((s) => s.key)).not.toContain('hazard-deadline-scan');
    expect((await hazards.getJobSchedulers()).map((s) => s.key)).toContain('reminder-scan');

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

    // Two overlapping scans: they meet at the ledger's unique key, and one of them sends it.
    const scans = [await queues.add(JobName.ReminderScan, {}), await queues.add(JobName.ReminderScan, {})];
    const rows = await until('the reminder claims', async () => {
      const r = await sql.query(
        `SELECT DISTINCT kind, stage, deadline FROM reminder_claim WHERE entity = 'hazard' AND entity_id = $1`,
        [id],
      );
      return r.rowCount ? r.rows : undefined;
    });
    expect(rows).toEqual([{ kind: 'hazard.due_in_1_day', stage: 'due_in_1_day', deadline }]);
    const results = await until('both scans to complete', async () => {
      const jobs = await Promise.all(scans.map((j) => queues.queue(QueueName.Hazards).getJob(j!)));
      const done = await Promise.all(jobs.map(async (j) => j && (await j.isCompleted())));
      return done.every(Boolean)
        ? jobs.map((j) => j!.returnvalue as { sent: number; failed: number })
        : undefined;
    });
    expect(results.every((r) => r.failed === 0)).toBe(true);

    // A third scan: nothing left to send.
    await queues.add(JobName.ReminderScan, {});
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
