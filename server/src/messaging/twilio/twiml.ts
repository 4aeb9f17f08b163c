import type { ContactLanguage } from '@muster/contracts';
import type { VoiceStep } from '../provider.js';

/** The language of Twilio's `<Say>` for a contact's language. */
export const SAY_LANGUAGE: Readonly<Record<ContactLanguage, string>> = { 'zh-CN': 'zh-CN', en: 'en-US' };

export function escapeXml(s: string): string {
  return s.replace(
    /[<>&'"]/g,
    (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', "'": '&apos;', '"': '&quot;' })[c]!,
  );
}

function twiml(inner: string): string {
  return `<?xml version="1.0" encoding="UTF-8"?><Response>${inner}</Response>`;
}

/** The answer to an incoming text: a reply message, or nothing. */
export function smsTwiml(reply: string | null): string {
  return twiml(reply === null ? '' : `<Message>${escapeXml(reply)}</Message>`);
}

/** A call's script. */
export function voiceTwiml(steps: VoiceStep[], language: ContactLanguage = 'zh-CN'): string {
  const lang = SAY_LANGUAGE[language];
  const say = (text: string) => `<Say language="${lang}">${escapeXml(text)}</Say>`;
  const render = (step: VoiceStep): string => {
    if (step === 'hangup') return '<Hangup/>';
    if ('say' in step) return say(step.say);
    if ('redirect' in step) return `<Redirect method="POST">${escapeXml(step.redirect)}</Redirect>`;
    const { action, timeoutSeconds } = step.ask;
    return (
      `<Gather input="dtmf" numDigits="1" timeout="${timeoutSeconds}" action="${escapeXml(action)}" method="POST">` +
      step.ask.say.map(say).join('') +
      '</Gather>'
    );
  };
  return twiml(steps.map(render).join(''));
}
