import { afterAll, afterEach, beforeAll, describe, expect, it } from '@jest/globals';
import type { ChildProcess } from 'node:child_process';
import pg from 'pg';
import { createTestApp, type TestApp } from '../support/app.js';
import { incidentReport } from '../support/incidents.js';
import { exited, spawnServer } from '../support/processes.js';

describe('stopping the built server under load', () => {
  let t: TestApp;
  let officer: string;
  let server: ChildProcess | undefined;

  beforeAll(async () => {
    t = await createTestApp();
    officer = (await t.login('officer1@muster.test')).accessToken;
  });
  afterEach(() => {
    if (server && server.exitCode === null && server.signalCode === null) server.kill('SIGKILL');
  });
  afterAll(() => t?.close());

  /** The built server, as deployed, on the test app's database and Redis namespace. */
  async function start(): Promise<string> {
    const spawned = await spawnServer({
      DATABASE_URL: t.db.url,
      REDIS_PREFIX: t.redisPrefix,
      JWT_SECRET: t.jwtSecret,
    });
    server = spawned.child;
    return spawned.url;
  }

  /** 150 filings at once; SIGTERM once the first is answered (others are then under way inside). */
  async function fileAndStop(url: string, title: string, signal?: AbortSignal, onSignal = () => {}) {
    let signalledAt = Infinity;
    const all = Array.from({ length: 150 }, () =>
      fetch(`${url}/api/incidents`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${officer}` },
        body: JSON.stringify(incidentReport({ title })),
        signal,
      }).then(
        (res) => ({ status: res.status, afterSignal: performance.now() > signalledAt }),
        // Refused or reset at the door (never read by the server, the client's to retry), or given up.
        () => ({ status: 0, afterSignal: true }),
      ),
    );
    await Promise.race(all);
    signalledAt = performance.now();
    server!.kill('SIGTERM');
    onSignal();
    const outcomes = await Promise.all(all);
    await exited(server!);
    return outcomes;
  }

  const filedWith = async (title: string) => {
    const db = new pg.Client({ connectionString: t.db.url });
    await db.connect();
    try {
      const { rows } = await db.query<{ n: number }>(
        'SELECT count(*)::int AS n FROM incident WHERE title = $1',
        [title],
      );
      return rows[0]!.n;
    } finally {
      await db.end();
    }
  };

  it('finishes the filings under way at SIGTERM, starts no new one, then exits by the signal', async () => {
    const title = `停机测试 ${Date.now()}`;
    const outcomes = await fileAndStop(await start(), title);

    const filed = outcomes.filter((o) => o.status === 201);
    expect(outcomes.filter((o) => ![201, 503, 0].includes(o.status))).toEqual([]);
    // Filings under way when the signal came were finished and answered, not cut off.
    expect(filed.filter((o) => o.afterSignal).length).toBeGreaterThan(0);
    // Every filing written was answered: none was cut off between its commit and its answer.
    expect(await filedWith(title)).toBe(filed.length);
    // An uncaught error (a publish into a closed Redis connection) would exit with code 1.
    expect({ code: server!.exitCode, signal: server!.signalCode }).toEqual({ code: null, signal: 'SIGTERM' });
  }, 60_000);

  it('does not wait for requests the router answered itself: OPTIONS, a 404, a method no route takes', async () => {
    const url = await start();
    for (const [method, path] of [
      ['OPTIONS', '/api/incidents'],
      ['GET', '/api/nothing-here'],
      ['GET', '/no-such-page'],
      ['PATCH', '/health'],
      ['PROPFIND', '/api/incidents'],
    ] as const) {
      const res = await fetch(`${url}${path}`, { method });
      await res.arrayBuffer();
    }
    const signalled = performance.now();
    server!.kill('SIGTERM');
    await exited(server!);
    // Counted as still running, they held every stop for the whole 10 s grace.
    expect(performance.now() - signalled).toBeLessThan(5_000);
    expect({ code: server!.exitCode, signal: server!.signalCode }).toEqual({ code: null, signal: 'SIGTERM' });
  }, 60_000);

  it('still finishes the filings whose clients gave up at SIGTERM before it closes Redis', async () => {
    // A load balancer's timeout, a closed tab: the server goes on with such a filing, and its
    // broadcast still needs the Redis connection.
    const title = `停机放弃 ${Date.now()}`;
    const impatient = new AbortController();
    const outcomes = await fileAndStop(await start(), title, impatient.signal, () => impatient.abort());

    expect(outcomes.filter((o) => o.status === 201 && o.afterSignal)).toEqual([]);
    expect({ code: server!.exitCode, signal: server!.signalCode }).toEqual({ code: null, signal: 'SIGTERM' });
  }, 60_000);
});
