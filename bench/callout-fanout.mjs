// Call-out fan-out: one call-out to RECIPIENTS people with no send rate limit, against the built
// server and worker (separate processes, as deployed) and the Twilio emulator in its own process;
// time from the activation request until the emulator has accepted the last SMS. The floor is the
// same number of no-op BullMQ jobs added and processed on the same Redis with the same worker
// concurrency. A second floor is the provider path alone: the official `twilio` SDK through
// Muster's Twilio adapter, as the worker sends, sending as many SMS to an emulator of its own with the delivery queue's
// concurrency in flight. A second call-out with a send rate set shows the achieved rate against it.
// Each call-out gets a stack of its own (database, Redis prefix, processes): the ladder's later
// steps (calls after two minutes) of one run cannot leak into the other.
// CPU per message is all the processes' CPU from the request to the last status callback; the
// share of it the same processes use with nothing to send (read for IDLE_MS before) is given too.
// Usage: npm run build && npm run bench:callouts [-- recipients ratedRecipients rate], by default
// 10000 2000 200. The unlimited call-out is repeated BENCH_LEAK_RUNS times (3) on the same processes
// as a leak check, which reads both resident memory and the JS heap still referenced after a full
// collection (bench/heap-probe.mjs). With BENCH_PROFILE=<folder>, the server, worker and emulator
// write CPU profiles there.
import { fork, spawn } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { Queue } from 'bullmq';
import pg from 'pg';
import { smsBody } from '../server/dist/callouts/templates.js';
import { signResponseToken } from '../server/dist/callouts/response-link.js';
import { TwilioProvider } from '../server/dist/messaging/twilio/twilio.provider.js';
import { ROOT, cpuSeconds, dropRedisPrefix, freePort, peakRssMiB, rssMiB, startServer } from './harness.mjs';
import { writeSection } from './report.mjs';

const RECIPIENTS = Number(process.argv[2] ?? 10_000);
const RATED_RECIPIENTS = Number(process.argv[3] ?? 2_000);
const RATE = Number(process.argv[4] ?? 200);
/** A small call-out first, so that the measured one meets warm connections and compiled code. */
const WARMUP = 100;
/** The targets, against floors measured in the same run: time to the last SMS, CPU per message. */
const TARGET_SDK_RATIO = 2;
const TARGET_CPU_MS_PER_MESSAGE = 1.2;
const ACCOUNT_SID = `AC${randomBytes(16).toString('hex')}`;
const AUTH_TOKEN = randomBytes(16).toString('hex');
const FROM = '+15005550006';
const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
const MESSAGE = '液氯库泄漏，请立即到应急指挥中心集合。';
/**
 * Call-outs of the measured size one after another on the same processes (the first is the
 * measured one), with the memory of the server and worker after each: a leak check.
 */
const LEAK_RUNS = Number(process.env.BENCH_LEAK_RUNS ?? 3);
/** How long the processes' CPU is read with nothing to send, before the measured call-out. */
const IDLE_MS = 5_000;
/** Messages the SDK floor sends before the measured ones, as the call-out warm-up does. */
const SDK_WARMUP = 300;

const children = new Set();
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/** With BENCH_PROFILE set to a folder, the server, worker and emulator of each call-out write CPU profiles there. */
const PROFILE_ARGS = process.env.BENCH_PROFILE
  ? ['--cpu-prof', `--cpu-prof-dir=${path.resolve(process.env.BENCH_PROFILE)}`]
  : [];
/** The server and worker answer the leak check's question: how much is live after a full collection. */
const HEAP_PROBE_DIR = mkdtempSync(path.join(os.tmpdir(), 'muster-heap-'));
process.once('exit', () => rmSync(HEAP_PROBE_DIR, { recursive: true, force: true }));
const MUSTER_ARGS = [...PROFILE_ARGS, '--expose-gc', '--import', path.join(ROOT, 'bench/heap-probe.mjs')];

/** The JS heap in use after a full collection, in MiB, of a process started with MUSTER_ARGS. */
async function liveHeapMiB(pid) {
  const file = path.join(HEAP_PROBE_DIR, `${pid}.json`);
  rmSync(file, { force: true });
  process.kill(pid, 'SIGUSR2');
  const m = await until(
    () => readFile(file, 'utf8').then(JSON.parse, () => undefined),
    30_000,
    `the heap of process ${pid}`,
  );
  return Math.round(m.heapUsed / 2 ** 20);
}

