import http from 'node:http';
import https from 'node:https';

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
 * over keep-alive connections of its own (closed by `close()`).
 */
export class WebhookSender {
  private readonly httpAgent: http.Agent;
  private readonly httpsAgent: https.Agent;

  constructor(maxSockets = 64) {
    this.httpAgent = new http.Agent({ keepAlive: true, maxSockets });
    this.httpsAgent = new https.Agent({ keepAlive: true, maxSockets });
  }

  send(
    url: string,
    method: 'GET' | 'POST',
    params: Record<string, string>,
    timeoutMs: number,
    /** Signs (full URL, POST parameters) into the `X-Twilio-Signature` header. */
    sign?: (url: string, params: Record<string, string>) => string,
  ): Promise<OutboundResponse> {
    return new Promise((resolve, reject) => {
      let target: URL;
      try {
        target = new URL(url);
      } catch {
        reject(new Error(`invalid URL ${url}`));
        return;
      }
      const form = new URLSearchParams(params).toString();
      if (method === 'GET') {
        target.search = target.search ? `${target.search}&${form}` : `?${form}`;
      }
      const headers: Record<string, string> = {};
      if (sign) {
        headers['X-Twilio-Signature'] = method === 'GET' ? sign(target.toString(), {}) : sign(url, params);
      }
      const secure = target.protocol === 'https:';
      const body = method === 'POST' ? Buffer.from(form) : undefined;
      const req = (secure ? https : http).request(
        target,
        {
          method,
          agent: secure ? this.httpsAgent : this.httpAgent,
          headers: {
            'User-Agent': 'TwilioProxy/1.1',
            Accept: '*/*',
            ...(body
              ? { 'Content-Type': 'application/x-www-form-urlencoded', 'Content-Length': String(body.length) }
              : {}),
            ...headers,
          },
          timeout: timeoutMs,
        },
        (res) => {
          const chunks: Buffer[] = [];
          let size = 0;
          res.on('data', (c: Buffer) => {
            size += c.length;
            if (size <= MAX_BODY_BYTES) chunks.push(c);
          });
          res.on('end', () =>
            resolve({
              status: res.statusCode ?? 0,
              contentType: String(res.headers['content-type'] ?? ''),
              body: Buffer.concat(chunks).toString('utf8'),
            }),
          );
          res.on('error', reject);
        },
      );
      req.on('timeout', () => req.destroy(new Error(`timed out after ${timeoutMs} ms`)));
      req.on('error', reject);
      req.end(body);
    });
  }

  close(): void {
    this.httpAgent.destroy();
    this.httpsAgent.destroy();
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
