import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { request as httpRequest } from 'node:http';
import { createTestApp, type TestApp } from '../support/app.js';

interface Answer {
  status: number;
  body: { statusCode: number; message: string; error: string; problems?: { code: string }[] };
  retryAfter: string | undefined;
  ms: number;
}

/**
 * A login sent from a loopback address of the test's choosing (127.0.0.0/8 is all loopback), so
 * that the server sees different clients by their connections, as it would in production.
 */
function loginFrom(
  t: TestApp,
  from: string,
  email: string,
  password: string,
  headers: Record<string, string> = {},
): Promise<Answer> {
  const { port } = new URL(t.baseUrl);
  const payload = JSON.stringify({ email, password });
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      {
        host: '127.0.0.1',
        port,
        localAddress: from,
        method: 'POST',
        path: '/api/auth/login',
        headers: {
          'Content-Type': 'application/json',
          'Content-Length': Buffer.byteLength(payload),
          ...headers,
        },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () =>
          resolve({
            status: res.statusCode!,
            body: JSON.parse(Buffer.concat(chunks).toString()) as Answer['body'],
            retryAfter: res.headers['retry-after'],
            ms: performance.now() - started,
          }),
        );
      },
    );
    req.on('error', reject);
    req.end(payload);
  });
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

const COMMANDER = 'commander@muster.test';
const DEMO_PASSWORD = 'muster-demo';

describe('login lockout by account and address', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ env: { LOGIN_MAX_FAILURES: '3', LOGIN_RATE_PER_MINUTE: '1000' } });
  });
  afterAll(() => t.close());

  it("does not let an attacker's address lock the commander out from the commander's own", async () => {
    const attacker = '127.0.0.2';
    const commander = '127.0.0.3';
    const guesses = [];
    for (const guess of ['guess-1', 'guess-2', 'guess-3', DEMO_PASSWORD]) {
      guesses.push(await loginFrom(t, attacker, COMMANDER, guess));
    }
    // The attacker is stopped, even when it finally has the password...
    expect(guesses.map((a) => a.status)).toEqual([401, 401, 429, 429]);
    // ...and the commander, who mistypes once in the rush, still gets in from their own address.
    expect((await loginFrom(t, commander, COMMANDER, 'typo')).status).toBe(401);
    const mine = await loginFrom(t, commander, COMMANDER, DEMO_PASSWORD);
    expect(mine.status).toBe(200);
  });

  it('answers alike, locks alike and takes as long for an account that does not exist', async () => {
    const known: Answer[] = [];
    for (let i = 0; i < 4; i++)
      known.push(await loginFrom(t, '127.0.0.4', 'inspector@muster.test', `x-${i}`));
    const unknown: Answer[] = [];
    for (let i = 0; i < 4; i++) unknown.push(await loginFrom(t, '127.0.0.5', 'nobody@muster.test', `x-${i}`));

    const seen = (answers: Answer[]) =>
      answers.map((a) => ({
        status: a.status,
        // The seconds left may differ by one between the two runs; the wording may not.
        body: {
          ...a.body,
          message: a.body.message.replace(/\d+ s$/, 'N s'),
          problems: a.body.problems?.map((p: { code: string }) => p.code),
        },
        retryAfter: a.retryAfter !== undefined,
      }));
    expect(seen(unknown)).toEqual(seen(known));
    expect(known.map((a) => a.status)).toEqual([401, 401, 429, 429]);
    expect(known[0]!.body).toEqual({
      statusCode: 401,
      message: 'Invalid email or password',
      error: 'Unauthorized',
      problems: [{ code: 'auth.invalidCredentials', message: 'Invalid email or password' }],
    });
    expect(known[2]!.body).toEqual(unknown[2]!.body);

    // Interleaved, each pair from an address of its own (no lockout in the way): a missing account
    // must cost the same password hash as a wrong password, not answer at once.
    const times = { known: [] as number[], unknown: [] as number[] };
    for (let i = 0; i < 7; i++) {
      const from = `127.0.1.${i + 1}`;
      times.known.push((await loginFrom(t, from, 'inspector@muster.test', 'wrong-one')).ms);
      times.unknown.push((await loginFrom(t, from, 'nobody@muster.test', 'wrong-one')).ms);
    }
    const ratio = median(times.unknown) / median(times.known);
    expect(ratio).toBeGreaterThan(0.6);
    expect(ratio).toBeLessThan(1.6);
  });
});

describe('login limit per address', () => {
  let t: TestApp;
  let proxied: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ env: { LOGIN_RATE_PER_MINUTE: '3' } });
    proxied = await createTestApp({ env: { LOGIN_RATE_PER_MINUTE: '3', TRUST_PROXY: 'loopback' } });
  });
  afterAll(async () => {
    await t.close();
    await proxied.close();
  });

  const burst = async (app: TestApp) => {
    const answers: Answer[] = [];
    for (let i = 0; i < 5; i++) {
      answers.push(
        await loginFrom(app, '127.0.0.6', `x${i}@muster.test`, 'whatever1', {
          'X-Forwarded-For': `198.51.100.${i + 1}`,
        }),
      );
    }
    return answers;
  };

  it('cannot be dodged with X-Forwarded-For, and its 429 says when to come back', async () => {
    const answers = await burst(t);
    expect(answers.map((a) => a.status)).toEqual([401, 401, 401, 429, 429]);
    const retryAfter = Number(answers[3]!.retryAfter);
    expect(retryAfter).toBeGreaterThanOrEqual(1);
    expect(retryAfter).toBeLessThanOrEqual(60);
    expect(answers[3]!.body.message).toBe(
      `Too many login attempts from this address; try again in ${retryAfter} s`,
    );
    // The console words it from the code, with the same seconds.
    expect(answers[3]!.body.problems).toEqual([
      { code: 'auth.tooManyAttempts', message: answers[3]!.body.message, params: { seconds: retryAfter } },
    ]);
  });

  it('believes X-Forwarded-For from the proxies TRUST_PROXY names', async () => {
    const answers = await burst(proxied);
    expect(answers.map((a) => a.status)).toEqual([401, 401, 401, 401, 401]);
  });
});
