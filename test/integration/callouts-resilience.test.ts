import { afterEach, describe, expect, it } from '@jest/globals';
import type { ChildProcess } from 'node:child_process';
import pg from 'pg';
import { type CalloutStack, startCalloutStack, waitFor } from '../support/callouts.js';
import { incidentReport } from '../support/incidents.js';
import { PrivateRedis, exited, freePort, spawnWorker } from '../support/processes.js';

/** Contacts made straight in the database: thousands of them through the API would test the API. */
async function seedContacts(
  dbUrl: string,
  count: number,
  prefix: string,
): Promise<{ ids: string[]; phones: string[] }> {
  const c = new pg.Client({ connectionString: dbUrl });
  await c.connect();
  try {
    const phones = Array.from({ length: count }, (_, i) => `+86${prefix}${String(i).padStart(8, '0')}`);
    const { rows } = await c.query(
      `INSERT INTO contact (name, organization, post, phones, skills, certifications, language, notes)
       SELECT '应急队员' || i, '救援队', '队员', ARRAY[p], '{}', '[]', 'zh-CN', ''
         FROM unnest($1::text[]) WITH ORDINALITY AS t(p, i) RETURNING id`,
      [phones],
    );
    return { ids: rows.map((r: { id: string }) => r.id), phones };
  } finally {
    await c.end();
  }
}

async function fileIncident(s: CalloutStack): Promise<{ incidentId: string; commander: string }> {
  const commander = await s.t.token('commander');
  const res = await s.t.http
    .post('/api/incidents')
    .set('Authorization', `Bearer ${commander}`)
    .send(incidentReport());
  return { incidentId: res.body.id, commander };
}

/**
 * The SMS sent to these phones. Hazard reminders falling due also go out by SMS whenever a
 * worker runs, so a count over every message would count them too.
 */
function sentTo(s: CalloutStack, phones: string[]): { to: string }[] {
  const wanted = new Set(phones);
  return (s.emulator.messages() as { to: string }[]).filter((m) => wanted.has(m.to));
}

/** Every phone got exactly one SMS: none missing, none twice. */
function perPhone(s: CalloutStack, phones: string[]): { missing: string[]; twice: string[] } {
  const counts = new Map<string, number>();
  for (const m of sentTo(s, phones)) counts.set(m.to, (counts.get(m.to) ?? 0) + 1);
  return {
    missing: phones.filter((p) => !counts.get(p)),
    twice: phones.filter((p) => (counts.get(p) ?? 0) > 1),
  };
}

/**
 * Waits until every phone has its SMS, and `settleMs` more for any second one to arrive, then
 * checks that each got exactly one.
 */
async function eachPhoneOnce(s: CalloutStack, phones: string[], timeoutMs: number, settleMs: number) {
  await waitFor(
    () => (perPhone(s, phones).missing.length === 0 ? true : undefined),
    timeoutMs,
    'every recipient reached',
  );
  await new Promise((r) => setTimeout(r, settleMs));
  expect(perPhone(s, phones)).toEqual({ missing: [], twice: [] });
}

