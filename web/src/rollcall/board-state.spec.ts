import { describe, expect, it } from '@jest/globals';
import type { RollCallView } from '../contracts';
import { currentRollCall, lastRollCallSeq } from './board-state';

describe('the roll call board’s live state', () => {
  it('follows the newest roll call event only', () => {
    expect(
      lastRollCallSeq([
        { seq: 3, type: 'rollcall.opened' },
        { seq: 7, type: 'rollcall.counted' },
        { seq: 9, type: 'message' },
      ]),
    ).toBe(7);
    expect(lastRollCallSeq([{ seq: 2, type: 'message' }])).toBe(0);
  });

  it('shows the open roll call before any closed one', () => {
    const closed = { id: 'c', status: 'closed' } as RollCallView;
    const open = { id: 'o', status: 'open' } as RollCallView;
    expect(currentRollCall([closed, open])?.id).toBe('o');
    expect(currentRollCall([closed])?.id).toBe('c');
    expect(currentRollCall(undefined)).toBeUndefined();
  });
});
