import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { ChildProcess } from 'node:child_process';
import pg from 'pg';
import { createTestApp, type TestApp } from '../support/app.js';
import { incidentReport } from '../support/incidents.js';
import { exited, spawnServer } from '../support/processes.js';

describe('stopping the built server under load', () => {
  let t: TestApp;
  let server: ChildProcess;
  let url: string;

  beforeAll(async () => {
    t = await createTestApp();
    ({ child: server, url } = await spawnServer({
      DATABASE_URL: t.db.url,
      REDIS_PREFIX: t.redisPrefix,
      JWT_SECRET: t.jwtSecret,
    }));
  }, 40_000);

  afterAll(async () => {
    if (server.exitCode === null && server.signalCode === null) server.kill('SIGKILL');
    await t?.close();
  });

  it('finishes the filings under way at SIGTERM, starts no new one, then exits by the signal', async () => {
    const officer = (await t.login('officer1@muster.test')).accessToken;
    const title = `停机测试 ${Date.now()}`;
    let signalledAt = Infinity;
    const file = () =>
      fetch(`${url}/api/incidents`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${officer}` },
        body: JSON.stringify(incidentReport({ title })),
      }).then(
        (res) => ({ status: res.status, afterSignal: performance.now() > signalledAt }),
        // Refused or reset at the door: never read by the server, the client's to retry.
        () => ({ status: 0, afterSignal: true }),
      );

    const filings = Array.from({ length: 150 }, file);
    // The first answer means others are being worked on inside the server: stop it now.
    await Promise.race(filings);
    signalledAt = performance.now();
    server.kill('SIGTERM');
    const outcomes = await Promise.all(filings);
    await exited(server);

    const filed = outcomes.filter((o) => o.status === 201);
    expect(outcomes.filter((o) => ![201, 503, 0].includes(o.status))).toEqual([]);
    // Filings under way when the signal came were finished and answered, not cut off.
    expect(filed.filter((o) => o.afterSignal).length).toBeGreaterThan(0);

    // Every filing written was answered: none was cut off between its commit and its answer.
    const db = new pg.Client({ connectionString: t.db.url });
    await db.connect();
    try {
      const { rows } = await db.query<{ n: number }>(
        'SELECT count(*)::int AS n FROM incident WHERE title = $1',
        [title],
      );
      expect(rows[0]!.n).toBe(filed.length);
    } finally {
      await db.end();
    }
    // An uncaught error (a publish into a closed Redis connection) would exit with code 1.
    expect({ code: server.exitCode, signal: server.signalCode }).toEqual({ code: null, signal: 'SIGTERM' });
  }, 60_000);
});
