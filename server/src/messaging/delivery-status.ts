/**
 * Muster's own delivery states: the values `callout_delivery.status` and `notification_sms.status`
 * hold and the board shows. A provider translates its statuses into these at its boundary
 * (`twilio/twilio-statuses.ts`); nothing past it reads a provider's words.
 *
 * - `pending`: the row exists, nothing has been sent. `sending`: Muster's request to the provider
 *   is (or was, when interrupted) under way. `skipped`: not sent, nothing left to send it for.
 * - The provider took it: `accepted`, `queued`; a call `initiated`, `ringing`, `in-progress`.
 * - It left the provider: `sent`. Its end: `delivered`, `undelivered`, `failed`, `canceled`; a
 *   call's `completed`, `busy`, `no-answer`.
 */
export type DeliveryStatus =
  | 'pending'
  | 'sending'
  | 'skipped'
  | 'accepted'
  | 'queued'
  | 'initiated'
  | 'sent'
  | 'ringing'
  | 'in-progress'
  | 'delivered'
  | 'completed'
  | 'failed'
  | 'undelivered'
  | 'busy'
  | 'no-answer'
  | 'canceled';

/**
 * Where a status stands in the life of a text or a call: one order for call-out deliveries and
 * notification texts alike. Status callbacks come late, twice and out of order (three per message,
 * racing the send's own answer), so a row takes a status only when it moves forwards. Every end
 * state ranks the same, so the first one recorded stands. A status recorded by an older version
 * and not listed here ranks as the very start.
 */
const RANK: Readonly<Record<DeliveryStatus, number>> = {
  pending: 0,
  skipped: 0,
  sending: 1,
  accepted: 2,
  queued: 2,
  initiated: 2,
  sent: 3,
  ringing: 3,
  'in-progress': 4,
  delivered: 5,
  completed: 5,
  failed: 5,
  undelivered: 5,
  busy: 5,
  'no-answer': 5,
  canceled: 5,
};

const TAKEN = RANK.accepted;
const END = 5;

const rankOf = (status: string): number => RANK[status as DeliveryStatus] ?? 0;

export function isEndStatus(status: string): boolean {
  return rankOf(status) === END;
}

/**
 * Whether a send is done, whatever happens to the job that made it: the provider took it (or
 * answered for it), or it was skipped. `pending` and `sending` are still to be sent.
 */
export function isSettled(status: string): boolean {
  return status === 'skipped' || rankOf(status) >= TAKEN;
}

/**
 * Whether a row in status `current` takes `incoming`. Forwards only; a repeat changes nothing,
 * except an end state: whoever recorded it first (the send's own answer) may not have drawn its
 * consequence (the call that follows a failed SMS). Another end state does not replace the one
 * recorded: a `failed` that arrives after `delivered` must neither undo what the phone showed nor
 * set off a call.
 */
export function takesStatus(current: string, incoming: string): boolean {
  const from = rankOf(current);
  const to = rankOf(incoming);
  if (to !== from) return to > from;
  if (to === END) return incoming === current;
  return incoming !== current;
}

/** The statuses a row keeps against `incoming`, for a conditional UPDATE. */
export function statusesKeptAgainst(incoming: string): string[] {
  return Object.keys(RANK).filter((current) => !takesStatus(current, incoming));
}
