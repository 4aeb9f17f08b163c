import { describe, expect, it } from '@jest/globals';
import { isEndStatus, isSettled, statusesKeptAgainst, takesStatus } from './delivery-status.js';

describe('delivery status order', () => {
  it.each([
    ['sending', 'queued'],
    ['queued', 'sent'],
    ['sent', 'delivered'],
    ['sent', 'undelivered'],
    ['queued', 'failed'],
    ['initiated', 'ringing'],
    ['ringing', 'in-progress'],
    ['in-progress', 'completed'],
    ['queued', 'accepted'],
  ])('a row in %s takes %s', (current, incoming) => {
    expect(takesStatus(current, incoming)).toBe(true);
  });

  it.each([
    ['delivered', 'sent'],
    ['sent', 'queued'],
    ['queued', 'queued'],
    ['completed', 'ringing'],
    // The first end state stands: a late contradiction does not move the row.
    ['delivered', 'failed'],
    ['delivered', 'undelivered'],
    ['failed', 'delivered'],
    ['completed', 'no-answer'],
  ])('a row in %s keeps it against %s', (current, incoming) => {
    expect(takesStatus(current, incoming)).toBe(false);
  });

  it('lets an end state repeat, so that what follows from it is not lost', () => {
    expect(takesStatus('failed', 'failed')).toBe(true);
    expect(takesStatus('undelivered', 'undelivered')).toBe(true);
  });

  it('treats a status it does not know as the very start', () => {
    expect(takesStatus('delivered', 'read')).toBe(false);
    expect(takesStatus('read', 'delivered')).toBe(true);
  });

  it('lists what a row keeps for the conditional update', () => {
    expect(statusesKeptAgainst('failed')).toEqual(
      expect.arrayContaining(['delivered', 'undelivered', 'completed', 'busy', 'no-answer', 'canceled']),
    );
    expect(statusesKeptAgainst('failed')).not.toContain('failed');
    expect(statusesKeptAgainst('failed')).not.toContain('sent');
    expect(statusesKeptAgainst('queued')).toEqual(
      expect.arrayContaining(['queued', 'sent', 'delivered', 'failed']),
    );
    expect(isEndStatus('delivered')).toBe(true);
    expect(isEndStatus('sent')).toBe(false);
  });

  it('counts a send settled once the provider took it or it was skipped', () => {
    for (const s of ['accepted', 'queued', 'initiated', 'sent', 'ringing', 'in-progress', 'delivered'])
      expect(isSettled(s)).toBe(true);
    for (const s of ['completed', 'failed', 'undelivered', 'busy', 'no-answer', 'canceled', 'skipped'])
      expect(isSettled(s)).toBe(true);
    for (const s of ['pending', 'sending', 'unknown']) expect(isSettled(s)).toBe(false);
  });
});