function spawnNode(script, env, nodeArgs = []) {
  const child = spawn(process.execPath, [...nodeArgs, script], {
    cwd: ROOT,
    env,
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  children.add(child);
  child.once('exit', () => children.delete(child));
  return child;
}

async function stopChild(child, graceMs = 10_000) {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((r) => child.once('exit', r));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
  await exited;
  clearTimeout(timer);
}

// Ctrl-C still ends what this script started, and only that.
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.once(signal, () => {
    for (const c of children) c.kill('SIGKILL');
    process.exit(130);
  });
}

/** CPU seconds (user + system) used so far by a process, or by every process of that name. */
async function until(probe, timeoutMs, what, everyMs = 100) {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const v = await probe();
    if (v !== undefined && v !== false) return v;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await sleep(everyMs);
  }
}

async function json(res) {
  if (!res.ok) throw new Error(`${res.url}: ${res.status} ${await res.text()}`);
  return res.json();
}

/** Contacts and a team made straight in the database: 10,000 through the API would bench the API. */
async function seedTeam(dbUrl, count, prefix) {
  const c = new pg.Client({ connectionString: dbUrl });
  await c.connect();
  try {
    const phones = Array.from({ length: count }, (_, i) => `+86${prefix}${String(i).padStart(8, '0')}`);
    await c.query('BEGIN');
    const {
      rows: [team],
    } = await c.query(
      `INSERT INTO team (name, type, base_address, readiness, notes)
       VALUES ($1, 'rescue', '', 'ready', '') RETURNING id`,
      [`基准测试队 ${prefix}`],
    );
    await c.query(
      `WITH made AS (
         INSERT INTO contact (name, organization, post, phones, language)
         SELECT '应急队员' || i, '救援队', '队员', ARRAY[p], 'zh-CN' FROM unnest($1::text[]) WITH ORDINALITY AS t(p, i)
         RETURNING id, phones[1] AS phone)
       INSERT INTO team_member (team_id, contact_id, position)
       SELECT $2, id, row_number() OVER (ORDER BY phone) FROM made`,
      [phones, team.id],
    );
    await c.query('COMMIT');
    return { teamId: team.id, phones };
  } finally {
    await c.end();
  }
}

async function startEmulator() {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const child = spawnNode(
    'tools/twilio-emulator/dist/main.js',
    {
      ...process.env,
      TWILIO_ACCOUNT_SID: ACCOUNT_SID,
      TWILIO_AUTH_TOKEN: AUTH_TOKEN,
      TWILIO_FROM_NUMBER: FROM,
      TWILIO_EMULATOR_PORT: String(port),
      TWILIO_EMULATOR_HOST: '127.0.0.1',
    },
    PROFILE_ARGS,
  );
  await until(
    () =>
      fetch(`${url}/_emulator/stats`).then(
        (r) => r.ok,
        () => false,
      ),
    20_000,
    'the Twilio emulator',
  );
  return { url, child, stats: () => fetch(`${url}/_emulator/stats`).then(json) };
}

/** The worker is ready once its BullMQ workers are registered on the call-out and delivery queues. */
async function waitForWorker(prefix) {
  const connection = { ...redisConnection(), maxRetriesPerRequest: null };
  const queues = ['callouts', 'deliveries'].map((q) => new Queue(q, { connection, prefix }));
  try {
    await until(
      async () => (await Promise.all(queues.map((q) => q.getWorkersCount()))).every((n) => n > 0),
      60_000,
      'the worker',
    );
  } finally {
    await Promise.all(queues.map((q) => q.close()));
  }
}

function redisConnection() {
  const u = new URL(REDIS_URL);
  return { host: u.hostname, port: Number(u.port || 6379) };
}

/**
 * One call-out to `count` people on a stack of its own. Polls the emulator's counters to find
 * when the first and the last SMS were accepted; then checks that each phone got exactly one.
 */
