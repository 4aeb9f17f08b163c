// Status callbacks: a fan-out of N texts brings 3N of them, and they compete with the sends for the
// same cores. The built server takes signed callbacks (`sent`, then `delivered`) for TEXTS
// notification texts already at the provider, from CONNECTIONS connections at once, as the
// provider would post them; each is verified, written (batched) and answered. Reports the rate,
// the latency, the server's and PostgreSQL's CPU per callback, and that every text ended
// `delivered`.
// Usage: npm run build && npm run bench:status-callbacks [-- texts connections], by default 10000 100;
// with BENCH_PROFILE=<folder>, the server writes a CPU profile there.
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import autocannon from 'autocannon';
import pg from 'pg';
import twilio from 'twilio';
import { cpuSeconds, fmt, freePort, peakRssMiB, startServer } from './harness.mjs';
import { writeSection } from './report.mjs';

const TEXTS = Number(process.argv[2] ?? 10_000);
const CONNECTIONS = Number(process.argv[3] ?? 100);
const ACCOUNT_SID = `AC${randomBytes(16).toString('hex')}`;
const AUTH_TOKEN = randomBytes(16).toString('hex');
const FROM = '+15005550006';

async function seedTexts(databaseUrl) {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const { rows } = await client.query(
      `INSERT INTO notification_sms (idempotency_key, kind, name, phone, body, status, provider, provider_sid, attempts)
       SELECT 'bench:' || i, 'bench', 'R' || i, '+86139' || lpad(i::text, 8, '0'), 'x', 'queued', 'twilio',
              'SM' || md5(i::text), 1
         FROM generate_series(1, $1::int) AS i
       RETURNING id, phone, provider_sid`,
      [TEXTS],
    );
    return rows;
  } finally {
    await client.end();
  }
}

async function delivered(databaseUrl) {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const { rows } = await client.query(
      `SELECT status, count(*)::int AS n FROM notification_sms WHERE kind = 'bench' GROUP BY status`,
    );
    return Object.fromEntries(rows.map((r) => [r.status, r.n]));
  } finally {
    await client.end();
  }
}

/** Every text's `sent`, then every text's `delivered`, each signed for the URL it goes to. */
function callbacks(baseUrl, texts) {
  const out = [];
  for (const status of ['sent', 'delivered']) {
    for (const t of texts) {
      const path = `/webhooks/twilio/notification-status?sms=${t.id}`;
      const params = {
        AccountSid: ACCOUNT_SID,
        ApiVersion: '2010-04-01',
        From: FROM,
        MessageSid: t.provider_sid,
        MessageStatus: status,
        SmsSid: t.provider_sid,
        SmsStatus: status,
        To: t.phone,
      };
      out.push({
        path,
        body: new URLSearchParams(params).toString(),
        signature: twilio.getExpectedTwilioSignature(AUTH_TOKEN, `${baseUrl}${path}`, params),
      });
    }
  }
  return out;
}

/** Posts each callback once, in order, from `connections` connections. */
function post(baseUrl, list, connections) {
  let next = 0;
  return autocannon({
    url: baseUrl,
    connections,
    amount: list.length,
    requests: [
      {
        method: 'POST',
        setupRequest: (req) => {
          const c = list[next++];
          return {
            ...req,
            path: c.path,
            body: c.body,
            headers: {
              'content-type': 'application/x-www-form-urlencoded',
              'x-twilio-signature': c.signature,
            },
          };
        },
      },
    ],
  });
}

async function main() {
  const port = await freePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  const server = await startServer(
    {
      PORT: String(port),
      PUBLIC_URL: baseUrl,
      TWILIO_ACCOUNT_SID: ACCOUNT_SID,
      TWILIO_AUTH_TOKEN: AUTH_TOKEN,
      TWILIO_FROM_NUMBER: FROM,
    },
    process.env.BENCH_PROFILE
      ? ['--cpu-prof', `--cpu-prof-dir=${path.resolve(process.env.BENCH_PROFILE)}`]
      : [],
  );
  try {
    const texts = await seedTexts(server.env.DATABASE_URL);
    const all = callbacks(baseUrl, texts);
    // A warm-up on the first texts' `sent`, so the measured run meets compiled code and warm pools.
    await post(baseUrl, all.slice(0, 500), 20);
    const cpu0 = { server: cpuSeconds(server.pid), postgres: cpuSeconds('postgres') };
    const result = await post(baseUrl, all, CONNECTIONS);
    const cpu = {
      server: cpuSeconds(server.pid) - cpu0.server,
      postgres: cpuSeconds('postgres') - cpu0.postgres,
    };
    const statuses = await delivered(server.env.DATABASE_URL);
    const n = result.requests.total;
    const perCallback = (s) => `${((1000 * s) / n).toFixed(3)} ms`;
    const notOk = result.errors + result.non2xx;
    const allDelivered = statuses.delivered === TEXTS;
    const body = `${TEXTS.toLocaleString('en')} notification texts already at the provider get their \`sent\` and then their
\`delivered\` callbacks, signed as Twilio signs them, from ${CONNECTIONS} connections at once: the built server
verifies each signature, writes the status (batched, never backwards) and answers 204 once it is committed.

| callbacks | rate | p50 | p99 | max | errors / non-2xx | server CPU per callback | PostgreSQL CPU per callback | peak RSS of the server |
| --------- | ---- | --- | --- | --- | ---------------- | ----------------------- | --------------------------- | ---------------------- |
| ${n} | ${Math.round(n / (result.duration || 1))}/s | ${fmt(result.latency.p50)} | ${fmt(result.latency.p99)} | ${fmt(result.latency.max)} | ${notOk} | ${perCallback(cpu.server)} | ${perCallback(cpu.postgres)} | ${peakRssMiB(server.pid)} MiB |

Texts ending \`delivered\`: ${statuses.delivered ?? 0} of ${TEXTS} (${allDelivered ? 'all' : '**not all**'}).
`;
    await writeSection(`Status callbacks (${TEXTS.toLocaleString('en')} texts)`, body);
    console.log(
      `${n} callbacks in ${result.duration.toFixed(1)} s, server ${perCallback(cpu.server)} per callback`,
    );
    if (notOk || !allDelivered) process.exitCode = 1;
  } finally {
    await server.stop();
  }
}

await main();
