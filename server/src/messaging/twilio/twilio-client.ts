import http from 'node:http';
import twilio from 'twilio';
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
 * A `RequestClient` that sends every request to another origin: `https://api.twilio.com/2010-04-01/…`
 * becomes `<apiBase>/2010-04-01/…` (path and query kept; a path in apiBase is prefixed). Everything
 * else is the SDK's own: Basic auth, form encoding, paging, and `RestException` for error answers.
 * (`edge`/`region` only rewrite `*.twilio.com` hosts, so they cannot point at a local server.)
 */
export class OriginRewritingRequestClient extends twilio.RequestClient {
  private readonly base: URL;

  constructor(apiBase: string, opts: RequestClient.RequestClientOptions = {}) {
    super(opts);
    this.base = new URL(apiBase);
    if (this.base.protocol !== 'http:' && this.base.protocol !== 'https:') {
      throw new Error(`apiBase must be an http(s) URL, got ${apiBase}`);
    }
    // The SDK only configures an https agent; give plain http keep-alive too, and never route a
    // rewritten request through an HTTP(S)_PROXY from the environment.
    this.axios.defaults.httpAgent = new http.Agent({
      keepAlive: opts.keepAlive !== false,
      maxSockets: opts.maxSockets ?? 100,
    });
    this.axios.defaults.proxy = false;
  }

  rewrite(uri: string): string {
    const original = new URL(uri);
    const prefix = this.base.pathname.replace(/\/+$/, '');
    return `${this.base.origin}${prefix}${original.pathname}${original.search}`;
  }

  override request<TData>(opts: RequestClient.RequestOptions<TData>): Promise<TwilioResponse<TData>> {
    return super.request<TData>({ ...opts, uri: this.rewrite(opts.uri) });
  }
}

/** The real `twilio` SDK client, pointed at `apiBase` when one is given. */
export function createTwilioClient(options: TwilioClientOptions): TwilioClient {
  const { accountSid, authToken, apiBase, timeoutMs, maxSockets, keepRetryAfter } = options;
  const opts: RequestClient.RequestClientOptions = { timeout: timeoutMs, maxSockets };
  const clientOpts: twilio.ClientOpts = {};
  if (apiBase) {
    const Client = keepRetryAfter
      ? retryAfterAware(OriginRewritingRequestClient)
      : OriginRewritingRequestClient;
    clientOpts.httpClient = new Client(apiBase, opts);
  } else if (timeoutMs !== undefined || maxSockets !== undefined || keepRetryAfter) {
    const Client = keepRetryAfter ? retryAfterAware(twilio.RequestClient) : twilio.RequestClient;
    clientOpts.httpClient = new Client(opts);
  }
  return twilio(accountSid, authToken, clientOpts);
}

/**
 * The SDK builds its RestException from the response body alone, losing the Retry-After header
 * of a 429; this copies it into the error's `details`.
 */
// TypeScript requires a mixin's base constructor to take `...args: any[]`.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
function retryAfterAware<C extends new (...args: any[]) => RequestClient>(Base: C) {
  return class extends Base {
    override async request<TData>(opts: RequestClient.RequestOptions<TData>) {
      const res = await super.request<TData>(opts);
      if (res.statusCode === 429) {
        const header = (res.headers as Record<string, string | undefined>)['retry-after'];
        const body = (
          typeof res.body === 'string' ? JSON.parse(res.body || '{}') : (res.body ?? {})
        ) as Record<string, unknown>;
        body.details = {
          ...(body.details as object | undefined),
          retryAfterSeconds: header ? Number(header) : undefined,
        };
        (res as { body: unknown }).body = body;
      }
      return res;
    }
  };
}
