import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { type ChildProcess, execFileSync } from 'node:child_process';
import pg from 'pg';
import type { RoomEventView, RunView } from '@muster/contracts';
import { type CalloutStack, startCalloutStack, waitFor } from '../support/callouts.js';
import { messageInject, scenarioDocument } from '../support/drills.js';
import { incidentReport } from '../support/incidents.js';
import { LiveRoomClient } from '../support/live-client.js';
import { exited, spawnServer, spawnWorker } from '../support/processes.js';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const range = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => from + i);
/** The last seq of the run 1, 2, 3, … that `seqs` holds without a gap. */
const contiguous = (seqs: number[]) => {
  const gap = seqs.findIndex((seq, i) => seq !== i + 1);
  return gap === -1 ? seqs.length : gap;
};

/**
 * Muster as deployed on several nodes: two built servers (the first itself a cluster of two
 * processes behind one port, WEB_CONCURRENCY=2) and two built workers on one PostgreSQL and one
 * Redis, with the Twilio emulator as the provider. Processes are killed outright (SIGKILL), as a
 * node that fails would be.
 */
describe('two servers and two workers on one PostgreSQL and one Redis', () => {
  let s: CalloutStack;
  let serverA: ChildProcess;
  let urlA: string;
  let urlB: string;
  const children: ChildProcess[] = [];
  let commander: string;

  beforeAll(async () => {
    // Real-time escalation (no voice call during the test); jobs a dead worker held resume in 10 s.
    s = await startCalloutStack({ JOB_RECONCILE_SECONDS: '2' }, 1, { inProcessWorker: false });
    const env = { ...s.workerEnv, JOB_LOCK_SECONDS: '10' };
    // A cluster boots its processes side by side: slower on a busy machine than one process.
    const a = await spawnServer({ ...env, WEB_CONCURRENCY: '2' }, { timeoutMs: 120_000 });
    children.push(a.child);
    const b = await spawnServer(env, { timeoutMs: 120_000 });
    children.push(b.child, spawnWorker(env), spawnWorker(env));
    serverA = a.child;
    urlA = a.url;
    urlB = b.url;
    commander = `Bearer ${await s.t.token('commander')}`;
  }, 300_000);

  afterAll(async () => {
    for (const c of children) {
      c.kill('SIGKILL');
      await exited(c);
    }
    await s?.close();
  });

  it('shows a room’s clients on either server every event once and in order, and catches up those of a server that died', async () => {
    // The clustered server runs its two processes, so polling clients meet sessions held by the other.
    const processes = execFileSync('ps', ['-o', 'pid=', '--ppid', String(serverA.pid)], { encoding: 'utf8' });
    expect(processes.trim().split('\n')).toHaveLength(2);

    const token = await s.t.token('commander');
    const filed = await s.t.http
      .post('/api/incidents')
      .set('Authorization', `Bearer ${await s.t.token('enterprise_officer')}`)
      .send(incidentReport());
    expect(filed.status).toBe(201);
    const incidentId = filed.body.id as string;

    const onA = [
      ...Array.from({ length: 3 }, () => new LiveRoomClient(urlA, token)),
      ...Array.from({ length: 3 }, () => new LiveRoomClient(urlA, token, ['polling'])),
    ];
    const onB = Array.from({ length: 3 }, () => new LiveRoomClient(urlB, token));
    // What each connection was pushed, duplicates and all (the clients drop repeats by seq).
    const pushed = new Map<LiveRoomClient, number[]>();
    for (const c of [...onA, ...onB]) {
      const seqs: number[] = [];
      pushed.set(c, seqs);
      c.socket.on('room:event', (e: RoomEventView) => seqs.push(e.seq));
      await c.connected();
      expect((await c.join(incidentId)).ok).toBe(true);
    }
    const joinedAt = onB[0]!.lastSeq;

    const post = async (url: string, i: number) => {
      const res = await fetch(`${url}/api/incidents/${incidentId}/messages`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: commander },
        body: JSON.stringify({ text: `现场通报 ${i}` }),
      });
      expect(res.status).toBe(201);
    };
    const count = async () => {
      const res = await fetch(`${urlB}/api/incidents/${incidentId}/events?sinceSeq=0`, {
        headers: { authorization: commander },
      });
      return ((await res.json()) as RoomEventView[]).at(-1)!.seq;
    };

    // Posted through both servers in turn, one after the other.
    for (let i = 0; i < 20; i++) await post(i % 2 ? urlA : urlB, i);
    const steady = await count();
    await Promise.all([...onA, ...onB].map((c) => c.waitForCount(steady, 15_000)));
    for (const c of [...onA, ...onB]) {
      expect(c.events.map((e) => e.seq)).toEqual(range(1, steady));
      // Each pushed once. Not necessarily in seq order: an event from the other server comes
      // through Redis and may arrive after the next one, emitted here; the seq puts it in place.
      expect(pushed.get(c)!.toSorted((x, y) => x - y)).toEqual(range(joinedAt + 1, steady));
    }

    // Server A dies mid-stream; its clients reconnect to B and ask for what came after their last.
    const stream = (async () => {
      for (let i = 20; i < 60; i++) {
        await post(urlB, i);
        if (i === 25) {
          serverA.kill('SIGKILL');
          await exited(serverA);
        }
        await sleep(50);
      }
    })();
    await Promise.all(
      onA.map((c) => waitFor(() => (c.socket.connected ? undefined : true), 15_000, 'a drop')),
    );
    // As the console does, each asks for what came after the last event it holds without a gap
    // before it: a long-poll answer in flight when its server died is lost with the server.
    const moved = await Promise.all(
      onA.map(async (old) => {
        const again = new LiveRoomClient(urlB, token);
        // Merged by seq, as the console does: an event pushed live may come before the join's
        // answer that holds the ones just before it.
        const seqs = new Set(old.events.map((e) => e.seq).filter((seq, i) => seq === i + 1));
        again.socket.on('room:event', (e: RoomEventView) => seqs.add(e.seq));
        await again.connected();
        const ack = await again.join(incidentId, contiguous(old.events.map((e) => e.seq)));
        if (!ack.ok) throw new Error(ack.error);
        for (const e of ack.events) seqs.add(e.seq);
        return { seqs, again };
      }),
    );
    await stream;
    const last = await count();
    for (const { seqs } of moved) {
      await waitFor(() => (seqs.has(last) ? true : undefined), 15_000, 'the catch-up');
      expect([...seqs].sort((x, y) => x - y)).toEqual(range(1, last));
    }
    for (const c of onB) {
      await waitFor(() => (c.lastSeq === last ? true : undefined), 15_000, 'every event on B');
      expect(pushed.get(c)).toEqual(range(joinedAt + 1, last));
    }
    for (const c of [...onA, ...onB, ...moved.map((m) => m.again)]) c.close();
  }, 240_000);

  it('finishes a fan-out of 2,000 with one SMS per phone when one of the two workers is killed in the middle', async () => {
    const phones = Array.from({ length: 2000 }, (_, i) => `+86139${String(i).padStart(8, '0')}`);
    const ids = await seedContacts(s.t.db.url, phones);
    const incident = await s.t.http
      .post('/api/incidents')
      .set('Authorization', commander)
      .send(incidentReport());
    const callout = await fetch(`${urlB}/api/incidents/${incident.body.id}/callouts`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: commander },
      body: JSON.stringify({ contactIds: ids, message: '多节点测试：请立即到岗' }),
    });
    expect(callout.status).toBe(201);

    const wanted = new Set(phones);
    const sent = () => (s.emulator.messages() as unknown as { to: string }[]).filter((m) => wanted.has(m.to));
    await waitFor(() => (sent().length >= 400 ? true : undefined), 180_000, '400 SMS sent');
    const [killed, survivor] = children.slice(2) as [ChildProcess, ChildProcess];
    killed.kill('SIGKILL');
    await exited(killed);
    expect(sent().length).toBeLessThan(phones.length);

    await waitFor(
      () => (new Set(sent().map((m) => m.to)).size === phones.length ? true : undefined),
      300_000,
      'every phone paged by the surviving worker',
    );
    await sleep(3000); // anything sent twice would have arrived by now
    const counts = new Map<string, number>();
    for (const m of sent()) counts.set(m.to, (counts.get(m.to) ?? 0) + 1);
    expect(phones.filter((p) => counts.get(p) !== 1)).toEqual([]);
    expect(survivor.exitCode).toBeNull();
  }, 600_000);

  it('fires each of a drill’s injects once while several workers race for them', async () => {
    // The one killed above is replaced by a cluster of two (WORKER_CONCURRENCY): three race.
    children.push(spawnWorker({ ...s.workerEnv, JOB_LOCK_SECONDS: '10', WORKER_CONCURRENCY: '2' }));
    const injects = [
      ...['a', 'b', 'c'].map((id) => messageInject(id, 2)),
      ...['d', 'e', 'f'].map((id) => messageInject(id, 4)),
    ];
    const scenario = await s.t.http
      .post('/api/drills/scenarios')
      .set('Authorization', commander)
      .send(await scenarioDocument(s.t, injects));
    expect(scenario.status).toBe(201);
    const scheduled = await s.t.http.post('/api/drills/runs').set('Authorization', commander).send({
      scenarioId: scenario.body.id,
      scheduledFor: new Date().toISOString(),
      contactIds: [],
      evaluatorIds: [],
    });
    expect(scheduled.status).toBe(201);
    const started = await fetch(`${urlB}/api/drills/runs/${scheduled.body.id}/start`, {
      method: 'POST',
      headers: { authorization: commander },
    });
    expect(started.status).toBe(200);
    const run = (await started.json()) as RunView;
    const fired = async () => {
      const res = await fetch(`${urlB}/api/incidents/${run.incidentId}/events?sinceSeq=0`, {
        headers: { authorization: commander },
      });
      return ((await res.json()) as RoomEventView[]).filter((e) => e.type === 'drill.inject');
    };
    await waitFor(async () => ((await fired()).length >= 6 ? true : undefined), 90_000, 'all six injects');
    await sleep(3000); // an inject fired twice would have shown by now
    const ids = (await fired()).map((e) => (e.payload as { injectId: string }).injectId);
    expect(ids.sort()).toEqual(['a', 'b', 'c', 'd', 'e', 'f']);
  }, 180_000);
});

/** Contacts made straight in the database: thousands of them through the API would test the API. */
async function seedContacts(dbUrl: string, phones: string[]): Promise<string[]> {
  const c = new pg.Client({ connectionString: dbUrl });
  await c.connect();
  try {
    const { rows } = await c.query<{ id: string }>(
      `INSERT INTO contact (name, organization, post, phones, skills, certifications, language, notes)
       SELECT '多节点队员' || i, '救援队', '队员', ARRAY[p], '{}', '[]', 'zh-CN', ''
         FROM unnest($1::text[]) WITH ORDINALITY AS t(p, i) RETURNING id`,
      [phones],
    );
    return rows.map((r) => r.id);
  } finally {
    await c.end();
  }
}
