import type { MessageKind } from '../provider.js';

/**
 * The approved templates (模板) per message kind. Domestic texts and voice notifications carry no
 * free text: the provider fills an approved template with parameters, in this order —
 * - `callout` / `drill_callout` SMS: the call-out's message, the response link; voice: the message.
 * - `warning` / `reminder` SMS: the notification text.
 * The ids are the zone's own (TENCENT_TEMPLATES); the defaults are the emulator's.
 */
export type TemplateIds = Record<MessageKind, { sms: string; voice?: string }>;

export const DEFAULT_TEMPLATE_IDS: TemplateIds = {
  callout: { sms: '2001', voice: '3001' },
  drill_callout: { sms: '2002', voice: '3002' },
  warning: { sms: '2003' },
  reminder: { sms: '2004' },
};

export function parseTemplateIds(json: string | undefined): TemplateIds {
  if (!json) return DEFAULT_TEMPLATE_IDS;
  const parsed = JSON.parse(json) as Partial<TemplateIds>;
  const ids = { ...DEFAULT_TEMPLATE_IDS };
  for (const kind of Object.keys(ids) as MessageKind[]) {
    const given = parsed[kind];
    if (given && typeof given.sms === 'string') ids[kind] = given;
  }
  return ids;
}
