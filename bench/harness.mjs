// Shared by the benchmarks: a fresh database with the demo zone, the built server as a child
// process (as deployed), and the figures a benchmark reports. Everything stays on 127.0.0.1.
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { createServer } from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Redis } from 'ioredis';
import pg from 'pg';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const ADMIN_URL = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

export function dbUrl(name) {
  const u = new URL(ADMIN_URL);
  u.pathname = `/${name}`;
  return u.toString();
}

/** Runs one statement on the maintenance database (CREATE or DROP DATABASE). */
export async function admin(sql) {
  const c = new pg.Client({ connectionString: dbUrl('postgres') });
  await c.connect();
  try {
    await c.query(sql);
  } finally {
    await c.end();
  }
}

export function freePort() {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
    srv.on('error', reject);
  });
}

/** Deletes every Redis key under a benchmark's prefix (queues, schedulers, adapter keys). */
export async function dropRedisPrefix(prefix) {
  const redis = new Redis(process.env.REDIS_URL ?? 'redis://127.0.0.1:6379');
  try {
    let cursor = '0';
    do {
      const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}:*`, 'COUNT', 1000);
      if (keys.length) await redis.unlink(...keys);
      cursor = next;
    } while (cursor !== '0');
  } finally {
    redis.disconnect();
  }
}

function runNode(script, env) {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [script], {
      cwd: ROOT,
      env,
      stdio: ['ignore', 'ignore', 'inherit'],
    });
    child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`${script} exited ${code}`))));
  });
}

/** Resident memory of a process now, in MiB. */
export function rssMiB(pid) {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  return Math.round(Number(/VmRSS:\s+(\d+) kB/.exec(status)?.[1] ?? 0) / 1024);
}

/** Peak resident memory of a process (VmHWM), in MiB. */
export function peakRssMiB(pid) {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = Number(/VmHWM:\s+(\d+) kB/.exec(status)?.[1] ?? 0);
  return Math.round(kb / 1024);
}

/** Starts the built server over a fresh demo database; `stop()` ends it and drops the database. */
export async function startServer(extraEnv = {}, nodeArgs = []) {
  const main = path.join(ROOT, 'server/dist/main.js');
  if (!existsSync(main)) throw new Error('server/dist is missing: run `npm run build` first');
  const name = `muster_bench_${randomBytes(4).toString('hex')}`;
  const port = extraEnv.PORT ? Number(extraEnv.PORT) : await freePort();
  const env = {
    ...process.env,
    NODE_ENV: 'development',
    DATABASE_URL: dbUrl(name),
    REDIS_PREFIX: `bench-${name}`,
    PORT: String(port),
    LOG_LEVEL: 'warn',
    JWT_SECRET: `bench-${randomBytes(24).toString('hex')}`,
    LOGIN_RATE_PER_MINUTE: '100000',
    WEB_DIST: '/nonexistent',
    ...extraEnv,
  };
  const dropAll = async () => {
    await admin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await dropRedisPrefix(env.REDIS_PREFIX);
  };
  await admin(`CREATE DATABASE ${name}`);
  let child;
  const baseUrl = `http://127.0.0.1:${port}`;
  try {
    await runNode('server/dist/cli/migrate.js', env);
    await runNode('server/dist/cli/seed-demo.js', env);
    child = spawn(process.execPath, [...nodeArgs, main], {
      cwd: ROOT,
      env,
      stdio: ['ignore', 'ignore', 'inherit'],
    });
    // A busy machine (other builds and tests) can take a while to boot Nest.
    for (let i = 0; ; i++) {
      if (child.exitCode !== null) throw new Error(`the server exited with ${child.exitCode}`);
      try {
        if ((await fetch(`${baseUrl}/health`)).ok) break;
      } catch {
        /* starting */
      }
      if (i > 600) throw new Error('server did not start within 60 s');
      await new Promise((r) => setTimeout(r, 100));
    }
  } catch (e) {
    if (child && child.exitCode === null) {
      child.kill('SIGKILL');
      await new Promise((r) => child.once('exit', r));
    }
    await dropAll();
    throw e;
  }
  return {
    baseUrl,
    pid: child.pid,
    /** The environment the server runs with: a worker joins the same database and queues with it. */
    env,
    async login(email) {
      const res = await fetch(`${baseUrl}/api/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email, password: 'muster-demo' }),
      });
      if (!res.ok) throw new Error(`login ${email}: ${res.status}`);
      return res.json();
    },
    async stop() {
      if (child.exitCode === null && child.signalCode === null) {
        child.kill('SIGTERM');
        await new Promise((r) => child.once('exit', r));
      }
      await dropAll();
    },
  };
}

export function percentile(sorted, p) {
  if (!sorted.length) return NaN;
  const i = Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1);
  return sorted[Math.max(0, i)];
}

export function summarize(latencies) {
  const s = [...latencies].sort((a, b) => a - b);
  return {
    n: s.length,
    p50: percentile(s, 50),
    p95: percentile(s, 95),
    p99: percentile(s, 99),
    max: s.at(-1),
  };
}

export const fmt = (ms) => `${ms.toFixed(1)} ms`;

/** CPU seconds (user + system) a process has used, or all processes of that command name together. */
export function cpuSeconds(pidOrName) {
  const read = (pid) => {
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      const close = stat.lastIndexOf(')');
      const fields = stat.slice(close + 2).split(' ');
      return {
        comm: stat.slice(stat.indexOf('(') + 1, close),
        cpu: (Number(fields[11]) + Number(fields[12])) / 100,
      };
    } catch {
      return { comm: '', cpu: 0 }; // it ended meanwhile
    }
  };
  if (typeof pidOrName === 'number') return read(pidOrName).cpu;
  let total = 0;
  for (const pid of readdirSync('/proc').filter((d) => /^\d+$/.test(d))) {
    const r = read(pid);
    if (r.comm === pidOrName) total += r.cpu;
  }
  return total;
}
