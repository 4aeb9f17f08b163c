import type { CalloutDeliveryPreview, ProviderSendPreview } from '@muster/contracts';
import type { ProviderName, SendChannel } from '../messaging/routing.js';
import { countSegments } from './segments.js';
import type { Language } from './templates.js';

/** A recipient as the preview counts them: their number, language and their tier's channels. */
export interface PreviewRecipient {
  phone: string;
  language: Language;
  channels: readonly SendChannel[];
}

export interface ProviderLimits {
  ratePerSecond: number;
  dailyCapPerNumber: number;
  /** What the provider puts before the text (a domestic text's 【signature】). */
  prefix: string;
}

/**
 * A domestic text is billed as Tencent counts it: the signature and the text, 70 characters in
 * one message and 67 per part when longer, whatever the alphabet.
 */
export function domesticSegments(text: string): number {
  const n = [...text].length;
  return n <= 70 ? 1 : Math.ceil(n / 67);
}

/**
 * What each provider will send for a call-out's first round: who is texted through which (the
 * first of the number's route), how many billed SMS that makes, who is only called, how long the
 * texts take at its rate, and how many numbers are at its daily cap already.
 */
export function deliveryPreview(input: {
  recipients: PreviewRecipient[];
  texts: Record<Language, string>;
  route: (phone: string, channel: SendChannel) => ProviderName | null;
  limits: Record<ProviderName, ProviderLimits>;
  /** Texts each number got today, per provider. */
  sentToday: (provider: ProviderName, phone: string) => number;
}): CalloutDeliveryPreview {
  const by = new Map<ProviderName, ProviderSendPreview>();
  const of = (provider: ProviderName): ProviderSendPreview => {
    let p = by.get(provider);
    if (!p) {
      const l = input.limits[provider];
      p = {
        provider,
        texted: 0,
        segments: 0,
        calledOnly: 0,
        ratePerSecond: l.ratePerSecond,
        secondsAtRate: 0,
        dailyCapPerNumber: l.dailyCapPerNumber,
        atDailyCap: 0,
      };
      by.set(provider, p);
    }
    return p;
  };
  let unreachable = 0;
  for (const r of input.recipients) {
    const texter = r.channels.includes('sms') ? input.route(r.phone, 'sms') : null;
    if (texter) {
      const p = of(texter);
      const text = `${input.limits[texter].prefix}${input.texts[r.language]}`;
      p.texted++;
      p.segments += texter === 'tencent' ? domesticSegments(text) : countSegments(text).segments;
      const cap = input.limits[texter].dailyCapPerNumber;
      if (cap > 0 && input.sentToday(texter, r.phone) >= cap) p.atDailyCap++;
      continue;
    }
    const caller = r.channels.includes('voice') ? input.route(r.phone, 'voice') : null;
    if (caller) of(caller).calledOnly++;
    else unreachable++;
  }
  const providers = [...by.values()].map((p) => ({
    ...p,
    secondsAtRate: p.ratePerSecond > 0 ? Math.ceil(p.texted / p.ratePerSecond) : 0,
  }));
  return { recipients: input.recipients.length, providers, unreachable };
}
