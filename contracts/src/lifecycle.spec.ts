import { describe, expect, it } from '@jest/globals';
import { checkTransition } from './lifecycle.js';

describe('incident lifecycle', () => {
  it.each([
    ['reported', 'verified'],
    ['verified', 'responding'],
    ['reported', 'responding'],
    ['responding', 'contained'],
    ['contained', 'closed'],
    ['contained', 'responding'],
  ] as const)('allows %s → %s', (from, to) => {
    expect(checkTransition(from, to)).toEqual({ ok: true });
  });

  it.each([
    ['verified', 'reported'],
    ['responding', 'verified'],
    ['closed', 'contained'],
    ['responding', 'responding'],
  ] as const)('refuses %s → %s', (from, to) => {
    expect(checkTransition(from, to).ok).toBe(false);
  });

  it('reopens a closed incident only with a reason', () => {
    expect(checkTransition('closed', 'responding')).toEqual({
      ok: false,
      reason: 'reason: required to reopen a closed incident',
    });
    expect(checkTransition('closed', 'responding', '  ')).toMatchObject({ ok: false });
    expect(checkTransition('closed', 'responding', 'gas detected again')).toEqual({ ok: true });
  });
});
