/**
 * What a responder's SMS reply means. `1`/`Y`/`收到` accept, `2`/`N` decline; when the phone has
 * several open call-outs the reply carries the call-out's short code ("1 K7", "K7 收到").
 * Opt-out words follow the carriers' (and Twilio's) conventions.
 */
export type ReplyDecision = 'accept' | 'decline';

export interface ParsedReply {
  decision: ReplyDecision | null;
  code: string | null;
  optOut: 'stop' | 'start' | null;
}

const ACCEPT = new Set(['1', 'Y', 'YES', 'OK', '收到', '确认', '接受', '到']);
const DECLINE = new Set(['2', 'N', 'NO', '拒绝', '不能', '无法']);
const STOP = new Set(['STOP', 'STOPALL', 'UNSUBSCRIBE', 'CANCEL', 'END', 'QUIT', 'TD', '退订']);
const START = new Set(['START', 'UNSTOP']);
/** Short codes avoid look-alike characters (0/O, 1/I) so they survive being typed on a phone. */
export const SHORT_CODE_ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';
const CODE = new RegExp(`^[${SHORT_CODE_ALPHABET}]{2,4}$`);

export function parseReply(body: string): ParsedReply {
  const text = body.normalize('NFKC').trim().toUpperCase();
  const words = text.split(/[\s,，.。!！]+/).filter(Boolean);
  if (words.length === 1 && STOP.has(words[0]!)) return { decision: null, code: null, optOut: 'stop' };
  if (words.length === 1 && START.has(words[0]!)) return { decision: null, code: null, optOut: 'start' };
  let decision: ReplyDecision | null = null;
  let code: string | null = null;
  for (const w of words) {
    if (!decision && ACCEPT.has(w)) decision = 'accept';
    else if (!decision && DECLINE.has(w)) decision = 'decline';
    else if (!code && CODE.test(w)) code = w;
    else if (!decision) {
      // "收到K7" typed without a space.
      const m = /^(收到|确认|拒绝|1|2)([A-Z0-9]{2,4})$/.exec(w);
      if (m && CODE.test(m[2]!)) {
        decision = ACCEPT.has(m[1]!) ? 'accept' : 'decline';
        code = m[2]!;
      }
    }
  }
  return { decision, code, optOut: null };
}
