import twilio from 'twilio';
import { Agent, type Dispatcher } from 'undici';
import type RequestClient from 'twilio/lib/base/RequestClient.js';
import type * as ResponseModule from 'twilio/lib/http/response.js';

type TwilioResponse<T> = ResponseModule.default<T>;

export interface TwilioClientOptions {
  accountSid: string;
  authToken: string;
  /**
   * Where to send the SDK's requests instead of Twilio (the emulator in development, demos and
   * tests), e.g. `http://127.0.0.1:3090`. Unset: the real Twilio.
   */
  apiBase?: string;
  /** Request timeout in milliseconds (the SDK's default is 30 s). */
  timeoutMs?: number;
  /** Sockets kept open to the API host (keep-alive). */
  maxSockets?: number;
  /**
   * Keep the Retry-After header of a 429 (as `details.retryAfterSeconds` of the SDK's
   * RestException), so that a send waits as long as Twilio asks.
   */
  keepRetryAfter?: boolean;
}

export type TwilioClient = twilio.Twilio;

/**
 * The SDK's requests over undici instead of the axios its own `RequestClient` uses: axios cost
 * about 0.2 ms of CPU per request against undici's 0.05 ms, most of what the worker spent per
 * text beyond its own bookkeeping (docs/benchmarks.md). What the SDK asks of a request client is
 * kept: Basic auth (or its auth strategy), its headers, the form encoding of `data` and the query
 * of `params` with repeated keys for lists, and the answer as status, body and headers, from
 * which the SDK builds its `RestException` as before. With `apiBase`, every request goes to that
 * origin instead: `https://api.twilio.com/2010-04-01/…` becomes `<apiBase>/2010-04-01/…` (path
 * and query kept; a path in apiBase is prefixed). `edge`/`region` only rewrite `*.twilio.com`
 * hosts, so they cannot point at a local server.
 */
export class PooledRequestClient extends twilio.RequestClient {
  private readonly base: URL | null;
  private readonly pool: Agent;
  private readonly timeoutMs: number;
  private readonly keepRetryAfter: boolean;

  constructor(options: Omit<TwilioClientOptions, 'accountSid' | 'authToken'> = {}) {
    super({ timeout: options.timeoutMs });
    this.base = options.apiBase ? new URL(options.apiBase) : null;
    if (this.base && this.base.protocol !== 'http:' && this.base.protocol !== 'https:') {
      throw new Error(`apiBase must be an http(s) URL, got ${options.apiBase}`);
    }
    this.timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
    this.keepRetryAfter = options.keepRetryAfter ?? false;
    // undici's own Agent reads no HTTP(S)_PROXY from the environment: the API is reached directly.
    this.pool = new Agent({ connections: options.maxSockets ?? 100 });
  }

  rewrite(uri: string): string {
    if (!this.base) return uri;
    const original = new URL(uri);
    const prefix = this.base.pathname.replace(/\/+$/, '');
    return `${this.base.origin}${prefix}${original.pathname}${original.search}`;
  }

  override async request<TData>(opts: RequestClient.RequestOptions<TData>): Promise<TwilioResponse<TData>> {
    if (!opts.method) throw new Error('http method is required');
    if (!opts.uri) throw new Error('uri is required');
    const headers: Record<string, string> = {};
    for (const [name, value] of Object.entries(opts.headers ?? {})) {
      // undici manages the connection itself and refuses to be told how.
      if (value !== undefined && name.toLowerCase() !== 'connection') headers[name] = String(value);
    }
    if (opts.username && opts.password) {
      headers.Authorization = `Basic ${Buffer.from(`${opts.username}:${opts.password}`).toString('base64')}`;
    } else if (opts.authStrategy) {
      headers.Authorization = await opts.authStrategy.getAuthString();
    }
    const url = new URL(this.rewrite(opts.uri));
    if (opts.params) {
      const query = formEncode(opts.params as Record<string, unknown>);
      if (query) url.search = url.search ? `${url.search}&${query}` : `?${query}`;
    }
    let body: string | undefined;
    const type = headers['Content-Type'];
    if (opts.data && type === 'application/x-www-form-urlencoded') {
      body = formEncode(opts.data as Record<string, unknown>);
    } else if (opts.data && type === 'application/json') {
      body = JSON.stringify(opts.data);
    }
    const timeout = opts.timeout ?? this.timeoutMs;
    const res = await this.pool.request({
      origin: url.origin,
      path: `${url.pathname}${url.search}`,
      method: opts.method.toUpperCase() as Dispatcher.HttpMethod,
      headers,
      body,
      headersTimeout: timeout,
      bodyTimeout: timeout,
    });
    const text = await res.body.text();
    const response = { statusCode: res.statusCode, body: text, headers: res.headers };
    if (res.statusCode === 429 && this.keepRetryAfter) keepRetryAfterOf(response);
    return response as unknown as TwilioResponse<TData>;
  }

  /** Closes the kept-alive connections (a stopping process). */
  async close(): Promise<void> {
    await this.pool.close();
  }
}

/** The SDK's default request timeout. */
const DEFAULT_TIMEOUT_MS = 30_000;

/**
 * `a=1&b=x&b=y`: what the SDK's `qs.stringify(data, { arrayFormat: 'repeat' })` makes of the flat
 * records it builds (lists repeat their key; nothing undefined is sent). A nested record is not
 * one the SDK sends, and it is refused rather than encoded some other way.
 */
export function formEncode(fields: Record<string, unknown>): string {
  const form = new URLSearchParams();
  for (const [name, value] of Object.entries(fields)) {
    for (const v of Array.isArray(value) ? (value as unknown[]) : [value]) {
      if (v === undefined) continue;
      if (v !== null && typeof v === 'object' && !(v instanceof Date)) {
        throw new TypeError(`form field ${name}: a nested object cannot be form-encoded`);
      }
      form.append(name, v === null ? '' : v instanceof Date ? v.toISOString() : String(v));
    }
  }
  return form.toString();
}

/** The real `twilio` SDK client over undici, pointed at `apiBase` when one is given. */
export function createTwilioClient(options: TwilioClientOptions): TwilioClient {
  const { accountSid, authToken, ...requestOptions } = options;
  return twilio(accountSid, authToken, { httpClient: new PooledRequestClient(requestOptions) });
}

/**
 * The SDK builds its RestException from the response body alone, losing the Retry-After header
 * of a 429; this copies it into the body's `details`.
 */
function keepRetryAfterOf(res: { body: unknown; headers: Record<string, string | string[] | undefined> }) {
  const header = res.headers['retry-after'];
  const seconds = Array.isArray(header) ? header[0] : header;
  let body: Record<string, unknown> = {};
  try {
    body = (typeof res.body === 'string' ? JSON.parse(res.body || '{}') : (res.body ?? {})) as Record<
      string,
      unknown
    >;
  } catch {
    // An answer that is not JSON (a proxy's page) still says how long to wait.
  }
  body.details = {
    ...(body.details as object | undefined),
    retryAfterSeconds: seconds ? Number(seconds) : undefined,
  };
  res.body = body;
}
