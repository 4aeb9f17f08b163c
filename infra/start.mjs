// `npm start`: install, services, build, migrate, demo data, then server, worker (and in demo mode
// the Twilio and Tencent Cloud emulators) until Ctrl-C. A process that dies is restarted with backoff; only Ctrl-C
// (or SIGTERM) stops everything.
// Node built-ins only: this runs before `npm ci`. Children's pino lines are shown compactly, without
// Nest's per-module/route boot lines: LOG_FORMAT=full shows those too, LOG_FORMAT=json the raw lines.
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import readline from 'node:readline';
import {
  ROOT,
  Stopping,
  installIfNeeded,
  isStopping,
  onSignal,
  run,
  say,
  seconds,
  setStopping,
  step,
  stopActive,
  terminate,
} from './lib.mjs';
import { localLinkWarning, networkAddresses } from './public-url.mjs';
import {
  DEFAULT_DATABASE_URL,
  DEFAULT_REDIS_URL,
  ServiceError,
  describeError,
  ensureDatabase,
  ensureServices,
  tcpOpen,
  which,
} from './services.mjs';

const DATA_DIR = path.join(ROOT, '.data');
/** The CJK font the printed incident report forms embed unless REPORT_FONT names another. */
const DEFAULT_REPORT_FONT = '/usr/share/fonts/truetype/wqy/wqy-microhei.ttc';
const NODE = process.execPath;

const DEMO_ACCOUNT_SID = 'AC00000000000000000000000000000000'; // the emulator's account in demo mode
const DEMO_FROM_NUMBER = '+15005550006';
// The Tencent Cloud emulator's account in demo mode: ids that name no real account (the keys are
// generated per checkout in .data, like the Twilio emulator's auth token).
const DEMO_TENCENT = {
  TENCENT_SECRET_ID: 'AKIDMusterDemoEmulatorOnly',
  TENCENT_SMS_SDK_APP_ID: '1400000000',
  TENCENT_VOICE_SDK_APP_ID: '1400000001',
  TENCENT_SMS_SIGN: 'Muster',
};

const DEMO_LOGINS = [
  ['admin@muster.test', 'zone_admin'],
  ['commander@muster.test', 'commander'],
  ['inspector@muster.test', 'inspector'],
  ['evaluator@muster.test', 'evaluator'],
  ['officer1@muster.test', 'enterprise_officer (first enterprise)'],
  ['officer2@muster.test', 'enterprise_officer (second enterprise)'],
  ['responder1@muster.test', 'responder'],
];

/**
 * The long-running processes: all are started, then every readyUrl must answer 200 before Muster is
 * reported ready. Run by `node` directly so that the pids we stop are the real ones (STACK trap 10).
 */
function processes(env, emulatorPort, mqttPort) {
  const list = [];
  if (mqttPort) {
    list.push({
      name: 'mqtt',
      cmd: NODE,
      args: ['tools/sensor-simulator/dist/broker-main.js'],
      env: { ...env, MQTT_EMBEDDED_PORT: String(mqttPort) },
    });
  }
  if (emulatorPort) {
    // Demo mode's Twilio emulator: the server's SDK calls it at TWILIO_API_BASE, and it posts
    // inbound SMS and calls (signed with the same auth token) to the server's webhooks. With
    // TENCENT_EMULATOR_PORT set (see environment()) the Tencent Cloud emulator runs in the same
    // process, its phones on the same page, and pushes receipts, replies and keys (signed with
    // the callback key) to the server's Tencent webhooks.
    const publicUrl = (env.PUBLIC_URL || `http://localhost:${env.PORT}`).replace(/\/+$/, '');
    const tencent = env.TENCENT_EMULATOR_PORT
      ? {
          TENCENT_EMULATOR_SMS_STATUS_URL:
            env.TENCENT_EMULATOR_SMS_STATUS_URL || `${publicUrl}/webhooks/tencent/sms-status`,
          TENCENT_EMULATOR_SMS_REPLY_URL:
            env.TENCENT_EMULATOR_SMS_REPLY_URL || `${publicUrl}/webhooks/tencent/sms-reply`,
          TENCENT_EMULATOR_VOICE_URL: env.TENCENT_EMULATOR_VOICE_URL || `${publicUrl}/webhooks/tencent/voice`,
        }
      : {};
    list.push({
      name: 'twilio',
      cmd: NODE,
      args: ['tools/twilio-emulator/dist/main.js'],
      env: {
        ...env,
        TWILIO_EMULATOR_PORT: String(emulatorPort),
        TWILIO_EMULATOR_SMS_URL: env.TWILIO_EMULATOR_SMS_URL || `${publicUrl}/webhooks/twilio/sms`,
        TWILIO_EMULATOR_VOICE_URL: env.TWILIO_EMULATOR_VOICE_URL || `${publicUrl}/webhooks/twilio/voice`,
        ...tencent,
      },
      readyUrl: `http://127.0.0.1:${emulatorPort}/_emulator/stats`,
    });
  }
  list.push({
    name: 'server',
    cmd: NODE,
    args: ['server/dist/main.js'],
    env,
    readyUrl: `http://127.0.0.1:${env.PORT}/health`,
  });
  list.push({ name: 'worker', cmd: NODE, args: ['worker/dist/main.js'], env });
  if (isDemo(env)) {
    // Demo mode's sensor simulator: plausible readings for the demo installations over MQTT.
    list.push({
      name: 'sensors',
      cmd: NODE,
      args: ['tools/sensor-simulator/dist/main.js'],
      env: { ...env, SIMULATOR_API_URL: `http://127.0.0.1:${env.PORT}` },
    });
  }
  return list;
}