async function calloutRun({ count, rate, prefix, runs = 1 }) {
  const emulator = await startEmulator();
  const port = await freePort();
  const publicUrl = `http://127.0.0.1:${port}`;
  let server;
  let worker;
  try {
    server = await startServer(
      {
        PORT: String(port),
        PUBLIC_URL: publicUrl,
        TWILIO_ACCOUNT_SID: ACCOUNT_SID,
        TWILIO_AUTH_TOKEN: AUTH_TOKEN,
        TWILIO_FROM_NUMBER: FROM,
        TWILIO_API_BASE: emulator.url,
        SMS_RATE_PER_SECOND: String(rate),
        CALLOUT_TIME_SCALE: '1',
        HEAP_PROBE_DIR,
      },
      MUSTER_ARGS,
    );
    worker = spawnNode('worker/dist/main.js', server.env, MUSTER_ARGS);
    await fetch(`${emulator.url}/_emulator/config`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ smsUrl: `${publicUrl}/webhooks/twilio/sms` }),
    }).then(json);
    const warm = await seedTeam(server.env.DATABASE_URL, WARMUP, `${prefix}9`);
    const team = await seedTeam(server.env.DATABASE_URL, count, `${prefix}0`);
    const officer = await server.login('officer1@muster.test');
    const commander = await server.login('commander@muster.test');
    const incident = await fetch(`${server.baseUrl}/api/incidents`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${officer.accessToken}` },
      body: JSON.stringify({
        title: '氯气储罐阀门泄漏',
        category: 'hazardous_chemical_leak',
        occurredAt: new Date().toISOString(),
        location: { lat: 33.9962, lng: 116.8128 },
        address: '杜集经济开发区凤凰山路88号 液氯库',
        summary: '液氯储罐出口阀门密封失效，少量氯气泄漏。',
        casualties: { deaths: 0, missing: 0, seriousInjuries: 0, minorInjuries: 0 },
        directLossCny: 0,
        measuresTaken: '关闭上游阀门',
        reporter: { name: '李志强', phone: '13800000001' },
      }),
    }).then(json);
    await waitForWorker(server.env.REDIS_PREFIX);
    // The team is paged as the default ladder pages (a text, then a call), but the call waits an
    // hour: after the default two minutes it would start during a large fan-out and be measured
    // with it. The tier's call timer (one for the tier) is still queued with the texts, as by default.
    const admin = await server.login('admin@muster.test');
    const callLater = async (teamId) =>
      (
        await fetch(`${server.baseUrl}/api/policies`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${admin.accessToken}` },
          body: JSON.stringify({
            enterpriseId: null,
            name: `bench ${teamId}`,
            tiers: [
              {
                contactIds: [],
                teamIds: [teamId],
                channels: ['sms', 'voice'],
                voiceDelaySeconds: 3600,
                ackTimeoutSeconds: 86_400,
                quorum: 100,
              },
            ],
          }),
        }).then(json)
      ).id;
    const callOut = (policyId) =>
      fetch(`${server.baseUrl}/api/incidents/${incident.id}/callouts`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${commander.accessToken}` },
        body: JSON.stringify({ policyId, message: MESSAGE }),
      }).then(json);
    const warmPolicy = await callLater(warm.teamId);
    const policy = await callLater(team.teamId);

    // Warm-up, then wait until the emulator has finished its status callbacks too.
    await callOut(warmPolicy);
    await until(
      async () => {
        const s = await emulator.stats();
        return s.accepted >= WARMUP && s.lifecycle.active === 0 && s.callbacks.pending === 0;
      },
      120_000,
      'the warm-up call-out',
    );
    const base = (await emulator.stats()).accepted;

    const cpuOf = () => ({
      worker: cpuSeconds(worker.pid),
      server: cpuSeconds(server.pid),
      emulator: cpuSeconds(emulator.child.pid),
      'PostgreSQL (all its processes)': cpuSeconds('postgres'),
      Redis: cpuSeconds('redis-server'),
    });
    // What the same processes use with nothing to send (timers, the outbox relay's and the
    // queues' polling, PostgreSQL's background processes), in CPU-seconds per second: over a
    // call-out that lasts a while, that much of its CPU is not the messages'.
    const idleFrom = cpuOf();
    const idleT0 = Date.now();
    await sleep(IDLE_MS);
    const idleTo = cpuOf();
    const idleSeconds = (Date.now() - idleT0) / 1000;
    const idleRate = Object.fromEntries(
      Object.keys(idleFrom).map((k) => [k, (idleTo[k] - idleFrom[k]) / idleSeconds]),
    );
    const cpu0 = cpuOf();
    const t0 = Date.now();
    const callout = await callOut(policy);
    const responded = Date.now();
    let firstAt = null;
    const last = await until(
      async () => {
        const s = await emulator.stats();
        if (firstAt === null && s.accepted > base) firstAt = Date.now();
        return s.accepted >= base + count ? s : undefined;
      },
      Math.max(120_000, count * 50),
      `${count} SMS accepted`,
      20,
    );
    const lastAt = Date.parse(last.lastAcceptedAt);
    const cpu1 = cpuOf();
    const cpu = Object.fromEntries(Object.keys(cpu0).map((k) => [k, cpu1[k] - cpu0[k]]));
    // Most status callbacks come after the last send: the whole cost of a message includes them.
    await until(
      async () => {
        const s = await emulator.stats();
        return s.lifecycle.active === 0 && s.callbacks.pending === 0 && s.callbacks.inFlight === 0;
      },
      600_000,
      'the last status callback',
      50,
    );
    const settledMs = Date.now() - t0;
    const cpu2 = cpuOf();
    const cpuSettled = Object.fromEntries(Object.keys(cpu0).map((k) => [k, cpu2[k] - cpu0[k]]));
    await sleep(1000);

    const messages = (await fetch(`${emulator.url}/_emulator/messages`).then(json)).messages;
    const perPhone = new Map(team.phones.map((p) => [p, 0]));
    for (const m of messages) if (perPhone.has(m.to)) perPhone.set(m.to, perPhone.get(m.to) + 1);
    const counts = [...perPhone.values()];

    const db = new pg.Client({ connectionString: server.env.DATABASE_URL });
    await db.connect();
    const {
      rows: [phases],
    } = await db.query(
      // A text's send job: its batch's, or its own (with a send rate set, or handed on from a batch).
      `WITH jobs AS (
         SELECT (payload->>'deliveryId')::uuid AS id, dispatched_at FROM outbox WHERE job = 'send-sms'
         UNION ALL
         SELECT jsonb_array_elements_text(payload->'deliveryIds')::uuid, dispatched_at
           FROM outbox WHERE job = 'send-sms-batch'),
       first_job AS (SELECT id, min(dispatched_at) AS dispatched_at FROM jobs GROUP BY id)
       SELECT min(d.created_at) AS tier_started, min(o.dispatched_at) AS first_relayed,
              max(o.dispatched_at) AS last_relayed, min(d.sending_since) AS first_send,
              max(d.sending_since) AS last_send, count(*)::int AS deliveries
         FROM callout_delivery d
         JOIN first_job o ON o.id = d.id
        WHERE d.callout_id = $1 AND d.channel = 'sms'`,
      [callout.id],
    );
    const { rows: sendTimes } = await db.query(
      `SELECT id, extract(epoch FROM sending_since) * 1000 AS t FROM callout_delivery
        WHERE callout_id = $1 AND channel = 'sms' ORDER BY sending_since`,
      [callout.id],
    );
    await db.end();
    // When the limiter let each send job start (BullMQ's processedOn), before any of the send's work.
    const deliveries = new Queue('deliveries', {
      connection: { ...redisConnection(), maxRetriesPerRequest: null },
      prefix: server.env.REDIS_PREFIX,
    });
    const ours = new Set(sendTimes.map((r) => r.id));
    const jobStarts = (await deliveries.getJobs(['completed', 'failed', 'active'], 0, -1))
      .filter((j) => ours.has(j?.data?.deliveryId))
      .map((j) => j.processedOn)
      .sort((a, b) => a - b);
    await deliveries.close();

    const peak = { server: peakRssMiB(server.pid), worker: peakRssMiB(worker.pid) };

    // The leak check: each call-out is ended once its texts are out, and memory is read once the
    // emulator's callbacks are done and the processes idle.
    const cancel = (id) =>
      fetch(`${server.baseUrl}/api/callouts/${id}/cancel`, {
        method: 'POST',
        headers: { authorization: `Bearer ${commander.accessToken}` },
      }).then(json);
    const settled = async () => {
      await until(
        async () => {
          const s = await emulator.stats();
          return s.lifecycle.active === 0 && s.callbacks.pending === 0;
        },
        300_000,
        'the callbacks',
      );
      await sleep(3000);
      return {
        server: rssMiB(server.pid),
        worker: rssMiB(worker.pid),
        serverHeap: await liveHeapMiB(server.pid),
        workerHeap: await liveHeapMiB(worker.pid),
      };
    };
    const memory = [];
    if (runs > 1) {
      await cancel(callout.id);
      memory.push(await settled());
      for (let i = 1; i < runs; i++) {
        const next = await seedTeam(server.env.DATABASE_URL, count, `${prefix}${i}`);
        const before = (await emulator.stats()).accepted;
        const c = await callOut(await callLater(next.teamId));
        await until(
          async () => ((await emulator.stats()).accepted >= before + count ? true : undefined),
          Math.max(120_000, count * 50),
          `${count} SMS accepted (run ${i + 1})`,
        );
        await cancel(c.id);
        memory.push(await settled());
      }
    }
    return {
      memory,
      settledMs,
      cpuSettled,
      idleRate,
      count,
      rate,
      t0,
      responseMs: responded - t0,
      firstMs: firstAt - t0,
      lastMs: lastAt - t0,
      missing: counts.filter((n) => n === 0).length,
      twice: counts.filter((n) => n > 1).length,
      phases: {
        tierStartedMs: phases.tier_started.getTime() - t0,
        firstRelayedMs: phases.first_relayed.getTime() - t0,
        lastRelayedMs: phases.last_relayed.getTime() - t0,
        firstSendMs: phases.first_send.getTime() - t0,
        lastSendMs: phases.last_send.getTime() - t0,
      },
      sendTimes: sendTimes.map((r) => Number(r.t)),
      jobStarts,
      cpu,
      peak,
      emulatorPeak: peakRssMiB(emulator.child.pid),
    };
  } finally {
    // The emulator first: its late status callbacks would only meet a server that is going away.
    await stopChild(emulator.child);
    if (worker) await stopChild(worker);
    if (server) await server.stop();
  }
}

/** The floor: COUNT no-op jobs added as the outbox relay adds sends (bulks of 1,000) and processed. */
async function floorRun(count) {
  const prefix = `bench-floor-${randomBytes(4).toString('hex')}`;
  const child = fork(path.join(ROOT, 'bench/noop-worker.mjs'), {
    env: { ...process.env, REDIS_URL, REDIS_PREFIX: prefix, COUNT: String(count) },
    stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
  });
  children.add(child);
  const messages = [];
  child.on('message', (m) => messages.push(m));
  const next = (key) => until(() => messages.find((m) => key in m), 600_000, `the floor worker (${key})`, 10);
  const queue = new Queue('deliveries', {
    connection: { ...redisConnection(), maxRetriesPerRequest: null },
    prefix,
  });
  const { JOB_OPTIONS } = await import('../server/dist/jobs/job.types.js');
  try {
    const { concurrency } = await next('ready');
    await queue.waitUntilReady();
    const cpu0 = { worker: cpuSeconds(child.pid), redis: cpuSeconds('redis-server') };
    const t0 = Date.now();
    for (let i = 0; i < count; i += 1000) {
      await queue.addBulk(
        Array.from({ length: Math.min(1000, count - i) }, (_, j) => ({
          name: 'send-sms',
          data: { deliveryId: `noop-${i + j}` },
          opts: {
            ...JOB_OPTIONS['send-sms'],
            jobId: `sms.noop-${i + j}`,
            removeOnComplete: { age: 7 * 24 * 3600, count: 10_000 },
            removeOnFail: { age: 30 * 24 * 3600 },
          },
        })),
      );
    }
    const { doneAt } = await next('doneAt');
    const cpu = {
      worker: cpuSeconds(child.pid) - cpu0.worker,
      redis: cpuSeconds('redis-server') - cpu0.redis,
    };
    return { count, ms: doneAt - t0, concurrency, cpu, peak: peakRssMiB(child.pid) };
  } finally {
    child.send('stop');
    await new Promise((r) => child.once('exit', r));
    children.delete(child);
    await queue.close();
    await dropRedisPrefix(prefix);
  }
}

// The status-callback hook of the SDK floor: answers 204 to anything. A process of its own, so
// that the CPU it spends is not counted as the sender's (in Muster the server takes the callbacks).
const HOOK = `const s = require('node:http').createServer((req, res) => {
  req.resume();
  req.on('end', () => res.writeHead(204).end());
});
s.listen(0, '127.0.0.1', () => process.send(s.address().port));`;

/**
 * The provider floor: `count` SMS sent from this process through TwilioProvider (the official SDK,
 * its client and request as the worker's), to an emulator of its own (the call-out runs' checks keep theirs),
 * `concurrency` creates in flight as the delivery queue runs them. Each message carries a status
 * callback, so the emulator does its callbacks (sent, delivered) as in the call-out. The bodies
 * (Muster's template with a signed link) and URLs are made before the clock starts.
 */
async function sdkFloorRun(count, concurrency) {
  const emulator = await startEmulator();
  const hook = spawn(process.execPath, ['-e', HOOK], {
    cwd: ROOT,
    stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
  });
  children.add(hook);
  hook.once('exit', () => children.delete(hook));
  try {
    const hookPort = await new Promise((resolve, reject) => {
      hook.once('message', resolve);
      hook.once('exit', (code) => reject(new Error(`the callback hook exited with ${code}`)));
    });
    // Muster's own Twilio adapter, as the worker sends through it: the same SDK request per text.
    const provider = new TwilioProvider({
      TWILIO_ACCOUNT_SID: ACCOUNT_SID,
      TWILIO_AUTH_TOKEN: AUTH_TOKEN,
      TWILIO_FROM_NUMBER: FROM,
      TWILIO_API_BASE: emulator.url,
    });
    const secret = randomBytes(24).toString('hex');
    const plan = (n, prefix) =>
      Array.from({ length: n }, (_, i) => {
        const id = randomUUID();
        return {
          to: `+86${prefix}${String(i).padStart(8, '0')}`,
          body: smsBody('zh-CN', {
            message: MESSAGE,
            isDrill: false,
            link: `http://127.0.0.1:${hookPort}/r/${signResponseToken(id, secret)}`,
          }),
          statusCallback: `http://127.0.0.1:${hookPort}/webhooks/twilio/status?delivery=${id}`,
        };
      });
    // `concurrency` loops taking the next message as each create is answered.
    const sendAll = async (messages) => {
      let next = 0;
      await Promise.all(
        Array.from({ length: Math.min(concurrency, messages.length) }, async () => {
          while (next < messages.length) await provider.sendSms(messages[next++]);
        }),
      );
    };
    const idle = (accepted) => async () => {
      const s = await emulator.stats();
      return s.accepted >= accepted && s.lifecycle.active === 0 && s.callbacks.pending === 0 ? s : undefined;
    };

    await sendAll(plan(SDK_WARMUP, '13929'));
    const warm = await until(idle(SDK_WARMUP), 120_000, 'the SDK warm-up');
    const measured = plan(count, '13920');
    const cpuOf = () => ({ sender: cpuSeconds(process.pid), emulator: cpuSeconds(emulator.child.pid) });
    const cpu0 = cpuOf();
    const t0 = Date.now();
    await sendAll(measured);
    const answeredMs = Date.now() - t0;
    const cpu1 = cpuOf();
    const stats = await emulator.stats();
    const lastMs = Date.parse(stats.lastAcceptedAt) - t0;
    // Then every callback answered, and each phone sent exactly one, as the call-out runs check.
    const done = await until(idle(SDK_WARMUP + count), Math.max(120_000, count * 50), 'the SDK callbacks');
    const messages = (await fetch(`${emulator.url}/_emulator/messages`).then(json)).messages;
    const perPhone = new Map(measured.map((m) => [m.to, 0]));
    for (const m of messages) if (perPhone.has(m.to)) perPhone.set(m.to, perPhone.get(m.to) + 1);
    const counts = [...perPhone.values()];
    return {
      count,
      concurrency,
      lastMs,
      answeredMs,
      missing: counts.filter((n) => n === 0).length,
      twice: counts.filter((n) => n > 1).length,
      callbacks: done.callbacks.delivered - warm.callbacks.delivered,
      callbacksFailed: done.callbacks.failed - warm.callbacks.failed,
      cpu: { sender: cpu1.sender - cpu0.sender, emulator: cpu1.emulator - cpu0.emulator },
      emulatorPeak: peakRssMiB(emulator.child.pid),
    };
  } finally {
    await stopChild(emulator.child);
    await stopChild(hook);
  }
}

