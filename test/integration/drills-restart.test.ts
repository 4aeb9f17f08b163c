import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { ChildProcess } from 'node:child_process';
import request from 'supertest';
import type { RoomEventView, RunView } from '@muster/contracts';
import { createTestApp, type TestApp } from '../support/app.js';
import { waitFor } from '../support/callouts.js';
import { messageInject, scenarioDocument } from '../support/drills.js';
import { exited, spawnServer, spawnWorker } from '../support/processes.js';
import { RequestContext } from '../../server/src/common/request-context.js';
import { Db } from '../../server/src/database/db.js';
import { DrillRun } from '../../server/src/drills/drill.entities.js';
import { DrillRunService } from '../../server/src/drills/drill-run.service.js';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * The built server and worker, as deployed, are killed outright in the middle of a drill and
 * started again: every inject must still fire, in order, exactly once.
 */
describe('a drill run across a crash of the server and the worker', () => {
  let t: TestApp;
  const children: ChildProcess[] = [];

  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(async () => {
    for (const c of children) c.kill('SIGKILL');
    await Promise.all(children.map(exited));
    await t?.close();
  });

  async function startProcesses(): Promise<string> {
    const env = { DATABASE_URL: t.db.url, REDIS_PREFIX: t.redisPrefix, JWT_SECRET: t.jwtSecret };
    const worker = spawnWorker(env);
    children.push(worker);
    const server = await spawnServer(env);
    children.push(server.child);
    return server.url;
  }

  async function killAll(): Promise<void> {
    for (const c of children.splice(0)) {
      c.kill('SIGKILL');
      await exited(c);
    }
  }

  it('releases injects that fell due together in timeline order, whichever job wakes first', async () => {
    // No worker runs here: the test plays the jobs itself, the later one first.
    const token = await t.token('commander');
    const auth = { Authorization: `Bearer ${token}` };
    const doc = await scenarioDocument(t, [messageInject('first', 1), messageInject('second', 2)]);
    const scenario = await t.http.post('/api/drills/scenarios').set(auth).send(doc).expect(201);
    const scheduled = await t.http
      .post('/api/drills/runs')
      .set(auth)
      .send({
        scenarioId: scenario.body.id,
        scheduledFor: new Date().toISOString(),
        contactIds: [],
        evaluatorIds: [],
      })
      .expect(201);
    const run = (await t.http.post(`/api/drills/runs/${scheduled.body.id}/start`).set(auth).expect(200))
      .body as RunView;
    await sleep(2500);
    const runs = t.get(DrillRunService);
    const [first, second] = run.injects;
    const epoch = (await t.get(Db).repo(DrillRun).findOneByOrFail({ id: run.id })).clockEpoch;
    const play = (runInjectId: string) =>
      t.get(RequestContext).runAsSystem('test', () => runs.fireDue({ runId: run.id, runInjectId, epoch }));
    expect(await play(second!.runInjectId)).toBe('released');
    expect(await play(first!.runInjectId)).toBe('already-done');
    const events = await t.http
      .get(`/api/incidents/${run.incidentId}/events?sinceSeq=0`)
      .set(auth)
      .expect(200);
    expect(
      (events.body as RoomEventView[])
        .filter((e) => e.type === 'drill.inject')
        .map((e) => e.payload.injectId),
    ).toEqual(['first', 'second']);
  });

  it('loses and repeats no inject', async () => {
    const token = await t.token('commander');
    const auth = { Authorization: `Bearer ${token}` };
    let url = await startProcesses();

    const offsets = [2, 4, 6, 8, 10];
    const doc = await scenarioDocument(
      t,
      offsets.map((o) => messageInject(`i${o}`, o)),
    );
    const scenario = await request(url).post('/api/drills/scenarios').set(auth).send(doc);
    expect(scenario.status).toBe(201);
    const scheduled = await request(url).post('/api/drills/runs').set(auth).send({
      scenarioId: scenario.body.id,
      scheduledFor: new Date().toISOString(),
      contactIds: [],
      evaluatorIds: [],
    });
    expect(scheduled.status).toBe(201);
    const started = await request(url).post(`/api/drills/runs/${scheduled.body.id}/start`).set(auth);
    expect(started.status).toBe(200);
    const run = started.body as RunView;

    const injects = async (base: string) => {
      const res = await request(base).get(`/api/incidents/${run.incidentId}/events?sinceSeq=0`).set(auth);
      return (res.body as RoomEventView[]).filter((e) => e.type === 'drill.inject');
    };
    await waitFor(
      async () => ((await injects(url)).length >= 1 ? true : undefined),
      15_000,
      'the first inject',
    );

    await killAll();
    // While nothing runs, the injects at 4 s and 6 s fall due.
    await sleep(5000);
    url = await startProcesses();

    const fired = await waitFor(
      async () => {
        const evs = await injects(url);
        return evs.length >= offsets.length ? evs : undefined;
      },
      30_000,
      'every inject after the restart',
    );
    await sleep(2500);
    const final = await injects(url);
    expect(final).toHaveLength(offsets.length);
    expect(final.map((e) => e.payload.injectId)).toEqual(offsets.map((o) => `i${o}`));
    expect(new Set(final.map((e) => e.payload.runInjectId)).size).toBe(offsets.length);
    expect(fired.map((e) => e.seq)).toEqual([...fired.map((e) => e.seq)].sort((a, b) => a - b));

    const after = await request(url).get(`/api/drills/runs/${run.id}`).set(auth);
    expect(after.body.injects.every((i: { state: string }) => i.state === 'released')).toBe(true);
  });
});