/**
 * Sensor readings arrive over MQTT: MQTT_URL names a broker; else one already answering on
 * MQTT_PORT (1883) is used; else the embedded broker runs there. Answers the port to embed on.
 */
async function chooseMqtt(env) {
  if (env.MQTT_URL) return null;
  const port = Number(env.MQTT_PORT || 1883);
  env.MQTT_URL = `mqtt://127.0.0.1:${port}`;
  return (await tcpOpen('127.0.0.1', port)) ? null : port;
}

/** A secret kept in .data/<name> so that it survives restarts (and server and worker share it). */
function devSecret(name, bytes) {
  const file = path.join(DATA_DIR, name);
  fs.mkdirSync(DATA_DIR, { recursive: true });
  try {
    const secret = fs.readFileSync(file, 'utf8').trim();
    if (secret.length >= 32) return secret;
  } catch {
    // not generated yet
  }
  const secret = randomBytes(bytes).toString('hex');
  fs.writeFileSync(file, `${secret}\n`, { mode: 0o600 });
  return secret;
}

function environment() {
  const env = { ...process.env };
  const production = env.NODE_ENV === 'production';
  const unset = (key) => env[key] === undefined || env[key] === '';
  if (unset('PORT')) env.PORT = '3000';
  if (unset('DATABASE_URL')) env.DATABASE_URL = DEFAULT_DATABASE_URL;
  if (unset('REDIS_URL')) env.REDIS_URL = DEFAULT_REDIS_URL;
  if (unset('DEMO_MODE')) env.DEMO_MODE = production ? 'false' : 'true';
  if (unset('TZ')) env.TZ = 'Asia/Shanghai';
  processesPerCore(env);
  if (unset('JWT_SECRET') && !production) env.JWT_SECRET = devSecret('jwt-secret', 48);
  // Demo mode without a Twilio account of its own talks to the local emulator.
  let emulatorPort = null;
  if (isDemo(env) && unset('TWILIO_API_BASE') && unset('TWILIO_ACCOUNT_SID')) {
    emulatorPort = Number(env.TWILIO_EMULATOR_PORT || 3090);
    env.TWILIO_API_BASE = `http://127.0.0.1:${emulatorPort}`;
    env.TWILIO_ACCOUNT_SID = DEMO_ACCOUNT_SID;
    env.TWILIO_AUTH_TOKEN = devSecret('twilio-auth-token', 24);
    if (unset('TWILIO_FROM_NUMBER')) env.TWILIO_FROM_NUMBER = DEMO_FROM_NUMBER;
    // And, without a Tencent Cloud account of its own, to the Tencent emulator beside it: +86
    // mobiles go to Tencent and the rest to Twilio (MESSAGING_ROUTES' default), so the demo
    // exercises both providers.
    if (unset('TENCENT_API_BASE') && unset('TENCENT_SECRET_ID')) {
      if (unset('TENCENT_EMULATOR_PORT')) env.TENCENT_EMULATOR_PORT = '3092';
      env.TENCENT_API_BASE = `http://127.0.0.1:${env.TENCENT_EMULATOR_PORT}`;
      Object.assign(env, DEMO_TENCENT);
      env.TENCENT_SECRET_KEY = devSecret('tencent-secret-key', 24);
      env.TENCENT_CALLBACK_KEY = devSecret('tencent-callback-key', 24);
    }
  }
  return { env, emulatorPort };
}

