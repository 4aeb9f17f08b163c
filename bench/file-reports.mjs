// Filing incident reports under load: 100 concurrent connections for 30 s posting complete
// Decree 493 reports; latency percentiles, throughput and errors. Target: p99 ≤ 50 ms, no errors.
// Usage: npm run build && node bench/file-reports.mjs [connections=100] [seconds=30]
import autocannon from 'autocannon';
import { fmt, peakRssMiB, startServer } from './harness.mjs';
import { writeSection } from './report.mjs';

const CONNECTIONS = Number(process.argv[2] ?? 100);
const SECONDS = Number(process.argv[3] ?? 30);

const server = await startServer();
try {
  const officer = await server.login('officer1@muster.test');
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
  const result = await autocannon({
    url: `${server.baseUrl}/api/incidents`,
    method: 'POST',
    connections: CONNECTIONS,
    duration: SECONDS,
    headers: { 'content-type': 'application/json', authorization: `Bearer ${officer.accessToken}` },
    body,
  });
  const non2xx = result.non2xx + result.errors + result.timeouts;
  const text = [
    `${CONNECTIONS} concurrent connections for ${SECONDS} s, each posting a complete report as an enterprise officer`,
    '(validation, grading, incident + initial report + room event + audit row in one transaction, broadcast).',
    '',
    '| requests | throughput | p50 | p90 | p99 | max | errors / non-2xx | peak RSS of the server |',
    '|---|---|---|---|---|---|---|---|',
    `| ${result.requests.total} | ${Math.round(result.requests.average)} req/s | ${fmt(result.latency.p50)} | ${fmt(result.latency.p90)} | ${fmt(result.latency.p99)} | ${fmt(result.latency.max)} | ${non2xx} | ${peakRssMiB(server.pid)} MiB |`,
    '',
    `Target p99 ≤ 50 ms with no errors: **${result.latency.p99 <= 50 && non2xx === 0 ? 'met' : 'not met'}**.`,
  ].join('\n');
  console.log(text);
  await writeSection('Filing incident reports (100 concurrent)', text);
} finally {
  await server.stop();
}
process.exit(0);