/** The most sends that started within any one second. */
function maxPerSecond(times) {
  let max = 0;
  for (let i = 0, j = 0; i < times.length; i++) {
    while (times[i] - times[j] >= 1000) j++;
    max = Math.max(max, i - j + 1);
  }
  return max;
}

const load = () =>
  os
    .loadavg()
    .map((l) => l.toFixed(2))
    .join(' / ');
const loadBefore = load();
const s = (ms) => `${(ms / 1000).toFixed(2)} s`;

const floor = await floorRun(RECIPIENTS);
console.log(`floor: ${floor.count} no-op jobs in ${s(floor.ms)}`);
const sdk = await sdkFloorRun(RECIPIENTS, floor.concurrency);
console.log(`SDK floor: ${sdk.count} SMS accepted by the emulator in ${s(sdk.lastMs)}`);
const fan = await calloutRun({ count: RECIPIENTS, rate: 0, prefix: '1390', runs: LEAK_RUNS });
console.log(`fan-out: ${fan.count} SMS accepted ${s(fan.lastMs)} after the request`);
const rated = await calloutRun({ count: RATED_RECIPIENTS, rate: RATE, prefix: '1391' });
const loadAfter = load();

const signed = (n) => (n > 0 ? `+${n}` : String(n));
const perSecond = (n, ms) => Math.round((n * 1000) / ms);
const fanRate = perSecond(fan.count, fan.lastMs);
const floorRate = perSecond(floor.count, floor.ms);
const sdkRate = perSecond(sdk.count, sdk.lastMs);
const rateOf = (times) => ((times.length - 1) * 1000) / (times.at(-1) - times[0]);
const jobRate = rateOf(rated.jobStarts);
const achieved = rateOf(rated.sendTimes);
const acceptedSpan = rated.lastMs - rated.firstMs;
const achievedAtEmulator = ((rated.count - 1) * 1000) / acceptedSpan;
const within = Math.abs(achieved - RATE) / RATE;
const p = fan.phases;
const cpuPerMessage = (Object.values(fan.cpu).reduce((a, b) => a + b, 0) * 1000) / fan.count;
const cpuSettledPerMessage = (Object.values(fan.cpuSettled).reduce((a, b) => a + b, 0) * 1000) / fan.count;
// The same work takes more CPU time on a busier or slower machine: the SDK floor's own CPU per
// message, in the same run, is the yardstick that moves with it.
const sdkCpuPerMessage = ((sdk.cpu.sender + sdk.cpu.emulator) * 1000) / sdk.count;
const idlePerSecond = Object.values(fan.idleRate).reduce((a, b) => a + b, 0);
const idlePerMessage = (idlePerSecond * fan.settledMs) / fan.count;

