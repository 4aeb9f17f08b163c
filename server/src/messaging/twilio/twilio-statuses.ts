import { PG_INT_MAX } from '../../common/sql.js';
import type { DeliveryStatus } from '../delivery-status.js';
import type { DeliveryReport, WebhookParams } from '../provider.js';

/**
 * Twilio's message and call statuses as Muster's delivery states. Most carry over by name; Twilio's
 * `sending` (it is handing the text to the carrier) is not Muster's `sending` (Muster's own request
 * under way), so it counts as queued; `scheduled` is accepted for later and `read` implies
 * delivered. The others (`receiving`, `received`: incoming texts; `partially_delivered`) are not
 * followed.
 */
const STATUS: Readonly<Record<string, DeliveryStatus>> = {
  accepted: 'accepted',
  scheduled: 'accepted',
  queued: 'queued',
  sending: 'queued',
  sent: 'sent',
  delivered: 'delivered',
  read: 'delivered',
  undelivered: 'undelivered',
  failed: 'failed',
  canceled: 'canceled',
  initiated: 'initiated',
  ringing: 'ringing',
  'in-progress': 'in-progress',
  completed: 'completed',
  busy: 'busy',
  'no-answer': 'no-answer',
};

/** A Twilio status as a delivery state, or null for one Muster does not follow. */
export function deliveryStatusOf(twilioStatus: string | undefined): DeliveryStatus | null {
  return (twilioStatus && Object.hasOwn(STATUS, twilioStatus) && STATUS[twilioStatus]) || null;
}

/**
 * Twilio's webhooks are signed, but a signed request can still carry parameters that do not fit
 * the columns they are written to: the error code is read with care, so that the database never
 * sees one it would refuse (and the provider would get a 500).
 */
export function errorCodeOf(v: string | undefined): number | null {
  const n = Number(v);
  return v && Number.isInteger(n) && n >= 0 && n <= PG_INT_MAX ? n : null;
}

/**
 * A status callback: a message's (`MessageStatus`, or the older `SmsStatus`) or a call's
 * (`CallStatus`); null when it carries neither.
 */
export function parseStatusCallback(p: WebhookParams): DeliveryReport | null {
  const messageStatus = p.MessageStatus ?? p.SmsStatus;
  const raw = messageStatus ?? p.CallStatus;
  if (!raw) return null;
  return {
    channel: messageStatus ? 'sms' : 'voice',
    status: deliveryStatusOf(raw),
    sid: p.MessageSid ?? p.CallSid ?? null,
    errorCode: errorCodeOf(p.ErrorCode),
  };
}
