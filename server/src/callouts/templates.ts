import type { Channel } from './ladder.js';
import { countSegments, type SegmentCount } from './segments.js';

export type Language = 'zh-CN' | 'en';

export interface CalloutText {
  /** What the commander wrote: the situation and what is asked. */
  message: string;
  isDrill: boolean;
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
  if (lang === 'en') {
    const reply = t.shortCode
      ? `Reply 1 ${t.shortCode} to accept, 2 ${t.shortCode} to decline.`
      : 'Reply 1 to accept, 2 to decline.';
    return [t.isDrill ? '[DRILL]' : '', `[Muster] ${t.message}`, reply, t.link ?? '']
      .filter(Boolean)
      .join(' ');
  }
  const reply = t.shortCode
    ? `回复"1 ${t.shortCode}"确认，"2 ${t.shortCode}"无法到岗。`
    : '回复1确认，回复2无法到岗。';
  return [t.isDrill ? '【演练】' : '', `【杜集开发区应急】${t.message}`, reply, t.link ?? ''].join('');
}

export function voiceScript(
  lang: Language,
  t: Pick<CalloutText, 'message' | 'isDrill'>,
): { say: string; prompt: string } {
  if (lang === 'en') {
    return {
      say: `${t.isDrill ? 'This is a drill. ' : ''}This is the Duji zone emergency command. ${t.message}`,
      prompt: 'Press 1 to accept, press 2 to decline.',
    };
  }
  return {
    say: `${t.isDrill ? '这是一次演练。' : ''}这里是杜集经济开发区应急指挥中心。${t.message}`,
    prompt: '确认到岗请按1，无法到岗请按2。',
  };
}

export const VOICE_LANGUAGE: Record<Language, string> = { 'zh-CN': 'zh-CN', en: 'en-US' };

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
