import { randomUUID } from 'node:crypto';

export const API_VERSION = '2010-04-01';

export type MessageStatus =
  'accepted' | 'queued' | 'sending' | 'sent' | 'delivered' | 'undelivered' | 'failed' | 'received';

export type CallStatus =
  'queued' | 'ringing' | 'in-progress' | 'completed' | 'busy' | 'no-answer' | 'failed' | 'canceled';

export const FINAL_CALL_STATUSES: ReadonlySet<CallStatus> = new Set([
  'completed',
  'busy',
  'no-answer',
  'failed',
  'canceled',
]);

export type PhoneBehaviour = 'normal' | 'landline' | 'unreachable' | 'undelivered' | 'no-answer' | 'busy';
export const PHONE_BEHAVIOURS: readonly PhoneBehaviour[] = [
  'normal',
  'landline',
  'unreachable',
  'undelivered',
  'no-answer',
  'busy',
];

export interface Message {
  seq: number;
  sid: string;
  accountSid: string;
  to: string;
  from: string | null;
  body: string;
  status: MessageStatus;
  /** `outbound-reply`: sent by the TwiML answer to an inbound message. */
  direction: 'outbound-api' | 'outbound-reply' | 'inbound';
  numSegments: number;
  messagingServiceSid: string | null;
  statusCallback: string | null;
  dateCreated: Date;
  dateUpdated: Date;
  dateSent: Date | null;
  errorCode: number | null;
  errorMessage: string | null;
  price: string | null;
}

export type TranscriptEntry =
  | { at: string; type: 'say'; text: string; language: string; voice: string | null }
  | { at: string; type: 'play'; url: string }
  | { at: string; type: 'pause'; seconds: number }
  | {
      at: string;
      type: 'gather';
      action: string;
      numDigits: number | null;
      timeoutSeconds: number;
      result: 'digits' | 'timeout' | 'pending' | 'hangup';
      digits?: string;
    }
  | { at: string; type: 'digits'; digits: string }
  | { at: string; type: 'redirect'; url: string }
  | { at: string; type: 'fetch'; url: string; method: string; status: number }
  | { at: string; type: 'hangup'; by: 'twiml' | 'api' | 'phone' | 'end-of-document' }
  | { at: string; type: 'unsupported'; verb: string }
  | { at: string; type: 'error'; code: number; message: string };

export interface Call {
  seq: number;
  sid: string;
  accountSid: string;
  to: string;
  from: string;
  status: CallStatus;
  direction: 'outbound-api' | 'inbound';
  url: string | null;
  method: 'GET' | 'POST';
  twiml: string | null;
  statusCallback: string | null;
  statusCallbackMethod: 'GET' | 'POST';
  statusCallbackEvents: Set<string>;
  timeoutSeconds: number;
  dateCreated: Date;
  dateUpdated: Date;
  startTime: Date | null;
  endTime: Date | null;
  answeredBy: null;
  price: string | null;
  transcript: TranscriptEntry[];
  /** Every key pressed, in order. */
  digits: string;
  /** The Gather the call is waiting in, if any. */
  gather: { action: string; numDigits: number | null; finishOnKey: string } | null;
  callbackSeq: number;
}

export function newSid(prefix: 'SM' | 'CA' | 'MM'): string {
  // randomUUID draws from a cached entropy pool: far cheaper per call than randomBytes(16).
  return prefix + randomUUID().replace(/-/g, '');
}

/** RFC 2822, as Twilio writes dates: `Thu, 30 Jul 2015 20:12:31 +0000`. */
let lastSecond = -1;
let lastText = '';
export function rfc2822(d: Date | null): string | null {
  if (!d) return null;
  const second = Math.floor(d.getTime() / 1000);
  if (second !== lastSecond) {
    lastSecond = second;
    lastText = d.toUTCString().replace(/GMT$/, '+0000');
  }
  return lastText;
}

export const accountUri = (accountSid: string): string => `/${API_VERSION}/Accounts/${accountSid}`;

export function messageJson(m: Message): Record<string, unknown> {
  const uri = `${accountUri(m.accountSid)}/Messages/${m.sid}`;
  return {
    account_sid: m.accountSid,
    api_version: API_VERSION,
    body: m.body,
    date_created: rfc2822(m.dateCreated),
    date_sent: rfc2822(m.dateSent),
    date_updated: rfc2822(m.dateUpdated),
    direction: m.direction,
    error_code: m.errorCode,
    error_message: m.errorMessage,
    from: m.from,
    messaging_service_sid: m.messagingServiceSid,
    num_media: '0',
    num_segments: String(m.numSegments),
    price: m.price,
    price_unit: 'USD',
    sid: m.sid,
    status: m.status,
    subresource_uris: { media: `${uri}/Media.json`, feedback: `${uri}/Feedback.json` },
    to: m.to,
    uri: `${uri}.json`,
  };
}

export function callJson(c: Call): Record<string, unknown> {
  const uri = `${accountUri(c.accountSid)}/Calls/${c.sid}`;
  const duration =
    c.startTime && c.endTime ? String(Math.max(0, Math.round((+c.endTime - +c.startTime) / 1000))) : null;
  return {
    account_sid: c.accountSid,
    annotation: null,
    answered_by: c.answeredBy,
    api_version: API_VERSION,
    caller_name: null,
    date_created: rfc2822(c.dateCreated),
    date_updated: rfc2822(c.dateUpdated),
    direction: c.direction,
    duration,
    end_time: rfc2822(c.endTime),
    forwarded_from: null,
    from: c.from,
    from_formatted: c.from,
    group_sid: null,
    parent_call_sid: null,
    phone_number_sid: null,
    price: c.price,
    price_unit: 'USD',
    queue_time: '0',
    sid: c.sid,
    start_time: rfc2822(c.startTime),
    status: c.status,
    subresource_uris: {
      notifications: `${uri}/Notifications.json`,
      recordings: `${uri}/Recordings.json`,
      events: `${uri}/Events.json`,
    },
    to: c.to,
    to_formatted: c.to,
    trunk_sid: null,
    uri: `${uri}.json`,
  };
}

/** The inspection API's view of a call: Twilio's resource plus what was said and pressed. */
export function callInspection(c: Call): Record<string, unknown> {
  return {
    ...callJson(c),
    url: c.url,
    transcript: c.transcript,
    digits: c.digits,
    waiting_for_digits: c.gather !== null,
  };
}

export interface TwilioErrorBody {
  code: number;
  message: string;
  more_info: string;
  status: number;
}

export function twilioError(status: number, code: number, message: string): TwilioErrorBody {
  return { code, message, more_info: `https://www.twilio.com/docs/errors/${code}`, status };
}

/** E.164: a plus, a non-zero country digit, 7 to 15 digits in all. */
export function isE164(number: string): boolean {
  return /^\+[1-9]\d{6,14}$/.test(number);
}

/** The time of a transcript entry. */
export const stamp = (): string => new Date().toISOString();
