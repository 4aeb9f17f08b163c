import type {
  AnswerChannel,
  CalloutChannel,
  CalloutRecipientView,
  CalloutView,
  MessagingProviderName,
  PageFailure,
  RoomEventPayload,
  TypedRoomEvent,
} from '../../contracts';

/**
 * Pure bookkeeping of the call-out board: how room events change the cached call-outs, and
 * what each recipient's row shows. A call-out of thousands pages thousands of people, so a
 * recipient's answer is applied from its event rather than by fetching the whole call-out again.
 */

/** A recipient as the board holds it: the server's view plus what live events said since. */
export type BoardRecipient = CalloutRecipientView & {
  /** The channel the latest event reported a page on (a call follows an unanswered SMS). */
  liveChannel?: CalloutChannel;
  /** A page that failed, as an event reported it since the call-out was fetched. */
  liveFailure?: PageFailure;
};

export type BoardCallout = Omit<CalloutView, 'recipients'> & { recipients: BoardRecipient[] };

/** What a row shows: the recipient's state, with an unreachable number or a failed page named. */
export type RecipientDisplayState =
  'pending' | 'notified' | 'acknowledged' | 'declined' | 'exhausted' | 'unreachable' | 'failed';

const FAILED_DELIVERY = new Set(['failed', 'undelivered', 'busy', 'no-answer', 'canceled']);

export function displayState(r: BoardRecipient): RecipientDisplayState {
  if (r.state === 'acknowledged' || r.state === 'declined') return r.state;
  if (r.unreachable) return 'unreachable';
  const last = r.deliveries.at(-1);
  if (r.state === 'notified' && last && FAILED_DELIVERY.has(last.status)) return 'failed';
  return r.state;
}

/**
 * The latest page to this person that did not get through, and why: a refused number or an
 * undelivered SMS stays visible while the call that follows it is under way.
 */
export function pageFailure(r: BoardRecipient): PageFailure | null {
  if (r.liveFailure) return r.liveFailure;
  const d = r.deliveries.findLast((x) => FAILED_DELIVERY.has(x.status) && x.status !== 'canceled');
  return d ? { channel: d.channel, code: d.errorCode, status: d.status } : null;
}

const NOT_REACHED = new Set(['pending', 'sending', 'skipped', ...FAILED_DELIVERY]);

/** The providers whose pages reached this person (the provider took them and did not fail them). */
export function reachedBy(r: BoardRecipient): MessagingProviderName[] {
  const names = r.deliveries.filter((d) => d.provider && !NOT_REACHED.has(d.status)).map((d) => d.provider!);
  return [...new Set(names)];
}

/** The channel a row names: how they answered, or how they are being paged now. */
export function displayChannel(r: BoardRecipient): AnswerChannel | null {
  if (r.responseChannel) return r.responseChannel;
  return r.liveChannel ?? r.deliveries.at(-1)?.channel ?? null;
}

/** Seconds since the first page while no answer has come; the answer's delay once it has. */
export function secondsWaiting(r: BoardRecipient, nowMs: number): number | null {
  if (r.secondsToRespond !== null) return r.secondsToRespond;
  if (!r.notifiedAt || r.state !== 'notified') return null;
  return Math.max(0, Math.round((nowMs - Date.parse(r.notifiedAt)) / 1000));
}

type RecipientEvent = RoomEventPayload<'callout.recipient_updated'>;

/** The events after which only a fresh copy of the call-out is right (a tier paged, an end). */
export function needsRefetch(events: readonly TypedRoomEvent[]): boolean {
  return events.some((e) => e.type.startsWith('callout.') && e.type !== 'callout.recipient_updated');
}

function applyToRecipient(r: BoardRecipient, p: RecipientEvent, at: string): BoardRecipient {
  const next: BoardRecipient = { ...r };
  if (p.state) next.state = p.state;
  if (p.unreachable) next.unreachable = true;
  if (p.error) next.lastError = p.error;
  if (p.failure) next.liveFailure = p.failure;
  if (p.state === 'acknowledged' || p.state === 'declined') {
    next.respondedAt ??= at;
    if (p.channel) next.responseChannel = p.channel;
    if (typeof p.secondsToRespond === 'number') next.secondsToRespond = p.secondsToRespond;
  } else if (p.channel === 'sms' || p.channel === 'voice') {
    next.liveChannel = p.channel;
  }
  return next;
}

/** The call-outs after the given events; recipients the events name are updated in place. */
export function applyCalloutEvents(
  callouts: readonly BoardCallout[] | undefined,
  events: readonly TypedRoomEvent[],
): BoardCallout[] | undefined {
  if (!callouts) return undefined;
  let next = callouts as BoardCallout[];
  for (const e of events) {
    if (e.type !== 'callout.recipient_updated') continue;
    const p = e.payload;
    const ci = next.findIndex((c) => c.id === p.calloutId);
    if (ci < 0) continue;
    const callout = next[ci]!;
    const ri = callout.recipients.findIndex((r) => r.id === p.recipientId);
    if (ri < 0) continue;
    const recipients = [...callout.recipients];
    const before = recipients[ri]!;
    recipients[ri] = applyToRecipient(before, p, e.at);
    const acknowledged =
      callout.acknowledged +
      (recipients[ri]!.state === 'acknowledged' ? 1 : 0) -
      (before.state === 'acknowledged' ? 1 : 0);
    next = [...next];
    next[ci] = { ...callout, recipients, acknowledged };
  }
  return next;
}

/** Per state, how many recipients of a call-out are in it (the board's summary line). */
export function stateCounts(c: BoardCallout): Partial<Record<RecipientDisplayState, number>> {
  const out: Partial<Record<RecipientDisplayState, number>> = {};
  for (const r of c.recipients) {
    const s = displayState(r);
    out[s] = (out[s] ?? 0) + 1;
  }
  return out;
}

/**
 * Whether an open call-out still has people whose page the provider has not taken yet. They turn
 * notified without a room event (a fan-out to thousands would flood the timeline), so while any
 * are left the board asks for the call-outs again.
 */
export function awaitingProvider(list: readonly BoardCallout[] | undefined): boolean {
  return (list ?? []).some(
    (c) => c.status === 'active' && c.recipients.some((r) => r.state === 'pending' && !r.unreachable),
  );
}

/**
 * The acknowledgements the current tier waits for, and the policy's number when that had to be
 * lowered to the people who can be paged (a drill's roster, people out of reach): the board
 * says so, so that "0 / 3 (6 needed)" cannot appear.
 */
export function currentQuorum(c: BoardCallout): { quorum: number; policyQuorum: number | null } {
  const tier = c.tiers[c.currentTier];
  const quorum = tier?.quorum ?? 0;
  const policyQuorum = tier?.policyQuorum ?? quorum;
  return { quorum, policyQuorum: policyQuorum > quorum ? policyQuorum : null };
}