/** The call-out's texts written so far (one delivery row each), sent or not. */
async function textsWritten(db: pg.Client): Promise<number> {
  const { rows } = await db.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM callout_delivery WHERE channel = 'sms'`,
  );
  return rows[0]!.n;
}

describe('call-out resilience', () => {
  let s: CalloutStack | undefined;
  const children: ChildProcess[] = [];
  afterEach(async () => {
    for (const c of children.splice(0)) c.kill('SIGKILL');
    await s?.close();
    s = undefined;
  });

  it('sends every message once when the provider fails 30 % of requests (500 and 429)', async () => {
    // Five failures within 30 s open the provider's breaker. Open for the default 30 s, it would
    // hold the texts past the first wait below whenever five of the first 24 sends drew a fault.
    s = await startCalloutStack({ PROVIDER_BREAKER_OPEN_SECONDS: '5' }, 1);
    const { ids, phones } = await seedContacts(s.t.db.url, 60, '1370');
    const { incidentId, commander } = await fileIncident(s);
    s.emulator.setFaults({ errorRate: 0.15, status: 500 });
    const res = await s.t.http
      .post(`/api/incidents/${incidentId}/callouts`)
      .set('Authorization', `Bearer ${commander}`)
      .send({ contactIds: ids, message: '故障注入测试' });
    expect(res.status).toBe(201);
    // Half-way, the provider starts throttling instead.
    await waitFor(() => (sentTo(s!, phones).length >= 20 ? true : undefined), 60_000, '20 messages');
    s.emulator.setFaults({ errorRate: 0.3, status: 429, retryAfter: 1 });
    // A send refused six times in a row waits 8 s before its next attempt, and the breaker's
    // openings add their own refusals: on a loaded machine the last phone can take a minute.
    await waitFor(
      () => (perPhone(s!, phones).missing.length === 0 ? true : undefined),
      120_000,
      'every phone reached',
    ).catch((e: Error) => {
      throw new Error(`${e.message}: ${perPhone(s!, phones).missing.length} of 60 phones still without it`);
    });
    expect(s.emulator.stats().faultsInjected).toBeGreaterThan(0);
    s.emulator.setFaults({ errorRate: 0 });
    await new Promise((r) => setTimeout(r, 1000));
    expect(perPhone(s, phones)).toEqual({ missing: [], twice: [] });
    // The texts went out 25 to a job; those the provider refused went on in jobs of their own.
    const jobs = (await s.t.db.query(
      `SELECT job, count(*)::int AS n FROM outbox WHERE job IN ('send-sms', 'send-sms-batch') GROUP BY job`,
    )) as { job: string; n: number }[];
    const count = (job: string) => jobs.find((j) => j.job === job)?.n ?? 0;
    expect(count('send-sms-batch')).toBe(3);
    expect(count('send-sms')).toBeGreaterThan(0);
  }, 180_000);

  it('never exceeds the configured send rate', async () => {
    s = await startCalloutStack({ SMS_RATE_PER_SECOND: '5' }, 1);
    const { ids, phones } = await seedContacts(s.t.db.url, 20, '1371');
    const { incidentId, commander } = await fileIncident(s);
    await s.t.http
      .post(`/api/incidents/${incidentId}/callouts`)
      .set('Authorization', `Bearer ${commander}`)
      .send({ contactIds: ids, message: '限速测试' })
      .expect(201);
    await waitFor(
      () => (perPhone(s!, phones).missing.length === 0 ? true : undefined),
      30_000,
      'all 20 sent',
    );
    const c = new pg.Client({ connectionString: s.t.db.url });
    await c.connect();
    const { rows } = await c.query(
      `SELECT sending_since FROM callout_delivery WHERE channel = 'sms' ORDER BY sending_since`,
    );
    await c.end();
    const times = rows.map((r: { sending_since: Date }) => r.sending_since.getTime());
    // In any one second, at most the configured five sends (one spare for the window's edge).
    for (let i = 0; i < times.length; i++) {
      const inWindow = times.filter((t) => t >= times[i]! && t < times[i]! + 1000).length;
      expect(inWindow).toBeLessThanOrEqual(6);
    }
    expect(times.at(-1)! - times[0]!).toBeGreaterThanOrEqual(2500);
  }, 60_000);

  it('pages each of 2,000 recipients exactly once when the worker is killed mid-fan-out and restarted', async () => {
    s = await startCalloutStack({ JOB_LOCK_SECONDS: '3' }, 1, { inProcessWorker: false });
    const { ids, phones } = await seedContacts(s.t.db.url, 2000, '1372');
    const { incidentId, commander } = await fileIncident(s);
    const first = spawnWorker(s.workerEnv);
    children.push(first);
    await s.t.http
      .post(`/api/incidents/${incidentId}/callouts`)
      .set('Authorization', `Bearer ${commander}`)
      .send({ contactIds: ids, message: '进程崩溃测试' })
      .expect(201);
    await waitFor(() => (sentTo(s!, phones).length >= 300 ? true : undefined), 60_000, '300 messages sent');
    first.kill('SIGKILL');
    await exited(first);
    const killedAt = sentTo(s, phones).length;
    expect(killedAt).toBeLessThan(2000);
    const second = spawnWorker(s.workerEnv);
    children.push(second);
    await eachPhoneOnce(s, phones, 120_000, 2000);
    expect(sentTo(s, phones)).toHaveLength(2000);
  }, 240_000);

  it('pages a tier written in parts once, when the worker is killed between its parts', async () => {
    // Parts of 25 people: 2,000 take 80 transactions, so that the kill lands while the tier is
    // still being written, with some of it already sending.
    s = await startCalloutStack({ JOB_LOCK_SECONDS: '3', CALLOUT_TIER_PART: '25' }, 1, {
      inProcessWorker: false,
    });
    const { ids, phones } = await seedContacts(s.t.db.url, 2000, '1374');
    const { incidentId, commander } = await fileIncident(s);
    const db = new pg.Client({ connectionString: s.t.db.url });
    await db.connect();
    try {
      const written = () => textsWritten(db);
      const first = spawnWorker(s.workerEnv);
      children.push(first);
      const callout = await s.t.http
        .post(`/api/incidents/${incidentId}/callouts`)
        .set('Authorization', `Bearer ${commander}`)
        .send({ contactIds: ids, message: '分批寻呼测试' })
        .expect(201);
      await waitFor(
        async () => ((await written()) >= 100 ? true : undefined),
        60_000,
        'the first parts written',
      );
      first.kill('SIGKILL');
      await exited(first);
      // Killed between parts: the tier was not yet written whole, nor logged as paged.
      expect(await written()).toBeLessThan(2000);
      children.push(spawnWorker(s.workerEnv));
      await eachPhoneOnce(s, phones, 120_000, 2000);
      expect(await written()).toBe(2000);
      // The tier's last part ran once: one event, one timer for its answers, one for its calls.
      const once = await db.query<{ kind: string; n: number }>(
        `SELECT 'paged' AS kind, count(*)::int AS n FROM room_event
          WHERE incident_id = $1 AND type = 'callout.tier_paged'
         UNION ALL
         SELECT job, count(*)::int FROM outbox
          WHERE job IN ('callout-tier-timeout', 'callout-voice-escalation') AND payload->>'calloutId' = $2
          GROUP BY job`,
        [incidentId, callout.body.id],
      );
      expect(Object.fromEntries(once.rows.map((r) => [r.kind, r.n]))).toEqual({
        paged: 1,
        'callout-tier-timeout': 1,
        'callout-voice-escalation': 1,
      });
    } finally {
      await db.end();
    }
  }, 240_000);

  it('pages no further part of a tier once the call-out is cancelled', async () => {
    s = await startCalloutStack({ CALLOUT_TIER_PART: '25' }, 1);
    const { ids, phones } = await seedContacts(s.t.db.url, 2000, '1375');
    const { incidentId, commander } = await fileIncident(s);
    const db = new pg.Client({ connectionString: s.t.db.url });
    await db.connect();
    try {
      const written = () => textsWritten(db);
      const callout = await s.t.http
        .post(`/api/incidents/${incidentId}/callouts`)
        .set('Authorization', `Bearer ${commander}`)
        .send({ contactIds: ids, message: '分批寻呼取消测试' })
        .expect(201);
      await waitFor(
        async () => ((await written()) >= 50 ? true : undefined),
        60_000,
        'the first parts written',
      );
      await s.t.http
        .post(`/api/callouts/${callout.body.id}/cancel`)
        .set('Authorization', `Bearer ${commander}`)
        .expect(200);
      const atCancel = await written();
      await new Promise((r) => setTimeout(r, 3000));
      // At most the part under way when the cancellation came was written after it.
      expect(await written()).toBeLessThanOrEqual(atCancel + 25);
      expect(await written()).toBeLessThan(2000);
      expect(sentTo(s, phones).length).toBeLessThanOrEqual(await written());
      const paged = await db.query(
        `SELECT 1 FROM room_event WHERE incident_id = $1 AND type = 'callout.tier_paged'`,
        [incidentId],
      );
      expect(paged.rowCount).toBe(0);
    } finally {
      await db.end();
    }
  }, 120_000);

  it('lets a worker stopped by SIGTERM finish the sends under way and leave the rest to the next', async () => {
    s = await startCalloutStack({}, 1, { inProcessWorker: false });
    // Slow answers from the provider, so that sends are under way when the signal comes.
    s.emulator.setFaults({ latencyMs: 300 });
    const { ids, phones } = await seedContacts(s.t.db.url, 600, '1373');
    const { incidentId, commander } = await fileIncident(s);
    const first = spawnWorker(s.workerEnv);
    children.push(first);
    const callout = await s.t.http
      .post(`/api/incidents/${incidentId}/callouts`)
      .set('Authorization', `Bearer ${commander}`)
      .send({ contactIds: ids, message: '停机测试' })
      .expect(201);
    await waitFor(() => (sentTo(s!, phones).length >= 100 ? true : undefined), 60_000, '100 messages sent');
    first.kill('SIGTERM');
    await exited(first);
    expect({ code: first.exitCode, signal: first.signalCode }).toEqual({ code: null, signal: 'SIGTERM' });

    // Nothing was left half-sent: every send it had started got its answer recorded.
    const db = new pg.Client({ connectionString: s.t.db.url });
    await db.connect();
    try {
      const { rows } = await db.query<{ sending: number; sent: number }>(
        `SELECT count(*) FILTER (WHERE status = 'sending')::int AS sending,
                count(*) FILTER (WHERE provider_sid IS NOT NULL)::int AS sent
           FROM callout_delivery WHERE callout_id = $1 AND channel = 'sms'`,
        [callout.body.id],
      );
      expect(rows[0]!.sending).toBe(0);
      expect(rows[0]!.sent).toBe(sentTo(s, phones).length);
      expect(rows[0]!.sent).toBeLessThan(600);
    } finally {
      await db.end();
    }

    s.emulator.setFaults({ latencyMs: 0 });
    children.push(spawnWorker(s.workerEnv));
    await eachPhoneOnce(s, phones, 60_000, 1000);
  }, 180_000);

  it('sends the whole call-out once Redis is back when it was down at activation', async () => {
    const redis = new PrivateRedis(await freePort());
    await redis.start();
    try {
      s = await startCalloutStack({ REDIS_URL: redis.url }, 1, { inProcessWorker: false });
      const worker = spawnWorker({ ...s.workerEnv, REDIS_URL: redis.url });
      children.push(worker);
      const { ids, phones } = await seedContacts(s.t.db.url, 30, '1373');
      const { incidentId, commander } = await fileIncident(s);
      await redis.stop();
      const res = await s.t.http
        .post(`/api/incidents/${incidentId}/callouts`)
        .set('Authorization', `Bearer ${commander}`)
        .send({ contactIds: ids, message: 'Redis 中断测试' });
      expect(res.status).toBe(201);
      await new Promise((r) => setTimeout(r, 1500));
      expect(sentTo(s, phones)).toHaveLength(0);
      await redis.start();
      await eachPhoneOnce(s, phones, 60_000, 0);
    } finally {
      // The stack first, while its Redis still answers, so that closing does not fail on it.
      await s?.close();
      s = undefined;
      await redis.stop();
    }
  }, 120_000);
});
