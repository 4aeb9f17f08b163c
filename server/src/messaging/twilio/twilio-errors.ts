import { ProviderError } from '../provider.js';

/** Twilio errors that retrying cannot fix: invalid number, not a mobile, unsubscribed (STOP). */
export const PERMANENT_CODES: ReadonlySet<number> = new Set([
  21211, 21214, 21217, 21219, 21408, 21610, 21612, 21614,
]);
/** The number answered STOP: Twilio refuses to text it until it says START. */
export const UNSUBSCRIBED = 21610;

/**
 * A failure of the SDK as what the send does next: 429 waits as long as Twilio asks (Retry-After,
 * copied into `details` by the request client), 5xx and network failures are retried, any other
 * answer is permanent, and so is every code in PERMANENT_CODES.
 */
export function providerErrorOf(e: unknown): ProviderError {
  if (e instanceof ProviderError) return e;
  const err = e as { status?: number; code?: number; message?: string };
  if (typeof err.status !== 'number')
    return new ProviderError(err.message ?? String(e), 'transient', null, null, false, false);
  const { status } = err;
  const code = err.code ?? null;
  const message =
    err.message ??
    (status === 429
      ? 'rate limited'
      : status >= 500
        ? `provider error ${status}`
        : `provider refused (${status})`);
  if (code !== null && PERMANENT_CODES.has(code)) return permanent(message, code);
  if (status === 429) {
    const retryAfter = Number(
      (err as { details?: { retryAfterSeconds?: number } }).details?.retryAfterSeconds,
    );
    const waitMs = Number.isFinite(retryAfter) ? retryAfter * 1000 : 1000;
    return new ProviderError(message, 'rate_limited', code ?? 20429, waitMs);
  }
  if (status >= 500) return new ProviderError(message, 'transient', code);
  return permanent(message, code);
}

function permanent(message: string, code: number | null): ProviderError {
  return new ProviderError(message, 'permanent', code, null, code === UNSUBSCRIBED);
}
