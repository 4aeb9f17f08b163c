/**
 * Tencent Cloud API 3.0's request signature, TC3-HMAC-SHA256, checked as the real service checks
 * it: the canonical request (method, path, query, the signed headers `content-type` and `host`,
 * the SHA-256 of the body) signed with a key derived from the secret key, the date and the
 * service. A request signed with another key, or a changed body, is refused.
 */
import { createHash, createHmac, timingSafeEqual } from 'node:crypto';

export type Tc3Failure =
  | 'AuthFailure.SecretIdNotFound'
  | 'AuthFailure.SignatureFailure'
  | 'AuthFailure.SignatureExpire'
  | 'AuthFailure.InvalidAuthorization';

/** How far a request's X-TC-Timestamp may be from now (the service allows five minutes). */
const MAX_SKEW_SECONDS = 300;

const sha256Hex = (data: string | Buffer): string => createHash('sha256').update(data).digest('hex');
const hmac = (key: string | Buffer, data: string): Buffer => createHmac('sha256', key).update(data).digest();

export interface SignedRequest {
  method: string;
  /** Path and query, as received. */
  target: string;
  headers: Record<string, string | string[] | undefined>;
  body: Buffer;
}

const header = (h: SignedRequest['headers'], name: string): string => {
  const v = h[name.toLowerCase()];
  return Array.isArray(v) ? (v[0] ?? '') : (v ?? '');
};

/** The signature of a request (what a client computes), for the emulator's own tests. */
export function tc3Signature(
  req: SignedRequest,
  secretKey: string,
  service: string,
  timestamp: number,
): string {
  const url = new URL(req.target, 'http://x');
  const host = header(req.headers, 'host').replace(/:\d+$/, '');
  const canonical = [
    req.method.toUpperCase(),
    url.pathname,
    url.search.slice(1),
    `content-type:${header(req.headers, 'content-type')}\nhost:${host}\n`,
    'content-type;host',
    sha256Hex(req.body),
  ].join('\n');
  const date = new Date(timestamp * 1000).toISOString().slice(0, 10);
  const toSign = [
    'TC3-HMAC-SHA256',
    String(timestamp),
    `${date}/${service}/tc3_request`,
    sha256Hex(canonical),
  ].join('\n');
  const kDate = hmac(`TC3${secretKey}`, date);
  const kSigning = hmac(hmac(kDate, service), 'tc3_request');
  return createHmac('sha256', kSigning).update(toSign).digest('hex');
}

/** Null when the request is signed with the secret key of its SecretId, else why not. */
export function verifyTc3(
  req: SignedRequest,
  secretKeyOf: (secretId: string) => string | undefined,
  now = Date.now(),
): Tc3Failure | null {
  const auth = header(req.headers, 'authorization');
  const m =
    /^TC3-HMAC-SHA256 Credential=([^/]+)\/(\d{4}-\d{2}-\d{2})\/([^/]+)\/tc3_request, SignedHeaders=([^,]+), Signature=([0-9a-f]{64})$/.exec(
      auth,
    );
  if (!m) return 'AuthFailure.InvalidAuthorization';
  const [, secretId, date, service, signedHeaders, signature] = m as unknown as string[];
  if (signedHeaders !== 'content-type;host') return 'AuthFailure.InvalidAuthorization';
  const secretKey = secretKeyOf(secretId!);
  if (!secretKey) return 'AuthFailure.SecretIdNotFound';
  const timestamp = Number(header(req.headers, 'x-tc-timestamp'));
  if (!Number.isInteger(timestamp) || Math.abs(now / 1000 - timestamp) > MAX_SKEW_SECONDS)
    return 'AuthFailure.SignatureExpire';
  if (new Date(timestamp * 1000).toISOString().slice(0, 10) !== date) return 'AuthFailure.SignatureFailure';
  const expected = Buffer.from(tc3Signature(req, secretKey, service!, timestamp));
  const given = Buffer.from(signature!);
  return expected.length === given.length && timingSafeEqual(expected, given)
    ? null
    : 'AuthFailure.SignatureFailure';
}
