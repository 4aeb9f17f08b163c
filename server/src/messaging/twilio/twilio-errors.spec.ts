import { describe, expect, it } from '@jest/globals';
import { ProviderError } from '../provider.js';
import { providerErrorOf } from './twilio-errors.js';

const rest = (status: number, code?: number, extra: object = {}) =>
  Object.assign(new Error(`refused ${code}`), { status, code, ...extra });

describe("Twilio's errors as what a send does next", () => {
  it('fails for good on a refusal or a code retrying cannot fix, and knows an unsubscribed number', () => {
    expect(providerErrorOf(rest(400, 21211))).toMatchObject({
      kind: 'permanent',
      code: 21211,
      optedOut: false,
    });
    expect(providerErrorOf(rest(400, 21610))).toMatchObject({
      kind: 'permanent',
      code: 21610,
      optedOut: true,
    });
    expect(providerErrorOf(rest(404))).toMatchObject({ kind: 'permanent', code: null });
    // A code in the permanent list is permanent whatever the HTTP status.
    expect(providerErrorOf(rest(503, 21614))).toMatchObject({ kind: 'permanent', code: 21614 });
  });

  it('waits as long as a 429 asks, and retries server and network failures', () => {
    expect(providerErrorOf(rest(429, undefined, { details: { retryAfterSeconds: 3 } }))).toMatchObject({
      kind: 'rate_limited',
      code: 20429,
      retryAfterMs: 3000,
    });
    expect(providerErrorOf(rest(429, 20429))).toMatchObject({ kind: 'rate_limited', retryAfterMs: 1000 });
    expect(providerErrorOf(rest(500))).toMatchObject({ kind: 'transient', code: null, answered: true });
    // No answer at all: the provider may still act on the request, so the send stays leased.
    expect(providerErrorOf(new Error('socket hang up'))).toMatchObject({
      kind: 'transient',
      code: null,
      answered: false,
    });
    const own = new ProviderError('not configured', 'transient');
    expect(providerErrorOf(own)).toBe(own);
  });
});
