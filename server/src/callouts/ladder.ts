import type { RecipientStateValue } from '@muster/contracts';
/**
 * The escalation ladder as pure decisions, so the rules can be tested without clocks or queues.
 * The engine asks two questions: after an acknowledgement, is the call-out done? After a tier's
 * acknowledgement timeout, what next — wait, page the tier again, page the next tier, or give up?
 */
export type Channel = 'sms' | 'voice';

export interface LadderTier {
  index: number;
  channels: Channel[];
  voiceDelaySeconds: number;
  ackTimeoutSeconds: number;
  quorum: number;
  /** The policy's quorum, kept when `quorum` had to be lowered to the people there are (fitQuorums). */
  policyQuorum?: number;
  repeats: number;
}

export type RecipientState = RecipientStateValue;

export interface LadderRecipient {
  id: string;
  tier: number;
  state: RecipientState;
  /** No channel can reach this person (invalid number, unsubscribed, every send failed). */
  unreachable?: boolean;
}

export interface LadderPosition {
  tier: number;
  round: number;
}

export type LadderDecision =
  | { kind: 'succeeded' }
  | { kind: 'wait' }
  | { kind: 'repeat'; tier: number; round: number; recipientIds: string[] }
  | { kind: 'next_tier'; tier: number; recipientIds: string[] }
  | { kind: 'exhausted' };

export function acknowledgements(recipients: LadderRecipient[]): number {
  return recipients.filter((r) => r.state === 'acknowledged').length;
}

/** Quorum counts every acknowledgement of the call-out, including late ones from earlier tiers. */
export function quorumMet(tier: LadderTier, recipients: LadderRecipient[]): boolean {
  return acknowledgements(recipients) >= tier.quorum;
}

/** Who can still be paged: not yet answered either way and not known to be unreachable. */
function pageable(r: LadderRecipient): boolean {
  return (r.state === 'pending' || r.state === 'notified') && !r.unreachable;
}

export function afterAcknowledgement(
  position: LadderPosition,
  tiers: LadderTier[],
  recipients: LadderRecipient[],
): LadderDecision {
  const tier = tiers[position.tier];
  return tier && quorumMet(tier, recipients) ? { kind: 'succeeded' } : { kind: 'wait' };
}

/**
 * The tier's time is up without its quorum: page those of the tier who have not answered again
 * while repeats remain, then move to the first later tier with anyone to page; when none is
 * left, the ladder is exhausted.
 */
export function afterTierTimeout(
  position: LadderPosition,
  tiers: LadderTier[],
  recipients: LadderRecipient[],
): LadderDecision {
  const tier = tiers[position.tier];
  if (!tier) return { kind: 'exhausted' };
  if (quorumMet(tier, recipients)) return { kind: 'succeeded' };
  if (position.round < tier.repeats) {
    // Those not yet shown notified are paged again too: their page may not have gone out yet.
    const again = recipients.filter((r) => r.tier === tier.index && pageable(r));
    if (again.length)
      return {
        kind: 'repeat',
        tier: tier.index,
        round: position.round + 1,
        recipientIds: again.map((r) => r.id),
      };
  }
  for (let next = position.tier + 1; next < tiers.length; next++) {
    const ids = recipients.filter((r) => r.tier === tiers[next]!.index && pageable(r)).map((r) => r.id);
    if (ids.length) return { kind: 'next_tier', tier: next, recipientIds: ids };
  }
  return { kind: 'exhausted' };
}

/** A tier whose every recipient is unreachable cannot wait out its timeout usefully. */
export function tierHasAnyoneToPage(tier: LadderTier, recipients: LadderRecipient[]): boolean {
  return recipients.some((r) => r.tier === tier.index && pageable(r));
}

/**
 * A quorum larger than the people who can be paged can never be met: a drill's roster or its
 * unreachable people may leave a tier short of the policy's number. Since acknowledgements of
 * earlier tiers count too, each tier's quorum becomes at most the people who can be paged in it
 * and the tiers before it; the policy's number is kept beside it for the board to show.
 */
export function fitQuorums(
  tiers: LadderTier[],
  recipients: Pick<LadderRecipient, 'tier' | 'unreachable'>[],
): LadderTier[] {
  return tiers.map((t) => {
    const policyQuorum = t.policyQuorum ?? t.quorum;
    const reachable = recipients.filter((r) => r.tier <= t.index && !r.unreachable).length;
    return { ...t, quorum: Math.max(1, Math.min(policyQuorum, reachable)), policyQuorum };
  });
}

/**
 * At most this many people in a tier's first part: its texts are relayed once it commits, and
 * writing a whole part of thousands first held them back by a few hundred milliseconds.
 */
export const FIRST_PART = 500;

/**
 * A tier's texted people in the parts it is paged in, in order: the first of at most `FIRST_PART`,
 * the rest `size` at a time. A tier with nobody to text still has its one (empty) part, which
 * queues its calls and timers.
 */
export function tierParts<T>(texted: readonly T[], size: number): T[][] {
  const first = Math.min(size, FIRST_PART);
  const parts = [texted.slice(0, first)];
  for (let i = first; i < texted.length; i += size) parts.push(texted.slice(i, i + size));
  return parts;
}
