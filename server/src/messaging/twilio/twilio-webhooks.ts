import { Inject, Injectable } from '@nestjs/common';
import type { ContactLanguage } from '@muster/contracts';
import twilio from 'twilio';
import { APP_CONFIG, type AppConfig } from '../../config/config.js';
import type { DeliveryReport, ProviderWebhooks, VoiceStep, WebhookParams } from '../provider.js';
import { parseStatusCallback } from './twilio-statuses.js';
import { smsTwiml, voiceTwiml } from './twiml.js';

/** Twilio's webhooks: the X-Twilio-Signature check, the parameters it posts, TwiML answers. */
@Injectable()
export class TwilioWebhooks implements ProviderWebhooks {
  readonly signatureHeader = 'X-Twilio-Signature';

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  validSignature(url: string, params: WebhookParams, signature: string | undefined): boolean {
    if (!signature || !this.config.TWILIO_AUTH_TOKEN) return false;
    return twilio.validateRequest(this.config.TWILIO_AUTH_TOKEN, signature, url, params);
  }

  report(params: WebhookParams): DeliveryReport | null {
    return parseStatusCallback(params);
  }

  inboundSms(params: WebhookParams): { from: string; body: string } {
    return { from: params.From ?? '', body: params.Body ?? '' };
  }

  pressed(params: WebhookParams): string {
    return (params.Digits ?? '').trim();
  }

  smsAnswer(reply: string | null): string {
    return smsTwiml(reply);
  }

  voiceAnswer(steps: VoiceStep[], language?: ContactLanguage): string {
    return voiceTwiml(steps, language);
  }
}
