/**
 * A phone sends an SMS (`POST /_emulator/sms`): recorded as an inbound message, STOP/START words
 * opt the phone out of (or back into) that emulated number, the SMS webhook gets Twilio's form,
 * and `<Message>` verbs in its TwiML answer are sent back to the phone.
 */
import { HttpError } from './http-util.js';
import { newMessage, PRICE_PER_SEGMENT, type Messages } from './messages.js';
import { API_VERSION, isE164, messageJson } from './resources.js';
import { countSegments } from './segments.js';
import type { EmulatorState } from './state.js';
import { childElements, parseTwiml, textOf } from './twiml.js';
import type { Webhooks } from './webhooks.js';

const OPT_OUT = new Set(['STOP', 'STOPALL', 'UNSUBSCRIBE', 'CANCEL', 'END', 'QUIT', 'REVOKE', 'OPTOUT']);
const OPT_IN = new Set(['START', 'YES', 'UNSTOP']);
const HELP = new Set(['HELP', 'INFO']);

export class InboundSms {
  constructor(
    private readonly state: EmulatorState,
    private readonly webhooks: Webhooks,
    private readonly messages: Messages,
    private readonly accountSid: string,
    private readonly log: (line: string) => void,
  ) {}

  /** Answers after the webhook has: `{ message, optedOut, webhook: { url, status, error }, replies }`. */
  async receive(body: Record<string, unknown>): Promise<Record<string, unknown>> {
    const { state, accountSid } = this;
    const from = typeof body.from === 'string' ? body.from.trim() : '';
    const text = typeof body.body === 'string' ? body.body : '';
    const to =
      (typeof body.to === 'string' && body.to.trim()) ||
      state.lastSender.get(from) ||
      state.config.phoneNumber ||
      '';
    const problems: string[] = [];
    if (!isE164(from)) problems.push('from: must be an E.164 phone number');
    if (!to)
      problems.push('to: required (no emulated number has messaged this phone, and none is configured)');
    if (typeof body.body !== 'string') problems.push('body: must be a string');
    if (problems.length) throw new HttpError(400, problems.join('; '));
    const now = new Date();
    const m = newMessage(state, accountSid, now, {
      to,
      from,
      body: text,
      status: 'received',
      direction: 'inbound',
      dateSent: now,
      price: (-PRICE_PER_SEGMENT * countSegments(text)).toFixed(5),
    });
    state.addMessage(m);
    state.touch(from, 'messages');
    const optOutType = this.optOutWord(from, to, text);
    const result: Record<string, unknown> = {
      message: messageJson(m),
      optedOut: state.isOptedOut(from, to),
      webhook: null,
    };
    const url = state.config.smsUrl;
    if (!url) return result;
    const params: Record<string, string> = {
      AccountSid: accountSid,
      ApiVersion: API_VERSION,
      Body: text,
      From: from,
      MessageSid: m.sid,
      NumMedia: '0',
      NumSegments: String(m.numSegments),
      SmsMessageSid: m.sid,
      SmsSid: m.sid,
      SmsStatus: 'received',
      To: to,
    };
    if (optOutType) params.OptOutType = optOutType;
    const r = await this.webhooks.deliver(url, 'POST', params);
    const replies: Record<string, unknown>[] = [];
    if (r.status >= 200 && r.status < 300 && r.body.trim().startsWith('<')) {
      try {
        const doc = parseTwiml(r.body);
        for (const el of childElements(doc)) {
          if (el.name !== 'Message') continue;
          const bodyEl = childElements(el).find((c) => c.name === 'Body');
          const reply = this.messages.sendReply(from, to, textOf(bodyEl ?? el));
          if (reply) replies.push(messageJson(reply));
        }
      } catch (e) {
        this.log(`twilio-emulator: the SMS webhook's TwiML did not parse: ${(e as Error).message}`);
      }
    }
    result.webhook = { url, status: r.status, error: r.error ?? null };
    result.replies = replies;
    return result;
  }

  /** Applies an opt-out or opt-in word; the webhook's `OptOutType`, or null for any other text. */
  private optOutWord(from: string, to: string, text: string): string | null {
    const { optOuts } = this.state;
    const keyword = text.trim().toUpperCase();
    if (OPT_OUT.has(keyword)) {
      let senders = optOuts.get(from);
      if (!senders) optOuts.set(from, (senders = new Set()));
      senders.add(to);
      return 'STOP';
    }
    if (OPT_IN.has(keyword)) {
      optOuts.get(from)?.delete(to);
      return 'START';
    }
    return HELP.has(keyword) ? 'HELP' : null;
  }
}