/**
 * One server process and one worker process per core, unless WEB_CONCURRENCY or WORKER_CONCURRENCY
 * says otherwise: each of server/dist/main.js and worker/dist/main.js runs that many as a cluster
 * (the server's behind one port) and keeps them running; the supervisor here sees one process each.
 */
function processesPerCore(env) {
  const cores = String(os.availableParallelism());
  for (const key of ['WEB_CONCURRENCY', 'WORKER_CONCURRENCY']) {
    if (env[key] === undefined || env[key] === '') env[key] = cores;
  }
}

const isDemo = (env) => env.DEMO_MODE === 'true' || env.DEMO_MODE === '1';

// ---------------------------------------------------------------------------------------------
// Children and their output

const LEVELS = { 10: 'TRACE', 20: 'DEBUG', 30: 'INFO ', 40: 'WARN ', 50: 'ERROR', 60: 'FATAL' };
const OMIT = new Set([
  'level',
  'time',
  'pid',
  'hostname',
  'msg',
  'v',
  'req',
  'res',
  'err',
  'responseTime',
  'context',
  'service',
]);
// Nest's boot chatter (one line per module and route); LOG_FORMAT=full or json shows it.
const BOOT_CONTEXTS = new Set(['InstanceLoader', 'RoutesResolver', 'RouterExplorer', 'WebSocketsController']);
const COLORS = [36, 35, 33, 32, 34];
const tty = process.stdout.isTTY && !process.env.NO_COLOR;

/** A compact line for a pino JSON record; anything else is passed through as it is. */
function formatLine(line) {
  if (process.env.LOG_FORMAT === 'json' || !line.startsWith('{')) return line;
  let rec;
  try {
    rec = JSON.parse(line);
  } catch {
    return line;
  }
  if (typeof rec.level !== 'number') return line;
  if (rec.level <= 30 && BOOT_CONTEXTS.has(rec.context) && process.env.LOG_FORMAT !== 'full') return null;
  const time = new Date(rec.time ?? Date.now()).toTimeString().slice(0, 8);
  const parts = [time, LEVELS[rec.level] ?? rec.level];
  if (rec.context) parts.push(`(${rec.context})`);
  if (rec.req && rec.res) {
    parts.push(`${rec.req.method} ${rec.req.url} ${rec.res.statusCode} ${rec.responseTime ?? '?'}ms`);
  } else if (rec.msg !== undefined) {
    parts.push(String(rec.msg));
  }
  const extra = Object.fromEntries(Object.entries(rec).filter(([k]) => !OMIT.has(k)));
  if (Object.keys(extra).length) parts.push(JSON.stringify(extra));
  let out = parts.join(' ');
  if (rec.err) out += `\n${rec.err.stack ?? rec.err.message ?? JSON.stringify(rec.err)}`;
  return out;
}

/** Every supervised process: its spec and the child now running for it (replaced on restart). */
const children = [];

