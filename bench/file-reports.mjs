// Filing incident reports under load: 100 concurrent connections for 30 s posting complete
// Decree 493 reports; latency percentiles, throughput and errors. Target, against the floor of the
// same run: throughput ≥ 0.5× the floor's, p99 ≤ 2× the floor's, no errors.
// In the same run and first, the floor: the same load against a bare node:http + pg server
// (bench/bare-filing-server.mjs) doing only the filing's transaction, on a throwaway database.
// Usage: npm run build && node bench/file-reports.mjs [connections=100] [seconds=30]
import { fork } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import os from 'node:os';
import path from 'node:path';
import autocannon from 'autocannon';
import { ROOT, admin, cpuSeconds, dbUrl, fmt, peakRssMiB, startServer } from './harness.mjs';
import { writeSection } from './report.mjs';

const CONNECTIONS = Number(process.argv[2] ?? 100);
const SECONDS = Number(process.argv[3] ?? 30);

const body = JSON.stringify({
  title: '反应釜超温泄压',
  category: 'explosion',
  occurredAt: new Date().toISOString(),
  location: { lat: 33.9962, lng: 116.8128 },
  address: '杜集经济开发区凤凰山路88号 二车间',
  summary: '反应釜温度异常升高，安全阀起跳泄压，现场无人员伤亡。',
  casualties: { deaths: 0, missing: 0, seriousInjuries: 0, minorInjuries: 1 },
  directLossCny: 50_000,
  measuresTaken: '紧急停车，开启冷却水',
  reporter: { name: '李志强', phone: '13800000001' },
});

/**
 * The same load for both targets: only the URL and the headers differ. Also the CPU each side
 * used over it (the server, PostgreSQL's processes, and this process, the load generator).
 */
async function load(url, serverPid, headers = {}) {
  const cpuOf = () => {
    const self = process.cpuUsage();
    return {
      server: cpuSeconds(serverPid),
      postgres: cpuSeconds('postgres'),
      load: (self.user + self.system) / 1e6,
    };
  };
  const before = cpuOf();
  const result = await autocannon({
    url,
    method: 'POST',
    connections: CONNECTIONS,
    duration: SECONDS,
    headers: { 'content-type': 'application/json', ...headers },
    body,
  });
  const after = cpuOf();
  const cpu = Object.fromEntries(Object.keys(before).map((k) => [k, after[k] - before[k]]));
  return { result, cpu };
}

async function floor() {
  const name = `muster_bench_floor_${randomBytes(4).toString('hex')}`;
  await admin(`CREATE DATABASE ${name}`);
  let child;
  try {
    child = fork(path.join(ROOT, 'bench/bare-filing-server.mjs'), {
      env: { ...process.env, PORT: '0', DATABASE_URL: dbUrl(name) },
      stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
    });
    const { port } = await new Promise((resolve, reject) => {
      child.once('message', resolve);
      child.once('exit', (code) => reject(new Error(`the bare filing server exited with ${code}`)));
    });
    const { result, cpu } = await load(`http://127.0.0.1:${port}/api/incidents`, child.pid);
    return { result, cpu, peakMiB: peakRssMiB(child.pid) };
  } finally {
    if (child && child.exitCode === null && child.signalCode === null) {
      const exited = new Promise((r) => child.once('exit', r));
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
      await exited;
      clearTimeout(timer);
    }
    await admin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  }
}

async function muster() {
  const server = await startServer();
  try {
    const officer = await server.login('officer1@muster.test');
    const { result, cpu } = await load(`${server.baseUrl}/api/incidents`, server.pid, {
      authorization: `Bearer ${officer.accessToken}`,
    });
    return { result, cpu, peakMiB: peakRssMiB(server.pid) };
  } finally {
    await server.stop();
  }
}

const errorsOf = (r) => r.non2xx + r.errors + r.timeouts;
const loadAverage = () =>
  os
    .loadavg()
    .map((l) => l.toFixed(2))
    .join(' / ');
const loadBefore = loadAverage();
const f = await floor();
const m = await muster();
const loadAfter = loadAverage();
const row = (name, { result: r, peakMiB }) =>
  `| ${name} | ${r.requests.total} | ${Math.round(r.requests.average)} req/s | ${fmt(r.latency.p50)} | ${fmt(r.latency.p90)} | ${fmt(r.latency.p99)} | ${fmt(r.latency.max)} | ${errorsOf(r)} | ${peakMiB} MiB |`;
/** CPU per filing of each process, in ms: on a saturated machine, throughput follows their sum. */
const perFiling = ({ result: r, cpu }) => {
  const ms = (cpuS) => ((cpuS * 1000) / r.requests.total).toFixed(2);
  const total = cpu.server + cpu.postgres + cpu.load;
  return `${ms(total)} ms (server ${ms(cpu.server)}, PostgreSQL ${ms(cpu.postgres)}, load generator ${ms(cpu.load)})`;
};
const throughputRatio = m.result.requests.average / f.result.requests.average;
const p99Ratio = m.result.latency.p99 / f.result.latency.p99;
const non2xx = errorsOf(m.result);
const text = [
  `${CONNECTIONS} concurrent connections for ${SECONDS} s, each posting a complete report as an enterprise officer`,
  '(validation, grading, incident + initial report + room event + audit row in one transaction, broadcast).',
  'The floor, measured first in the same run with the same load and body: a bare `node:http` server that parses',
  'the JSON and writes the same rows with the `pg` driver (pool of 10) on tables with only their keys: the incident',
  'with the report as jsonb, the room event numbered from the incident in one statement, then in one statement the',
  "audit row, the three zone users' notifications and the duty alert's outbox row. Not the unread counts read after",
  'the commit (see bench/bare-filing-server.mjs), and no framework, authentication, validation, grading, secondary',
  'indexes, triggers or broadcast.',
  '',
  '| target | requests | throughput | p50 | p90 | p99 | max | errors / non-2xx | peak RSS of the server |',
  '|---|---|---|---|---|---|---|---|---|',
  row('bare node:http + pg (floor)', f),
  row('Muster: POST /api/incidents', m),
  '',
  `Ratio Muster / floor: throughput **${throughputRatio.toFixed(2)}** (the floor files ${(1 / throughputRatio).toFixed(1)}× as many),`,
  `p99 **${p99Ratio.toFixed(1)}×**.`,
  '',
  `CPU per filing, from \`/proc\` over the load: the floor ${perFiling(f)}; Muster ${perFiling(m)}.`,
  '',
  `Target throughput ≥ 0.5× and p99 ≤ 2× the floor's, with no errors: **${
    throughputRatio >= 0.5 && p99Ratio <= 2 && non2xx === 0 ? 'met' : 'not met'
  }**.`,
  '',
  `Load average (1 / 5 / 15 min) before the run ${loadBefore}, after ${loadAfter} (${os.cpus().length} cores).`,
].join('\n');
console.log(text);
await writeSection('Filing incident reports (100 concurrent)', text);
process.exit(0);
