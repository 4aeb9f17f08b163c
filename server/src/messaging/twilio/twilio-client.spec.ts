import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import twilio from 'twilio';
import { createTwilioClient, formEncode, PooledRequestClient } from './twilio-client.js';

const SID = 'AC' + '0'.repeat(32);

describe('PooledRequestClient', () => {
  it('rewrites the origin of every Twilio URL to apiBase, keeping path and query', () => {
    const c = new PooledRequestClient({ apiBase: 'http://127.0.0.1:3090' });
    expect(
      c.rewrite('https://api.twilio.com/2010-04-01/Accounts/AC1/Messages.json?To=%2B86&PageSize=2'),
    ).toBe('http://127.0.0.1:3090/2010-04-01/Accounts/AC1/Messages.json?To=%2B86&PageSize=2');
    const prefixed = new PooledRequestClient({ apiBase: 'http://127.0.0.1:3090/twilio/' });
    expect(prefixed.rewrite('https://api.twilio.com/2010-04-01/Accounts/AC1/Calls.json')).toBe(
      'http://127.0.0.1:3090/twilio/2010-04-01/Accounts/AC1/Calls.json',
    );
    expect(new PooledRequestClient().rewrite('https://api.twilio.com/x')).toBe('https://api.twilio.com/x');
    expect(() => new PooledRequestClient({ apiBase: 'ftp://x' })).toThrow(/http/);
  });

  it('is the SDK client’s request client, with or without apiBase', () => {
    const local = createTwilioClient({
      accountSid: SID,
      authToken: 'fake',
      apiBase: 'http://127.0.0.1:3090',
    });
    expect(local).toBeInstanceOf(twilio.Twilio);
    expect(local.httpClient).toBeInstanceOf(PooledRequestClient);
    expect(createTwilioClient({ accountSid: SID, authToken: 'fake' }).httpClient).toBeInstanceOf(
      PooledRequestClient,
    );
  });
});

describe('formEncode', () => {
  it('encodes as the SDK’s qs does for its flat records: lists repeat their key, undefined is left out', () => {
    const form = new URLSearchParams(
      formEncode({
        To: '+8613800000001',
        Body: '液氯库泄漏 & 集合',
        StatusCallbackEvent: ['initiated', 'answered'],
        Record: true,
        Timeout: 30,
        MachineDetection: undefined,
      }),
    );
    expect(form.get('To')).toBe('+8613800000001');
    expect(form.get('Body')).toBe('液氯库泄漏 & 集合');
    expect(form.getAll('StatusCallbackEvent')).toEqual(['initiated', 'answered']);
    expect(form.get('Record')).toBe('true');
    expect(form.get('Timeout')).toBe('30');
    expect(form.has('MachineDetection')).toBe(false);
  });

  it('refuses a nested record rather than encoding it some other way', () => {
    expect(() => formEncode({ Params: { a: 1 } })).toThrow(/Params/);
  });
});

describe('the SDK over PooledRequestClient, against a local HTTP server', () => {
  let server: http.Server;
  let base: string;
  const seen: { method: string; url: string; headers: http.IncomingHttpHeaders; body: string }[] = [];
  let answer: { status: number; headers?: Record<string, string>; body: string };

  beforeAll(async () => {
    server = http.createServer((req, res) => {
      let body = '';
      req.setEncoding('utf8');
      req.on('data', (c: string) => (body += c));
      req.on('end', () => {
        seen.push({ method: req.method!, url: req.url!, headers: req.headers, body });
        res.writeHead(answer.status, { 'content-type': 'application/json', ...answer.headers });
        res.end(answer.body);
      });
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    await new Promise((r) => server.close(r));
  });

  it('sends Basic auth, the SDK’s headers and the form, and hands the JSON answer to the SDK', async () => {
    seen.length = 0;
    answer = {
      status: 201,
      body: JSON.stringify({ sid: 'SM1', status: 'queued', to: '+8613800000001', date_created: null }),
    };
    const client = createTwilioClient({ accountSid: SID, authToken: 'secret', apiBase: base });
    const m = await client.messages.create({ to: '+8613800000001', from: '+15005550006', body: '集合' });
    expect(m.sid).toBe('SM1');
    expect(seen).toHaveLength(1);
    const [req] = seen;
    expect(req.method).toBe('POST');
    expect(req.url).toBe(`/2010-04-01/Accounts/${SID}/Messages.json`);
    expect(req.headers.authorization).toBe(`Basic ${Buffer.from(`${SID}:secret`).toString('base64')}`);
    expect(req.headers['content-type']).toBe('application/x-www-form-urlencoded');
    expect(req.headers['user-agent']).toMatch(/^twilio-node\//);
    const form = new URLSearchParams(req.body);
    expect(Object.fromEntries(form)).toEqual({ To: '+8613800000001', From: '+15005550006', Body: '集合' });
  });

  it('puts list parameters in the query, and turns an error answer into the SDK’s RestException', async () => {
    seen.length = 0;
    answer = { status: 404, body: JSON.stringify({ code: 20404, message: 'not found', status: 404 }) };
    const client = createTwilioClient({ accountSid: SID, authToken: 'secret', apiBase: base });
    const err = (await client.messages.list({ to: '+8613800000001', limit: 5 }).catch((e: unknown) => e)) as {
      status: number;
      code: number;
    };
    expect(err.status).toBe(404);
    expect(err.code).toBe(20404);
    const url = new URL(seen[0].url, base);
    expect(url.searchParams.get('To')).toBe('+8613800000001');
    expect(url.searchParams.get('PageSize')).toBe('5');
  });

  it('keeps the Retry-After of a 429 in the exception’s details when asked to', async () => {
    answer = {
      status: 429,
      headers: { 'retry-after': '7' },
      body: JSON.stringify({ code: 20429, message: 'Too Many Requests', status: 429 }),
    };
    const client = createTwilioClient({
      accountSid: SID,
      authToken: 'secret',
      apiBase: base,
      keepRetryAfter: true,
    });
    const err = (await client.messages
      .create({ to: '+8613800000001', from: '+15005550006', body: 'x' })
      .catch((e: unknown) => e)) as { status: number; details: { retryAfterSeconds?: number } };
    expect(err.status).toBe(429);
    expect(err.details.retryAfterSeconds).toBe(7);
  });

  it('fails a request the server does not answer in time, as a network error without a status', async () => {
    const silent = http.createServer(() => undefined);
    await new Promise<void>((r) => silent.listen(0, '127.0.0.1', r));
    try {
      const client = createTwilioClient({
        accountSid: SID,
        authToken: 'secret',
        apiBase: `http://127.0.0.1:${(silent.address() as AddressInfo).port}`,
        timeoutMs: 200,
      });
      const err = (await client.messages
        .create({ to: '+8613800000001', from: '+15005550006', body: 'x' })
        .catch((e: unknown) => e)) as { status?: number; code?: string };
      expect(err.status).toBeUndefined();
      expect(err.code).toBe('UND_ERR_HEADERS_TIMEOUT');
    } finally {
      silent.closeAllConnections();
      await new Promise((r) => silent.close(r));
    }
  });
});
