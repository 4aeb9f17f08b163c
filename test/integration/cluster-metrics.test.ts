import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { ChildProcess } from 'node:child_process';
import { execFileSync } from 'node:child_process';
import http from 'node:http';
import { type TestDatabase, createTestDatabase } from '../support/db.js';
import { REDIS_URL } from '../support/env.js';
import { exited, freePort, spawnServer } from '../support/processes.js';

/** One GET on a connection of its own, so the cluster hands each to the next process. */
function getOnce(url: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    http
      .get(url, { agent: false }, (res) => {
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (c: string) => (body += c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
      })
      .on('error', reject);
  });
}

/** The value of one sample line of a Prometheus text page, or 0 when it is absent. */
function sample(page: string, name: string, labels: string): number {
  const line = page.split('\n').find((l) => l.startsWith(`${name}{`) && l.includes(labels));
  return line ? Number(line.split(' ').pop()) : 0;
}

/**
 * A server of two processes behind one port (WEB_CONCURRENCY=2): a scrape lands on one of them,
 * and must answer for both, or half the traffic disappears from the dashboards.
 */
describe('metrics of a clustered server', () => {
  let db: TestDatabase;
  const children: ChildProcess[] = [];

  beforeAll(async () => {
    db = await createTestDatabase();
  }, 60_000);

  afterAll(async () => {
    for (const c of children) {
      c.kill('SIGKILL');
      await exited(c);
    }
    await db?.drop();
  });

  const start = async (env: Record<string, string> = {}) => {
    // /health answers once the first process listens; the port reaches both only when the second does too.
    const started = new Set<number>();
    const s = await spawnServer(
      {
        DATABASE_URL: db.url,
        REDIS_URL,
        REDIS_PREFIX: `test-${db.name}-${children.length}`,
        JWT_SECRET: `test-secret-${db.name}-0123456789abcdef`,
        WEB_CONCURRENCY: '2',
        LOG_LEVEL: 'info',
        ...env,
      },
      {
        timeoutMs: 120_000,
        onLine: (line) => {
          if (line.includes('Nest application successfully started'))
            started.add((JSON.parse(line) as { pid: number }).pid);
        },
      },
    );
    children.push(s.child);
    for (const until = Date.now() + 120_000; started.size < 2 && Date.now() < until;)
      await new Promise((r) => setTimeout(r, 100));
    expect(started.size).toBe(2);
    const processes = execFileSync('ps', ['-o', 'pid=', '--ppid', String(s.child.pid)], {
      encoding: 'utf8',
    });
    expect(new Set(processes.trim().split('\n').map(Number))).toEqual(started);
    return s;
  };

  const route = 'method="GET",route="/api/config/public",status="200"';
  const requests = 24;

  it('counts every process’s requests in each scrape of the application’s port', async () => {
    const { url } = await start();
    for (let i = 0; i < requests; i++) expect((await getOnce(`${url}/api/config/public`)).status).toBe(200);
    // Several scrapes, each landing on either process, all see the whole cluster.
    for (let i = 0; i < 4; i++) {
      const page = await getOnce(`${url}/metrics`);
      expect(page.status).toBe(200);
      expect(sample(page.body, 'muster_http_request_duration_seconds_count', route)).toBe(requests);
    }
  }, 180_000);

  it('does the same on a metrics port of its own', async () => {
    const metricsPort = await freePort();
    const { url } = await start({ METRICS_PORT: String(metricsPort) });
    expect((await getOnce(`${url}/metrics`)).status).toBe(404);
    for (let i = 0; i < requests; i++) expect((await getOnce(`${url}/api/config/public`)).status).toBe(200);
    for (let i = 0; i < 4; i++) {
      const page = await getOnce(`http://127.0.0.1:${metricsPort}/metrics`);
      expect(page.status).toBe(200);
      expect(sample(page.body, 'muster_http_request_duration_seconds_count', route)).toBe(requests);
    }
  }, 180_000);
});
