import { describe, expect, it } from '@jest/globals';
import { CircuitBreaker } from './circuit-breaker.js';

const breaker = () => new CircuitBreaker({ failures: 3, windowMs: 10_000, openMs: 30_000 });

describe('the circuit breaker of a provider', () => {
  it('opens at the threshold of failures within the window, not for failures spread wider', () => {
    const b = breaker();
    b.failedOnce(0, 'x');
    b.failedOnce(5_000, 'x');
    b.failedOnce(12_000, 'x'); // the first has left the window
    expect(b.allows(12_000)).toBe(true);
    b.failedOnce(13_000, 'busy');
    expect(b.allows(13_000)).toBe(false);
    expect(b.snapshot(13_000)).toMatchObject({ state: 'open', lastFailure: 'busy', failed: 4 });
  });

  it('lets one probe through after the open period: its success closes, its failure opens again', () => {
    const b = breaker();
    for (const t of [0, 1, 2]) b.failedOnce(t, 'x');
    expect(b.allows(29_000)).toBe(false);
    expect(b.allows(32_002)).toBe(true);
    expect(b.allows(32_003)).toBe(false); // one probe at a time
    b.failedOnce(33_000, 'still down');
    expect(b.allows(40_000)).toBe(false);
    expect(b.allows(63_000)).toBe(true);
    b.succeeded();
    expect(b.allows(63_001)).toBe(true);
    expect(b.snapshot(63_001).state).toBe('closed');
  });
});
