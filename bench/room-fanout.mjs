// Room fan-out: Socket.IO clients (1,000 unless told) in one incident room; events posted over REST; latency
// from the post to its receipt at every client (p50/p95/p99), against the floor of a bare
// Socket.IO server broadcasting to the same clients; and the server's peak memory. Each client count
// has its own section in docs/benchmarks.md (1,000 is the target's; 5,000 is measured beside it).
// Usage: npm run build && node bench/room-fanout.mjs [clients=1000] [events=100]
import { fork } from 'node:child_process';
import path from 'node:path';
import { io } from 'socket.io-client';
import { ROOT, fmt, peakRssMiB, startServer, summarize } from './harness.mjs';
import { writeSection } from './report.mjs';

const CLIENTS = Number(process.argv[2] ?? 1000);
const EVENTS = Number(process.argv[3] ?? 100);
const GAP_MS = 50;

async function connectAll(baseUrl, token, incidentId) {
  const sockets = [];
  for (let i = 0; i < CLIENTS; i += 100) {
    const batch = Array.from({ length: Math.min(100, CLIENTS - i) }, () =>
      io(`${baseUrl}/live`, {
        auth: { token },
        transports: ['websocket'],
        forceNew: true,
        reconnection: false,
      }),
    );
    await Promise.all(
      batch.map(
        (s) =>
          new Promise((resolve, reject) => {
            s.once('connect', resolve);
            s.once('connect_error', reject);
          }),
      ),
    );
    await Promise.all(
      batch.map((s) => s.timeout(20_000).emitWithAck('room:join', { incidentId, sinceSeq: 0 })),
    );
    sockets.push(...batch);
  }
  return sockets;
}

/**
 * Posts EVENTS events one after another and collects every client's receipt latency, after a
 * few unmeasured warm-up events so that both targets are measured with warm connections and JIT.
 */
async function measure(sockets, post) {
  for (let i = 0; i < 10; i++) {
    await post(`warmup-${i}`);
    await new Promise((r) => setTimeout(r, GAP_MS));
  }
  await new Promise((r) => setTimeout(r, 1000));
  const sent = new Map();
  const latencies = [];
  let received = 0;
  const expected = sockets.length * EVENTS;
  const done = new Promise((resolve) => {
    for (const s of sockets) {
      s.on('room:event', (e) => {
        const mark = e.payload?.text ?? e.mark;
        const t0 = sent.get(mark);
        if (t0 === undefined) return;
        latencies.push(performance.now() - t0);
        if (++received === expected) resolve();
      });
    }
  });
  for (let i = 0; i < EVENTS; i++) {
    const mark = `bench-${i}`;
    sent.set(mark, performance.now());
    await post(mark);
    await new Promise((r) => setTimeout(r, GAP_MS));
  }
  await Promise.race([done, new Promise((r) => setTimeout(r, 30_000))]);
  return { ...summarize(latencies), missing: expected - received };
}

async function floor() {
  const child = fork(path.join(ROOT, 'bench/bare-socketio-server.mjs'), {
    env: { ...process.env, PORT: '0' },
    stdio: 'inherit',
  });
  const { port } = await new Promise((r) => child.once('message', r));
  const baseUrl = `http://127.0.0.1:${port}`;
  const sockets = await connectAll(baseUrl, 'none', 'room');
  const result = await measure(sockets, async (mark) => {
    const res = await fetch(`${baseUrl}/emit`, {
      method: 'POST',
      body: JSON.stringify({ payload: { text: mark } }),
    });
    if (res.status !== 201) throw new Error(`floor emit ${res.status}`);
  });
  sockets.forEach((s) => s.disconnect());
  const peak = peakRssMiB(child.pid);
  child.kill();
  return { ...result, peakMiB: peak };
}

async function muster() {
  const server = await startServer();
  try {
    const officer = await server.login('officer1@muster.test');
    const commander = await server.login('commander@muster.test');
    const filed = await fetch(`${server.baseUrl}/api/incidents`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${officer.accessToken}` },
      body: JSON.stringify({
        title: 'Bench incident',
        category: 'fire',
        occurredAt: new Date().toISOString(),
        location: { lat: 33.99, lng: 116.83 },
        address: 'bench',
        summary: 'bench',
        casualties: { deaths: 0, missing: 0, seriousInjuries: 0, minorInjuries: 0 },
        directLossCny: 0,
        measuresTaken: '',
        reporter: { name: 'bench', phone: '13800000000' },
      }),
    }).then((r) => r.json());
    const sockets = await connectAll(server.baseUrl, commander.accessToken, filed.id);
    const result = await measure(sockets, async (mark) => {
      const res = await fetch(`${server.baseUrl}/api/incidents/${filed.id}/messages`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${commander.accessToken}` },
        body: JSON.stringify({ text: mark }),
      });
      if (res.status !== 201) throw new Error(`post ${res.status}`);
    });
    sockets.forEach((s) => s.disconnect());
    return { ...result, peakMiB: peakRssMiB(server.pid) };
  } finally {
    await server.stop();
  }
}

const f = await floor();
const m = await muster();
const row = (name, r) =>
  `| ${name} | ${r.n} | ${fmt(r.p50)} | ${fmt(r.p95)} | ${fmt(r.p99)} | ${fmt(r.max)} | ${r.missing} | ${r.peakMiB} MiB |`;
const ratio = m.p99 / f.p99;
const text = [
  `${CLIENTS} Socket.IO clients (websocket) in one room, ${EVENTS} events posted ${GAP_MS} ms apart; latency from the`,
  'start of the post to the receipt at each client, all clients and events together.',
  '',
  '| target | samples | p50 | p95 | p99 | max | missed | peak RSS of the server |',
  '|---|---|---|---|---|---|---|---|',
  row('bare Socket.IO (floor)', f),
  row('Muster: REST post → log → broadcast', m),
  '',
  `p99 ratio Muster / floor: **${ratio.toFixed(2)}** (target ≤ 2 at 1,000 clients).`,
].join('\n');
console.log(text);
await writeSection(`Room fan-out (${CLIENTS.toLocaleString('en')} clients)`, text);
process.exit(0);
