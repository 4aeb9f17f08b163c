import { type ResponseLevel, responseLevelName, responseLevelSpoken } from '@muster/contracts';
import type { Channel } from './ladder.js';
import { countSegments, type SegmentCount } from './segments.js';

export type Language = 'zh-CN' | 'en';

export interface CalloutText {
  /** What the commander wrote: the situation and what is asked. */
  message: string;
  isDrill: boolean;
  /** A warning asks for a receipt, not for someone to come. */
  purpose?: 'callout' | 'warning';
  /** The response level a plan level started the call-out for. */
  responseLevel?: ResponseLevel | null;
  /** Present when the phone has several open call-outs and must say which one it answers. */
  shortCode?: string | null;
  /** The signed responder-page link. */
  link?: string | null;
}

/**
 * The SMS and the voice script of a call-out, in the recipient's language. A drill says so
 * first, on every message and every call, so that nobody mistakes it for a real incident.
 */
export function smsBody(lang: Language, t: CalloutText): string {
  const warning = t.purpose === 'warning';
  if (lang === 'en') {
    const code = t.shortCode ? ` ${t.shortCode}` : '';
    const reply = warning
      ? `Reply 1${code} to confirm you received this warning.`
      : t.shortCode
        ? `Reply 1 ${t.shortCode} to accept, 2 ${t.shortCode} to decline.`
        : 'Reply 1 to accept, 2 to decline.';
    const level = t.responseLevel ? `${responseLevelName(t.responseLevel, 'en')} activated.` : '';
    const head = warning ? '[Muster] WARNING:' : '[Muster]';
    return [t.isDrill ? '[DRILL]' : '', `${head} ${sentence(t.message, '.')}`, level, reply, t.link ?? '']
      .filter(Boolean)
      .join(' ');
  }
  const reply = warning
    ? t.shortCode
      ? `收到请回复"1 ${t.shortCode}"。`
      : '收到请回复1。'
    : t.shortCode
      ? `回复"1 ${t.shortCode}"确认，"2 ${t.shortCode}"无法到岗。`
      : '回复1确认，回复2无法到岗。';
  const level = t.responseLevel ? `已启动${responseLevelName(t.responseLevel, 'zh-CN')}。` : '';
  return [
    t.isDrill ? '【演练】' : '',
    `【杜集开发区应急】${warning ? '预警：' : ''}${sentence(t.message, '。')}`,
    level,
    reply,
    t.link ?? '',
  ].join('');
}

export function voiceScript(
  lang: Language,
  t: Pick<CalloutText, 'message' | 'isDrill' | 'responseLevel' | 'purpose'>,
): { say: string; prompt: string } {
  const warning = t.purpose === 'warning';
  if (lang === 'en') {
    const level = t.responseLevel
      ? ` ${capitalise(responseLevelSpoken(t.responseLevel, 'en'))} activated.`
      : '';
    return {
      say: `${t.isDrill ? 'This is a drill. ' : ''}This is the Duji zone emergency command${warning ? ' with a warning' : ''}. ${sentence(t.message, '.')}${level}`,
      prompt: warning
        ? 'Press 1 to confirm you received this warning.'
        : 'Press 1 to accept, press 2 to decline.',
    };
  }
  const level = t.responseLevel ? `已启动${responseLevelSpoken(t.responseLevel, 'zh-CN')}。` : '';
  return {
    say: `${t.isDrill ? '这是一次演练。' : ''}这里是杜集经济开发区应急指挥中心${warning ? '，现发布预警' : ''}。${sentence(t.message, '。')}${level}`,
    prompt: warning ? '收到预警请按1。' : '确认到岗请按1，无法到岗请按2。',
  };
}

/** The commander's message as a sentence, so that what follows it does not run into it. */
function sentence(text: string, stop: '。' | '.'): string {
  const trimmed = text.trim();
  return /[。！？；.!?;…]$/.test(trimmed) ? trimmed : `${trimmed}${stop}`;
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** What a call says after the script, in the recipient's language. */
const CALL_TEXTS = {
  'zh-CN': {
    answered: '您已回复，谢谢。',
    noKey: '未收到按键，再见。',
    press1or2: '请按1或2。',
    accepted: '已确认到岗，谢谢。',
    received: '已记录您收到预警，请按要求行动。',
    declined: '已记录您无法到岗。',
    ended: '本次应急呼叫已结束，无需再回复。谢谢，再见。',
  },
  en: {
    answered: 'Your answer is recorded. Goodbye.',
    noKey: 'No answer received. Goodbye.',
    press1or2: 'Please press 1 or 2.',
    accepted: 'Accepted. Thank you.',
    received: 'Recorded: you received the warning. Please act on it.',
    declined: 'Recorded: you cannot come.',
    ended: 'This call-out has ended; no answer is needed. Thank you, goodbye.',
  },
} as const satisfies Record<Language, Record<string, string>>;

export type CallText = keyof (typeof CALL_TEXTS)['en'];

/**
 * A call's texts around its script: `answered` (the person answered before the call came),
 * `noKey` (no key pressed in time), `press1or2` (another key), `accepted`, `declined`, `ended`
 * (the call-out ended before the key: nothing is recorded).
 */
export function callText(lang: Language, text: CallText): string {
  return CALL_TEXTS[lang][text];
}

/** The replies to a responder's text, in the phone's language. */
const SMS_REPLIES = {
  'zh-CN': {
    howToAnswer: '请回复1确认到岗，回复2无法到岗。',
    nothingOpen: '您目前没有待回复的应急呼叫。',
    accepted: '已确认，感谢！请按通知要求到岗。',
    received: '已确认收到预警，请按要求行动。',
    declined: '已记录您无法到岗。',
    ended: '本次应急呼叫已结束，您的回复未记录，无需再回复。谢谢！',
  },
  en: {
    howToAnswer: 'Reply 1 to accept or 2 to decline.',
    nothingOpen: 'You have no call-out waiting for an answer.',
    accepted: 'Accepted, thank you.',
    received: 'Recorded: you received the warning. Please act on it.',
    declined: 'Recorded: you cannot come.',
    ended: 'This call-out has ended; your answer was not recorded and none is needed. Thank you.',
  },
} as const satisfies Record<Language, Record<string, string>>;

export type SmsReply = keyof (typeof SMS_REPLIES)['en'];

/**
 * A reply to a responder's text: `howToAnswer` (a text that is no answer), `nothingOpen` (an
 * answer with no call-out waiting for one), `accepted`, `declined`, `ended` (an answer to a
 * call-out that has ended: nothing is recorded).
 */
export function smsReply(lang: Language, reply: SmsReply): string {
  return SMS_REPLIES[lang][reply];
}

/** The reply to an answer without a code from a phone with several open call-outs. */
export function whichCalloutReply(lang: Language, codes: string[]): string {
  const list = codes.join(', ');
  return lang === 'en'
    ? `You have several call-outs: add the code (${list}), e.g. "1 ${codes[0]}".`
    : `您有多个应急呼叫，请在回复中注明编号（${list}），如"1 ${codes[0]}"。`;
}

export interface MessagePreview {
  language: Language;
  channel: Channel;
  text: string;
  segments: SegmentCount;
}

/** What the commander sees before sending: the longest form (with a short code and a link). */
export function previewMessages(message: string, isDrill: boolean, sampleLink: string): MessagePreview[] {
  return (['zh-CN', 'en'] as Language[]).map((language) => {
    const text = smsBody(language, { message, isDrill, shortCode: 'K7M', link: sampleLink });
    return { language, channel: 'sms', text, segments: countSegments(text) };
  });
}
