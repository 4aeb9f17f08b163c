import { afterAll, afterEach, beforeAll, describe, expect, it } from '@jest/globals';
import type { ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import http from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { io } from 'socket.io-client';
import { createTestApp, type TestApp } from '../support/app.js';
import { waitFor } from '../support/callouts.js';
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
  async function start(env: Record<string, string> = {}, onLine?: (line: string) => void): Promise<string> {
    const spawned = await spawnServer(
      { DATABASE_URL: t.db.url, REDIS_PREFIX: t.redisPrefix, JWT_SECRET: t.jwtSecret, ...env },
      { onLine, timeoutMs: 90_000 },
    );
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

  it('with SHUTDOWN_DELAY_SECONDS fails its readiness at once and keeps serving until the delay is over', async () => {
    const url = await start({ SHUTDOWN_DELAY_SECONDS: '10' });
    const title = `停机前仍受理 ${Date.now()}`;
    server!.kill('SIGTERM');
    // Both within the delay: a load balancer sees the server unready, and what it still sends is served.
    await waitFor(
      async () => ((await fetch(`${url}/health`)).status === 503 ? true : undefined),
      10_000,
      'readiness failing',
    );
    const filing = await fetch(`${url}/api/incidents`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${officer}` },
      body: JSON.stringify(incidentReport({ title })),
    });
    expect(filing.status).toBe(201);
    await exited(server!);
    expect(await filedWith(title)).toBe(1);
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

  it('waits for the work under way, not for a Socket.IO long-poll or a download being streamed', async () => {
    const uploads = mkdtempSync(path.join(tmpdir(), 'muster-shutdown-'));
    const logged: { context?: string; msg?: string }[] = [];
    const shutdownLines = () => logged.filter((l) => l.context === 'Shutdown').map((l) => l.msg);
    let heardStop: () => void;
    const stopping = new Promise<void>((resolve) => (heardStop = resolve));
    const url = await start(
      { LOG_LEVEL: 'info', UPLOAD_DIR: uploads, UPLOAD_MAX_BYTES: String(32 * 1024 * 1024) },
      (line) => {
        if (!line.startsWith('{')) return;
        logged.push(JSON.parse(line) as { context?: string; msg?: string });
        if (shutdownLines().length > 0) heardStop();
      },
    );
    const auth = { authorization: `Bearer ${officer}` };
    try {
      // A console on a network where WebSockets do not get through: its long-poll is always open.
      const poller = io(`${url}/live`, {
        auth: { token: officer },
        transports: ['polling'],
        reconnection: false,
        forceNew: true,
      });
      await new Promise<void>((resolve, reject) => {
        poller.once('connect', resolve);
        poller.once('connect_error', reject);
      });
      const disconnected = new Promise<string>((resolve) => poller.once('disconnect', resolve));

      // A download to a client that has stopped reading (a phone on a poor link): far more than
      // the socket buffers between them hold, so its answer stays open.
      const size = 24 * 1024 * 1024;
      const form = new FormData();
      const pdf = Buffer.concat([Buffer.from('%PDF-1.4\n'), Buffer.alloc(size - 9, 0x20)]);
      form.append('file', new Blob([pdf], { type: 'application/pdf' }), 'plan.pdf');
      const uploaded = await fetch(`${url}/api/files`, { method: 'POST', headers: auth, body: form });
      expect(uploaded.status).toBe(201);
      const { id } = (await uploaded.json()) as { id: string };
      const download = await new Promise<http.IncomingMessage>((resolve, reject) =>
        http.get(`${url}/api/files/${id}`, { headers: auth }, resolve).on('error', reject),
      );
      expect(download.statusCode).toBe(200);

      // A filing whose body is still on its way when the signal comes: real work, to be finished.
      // The server's 100 Continue is sent as the request is handed to the application.
      const body = JSON.stringify(incidentReport({ title: `停机长连接 ${Date.now()}` }));
      const filing = http.request(`${url}/api/incidents`, {
        method: 'POST',
        headers: {
          ...auth,
          'content-type': 'application/json',
          'content-length': Buffer.byteLength(body),
          expect: '100-continue',
        },
      });
      const answered = new Promise<number>((resolve, reject) => {
        filing.on('response', (res) => {
          res.resume();
          res.on('end', () => resolve(res.statusCode!));
        });
        filing.on('error', reject);
      });
      await new Promise<void>((resolve) => filing.once('continue', resolve));

      server!.kill('SIGTERM');
      // The rest of the body only once the server says what it is waiting for.
      await stopping;
      expect(shutdownLines()).toEqual(['SIGTERM: waiting for 1 request(s) in flight']);
      filing.end(body);
      expect(await answered).toBe(201);
      await exited(server!);

      expect({ code: server!.exitCode, signal: server!.signalCode }).toEqual({
        code: null,
        signal: 'SIGTERM',
      });
      // It waited for the filing alone, and not beyond it: no request outlived the grace.
      expect(shutdownLines()).toEqual(['SIGTERM: waiting for 1 request(s) in flight']);
      expect(await disconnected).toBeTruthy();
      // The download was cut by the stop, not finished: it held nothing.
      let received = 0;
      await new Promise<void>((resolve) => {
        download.on('data', (chunk: Buffer) => (received += chunk.length));
        download.on('close', resolve);
        download.resume();
      });
      expect(received).toBeLessThan(size);
    } finally {
      rmSync(uploads, { recursive: true, force: true });
    }
  }, 60_000);
});
