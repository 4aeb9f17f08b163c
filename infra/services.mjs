// PostgreSQL and Redis for `npm start`, `npm test` and `npm run migrate`.
//
// Use what already answers at DATABASE_URL / REDIS_URL; otherwise, when the URL points at this
// machine, start a private instance under .data/ from the locally installed binaries. stop() stops
// only what this call started. Node built-ins only: this runs before `npm ci`.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import tls from 'node:tls';
import { pathToFileURL } from 'node:url';

export const DEFAULT_DATABASE_URL = 'postgres://postgres@127.0.0.1:5432/muster';
export const DEFAULT_REDIS_URL = 'redis://127.0.0.1:6379';

const LOCAL_HOSTS = new Set(['127.0.0.1', 'localhost', '::1']);

const INSTALL_HINT = [
  'Install them, or point DATABASE_URL / REDIS_URL at running ones:',
  '  Debian/Ubuntu:  apt-get install postgresql redis-server',
  "                  (PostgreSQL 15+; the cube and earthdistance extensions come with Debian's postgresql package)",
  '  Docker:         docker compose -f infra/docker-compose.yml up -d',
].join('\n');

/** An error whose message is meant for a person: print it without a stack. */
export class ServiceError extends Error {}

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
const isRoot = () => typeof process.getuid === 'function' && process.getuid() === 0;
const seconds = (since) => `${((Date.now() - since) / 1000).toFixed(1)} s`;

/** The first executable called `name` on PATH, or null. */
export function which(name) {
  for (const dir of (process.env.PATH ?? '').split(path.delimiter)) {
    if (!dir) continue;
    const file = path.join(dir, name);
    try {
      fs.accessSync(file, fs.constants.X_OK);
      if (fs.statSync(file).isFile()) return file;
    } catch {
      // not here
    }
  }
  return null;
}

function exists(file) {
  try {
    fs.accessSync(file);
    return true;
  } catch {
    return false;
  }
}

function tail(file, lines = 15) {
  try {
    return fs.readFileSync(file, 'utf8').trimEnd().split('\n').slice(-lines).join('\n');
  } catch {
    return '(no log)';
  }
}

function pidAlive(pid) {
  try {
    process.kill(pid, 0);
  } catch (err) {
    if (err.code !== 'EPERM') return false;
  }
  try {
    // An exited daemon stays a zombie until init reaps it, which can take a second or two.
    return !/^\d+ \(.*\) Z/.test(fs.readFileSync(`/proc/${pid}/stat`, 'utf8'));
  } catch {
    return exists('/proc/self') ? false : true;
  }
}

async function waitGone(pid, ms) {
  const until = Date.now() + ms;
  while (pidAlive(pid)) {
    if (Date.now() > until) return false;
    await sleep(100);
  }
  return true;
}

function hostOf(url) {
  return url.hostname.replace(/^\[(.*)\]$/, '$1');
}