const text = [
  `One call-out (SMS, and a call an hour later to whoever has not answered: one timer for the tier) to a team of ${RECIPIENTS.toLocaleString('en')} contacts, no send rate limit`,
  '(`SMS_RATE_PER_SECOND=0`); the built server and worker as separate processes, the Twilio emulator as a',
  'third, all over the real `twilio` SDK, PostgreSQL and Redis. Time from the start of the call-out request',
  `until the emulator accepted the last SMS, after a warm-up call-out of ${WARMUP}. Floor: ${floor.count.toLocaleString('en')}`,
  `no-op BullMQ jobs added in bulks of 1,000 (as the outbox relays sends) and processed by a worker`,
  `process with the delivery queue's concurrency (${floor.concurrency}), on the same Redis. Provider floor: the`,
  `official \`twilio\` SDK through Muster's Twilio adapter, as the worker sends, sending ${sdk.count.toLocaleString('en')} SMS (Muster's text and`,
  `link) to an emulator process of its own with ${sdk.concurrency} in flight, each with a status callback to a bare hook answering`,
  `204, after ${SDK_WARMUP} warm-up messages: the HTTP, form encoding and JSON of every send and the emulator's work, without`,
  'the queue, database, or webhook handling of Muster.',
  '',
  '| target | messages | first accepted | last accepted | throughput | missing / twice | peak RSS server / worker |',
  '|---|---|---|---|---|---|---|',
  `| no-op BullMQ jobs (floor) | ${floor.count} | | ${s(floor.ms)} | ${floorRate}/s | | — / ${floor.peak} MiB |`,
  `| twilio SDK → emulator alone (floor) | ${sdk.count} | | ${s(sdk.lastMs)} | ${sdkRate}/s | ${sdk.missing} / ${sdk.twice} | — |`,
  `| Muster call-out | ${fan.count} | ${s(fan.firstMs)} | ${s(fan.lastMs)} | ${fanRate}/s | ${fan.missing} / ${fan.twice} | ${fan.peak.server} MiB / ${fan.peak.worker} MiB |`,
  '',
  `Ratio Muster / floor (time to the last one): **${(fan.lastMs / floor.ms).toFixed(1)}×** the BullMQ floor,`,
  `**${(fan.lastMs / sdk.lastMs).toFixed(1)}×** the SDK floor. Target ≤ ${TARGET_SDK_RATIO}× the SDK floor with none missing or twice:`,
  `**${fan.lastMs <= TARGET_SDK_RATIO * sdk.lastMs && fan.missing === 0 && fan.twice === 0 ? 'met' : 'not met'}**.`,
  `CPU per message, all processes summed (${Object.keys(fan.cpu).join(', ')}), from the request until the last status`,
  `callback was answered (${s(fan.settledMs)}): **${cpuSettledPerMessage.toFixed(2)} ms**`,
  `(target ≤ ${TARGET_CPU_MS_PER_MESSAGE} ms: **${cpuSettledPerMessage <= TARGET_CPU_MS_PER_MESSAGE ? 'met' : 'not met'}**): ` +
    Object.entries(fan.cpuSettled)
      .map(([k, v]) => `${k} ${((1000 * v) / fan.count).toFixed(2)} ms`)
      .join(', ') +
    `. Until the last SMS was accepted: ${cpuPerMessage.toFixed(2)} ms (most callbacks come after it),`,
  `${(cpuPerMessage / sdkCpuPerMessage).toFixed(1)}× the SDK floor's ${sdkCpuPerMessage.toFixed(2)} ms (its sender and emulator until its last create was answered):`,
  'a ratio that moves less between runs than the milliseconds, which grow with the whole machine when it runs slow.',
  `Of that, ${idlePerMessage.toFixed(2)} ms is what the same processes use with nothing to send (${idlePerSecond.toFixed(3)} CPU-s a second,`,
  `read for ${IDLE_MS / 1000} s before the call-out: ` +
    Object.entries(fan.idleRate)
      .map(([k, v]) => `${k} ${v.toFixed(3)}`)
      .join(', ') +
    `), over the ${s(fan.settledMs)}.`,
  '',
  `Where the time went (from the request): answered ${s(fan.responseMs)}; the tier's first transaction began`,
  `${s(p.tierStartedMs)}; first sends relayed to the queue ${s(p.firstRelayedMs)}, last ${s(p.lastRelayedMs)};`,
  `first send started ${s(p.firstSendMs)}, last ${s(p.lastSendMs)}. Emulator peak RSS ${fan.emulatorPeak} MiB.`,
  '',
  `CPU time used from the request to the last SMS (${s(fan.lastMs)} × ${os.cpus().length} cores available): ` +
    Object.entries(fan.cpu)
      .map(([k, v]) => `${k} ${v.toFixed(1)} s`)
      .join(', ') +
    `. Floor: worker ${floor.cpu.worker.toFixed(1)} s, Redis ${floor.cpu.redis.toFixed(1)} s. SDK floor, until its last`,
  `create was answered (${s(sdk.answeredMs)}): sender ${sdk.cpu.sender.toFixed(1)} s, emulator ${sdk.cpu.emulator.toFixed(1)} s; the emulator made`,
  `${sdk.callbacks.toLocaleString('en')} status callbacks for its messages in all (${sdk.callbacksFailed} failed), most of them after that. SDK floor's emulator peak RSS ${sdk.emulatorPeak} MiB.`,
  ...(fan.memory.length > 1
    ? [
        '',
        `**Leak check**: ${fan.memory.length} call-outs of ${fan.count.toLocaleString('en')} one after another on the same server and worker,`,
        `each ended once its texts were out; resident memory once idle after each: server ${fan.memory.map((m) => m.server).join(' → ')} MiB,`,
        `worker ${fan.memory.map((m) => m.worker).join(' → ')} MiB. From the second to the last: server ${signed(fan.memory.at(-1).server - fan.memory[1].server)} MiB,`,
        `worker ${signed(fan.memory.at(-1).worker - fan.memory[1].worker)} MiB.`,
        `What they still referenced, the JS heap in use after a full collection read just after each of those: server ${fan.memory.map((m) => m.serverHeap).join(' → ')} MiB,`,
        `worker ${fan.memory.map((m) => m.workerHeap).join(' → ')} MiB; from the second to the last: server ${signed(fan.memory.at(-1).serverHeap - fan.memory[1].serverHeap)} MiB,`,
        `worker ${signed(fan.memory.at(-1).workerHeap - fan.memory[1].workerHeap)} MiB. (Resident memory is read before the collection, and after the one that followed the run before.)`,
      ]
    : []),
  '',
  `**With a rate limit** (\`SMS_RATE_PER_SECOND=${RATE}\`), ${RATED_RECIPIENTS.toLocaleString('en')} recipients:`,
  '',
  '| configured | jobs let through by the limiter | sends started | accepted by the emulator | most sends started in any 1 s | missing / twice |',
  '|---|---|---|---|---|---|',
  `| ${RATE}/s | ${jobRate.toFixed(1)}/s | ${achieved.toFixed(1)}/s | ${achievedAtEmulator.toFixed(1)}/s | ${maxPerSecond(rated.sendTimes)} | ${rated.missing} / ${rated.twice} |`,
  '',
  "Each rate is from the first to the last of the call-out's messages at that point.",
  '',
  `Achieved rate within 5 % of the configured one: **${within <= 0.05 ? 'met' : 'not met'}** (${(within * 100).toFixed(1)} % off).`,
  '',
  `Load average (1 / 5 / 15 min) before the run ${loadBefore}, after ${loadAfter}.`,
].join('\n');
console.log(text);
await writeSection(`Call-out fan-out (${RECIPIENTS.toLocaleString('en')} recipients)`, text);
process.exit(0);
