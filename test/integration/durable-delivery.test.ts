import { afterAll, afterEach, describe, expect, it } from '@jest/globals';
import type { ChildProcess } from 'node:child_process';
import pg from 'pg';
import type { CalloutView, RoomEventView, RunView } from '@muster/contracts';
import { Db } from '../../server/src/database/db.js';
import { addDays, zoneDate } from '../../server/src/zone/zone-time.js';
import { JobQueue } from '../../server/src/jobs/job-queue.service.js';
import { QueueName } from '../../server/src/jobs/job.types.js';
import { Outbox } from '../../server/src/jobs/outbox.js';
import { createTestApp, type TestApp } from '../support/app.js';
import { type CalloutStack, startCalloutStack, waitFor } from '../support/callouts.js';
import { messageInject, scenarioDocument } from '../support/drills.js';
import { incidentReport } from '../support/incidents.js';
import { PrivateRedis, exited, freePort, spawnWorker } from '../support/processes.js';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * Redis is the queue, PostgreSQL the record: when Redis is restarted empty in the middle of the
 * work, everything that must still happen (each page, each inject, each reminder) happens, once.
 * Each test runs a Redis of its own that it kills outright (SIGKILL, no persistence: it comes back
 * empty) and the built worker, as deployed.
 */
describe('durable delivery across a Redis restarted empty', () => {
  let s: CalloutStack | undefined;
  let redis: PrivateRedis | undefined;
  const children: ChildProcess[] = [];
  afterEach(async () => {
    for (const c of children.splice(0)) {
      c.kill('SIGKILL');
      await exited(c);
    }
    await s?.close();
    s = undefined;
    await redis?.stop();
    redis = undefined;
  });

  async function stack(): Promise<CalloutStack> {
    redis = new PrivateRedis(await freePort());
    await redis.start();
    s = await startCalloutStack({ REDIS_URL: redis.url, JOB_RECONCILE_SECONDS: '2' }, 1, {
      inProcessWorker: false,
    });
    children.push(spawnWorker({ ...s.workerEnv, JOB_LOCK_SECONDS: '3' }));
    return s;
  }

  it('pages each of 2,000 recipients exactly once, and shows nobody notified before a page went out', async () => {
    const s = await stack();
    const phones = Array.from({ length: 2000 }, (_, i) => `+86137${String(i).padStart(8, '0')}`);
    const ids = await seedContacts(s.t.db.url, phones);
    const commander = `Bearer ${await s.t.token('commander')}`;
    const incident = await s.t.http
      .post('/api/incidents')
      .set('Authorization', commander)
      .send(incidentReport());
    const callout = await s.t.http
      .post(`/api/incidents/${incident.body.id}/callouts`)
      .set('Authorization', commander)
      .send({ contactIds: ids, message: 'Redis 清空测试：请立即到岗' });
    expect(callout.status).toBe(201);

    const wanted = new Set(phones);
    const sent = () => (s.emulator.messages() as unknown as { to: string }[]).filter((m) => wanted.has(m.to));

    // The board, watched all along as a commander sees it: anyone it shows notified must have
    // been sent an SMS already (the emulator is read after the board, so it can only know more).
    const shownTooEarly = new Set<string>();
    let boardReads = 0;
    let watching = true;
    const watcher = (async () => {
      while (watching) {
        const res = await s.t.http.get(`/api/callouts/${callout.body.id}`).set('Authorization', commander);
        if (res.status === 200) {
          const notified = (res.body as CalloutView).recipients.filter((r) => r.state === 'notified');
          const reached = new Set(sent().map((m) => m.to));
          for (const r of notified) if (!reached.has(r.phone)) shownTooEarly.add(r.phone);
          boardReads++;
        }
        await sleep(250);
      }
    })();

    await waitFor(() => (sent().length >= 500 ? true : undefined), 60_000, 'a quarter of the SMS sent');
    await redis!.stop();
    const sentAtStop = sent().length;
    expect(sentAtStop).toBeLessThan(1500);
    await sleep(20_000);
    await redis!.start();

    await waitFor(
      () => (new Set(sent().map((m) => m.to)).size === phones.length ? true : undefined),
      120_000,
      'every recipient paged after Redis came back',
    );
    await sleep(3000); // anything sent twice would have arrived by now
    watching = false;
    await watcher;

    const counts = new Map<string, number>();
    for (const m of sent()) counts.set(m.to, (counts.get(m.to) ?? 0) + 1);
    expect(phones.filter((p) => counts.get(p) !== 1)).toEqual([]);
    expect([...shownTooEarly]).toEqual([]);
    expect(boardReads).toBeGreaterThan(20);
    const final = await s.t.http.get(`/api/callouts/${callout.body.id}`).set('Authorization', commander);
    expect((final.body as CalloutView).recipients.filter((r) => r.state !== 'notified')).toEqual([]);
  }, 240_000);

  it('fires a drill’s injects and a hazard reminder on time after Redis came back empty', async () => {
    const s = await stack();
    const commander = `Bearer ${await s.t.token('commander')}`;
    const officer = `Bearer ${await s.t.token('enterprise_officer')}`;

    const doc = await scenarioDocument(s.t, [
      messageInject('early', 2),
      messageInject('late1', 20),
      messageInject('late2', 24),
    ]);
    const scenario = await s.t.http.post('/api/drills/scenarios').set('Authorization', commander).send(doc);
    expect(scenario.status).toBe(201);
    const scheduled = await s.t.http.post('/api/drills/runs').set('Authorization', commander).send({
      scenarioId: scenario.body.id,
      scheduledFor: new Date().toISOString(),
      contactIds: [],
      evaluatorIds: [],
    });
    expect(scheduled.status).toBe(201);
    const started = await s.t.http
      .post(`/api/drills/runs/${scheduled.body.id}/start`)
      .set('Authorization', commander);
    expect(started.status).toBe(200);
    const startedAt = Date.now();
    const run = started.body as RunView;
    const injects = async () => {
      const res = await s.t.http
        .get(`/api/incidents/${run.incidentId}/events?sinceSeq=0`)
        .set('Authorization', commander);
      return (res.body as RoomEventView[]).filter((e) => e.type === 'drill.inject');
    };
    await waitFor(async () => ((await injects()).length >= 1 ? true : undefined), 15_000, 'the first inject');

    await redis!.stop();
    // While Redis is away a hazard is entered that is due tomorrow: its reminder is owed now.
    const deadline = addDays(zoneDate(new Date(), 'Asia/Shanghai'), 1);
    const hazard = await s.t.http.post('/api/hazards').set('Authorization', officer).send({
      place: '罐区防火堤',
      category: 'fire',
      description: '防火堤伸缩缝密封失效',
      level: 'general',
      source: 'self_inspection',
      measures: '更换密封材料',
      responsiblePerson: '贺军',
      funds: '800',
      deadline,
    });
    expect(hazard.status).toBe(201);
    await sleep(5000);
    await redis!.start();

    // The reminder goes out once the worker has put the lost deadline scan back.
    const sql = new pg.Client({ connectionString: s.t.db.url });
    await sql.connect();
    try {
      const texts = await waitFor(
        async () => {
          const { rows } = await sql.query<{ phone: string; status: string }>(
            `SELECT phone, status FROM notification_sms WHERE entity_id = $1`,
            [hazard.body.id],
          );
          return rows.length && rows.every((r) => r.status === 'delivered') ? rows : undefined;
        },
        20_000,
        'the hazard reminder texts',
      );
      for (const t of texts) {
        const bodies = (s.emulator.messages({ to: t.phone }) as unknown as { body: string }[])
          .map((m) => m.body)
          .filter((b) => b.includes(hazard.body.code));
        expect(bodies).toHaveLength(1);
      }
    } finally {
      await sql.end();
    }

    const all = await waitFor(
      async () => {
        const evs = await injects();
        return evs.length >= 3 ? evs : undefined;
      },
      40_000,
      'the injects due after the restart',
    );
    await sleep(2500);
    const final = await injects();
    expect(final.map((e) => e.payload.injectId)).toEqual(['early', 'late1', 'late2']);
    // On time: each within a few seconds of its offset (the reconciler runs every 2 s here).
    for (const [e, offset] of [
      [all[1]!, 20],
      [all[2]!, 24],
    ] as const) {
      expect(Date.parse(e.at) - startedAt).toBeLessThan((offset + 4) * 1000);
    }
    expect(await (await fetch(`${s.t.baseUrl}/health/jobs`)).json()).toEqual({ status: 'ok', problems: [] });
  }, 120_000);
});

