import { afterAll, afterEach, beforeAll } from '@jest/globals';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import twilio from 'twilio';
import { startTwilioEmulator, type TwilioEmulator } from '@muster/twilio-emulator';
import { createTwilioClient, type TwilioClient } from '../../server/src/messaging/twilio/twilio-client.js';

/**
 * The Twilio emulator driven the way Muster drives Twilio: through the real `twilio` SDK pointed at
 * it by `createTwilioClient({ apiBase })`, with its webhooks arriving at a local HTTP server and
 * checked with the SDK's own `twilio.validateRequest`. Shared by the emulator's test files.
 */

// Obviously fake credentials, made up for these tests.
export const ACCOUNT_SID = 'AC' + '0'.repeat(32);
export const AUTH_TOKEN = 'emulator-test-token';
export const FROM = '+15005550006';

export interface Hit {
  path: string;
  url: string;
  params: Record<string, string>;
  signature: string | undefined;
  at: number;
}

type Route = (params: Record<string, string>) => {
  status?: number;
  body?: string;
  type?: string;
  /** How long the answer takes. */
  delayMs?: number;
};

/** A local stand-in for the Muster server: records every webhook and answers per path. */
export class WebhookServer {
  readonly hits: Hit[] = [];
  readonly routes = new Map<string, Route>();
  private server!: http.Server;
  base = '';

  async start(): Promise<void> {
    this.server = http.createServer((req, res) => {
      let body = '';
      req.setEncoding('utf8');
      req.on('data', (c: string) => (body += c));
      req.on('end', () => {
        const url = `${this.base}${req.url}`;
        const path = new URL(url).pathname;
        const params = Object.fromEntries(new URLSearchParams(body));
        this.hits.push({
          path,
          url,
          params,
          signature: req.headers['x-twilio-signature'] as string,
          at: Date.now(),
        });
        const route = this.routes.get(path);
        const answer = route ? route(params) : {};
        setTimeout(() => {
          res.writeHead(answer.status ?? 200, { 'Content-Type': answer.type ?? 'text/xml' });
          res.end(answer.body ?? '<Response/>');
        }, answer.delayMs ?? 0);
      });
    });
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    this.base = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  url(path: string): string {
    return `${this.base}${path}`;
  }

  on(path: string): Hit[] {
    return this.hits.filter((h) => h.path === path);
  }

  valid(hit: Hit): boolean {
    return twilio.validateRequest(AUTH_TOKEN, hit.signature ?? '', hit.url, hit.params);
  }

  clear(): void {
    this.hits.length = 0;
    this.routes.clear();
  }

  close(): Promise<void> {
    this.server.closeAllConnections();
    return new Promise((resolve) => this.server.close(() => resolve()));
  }
}

export async function waitFor<T>(
  fn: () => T | undefined | false | Promise<T | undefined | false>,
  what: string,
  ms = 5000,
): Promise<T> {
  const until = Date.now() + ms;
  for (;;) {
    const v = await fn();
    if (v) return v;
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

export const twiml = (inner: string): string =>
  `<?xml version="1.0" encoding="UTF-8"?><Response>${inner}</Response>`;

/**
 * An emulator and its webhook server for one test file, reset after each test. `emulator` and
 * `client` are set before the file's tests run: read them off the returned object then.
 */
export function emulatorForTests() {
  const s = {
    emulator: undefined as unknown as TwilioEmulator,
    client: undefined as unknown as TwilioClient,
    hooks: new WebhookServer(),
    /** A fresh Chinese mobile number for each use, so tests do not see each other's messages. */
    phone: (): string => `+86138${String(10_000_000 + ++n * 7919).slice(-8)}`,
    api: async (method: string, path: string, body?: unknown) => {
      const res = await fetch(`${s.emulator.url}${path}`, {
        method,
        headers: body === undefined ? {} : { 'content-type': 'application/json' },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      return {
        status: res.status,
        headers: res.headers,
        body: (await res.json()) as Record<string, unknown>,
      };
    },
    restError: async (p: Promise<unknown>) => {
      try {
        await p;
      } catch (e) {
        return e as { status: number; code: number; message: string; moreInfo: string };
      }
      throw new Error('expected the request to fail');
    },
  };
  let n = 0;
  beforeAll(async () => {
    await s.hooks.start();
    s.emulator = await startTwilioEmulator({
      accountSid: ACCOUNT_SID,
      authToken: AUTH_TOKEN,
      phoneNumber: FROM,
      messageStepMs: 5,
      ringMs: 20,
      gatherTimeoutMs: 3000,
      log: () => undefined,
    });
    s.client = createTwilioClient({
      accountSid: ACCOUNT_SID,
      authToken: AUTH_TOKEN,
      apiBase: s.emulator.url,
    });
  });
  afterEach(async () => {
    await s.api('DELETE', '/_emulator');
    s.emulator.configure({ gatherTimeoutMs: 3000, messageStepMs: 5, ringMs: 20 });
    s.hooks.clear();
  });
  afterAll(async () => {
    await s.emulator.close();
    await s.hooks.close();
  });
  return s;
}
