import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '../config/config.js';
import { OptOutRepository } from '../messaging/opt-out.repository.js';
import type { VoiceStep } from '../messaging/provider.js';
import { webhookUrl } from '../messaging/webhooks.js';
import { CalloutDeliveryStore } from './callout-delivery.store.js';
import { CalloutService } from './callout.service.js';
import { InboundTexts } from './inbound-texts.js';
import { parseReply } from './replies.js';
import { callText, type Language, smsReply, voiceScript, whichCalloutReply } from './templates.js';

/** What a call says and does next, in the language it speaks. */
export interface CallAnswer {
  steps: VoiceStep[];
  language?: Language;
}

/** A call with no delivery behind it hangs up. */
export const HANG_UP: CallAnswer = { steps: ['hangup'] };

/** How long a call waits for a key after its script. */
const KEY_TIMEOUT_SECONDS = 10;

/**
 * A responder's answer by phone: a text replying to the page (or STOP/START), or a key pressed in
 * the call. Each is answered in the responder's language.
 */
@Injectable()
export class PhoneResponderService {
  constructor(
    private readonly callouts: CalloutService,
    private readonly deliveries: CalloutDeliveryStore,
    private readonly optOuts: OptOutRepository,
    private readonly inbound: InboundTexts,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /**
   * An incoming text; returns the reply to send back, or null for none. STOP/START come first;
   * then a registered reader may claim it (a roll call's `到 45/48` or check-in from a number
   * in an open roll call), else it answers a call-out. A text that answers nothing gets the
   * readers' hint, beside the call-out's own help when one is open.
   */
  async textReceived(from: string, body: string): Promise<string | null> {
    const reply = parseReply(body);
    if (reply.optOut === 'stop') {
      await this.optOuts.add(from);
      return null;
    }
    if (reply.optOut === 'start') {
      await this.optOuts.remove(from);
      return null;
    }
    const claimed = await this.inbound.claim(from, body);
    if (claimed) return claimed.reply;
    const open = await this.callouts.openFor(from);
    const lang: Language = open[0]?.recipient.language ?? (await this.callouts.languageOf(from));
    if (!reply.decision) {
      const hint = await this.inbound.hint(from);
      const help = open.length ? smsReply(lang, 'howToAnswer') : null;
      return hint && help ? `${hint}\n${help}` : (hint ?? help);
    }
    const byCode = reply.code ? open.find((o) => o.callout.shortCode === reply.code) : undefined;
    // An answer to a call-out that has ended (named by its code, or the phone's latest page when
    // none is open) is told so and changes nothing.
    if (!byCode && reply.code && (await this.callouts.hasEnded(from, reply.code)))
      return smsReply(lang, 'ended');
    const target = byCode ?? (open.length === 1 ? open[0] : undefined);
    if (!target && open.length > 1)
      return whichCalloutReply(
        lang,
        open.map((o) => o.callout.shortCode),
      );
    if (!target && !open.length) {
      const hint = await this.inbound.hint(from);
      if (hint) return hint;
    }
    if (!target) return smsReply(lang, (await this.callouts.hasEnded(from)) ? 'ended' : 'nothingOpen');
    const { closed } = await this.callouts.respond(target.recipient.id, reply.decision, 'sms');
    if (closed) return smsReply(lang, 'ended');
    if (reply.decision === 'accept')
      return smsReply(lang, target.callout.purpose === 'warning' ? 'received' : 'accepted');
    return smsReply(lang, 'declined');
  }

  /** A call of this delivery was answered: its script, then one key to press. */
  async callAnswered(deliveryId: string): Promise<CallAnswer> {
    const call = await this.deliveries.forCall(deliveryId);
    if (!call) return HANG_UP;
    const { recipient, message, isDrill, purpose, responseLevel } = call;
    const language = recipient.language;
    if (recipient.state === 'acknowledged' || recipient.state === 'declined') {
      return { language, steps: [{ say: callText(language, 'answered') }, 'hangup'] };
    }
    if (!call.open) return { language, steps: [{ say: callText(language, 'ended') }, 'hangup'] };
    const script = voiceScript(language, { message, isDrill, purpose, responseLevel });
    const action = this.webhookUrl(`voice/gather?delivery=${deliveryId}`);
    return {
      language,
      steps: [
        { ask: { say: [script.say, script.prompt], action, timeoutSeconds: KEY_TIMEOUT_SECONDS } },
        { say: callText(language, 'noKey') },
      ],
    };
  }

  /** A key pressed in a call of this delivery: 1 accepts, 2 declines, anything else asks again. */
  async keyPressed(deliveryId: string, key: string): Promise<CallAnswer> {
    const call = await this.deliveries.forCall(deliveryId);
    if (!call) return HANG_UP;
    const { language, id } = call.recipient;
    const accepted = call.purpose === 'warning' ? 'received' : 'accepted';
    if (key !== '1' && key !== '2') {
      return {
        language,
        steps: [
          { say: callText(language, 'press1or2') },
          { redirect: this.webhookUrl(`voice?delivery=${deliveryId}`) },
        ],
      };
    }
    const { closed } = await this.callouts.respond(id, key === '1' ? 'accept' : 'decline', 'voice');
    if (closed) return { language, steps: [{ say: callText(language, 'ended') }, 'hangup'] };
    return {
      language,
      steps: [{ say: callText(language, key === '1' ? accepted : 'declined') }, 'hangup'],
    };
  }

  private webhookUrl(pathAndQuery: string): string {
    return webhookUrl(this.config.PUBLIC_URL, pathAndQuery);
  }
}