export function tcpOpen(host, port, timeoutMs = 1500) {
  return new Promise((resolve) => {
    const socket = net.connect({ host, port });
    const done = (ok) => {
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(timeoutMs, () => done(false));
    socket.once('connect', () => done(true));
    socket.once('error', () => done(false));
  });
}

// ---------------------------------------------------------------------------------------------
// PostgreSQL

/** initdb, pg_ctl, pg_isready and psql: from PATH, else the newest /usr/lib/postgresql/N/bin. */
export function findPgBins() {
  const dirs = [];
  for (const base of ['/usr/lib/postgresql', '/usr/local/lib/postgresql']) {
    let versions;
    try {
      versions = fs.readdirSync(base).filter((v) => /^\d+(\.\d+)?$/.test(v));
    } catch {
      continue;
    }
    versions.sort((a, b) => Number(b) - Number(a));
    for (const v of versions) dirs.push(path.join(base, v, 'bin'));
  }
  const find = (name) => which(name) ?? dirs.map((d) => path.join(d, name)).find((f) => exists(f)) ?? null;
  return {
    initdb: find('initdb'),
    pg_ctl: find('pg_ctl'),
    pg_isready: find('pg_isready'),
    psql: find('psql'),
  };
}

/** 0 accepting, 1 rejecting (starting up), 2 no answer, 3 bad call; null when pg_isready is missing. */
function pgIsReady(bin, host, port) {
  if (!bin) return null;
  const r = spawnSync(bin, ['-h', host, '-p', String(port), '-t', '3'], { encoding: 'utf8' });
  return r.status;
}

/**
 * 'ok' when PostgreSQL answers at host:port (waiting while it is still starting up), 'down' when
 * nothing accepts a connection there, 'other' when something does but it is not PostgreSQL.
 */
async function pgStatus(host, port, bins) {
  if (!(await tcpOpen(host, port))) return 'down';
  const until = Date.now() + 30_000;
  for (;;) {
    const status = pgIsReady(bins.pg_isready, host, port);
    if (status === null || status === 0 || status === 3) return 'ok';
    if (status === 2) return 'other';
    if (Date.now() > until) {
      throw new ServiceError(
        `PostgreSQL at ${host}:${port} kept rejecting connections for 30 s (still starting?).`,
      );
    }
    await sleep(500);
  }
}

/** Runs a PostgreSQL binary as the current user, or as `postgres` when we are root. */
function pgRun(bin, args, { asPostgres }) {
  let cmd = bin;
  let argv = args;
  if (asPostgres) {
    if (which('runuser')) {
      cmd = 'runuser';
      argv = ['-u', 'postgres', '--', bin, ...args];
    } else {
      const quoted = [bin, ...args].map((a) => `'${String(a).replace(/'/g, `'\\''`)}'`).join(' ');
      cmd = 'su';
      argv = ['postgres', '-s', '/bin/sh', '-c', quoted];
    }
  }
  // cwd '/': the postgres user may not be allowed into the repository's working directory.
  return spawnSync(cmd, argv, { cwd: '/', encoding: 'utf8' });
}

function postgresUser() {
  const r = spawnSync('id', ['-u', 'postgres'], { encoding: 'utf8' });
  if (r.status !== 0) return null;
  const g = spawnSync('id', ['-g', 'postgres'], { encoding: 'utf8' });
  return { uid: Number(r.stdout.trim()), gid: Number(g.stdout.trim()) };
}

function pgMajor(pgCtl) {
  const r = spawnSync(pgCtl, ['--version'], { encoding: 'utf8' });
  const m = /(\d+)(?:\.\d+)?/.exec(r.stdout ?? '');
  return m ? m[1] : null;
}

function localeArgs() {
  const r = spawnSync('locale', ['-a'], { encoding: 'utf8' });
  const hasCUtf8 = (r.stdout ?? '').split('\n').some((l) => /^c\.utf-?8$/i.test(l.trim()));
  return hasCUtf8 ? ['--locale=C.UTF-8'] : ['--no-locale'];
}

async function startPostgres({ host, port, dataDir, log }) {
  const bins = findPgBins();
  if (!bins.initdb || !bins.pg_ctl) {
    throw new ServiceError(
      `PostgreSQL does not answer at ${host}:${port} (DATABASE_URL) and its binaries (initdb, pg_ctl) are not installed.\n` +
        INSTALL_HINT,
    );
  }
  const t0 = Date.now();
  const asPostgres = isRoot();
  const owner = asPostgres ? postgresUser() : null;
  if (asPostgres && !owner) {
    throw new ServiceError(
      'PostgreSQL refuses to run as root, and there is no `postgres` system user to run it as.\n' +
        'Create one (useradd --system postgres) or run as an ordinary user.',
    );
  }
  const chown = (p) => owner && fs.chownSync(p, owner.uid, owner.gid);

  let home = path.resolve(dataDir);
  fs.mkdirSync(home, { recursive: true });
  if (asPostgres && pgRun('test', ['-x', home], { asPostgres }).status !== 0) {
    // e.g. a checkout under /root: the postgres user cannot reach it, so keep the cluster in /tmp.
    home = path.join(
      os.tmpdir(),
      `muster-${createHash('sha1').update(path.resolve(dataDir)).digest('hex').slice(0, 10)}`,
    );
    fs.mkdirSync(home, { recursive: true, mode: 0o755 });
    log(`PostgreSQL: the postgres user cannot enter ${path.resolve(dataDir)}; using ${home}`);
  }
  const pgdata = path.join(home, 'pg');
  const logFile = path.join(home, 'pg.log');
  let sockDir = path.join(home, 'pg-socket');
  if (`${sockDir}/.s.PGSQL.${port}.lock`.length > 100) {
    // Unix socket paths are limited to ~107 bytes.
    sockDir = path.join(
      os.tmpdir(),
      `muster-pg-${createHash('sha1').update(sockDir).digest('hex').slice(0, 10)}`,
    );
  }

  const major = pgMajor(bins.pg_ctl);
  const versionFile = path.join(pgdata, 'PG_VERSION');
  let initialised = false;
  try {
    fs.readdirSync(pgdata);
    initialised = exists(versionFile);
  } catch (err) {
    if (err.code !== 'ENOENT') {
      throw new ServiceError(`Cannot read ${pgdata} (${err.code}): run as its owner, or remove it.`);
    }
  }
  if (initialised) {
    const have = fs.readFileSync(versionFile, 'utf8').trim();
    if (major && have !== major) {
      throw new ServiceError(
        `${pgdata} was created by PostgreSQL ${have}, but the installed binaries are PostgreSQL ${major}.\n` +
          `Remove it (rm -rf ${pgdata}) to start with an empty cluster.`,
      );
    }
  } else {
    // A half-made cluster from an interrupted initdb: initdb refuses a non-empty directory.
    fs.rmSync(pgdata, { recursive: true, force: true });
  }

  fs.mkdirSync(sockDir, { recursive: true });
  chown(sockDir);
  fs.closeSync(fs.openSync(logFile, 'a'));
  chown(logFile);

  if (!initialised) {
    fs.mkdirSync(pgdata, { recursive: true, mode: 0o700 });
    chown(pgdata);
    const r = pgRun(
      bins.initdb,
      ['-D', pgdata, '-U', 'postgres', '--auth=trust', '-E', 'UTF8', ...localeArgs()],
      { asPostgres },
    );
    if (r.status !== 0) {
      throw new ServiceError(`initdb failed (exit ${r.status}):\n${r.stderr || r.stdout}`);
    }
    log(`PostgreSQL: initialised a cluster in ${pgdata}`);
  } else if (owner && fs.statSync(pgdata).uid !== owner.uid) {
    spawnSync('chown', ['-R', `${owner.uid}:${owner.gid}`, pgdata]);
  }

  const listen = host === 'localhost' ? 'localhost' : host;
  const quote = (s) => `'${s.replace(/'/g, `'\\''`)}'`;
  const r = pgRun(
    bins.pg_ctl,
    [
      '-D',
      pgdata,
      '-l',
      logFile,
      '-w',
      '-t',
      '60',
      '-o',
      `-p ${port} -k ${quote(sockDir)} -c listen_addresses=${quote(listen)}`,
      'start',
    ],
    { asPostgres },
  );
  if (r.status !== 0) {
    throw new ServiceError(
      `pg_ctl start failed (exit ${r.status}): ${(r.stderr || r.stdout).trim()}\n--- ${logFile} ---\n${tail(logFile)}`,
    );
  }
  const pid = Number(fs.readFileSync(path.join(pgdata, 'postmaster.pid'), 'utf8').split('\n')[0]);
  log(`PostgreSQL: started ${host}:${port} from ${pgdata} (pid ${pid}, ${seconds(t0)})`);

  return {
    name: 'PostgreSQL',
    pid,
    async stop() {
      const s = pgRun(bins.pg_ctl, ['-D', pgdata, '-m', 'fast', '-w', '-t', '30', 'stop'], { asPostgres });
      if (s.status !== 0 && pidAlive(pid)) {
        process.kill(pid, 'SIGINT'); // the postmaster's own "fast shutdown" signal
      }
      if (!(await waitGone(pid, 30_000))) throw new Error(`PostgreSQL (pid ${pid}) did not stop`);
      log(`PostgreSQL: stopped (pid ${pid})`);
    },
  };
}

async function ensurePostgres({ databaseUrl, dataDir, log }) {
  const url = new URL(databaseUrl);
  const host = hostOf(url) || '127.0.0.1';
  const port = Number(url.port || 5432);
  const status = await pgStatus(host, port, findPgBins());
  if (status === 'ok') {
    log(`PostgreSQL: using the one running at ${host}:${port}`);
    return null;
  }
  if (status === 'other' && LOCAL_HOSTS.has(host)) {
    throw new ServiceError(
      `Something listens on ${host}:${port} (DATABASE_URL) but it does not answer as PostgreSQL.\n` +
        'Stop it, or set DATABASE_URL to another port.',
    );
  }
  if (!LOCAL_HOSTS.has(host)) {
    throw new ServiceError(
      `PostgreSQL does not answer at ${host}:${port} (DATABASE_URL). That host is not this machine, so nothing is started.\n` +
        INSTALL_HINT,
    );
  }
  return startPostgres({ host, port, dataDir, log });
}

// ---------------------------------------------------------------------------------------------
// Redis

function resp(...args) {
  return `*${args.length}\r\n${args.map((a) => `$${Buffer.byteLength(a)}\r\n${a}\r\n`).join('')}`;
}

/**
 * Speaks RESP over a raw socket: AUTH (when the URL has a password), then PING.
 * Returns 'down' when nothing accepts the connection, 'ok' on +PONG, else the reply that came back.
 */
function redisProbe(url, timeoutMs = 2000) {
  const host = hostOf(url) || '127.0.0.1';
  const port = Number(url.port || 6379);
  const commands = [];
  if (url.password) {
    const user = decodeURIComponent(url.username);
    const pass = decodeURIComponent(url.password);
    commands.push(user ? resp('AUTH', user, pass) : resp('AUTH', pass));
  }
  commands.push(resp('PING'));
  return new Promise((resolve) => {
    const socket =
      url.protocol === 'rediss:'
        ? tls.connect({ host, port, servername: host, rejectUnauthorized: false })
        : net.connect({ host, port });
    let connected = false;
    let buffer = '';
    const done = (result) => {
      socket.destroy();
      resolve(result);
    };
    socket.setTimeout(timeoutMs, () => done(connected ? 'no answer to PING' : 'down'));
    socket.once(url.protocol === 'rediss:' ? 'secureConnect' : 'connect', () => {
      connected = true;
      socket.write(commands.join(''));
    });
    socket.on('data', (chunk) => {
      buffer += chunk.toString('utf8');
      const replies = buffer.split('\r\n').slice(0, -1);
      const failed = replies.find((r) => r.startsWith('-'));
      if (failed) done(failed.slice(1));
      else if (replies.length >= commands.length) done(replies.at(-1) === '+PONG' ? 'ok' : replies.at(-1));
    });
    socket.once('error', () => done(connected ? 'connection error' : 'down'));
    socket.once('end', () => done(connected ? 'connection closed' : 'down'));
  });
}

/**
 * How the Redis that `npm start` runs keeps its data: it is the queue store, so an append-only
 * file (fsync'd every second) lets a restart bring back queued jobs and schedules, and noeviction
 * makes a full Redis refuse new jobs (an error the outbox retries) rather than silently dropping
 * queued ones. The test run's throwaway Redis keeps nothing.
 */
const QUEUE_STORE_ARGS = [
  '--appendonly',
  'yes',
  '--appendfsync',
  'everysec',
  '--maxmemory-policy',
  'noeviction',
];
const THROWAWAY_ARGS = ['--appendonly', 'no'];

async function startRedis({ url, host, port, dataDir, persistent, log }) {
  const bin = which('redis-server');
  if (!bin) {
    throw new ServiceError(
      `Redis does not answer at ${host}:${port} (REDIS_URL) and redis-server is not installed.\n${INSTALL_HINT}`,
    );
  }
  const t0 = Date.now();
  const home = path.resolve(dataDir);
  fs.mkdirSync(home, { recursive: true });
  const pidFile = path.join(home, 'redis.pid');
  const logFile = path.join(home, 'redis.log');
  fs.rmSync(pidFile, { force: true }); // a stale one from a run that was killed
  const bind = host === 'localhost' ? ['127.0.0.1', '-::1'] : [host];
  const args = [
    '--port',
    String(port),
    '--bind',
    ...bind,
    '--save',
    '',
    ...(persistent ? QUEUE_STORE_ARGS : THROWAWAY_ARGS),
    '--daemonize',
    'yes',
    '--pidfile',
    pidFile,
    '--logfile',
    logFile,
    '--dir',
    home,
  ];
  if (url.password) args.push('--requirepass', decodeURIComponent(url.password));
  const r = spawnSync(bin, args, { cwd: home, encoding: 'utf8' });
  if (r.status !== 0) {
    throw new ServiceError(
      `redis-server failed (exit ${r.status}): ${r.stderr || r.stdout}\n${tail(logFile)}`,
    );
  }
  const until = Date.now() + 10_000;
  let answer;
  while ((answer = await redisProbe(url)) !== 'ok' || !exists(pidFile)) {
    if (Date.now() > until) {
      throw new ServiceError(
        `redis-server did not answer PING on ${host}:${port} (${answer}).\n--- ${logFile} ---\n${tail(logFile)}`,
      );
    }
    await sleep(100);
  }
  const pid = Number(fs.readFileSync(pidFile, 'utf8').trim());
  log(
    `Redis: started ${host}:${port} (pid ${pid}, ${persistent ? 'append-only file in ' + path.relative(process.cwd(), home) + ', ' : ''}${seconds(t0)})`,
  );

  return {
    name: 'Redis',
    pid,
    async stop() {
      if (pidAlive(pid) && isRedis(pid)) {
        process.kill(pid, 'SIGTERM'); // redis shuts down on SIGTERM, flushing its append-only file
        if (!(await waitGone(pid, 10_000))) process.kill(pid, 'SIGKILL');
        await waitGone(pid, 5_000);
      }
      fs.rmSync(pidFile, { force: true });
      log(`Redis: stopped (pid ${pid})`);
    },
  };
}

/** Guards against a recycled pid: only signal a process that is still a redis-server. */
function isRedis(pid) {
  try {
    return fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes('redis-server');
  } catch {
    return !exists('/proc/self'); // no /proc (macOS): trust the pid file
  }
}

async function ensureRedis({ redisUrl, dataDir, persistent, log }) {
  const url = new URL(redisUrl);
  const host = hostOf(url) || '127.0.0.1';
  const port = Number(url.port || 6379);
  const answer = await redisProbe(url);
  if (answer === 'ok') {
    log(`Redis: using the one running at ${host}:${port}`);
    return null;
  }
  if (answer !== 'down') {
    throw new ServiceError(
      `Something at ${host}:${port} (REDIS_URL) accepted the connection but did not answer PING with PONG: ${answer}\n` +
        'If it is a Redis that needs a password, put it in the URL: redis://:PASSWORD@host:port',
    );
  }
  if (!LOCAL_HOSTS.has(host)) {
    throw new ServiceError(
      `Redis does not answer at ${host}:${port} (REDIS_URL). That host is not this machine, so nothing is started.\n` +
        INSTALL_HINT,
    );
  }
  return startRedis({ url, host, port, dataDir, persistent, log });
}

// ---------------------------------------------------------------------------------------------

/**
 * Makes PostgreSQL and Redis answer at the given URLs. Returns { started, stop() }; stop() stops
 * exactly the services this call started (never one that was already running).
 */
export async function ensureServices({
  databaseUrl = DEFAULT_DATABASE_URL,
  redisUrl = DEFAULT_REDIS_URL,
  dataDir = '.data',
  persistentRedis = false,
  log = console.log,
} = {}) {
  const started = [];
  const stop = async () => {
    const errors = [];
    while (started.length) {
      const service = started.pop();
      try {
        await service.stop();
      } catch (err) {
        errors.push(err);
      }
    }
    if (errors.length) throw errors[0];
  };
  try {
    const pg = await ensurePostgres({ databaseUrl, dataDir, log });
    if (pg) started.push(pg);
    const redis = await ensureRedis({ redisUrl, dataDir, persistent: persistentRedis, log });
    if (redis) started.push(redis);
  } catch (err) {
    await stop().catch(() => {});
    throw err;
  }
  return { started: started.map(({ name, pid }) => ({ name, pid })), stop };
}

/** Creates the database named in the URL when it does not exist yet. */
export async function ensureDatabase(databaseUrl = DEFAULT_DATABASE_URL, { log = console.log } = {}) {
  const url = new URL(databaseUrl);
  const name = decodeURIComponent(url.pathname.replace(/^\//, ''));
  if (!name || name === 'postgres') return;
  const admin = new URL(url);
  admin.pathname = '/postgres';
  const existsSql = `select 1 from pg_database where datname = '${name.replace(/'/g, "''")}'`;
  const createSql = `CREATE DATABASE "${name.replace(/"/g, '""')}"`;

  const psql = findPgBins().psql;
  if (psql) {
    const run = (sql) =>
      spawnSync(psql, [admin.href, '-v', 'ON_ERROR_STOP=1', '-tAXc', sql], {
        encoding: 'utf8',
        env: { ...process.env, PGCONNECT_TIMEOUT: '10' },
      });
    const q = run(existsSql);
    if (q.status !== 0) throw new ServiceError(`psql could not query ${url.host}: ${q.stderr.trim()}`);
    if (q.stdout.trim() === '1') return;
    const c = run(createSql);
    if (c.status !== 0 && !/already exists/.test(c.stderr)) {
      throw new ServiceError(`Could not create database "${name}": ${c.stderr.trim()}`);
    }
    log(`PostgreSQL: created database "${name}"`);
    return;
  }

  // No psql: fall back to the `pg` driver the server depends on (present after `npm ci`).
  let pg;
  try {
    pg = createRequire(path.join(process.cwd(), 'server', 'package.json'))('pg');
  } catch {
    log(`PostgreSQL: psql is not installed; assuming database "${name}" exists`);
    return;
  }
  const client = new pg.Client({ connectionString: admin.href });
  await client.connect();
  try {
    const { rowCount } = await client.query(existsSql);
    if (rowCount) return;
    await client.query(createSql).catch((err) => {
      if (!/already exists/.test(err.message)) throw err;
    });
    log(`PostgreSQL: created database "${name}"`);
  } finally {
    await client.end();
  }
}

/** The text to print for an error: a ServiceError's message as is, anything else with its stack. */
export function describeError(err) {
  return err instanceof ServiceError ? err.message : (err?.stack ?? String(err));
}

// `node infra/services.mjs` brings the services up on their own and keeps them until Ctrl-C.
if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const log = (m) => console.log(`[services] ${m}`);
  let handle;
  try {
    handle = await ensureServices({
      databaseUrl: process.env.DATABASE_URL,
      redisUrl: process.env.REDIS_URL,
      log,
    });
    await ensureDatabase(process.env.DATABASE_URL, { log });
  } catch (err) {
    console.error(describeError(err));
    await handle?.stop();
    process.exit(1);
  }
  console.log('[services] ready; Ctrl-C stops what was started here');
  const shutdown = () => handle.stop().then(() => process.exit(0));
  process.once('SIGINT', shutdown);
  process.once('SIGTERM', shutdown);
  setInterval(() => {}, 1 << 30);
}
