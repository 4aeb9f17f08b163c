import { describe, expect, it } from '@jest/globals';
import {
  type LadderRecipient,
  type LadderTier,
  afterAcknowledgement,
  afterTierTimeout,
  FIRST_PART,
  fitQuorums,
  tierParts,
} from './ladder.js';

const tier = (index: number, quorum: number, repeats = 0): LadderTier => ({
  index,
  channels: ['sms', 'voice'],
  voiceDelaySeconds: 60,
  ackTimeoutSeconds: 300,
  quorum,
  repeats,
});
const r = (
  id: string,
  t: number,
  state: LadderRecipient['state'] = 'notified',
  unreachable = false,
): LadderRecipient => ({
  id,
  tier: t,
  state,
  unreachable,
});

describe('escalation ladder', () => {
  const tiers = [tier(0, 2, 1), tier(1, 2), tier(2, 1)];

  it('succeeds as soon as acknowledgements reach the current tier’s quorum', () => {
    const rs = [r('a', 0, 'acknowledged'), r('b', 0, 'notified')];
    expect(afterAcknowledgement({ tier: 0, round: 0 }, tiers, rs)).toEqual({ kind: 'wait' });
    rs[1]!.state = 'acknowledged';
    expect(afterAcknowledgement({ tier: 0, round: 0 }, tiers, rs)).toEqual({ kind: 'succeeded' });
  });

  it('repeats a tier for those who did not answer while repeats remain', () => {
    const rs = [r('a', 0, 'acknowledged'), r('b', 0), r('c', 0, 'declined'), r('d', 1, 'pending')];
    expect(afterTierTimeout({ tier: 0, round: 0 }, tiers, rs)).toEqual({
      kind: 'repeat',
      tier: 0,
      round: 1,
      recipientIds: ['b'],
    });
  });

  it('repeats a tier also for those whose first page has not gone out yet', () => {
    const rs = [r('a', 0, 'pending'), r('b', 0, 'notified'), r('c', 0, 'pending', true)];
    expect(afterTierTimeout({ tier: 0, round: 0 }, tiers, rs)).toEqual({
      kind: 'repeat',
      tier: 0,
      round: 1,
      recipientIds: ['a', 'b'],
    });
  });

  it('moves to the next tier when repeats are used up, counting earlier acknowledgements', () => {
    const rs = [r('a', 0, 'acknowledged'), r('b', 0), r('d', 1, 'pending'), r('e', 1, 'pending')];
    expect(afterTierTimeout({ tier: 0, round: 1 }, tiers, rs)).toEqual({
      kind: 'next_tier',
      tier: 1,
      recipientIds: ['d', 'e'],
    });
    rs[2]!.state = 'acknowledged';
    expect(afterAcknowledgement({ tier: 1, round: 0 }, tiers, rs)).toEqual({ kind: 'succeeded' });
  });

  it('does not count a decline or an unreachable person, and skips a tier with no one to page', () => {
    const rs = [
      r('a', 0, 'declined'),
      r('b', 0, 'exhausted', true),
      r('d', 1, 'pending', true),
      r('f', 2, 'pending'),
    ];
    expect(afterTierTimeout({ tier: 0, round: 1 }, tiers, rs)).toEqual({
      kind: 'next_tier',
      tier: 2,
      recipientIds: ['f'],
    });
  });

  it('is exhausted when the last tier times out short of its quorum', () => {
    expect(afterTierTimeout({ tier: 2, round: 0 }, tiers, [r('f', 2, 'declined')])).toEqual({
      kind: 'exhausted',
    });
  });

  it('does not repeat a tier when nobody is left to page in it', () => {
    const rs = [r('a', 0, 'declined'), r('d', 1, 'pending')];
    expect(afterTierTimeout({ tier: 0, round: 0 }, tiers, rs)).toEqual({
      kind: 'next_tier',
      tier: 1,
      recipientIds: ['d'],
    });
  });

  it('lowers a quorum to the people who can be paged up to the tier, keeping the policy’s number', () => {
    // A drill's roster left two of tier 0 (one of them made unreachable) and one of tier 1.
    const rs = [r('a', 0), r('b', 0, 'pending', true), r('c', 1)];
    const fitted = fitQuorums([tier(0, 6), tier(1, 6), tier(2, 1)], rs);
    expect(fitted.map((t) => [t.quorum, t.policyQuorum])).toEqual([
      [1, 6],
      [2, 6],
      [1, 1],
    ]);
    rs[0]!.state = 'acknowledged';
    expect(afterAcknowledgement({ tier: 0, round: 0 }, fitted, rs)).toEqual({ kind: 'succeeded' });
    // Fitting again changes nothing: the policy's number is the one fitted.
    expect(fitQuorums(fitted, rs)).toEqual(fitted);
  });
});

describe('the parts a tier is paged in', () => {
  const people = (n: number) => Array.from({ length: n }, (_, i) => i);

  it('pages a small first part, then whole parts, everyone once and in order', () => {
    const parts = tierParts(people(10_600), 5000);
    expect(parts.map((p) => p.length)).toEqual([FIRST_PART, 5000, 5000, 100]);
    expect(parts.flat()).toEqual(people(10_600));
  });

  it('keeps parts smaller than the first part as they are', () => {
    expect(tierParts(people(60), 25).map((p) => p.length)).toEqual([25, 25, 10]);
  });

  it('pages a tier that fits in the first part in one part', () => {
    expect(tierParts(people(FIRST_PART), 5000)).toEqual([people(FIRST_PART)]);
  });

  it('keeps one empty part for a tier with nobody to text, for its calls and timers', () => {
    expect(tierParts([], 5000)).toEqual([[]]);
  });
});