describe('GET /health/jobs', () => {
  let t: TestApp | undefined;
  afterAll(() => t?.close());

  it('fails while a repeatable job is missing from Redis or jobs are not getting through, naming which', async () => {
    // A server with no worker: nobody has installed the schedules in this Redis namespace.
    t = await createTestApp();
    const missing = await t.http.get('/health/jobs');
    expect(missing.status).toBe(503);
    expect(missing.body.problems).toEqual([
      expect.stringMatching(/^schedules missing from Redis: .*reminder-scan.*drill-clock-sweep/),
    ]);

    await t.get(JobQueue).installSchedules();
    expect((await t.http.get('/health/jobs')).body).toEqual({ status: 'ok', problems: [] });

    // A job due two minutes ago that never reached Redis.
    await t.get(Db).manager.query(
      `INSERT INTO outbox (job, payload, due_at, job_id)
       VALUES ('drill-clock-sweep', '{}', now() - interval '2 minutes', 'health-probe')`,
    );
    const stuck = await t.http.get('/health/jobs');
    expect(stuck.status).toBe(503);
    expect(stuck.body.problems).toEqual(['1 job(s) overdue by over a minute and not yet in Redis']);
    await t.get(Outbox).relay();
    expect((await t.http.get('/health/jobs')).status).toBe(200);
    await t.get(JobQueue).queue(QueueName.Drills).obliterate({ force: true });
    await t.get(JobQueue).queue(QueueName.Hazards).obliterate({ force: true });
    await t.get(JobQueue).queue(QueueName.Callouts).obliterate({ force: true });
  });
});

/** Contacts made straight in the database: thousands of them through the API would test the API. */
async function seedContacts(dbUrl: string, phones: string[]): Promise<string[]> {
  const c = new pg.Client({ connectionString: dbUrl });
  await c.connect();
  try {
    const { rows } = await c.query(
      `INSERT INTO contact (name, organization, post, phones, skills, certifications, language, notes)
       SELECT '应急队员' || i, '救援队', '队员', ARRAY[p], '{}', '[]', 'zh-CN', ''
         FROM unnest($1::text[]) WITH ORDINALITY AS t(p, i) RETURNING id`,
      [phones],
    );
    return rows.map((r: { id: string }) => r.id);
  } finally {
    await c.end();
  }
}