function spawnChild(entry) {
  const { spec, index } = entry;
  const prefix = tty ? `\x1b[${COLORS[index % COLORS.length]}m[${spec.name}]\x1b[0m` : `[${spec.name}]`;
  // detached: our own process group, so a Ctrl-C in the terminal reaches only us and we stop the
  // children in order (a second signal would cut short their graceful shutdown).
  const child = spawn(spec.cmd, spec.args, {
    cwd: ROOT,
    env: spec.env,
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  for (const [stream, out] of [
    [child.stdout, process.stdout],
    [child.stderr, process.stderr],
  ]) {
    readline.createInterface({ input: stream }).on('line', (line) => {
      const text = formatLine(line);
      if (text !== null) for (const l of text.split('\n')) out.write(`${prefix} ${l}\n`);
    });
  }
  const startedAt = Date.now();
  let reported = false;
  const died = (how, code) => {
    if (reported || isStopping()) return;
    reported = true;
    // Refused configuration (EX_CONFIG): starting it again would only fail the same way.
    if (code === 78) shutdown(`${spec.name} refused its configuration (see above); stopping everything`, 1);
    else restartLater(entry, how, Date.now() - startedAt);
  };
  child.once('error', (err) => died(`could not start: ${err.message}`));
  child.once('exit', (code, signal) => died(signal ? `killed by ${signal}` : `exit code ${code}`, code));
  entry.child = child;
  return child;
}

/** Restart delays: doubling from 1 s to 30 s, back to 1 s once a process has run for a minute. */
const RESTART_MIN_MS = 1000;
const RESTART_MAX_MS = 30_000;
const STABLE_MS = 60_000;

/**
 * A supervisor, not a domino: a process that dies is logged and started again after a backoff,
 * and the others keep serving (a dead worker's jobs wait in Redis and PostgreSQL for the next).
 */
function restartLater(entry, how, ranMs) {
  entry.delayMs =
    ranMs >= STABLE_MS
      ? RESTART_MIN_MS
      : Math.min(RESTART_MAX_MS, (entry.delayMs ?? 0) * 2 || RESTART_MIN_MS);
  entry.restarts = (entry.restarts ?? 0) + 1;
  console.error(
    `[muster] ${entry.spec.name} stopped unexpectedly (${how}) after ${seconds(ranMs)}; ` +
      `restarting in ${seconds(entry.delayMs)} (restart ${entry.restarts})`,
  );
  entry.timer = setTimeout(() => {
    entry.timer = null;
    if (!isStopping()) spawnChild(entry);
  }, entry.delayMs);
}

function startChild(spec, index) {
  const entry = { spec, index, child: null, timer: null };
  children.push(entry);
  return spawnChild(entry);
}

/** Waits for a process's readyUrl to answer 200; a restart on the way only makes it wait longer. */
async function waitReady({ spec }, timeoutMs = 90_000) {
  const until = Date.now() + timeoutMs;
  let last = 'no answer';
  while (Date.now() < until) {
    if (isStopping()) throw new Stopping();
    try {
      const res = await fetch(spec.readyUrl, { signal: AbortSignal.timeout(2000) });
      if (res.status === 200) return;
      last = `HTTP ${res.status}`;
    } catch (err) {
      last = err.cause?.code ?? err.message;
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(
    `${spec.name} did not answer 200 at ${spec.readyUrl} within ${timeoutMs / 1000} s (${last})`,
  );
}

// ---------------------------------------------------------------------------------------------

let services = null; // the promise of ensureServices' handle
let stopped = null;

/** Stops the children (last started first), then the services this run started, then exits. */
function shutdown(reason, code) {
  if (stopped) return stopped;
  setStopping();
  stopped = (async () => {
    if (reason) say(reason);
    await stopActive();
    for (const entry of children) if (entry.timer) clearTimeout(entry.timer);
    const running = children.filter(({ child }) => child.exitCode === null && child.signalCode === null);
    if (running.length) say(`stopping ${running.map(({ spec }) => spec.name).join(', ')} ...`);
    for (const { spec, child } of running.reverse()) {
      const t0 = Date.now();
      await terminate(child, 10_000);
      const how = child.signalCode ? `killed by ${child.signalCode}` : `exit code ${child.exitCode}`;
      say(`  ${spec.name} stopped (${how}, ${seconds(Date.now() - t0)})`);
    }
    const handle = await services?.catch(() => null);
    try {
      await handle?.stop();
    } catch (err) {
      console.error(describeError(err));
      code ||= 1;
    }
    process.exit(code);
  })();
  return stopped;
}

/**
 * The printed 事故快报 and 续报 need a CJK font. Where it is missing and apt-get may run it is
 * installed (a few seconds); otherwise the console still starts, and printing a form answers
 * 503 naming the font, as said here.
 */
async function ensureReportFont(env) {
  if (env.REPORT_FONT || fs.existsSync(DEFAULT_REPORT_FONT)) return;
  const hint =
    'printed report forms need a CJK font: sudo apt-get install fonts-wqy-microhei, or set REPORT_FONT';
  if (process.getuid?.() !== 0 || !which('apt-get')) {
    say(`  ${hint} (until then printing a form answers 503)`);
    return;
  }
  say('  installing fonts-wqy-microhei with apt-get');
  const opts = { env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } };
  try {
    await run('apt-get', ['update'], opts);
    await run('apt-get', ['install', '-y', '--no-install-recommends', 'fonts-wqy-microhei'], opts);
  } catch (err) {
    say(`  could not install it (${err.message}): ${hint}`);
  }
}

function banner(env, emulatorPort) {
  const lines = ['', `Muster is running: http://localhost:${env.PORT}`];
  if (emulatorPort) {
    const which = env.TENCENT_EMULATOR_PORT ? 'Twilio and Tencent Cloud emulators' : 'Twilio emulator';
    lines.push(`Phone simulator (${which}): http://localhost:${emulatorPort}/`);
  }
  if (isDemo(env)) lines.push(`Sensor simulator (drift a point out of band): http://localhost:3091/`);
  if (isDemo(env)) {
    lines.push('', `Demo logins (password: muster-demo):`);
    for (const [email, role] of DEMO_LOGINS) lines.push(`  ${email.padEnd(24)} ${role}`);
  }
  const warning = localLinkWarning({
    publicUrl: env.PUBLIC_URL,
    port: env.PORT,
    emulator: Boolean(emulatorPort),
    addresses: networkAddresses(),
  });
  if (warning) lines.push('', ...warning);
  lines.push('', 'Ctrl-C stops everything started here, and only that.', '');
  console.log(lines.join('\n'));
}

async function main() {
  process.chdir(ROOT);
  onSignal((signal) => shutdown(`${signal}: stopping`, 0));
  const t0 = Date.now();

  await installIfNeeded();

  const { env, emulatorPort, mqttPort } = await step('environment', async () => {
    const result = environment();
    const e = result.env;
    for (const [port, name] of [
      [e.PORT, 'PORT'],
      [result.emulatorPort, 'TWILIO_EMULATOR_PORT'],
      [result.emulatorPort && e.TENCENT_EMULATOR_PORT, 'TENCENT_EMULATOR_PORT'],
    ]) {
      if (port && (await tcpOpen('127.0.0.1', Number(port)))) {
        throw new ServiceError(
          `Port ${port} is already in use (another \`npm start\`?). Stop it, or choose another: ${name}=... npm start`,
        );
      }
    }
    say(`  PORT=${e.PORT} DEMO_MODE=${e.DEMO_MODE} TZ=${e.TZ} NODE_ENV=${e.NODE_ENV ?? '(unset)'}`);
    say(
      `  processes: ${e.WEB_CONCURRENCY} server, ${e.WORKER_CONCURRENCY} worker (WEB_CONCURRENCY, WORKER_CONCURRENCY)`,
    );
    if (result.emulatorPort) say(`  Twilio: the local emulator on port ${result.emulatorPort}`);
    if (result.emulatorPort && e.TENCENT_EMULATOR_PORT) {
      say(
        `  Tencent Cloud: the local emulator on port ${e.TENCENT_EMULATOR_PORT} (+86 mobiles; the rest by Twilio)`,
      );
    }
    result.mqttPort = await chooseMqtt(e);
    say(`  MQTT: ${result.mqttPort ? 'the embedded broker at ' : ''}${e.MQTT_URL}`);
    return result;
  });

  await step('PostgreSQL and Redis', async () => {
    const log = (m) => say(`  ${m}`);
    services = ensureServices({
      databaseUrl: env.DATABASE_URL,
      redisUrl: env.REDIS_URL,
      dataDir: DATA_DIR,
      persistentRedis: true,
      log,
    });
    await services;
    await ensureDatabase(env.DATABASE_URL, { log });
  });

  await step('report font', () => ensureReportFont(env));

  // --no-build: start what `npm run build` made last (the supervisor's tests start it this way).
  if (!process.argv.includes('--no-build')) await step('build', () => run('npm', ['run', 'build'], { env }));
  await step('migrate', () => run(NODE, ['server/dist/cli/migrate.js'], { env }));
  if (isDemo(env)) {
    await step('demo data', () => run(NODE, ['server/dist/cli/seed-demo.js'], { env }));
  }

  const specs = processes(env, emulatorPort, mqttPort);
  await step(`start ${specs.map((s) => s.name).join(', ')}`, async () => {
    specs.forEach((spec, index) => startChild(spec, index));
    await Promise.all(children.map((entry) => entry.spec.readyUrl && waitReady(entry)));
  });

  say(`ready in ${seconds(Date.now() - t0)}`);
  banner(env, emulatorPort);
}

main().catch((err) => {
  if (err instanceof Stopping) return; // shutdown() is already under way
  console.error(`\n[muster] npm start failed: ${describeError(err)}`);
  shutdown(null, 1);
});
