import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { waitFor } from '../support/callouts.js';
import { maintenanceUrl, databaseUrl } from '../support/env.js';
import { incidentReport } from '../support/incidents.js';
import { PrivateRedis, exited, freePort } from '../support/processes.js';

const ROOT = new URL('../..', import.meta.url).pathname;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** The processes `npm start` runs, by name, read from the process table (their parent is us). */
function childrenOf(pid: number): { pid: number; args: string }[] {
  const out = execFileSync('ps', ['-o', 'pid=,args=', '--ppid', String(pid)], { encoding: 'utf8' });
  return out
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean)
    .map((l) => {
      const [p, ...args] = l.split(/\s+/);
      return { pid: Number(p), args: args.join(' ') };
    });
}

/**
 * `npm start` itself (infra/start.mjs, as a person runs it) on a database and a Redis of the
 * test's own: a worker killed with SIGKILL in the middle of a fan-out is restarted by the
 * supervisor, the server keeps answering throughout, and every phone is paged exactly once.
 */
describe('npm start supervises its processes', () => {
  const dbName = `muster_start_${randomBytes(4).toString('hex')}`;
  let redis: PrivateRedis;
  let start: ChildProcess;
  let output = '';
  let url: string;
  let emulatorUrl: string;
  let tencentUrl: string;

  beforeAll(async () => {
    redis = new PrivateRedis(await freePort());
    await redis.start();
    const port = await freePort();
    const emulatorPort = await freePort();
    const tencentPort = await freePort();
    url = `http://127.0.0.1:${port}`;
    emulatorUrl = `http://127.0.0.1:${emulatorPort}`;
    tencentUrl = `http://127.0.0.1:${tencentPort}`;
    start = spawn(process.execPath, ['infra/start.mjs', '--no-build'], {
      cwd: ROOT,
      env: {
        ...process.env,
        NODE_ENV: 'development',
        DEMO_MODE: 'true',
        PORT: String(port),
        TWILIO_EMULATOR_PORT: String(emulatorPort),
        TENCENT_EMULATOR_PORT: String(tencentPort),
        PUBLIC_URL: url,
        DATABASE_URL: databaseUrl(dbName),
        REDIS_URL: redis.url,
        REDIS_PREFIX: `start-${dbName}`,
        SMS_RATE_PER_SECOND: '0',
        JOB_LOCK_SECONDS: '3',
        LOG_LEVEL: 'warn',
        LOG_FORMAT: 'json',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    start.stdout!.on('data', (d: Buffer) => (output += d.toString()));
    start.stderr!.on('data', (d: Buffer) => (output += d.toString()));
    await waitFor(
      () => {
        if (start.exitCode !== null) throw new Error(`npm start exited with ${start.exitCode}:\n${output}`);
        return output.includes('Ctrl-C stops everything') ? true : undefined;
      },
      150_000,
      'npm start to report ready',
    );
  }, 180_000);

  afterAll(async () => {
    if (start && start.exitCode === null && start.signalCode === null) {
      start.kill('SIGINT');
      await exited(start);
    }
    await redis?.stop();
    const c = new pg.Client({ connectionString: maintenanceUrl() });
    await c.connect();
    await c.query(`DROP DATABASE IF EXISTS ${dbName} WITH (FORCE)`);
    await c.end();
  }, 60_000);

  it('warns in its banner that call-outs will carry links a phone cannot open, and what to set', () => {
    // PUBLIC_URL here is the loopback address the test reaches the server at.
    const banner = output.slice(output.indexOf('Muster is running'));
    expect(banner).toContain(`WARNING: call-out SMS will carry links to ${url},`);
    expect(banner).toMatch(/Set PUBLIC_URL to the address phones reach this server at/);
    expect(banner).toMatch(/PUBLIC_URL=http:\/\/[\d.]+:\d+ npm start/);
  });

  it('restarts a worker killed mid-fan-out; the server keeps answering; every phone is paged once', async () => {
    const phones = Array.from({ length: 2000 }, (_, i) => `+86138${String(i).padStart(8, '0')}`);
    const sql = new pg.Client({ connectionString: databaseUrl(dbName) });
    await sql.connect();
    let ids: string[];
    try {
      const { rows } = await sql.query<{ id: string }>(
        `INSERT INTO contact (name, organization, post, phones, skills, certifications, language, notes)
         SELECT '应急队员' || i, '救援队', '队员', ARRAY[p], '{}', '[]', 'zh-CN', ''
           FROM unnest($1::text[]) WITH ORDINALITY AS t(p, i) RETURNING id`,
        [phones],
      );
      ids = rows.map((r) => r.id);
    } finally {
      await sql.end();
    }

    const login = await fetch(`${url}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'commander@muster.test', password: 'muster-demo' }),
    });
    const auth = { authorization: `Bearer ${((await login.json()) as { accessToken: string }).accessToken}` };
    const post = (path: string, body: unknown) =>
      fetch(`${url}${path}`, {
        method: 'POST',
        headers: { ...auth, 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
    const incident = (await (await post('/api/incidents', incidentReport())).json()) as { id: string };
    const callout = await post(`/api/incidents/${incident.id}/callouts`, {
      contactIds: ids,
      message: '进程监管测试：请立即到岗',
    });
    expect(callout.status).toBe(201);

    const wanted = new Set(phones);
    // Demo mode routes +86 mobiles to the Tencent emulator, with Twilio behind it: a page is a
    // text from either.
    const sent = async () => {
      const twilio = (await (await fetch(`${emulatorUrl}/_emulator/messages`)).json()) as {
        messages: { to: string }[];
      };
      const tencent = (await (await fetch(`${tencentUrl}/_emulator/messages`)).json()) as {
        to: string;
        direction: string;
      }[];
      return [...twilio.messages, ...tencent.filter((m) => m.direction === 'outbound')].filter((m) =>
        wanted.has(m.to),
      );
    };

    // The server, asked all along while the worker is down and coming back.
    const answers: number[] = [];
    let probing = true;
    const prober = (async () => {
      while (probing) {
        const res = await fetch(`${url}/health`).catch(() => null);
        answers.push(res?.status ?? 0);
        await sleep(200);
      }
    })();

    await waitFor(async () => ((await sent()).length >= 600 ? true : undefined), 60_000, '600 SMS sent');
    const [worker] = childrenOf(start.pid!).filter((c) => c.args.includes('worker/dist/main.js'));
    expect(worker).toBeDefined();
    process.kill(worker!.pid, 'SIGKILL');
    expect((await sent()).length).toBeLessThan(2000);

    await waitFor(
      async () => (new Set((await sent()).map((m) => m.to)).size === phones.length ? true : undefined),
      150_000,
      'every phone paged after the worker was restarted',
    );
    await sleep(3000);
    probing = false;
    await prober;

    const counts = new Map<string, number>();
    for (const m of await sent()) counts.set(m.to, (counts.get(m.to) ?? 0) + 1);
    expect(phones.filter((p) => counts.get(p) !== 1)).toEqual([]);
    expect(answers.filter((s) => s !== 200)).toEqual([]);
    expect(answers.length).toBeGreaterThan(10);
    expect(output).toMatch(/worker stopped unexpectedly \(killed by SIGKILL\).*restarting in/);
    const restarted = childrenOf(start.pid!).filter((c) => c.args.includes('worker/dist/main.js'));
    expect(restarted.map((c) => c.pid)).not.toContain(worker!.pid);
    expect(restarted).toHaveLength(1);

    // Only Ctrl-C stops everything, and it stops everything.
    const before = childrenOf(start.pid!).map((c) => c.pid);
    start.kill('SIGINT');
    await exited(start);
    expect(start.exitCode).toBe(0);
    for (const pid of before) expect(() => process.kill(pid, 0)).toThrow();
  }, 300_000);
});
