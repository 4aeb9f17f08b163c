import { createHmac, timingSafeEqual } from 'node:crypto';
import { type CanActivate, type ExecutionContext, Inject, Injectable, Logger } from '@nestjs/common';
import type { Request } from 'express';
import { ForbiddenError } from '../../common/domain-errors.js';
import { APP_CONFIG, type AppConfig } from '../../config/config.js';
import type { DeliveryStatus } from '../delivery-status.js';

/** The header of a push's signature: base64 HMAC-SHA256 of the raw body under the callback key. */
export const PUSH_SIGNATURE_HEADER = 'Sign';

/**
 * Tencent Cloud's event callbacks are signed `Sign = base64(hmacsha256(key, body))` over the raw
 * body, with a callback key set in the console beside the callback URL. Computed over the bytes
 * received: a re-serialized body would not match.
 */
export function pushSignature(key: string, rawBody: Buffer | string): string {
  return createHmac('sha256', key).update(rawBody).digest('base64');
}

export function validPushSignature(
  key: string,
  rawBody: Buffer | string,
  signature: string | undefined,
): boolean {
  if (!signature) return false;
  const expected = Buffer.from(pushSignature(key, rawBody));
  const given = Buffer.from(signature);
  return expected.length === given.length && timingSafeEqual(expected, given);
}

/** Every push from Tencent must carry a valid signature of its body, else 403 and nothing changes. */
@Injectable()
export class TencentPushGuard implements CanActivate {
  private readonly logger = new Logger('TencentPush');

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  canActivate(context: ExecutionContext): boolean {
    const req = context.switchToHttp().getRequest<Request & { rawBody?: Buffer }>();
    const key = this.config.TENCENT_CALLBACK_KEY;
    if (!key || !req.rawBody || !validPushSignature(key, req.rawBody, req.header(PUSH_SIGNATURE_HEADER))) {
      this.logger.warn({ url: req.originalUrl }, 'Tencent push with a missing or wrong signature refused');
      throw new ForbiddenError(`Invalid ${PUSH_SIGNATURE_HEADER}`);
    }
    return true;
  }
}

/** What Tencent is answered to a push it should not send again. */
export const PUSH_OK = { result: 0, errmsg: 'OK' } as const;

/** `+<nationcode><mobile>`: the E.164 number a push names. */
function e164(nationcode: unknown, mobile: unknown): string | null {
  const cc = typeof nationcode === 'string' ? nationcode.replace(/^\+/, '') : '';
  const m = typeof mobile === 'string' ? mobile : '';
  if (!/^\d{1,4}$/.test(cc) || !/^\d{4,14}$/.test(m)) return null;
  return `+${cc}${m}`;
}

const str = (v: unknown): string | null => (typeof v === 'string' && v ? v : null);
const obj = (v: unknown): Record<string, unknown> | null =>
  v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : null;

/** One SMS receipt (状态回执): the send it is about and its end. */
export interface SmsReceipt {
  sid: string;
  status: DeliveryStatus;
  /** The carrier's code (`DELIVRD` for delivered), for the record. */
  code: string | null;
}

/** A receipt push: an array of receipts (several sends may be reported at once). */
export function smsReceipts(body: unknown): SmsReceipt[] {
  if (!Array.isArray(body)) return [];
  return body.flatMap((item): SmsReceipt[] => {
    const r = obj(item);
    const sid = str(r?.sid);
    if (!r || !sid) return [];
    const ok = r.report_status === 'SUCCESS';
    return [{ sid, status: ok ? 'delivered' : 'undelivered', code: str(r.errmsg) }];
  });
}

/** A reply push (上行): who texted what. */
export function smsReply(body: unknown): { from: string; text: string } | null {
  const r = obj(body);
  const from = e164(r?.nationcode, r?.mobile);
  return from && typeof r?.text === 'string' ? { from, text: r.text } : null;
}

/**
 * A voice push: a key pressed in a notification (`voicekey_callback`), how the call ended
 * (`voiceprompt_callback`: 0 answered, 1 not answered, 2 failed), or why it failed
 * (`voice_failure_callback`).
 */
export type VoiceEvent = (
  { kind: 'key'; callId: string; key: string } | { kind: 'ended'; callId: string; status: DeliveryStatus }
) & {
  /** The number called (E.164), as the push names it. */
  to: string | null;
};

const PROMPT_RESULT: Readonly<Record<string, DeliveryStatus>> = {
  '0': 'completed',
  '1': 'no-answer',
  '2': 'failed',
};

export function voiceEvent(body: unknown): VoiceEvent | null {
  const b = obj(body);
  const key = obj(b?.voicekey_callback);
  if (key) {
    const callId = str(key.callid);
    const pressed = str(key.keypress);
    const to = e164(key.nationcode, key.mobile);
    return callId && pressed ? { kind: 'key', callId, key: pressed.trim(), to } : null;
  }
  const prompt = obj(b?.voiceprompt_callback);
  if (prompt) {
    const callId = str(prompt.callid);
    const status = PROMPT_RESULT[String(prompt.result)];
    const to = e164(prompt.nationcode, prompt.mobile);
    return callId && status ? { kind: 'ended', callId, status, to } : null;
  }
  const failure = obj(b?.voice_failure_callback);
  const callId = str(failure?.callid);
  const to = e164(failure?.nationcode, failure?.mobile);
  return callId ? { kind: 'ended', callId, status: 'failed', to } : null;
}
