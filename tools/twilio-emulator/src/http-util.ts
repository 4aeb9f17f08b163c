import type http from 'node:http';
import { Agent } from 'undici';

export const MAX_BODY_BYTES = 1024 * 1024;

export class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

export function readBody(req: http.IncomingMessage, limit = MAX_BODY_BYTES): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        reject(new HttpError(413, 'Request body too large'));
        req.destroy();
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

/** Form fields, last value wins (Twilio's parameters are single-valued except a few lists). */
export interface Form {
  get(name: string): string | undefined;
  all(name: string): string[];
  has(name: string): boolean;
}

export function parseForm(text: string): Form {
  const p = new URLSearchParams(text);
  return {
    get: (name) => p.get(name) ?? undefined,
    all: (name) => p.getAll(name),
    has: (name) => p.has(name),
  };
}

export async function readJson(req: http.IncomingMessage): Promise<Record<string, unknown>> {
  const text = await readBody(req);
  if (!text.trim()) return {};
  const type = req.headers['content-type'] ?? '';
  if (type.includes('application/x-www-form-urlencoded')) {
    return Object.fromEntries(new URLSearchParams(text));
  }
  try {
    const value: unknown = JSON.parse(text);
    if (value && typeof value === 'object' && !Array.isArray(value)) return value as Record<string, unknown>;
  } catch {
    // fall through
  }
  throw new HttpError(400, 'Body must be a JSON object');
}

export function sendJson(
  res: http.ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    'Content-Type': 'application/json; charset=utf-8',
    'Content-Length': Buffer.byteLength(text),
    ...headers,
  });
  res.end(text);
}

export interface OutboundResponse {
  status: number;
  contentType: string;
  body: string;
}

/**
 * Sends webhooks the way Twilio does: form-encoded POST (or GET with the parameters in the query),
 * over keep-alive connections of its own (closed by `close()`). undici rather than `http.request`:
 * a fan-out's status callbacks (then three a text) made the emulator's client a third of its CPU.
 */
export class WebhookSender {
  private readonly pool: Agent;

  constructor(maxSockets = 64) {
    this.pool = new Agent({ connections: maxSockets });
  }

  async send(
    url: string,
    method: 'GET' | 'POST',
    params: Record<string, string>,
    timeoutMs: number,
    /** Signs (full URL, POST parameters) into the `X-Twilio-Signature` header. */
    sign?: (url: string, params: Record<string, string>) => string,
  ): Promise<OutboundResponse> {
    let target: URL;
    try {
      target = new URL(url);
    } catch {
      throw new Error(`invalid URL ${url}`);
    }
    const form = new URLSearchParams(params).toString();
    if (method === 'GET') {
      target.search = target.search ? `${target.search}&${form}` : `?${form}`;
    }
    const headers: Record<string, string> = { 'User-Agent': 'TwilioProxy/1.1', Accept: '*/*' };
    if (method === 'POST') headers['Content-Type'] = 'application/x-www-form-urlencoded';
    if (sign) {
      headers['X-Twilio-Signature'] = method === 'GET' ? sign(target.toString(), {}) : sign(url, params);
    }
    const res = await this.pool.request({
      origin: target.origin,
      path: `${target.pathname}${target.search}`,
      method,
      headers,
      body: method === 'POST' ? form : undefined,
      headersTimeout: timeoutMs,
      bodyTimeout: timeoutMs,
    });
    const chunks: Buffer[] = [];
    let size = 0;
    for await (const chunk of res.body as AsyncIterable<Buffer>) {
      size += chunk.length;
      if (size <= MAX_BODY_BYTES) chunks.push(chunk);
    }
    return {
      status: res.statusCode,
      contentType: String(res.headers['content-type'] ?? ''),
      body: Buffer.concat(chunks).toString('utf8'),
    };
  }

  close(): void {
    void this.pool.destroy();
  }
}

/** An HTTP method named by a parameter or attribute: GET when it says so, else POST. */
export const methodOf = (v: string | undefined): 'GET' | 'POST' =>
  v?.toUpperCase() === 'GET' ? 'GET' : 'POST';

/** The path and query of a request (cheaper than `new URL` on the hot path: query parsed on demand). */
export interface RequestTarget {
  pathname: string;
  readonly searchParams: URLSearchParams;
}

export function requestTarget(raw: string): RequestTarget {
  const q = raw.indexOf('?');
  let params: URLSearchParams | null = null;
  return {
    pathname: q < 0 ? raw : raw.slice(0, q),
    get searchParams() {
      return (params ??= new URLSearchParams(q < 0 ? '' : raw.slice(q + 1)));
    },
  };
}
