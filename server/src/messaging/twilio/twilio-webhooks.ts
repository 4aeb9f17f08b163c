import { Inject, Injectable } from '@nestjs/common';
import type { ContactLanguage } from '@muster/contracts';
import { timingSafeEqual } from 'node:crypto';
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

  /**
   * Twilio signs the URL as it was given, so that is checked first: one HMAC for the status
   * callbacks that arrive by the thousand. Only a signature that does not match it goes through
   * the SDK's check of the URL's other forms (with or without the default port, normalized),
   * which costs several; the SDK's would spend two on every callback to a URL with a port.
   */
  validSignature(url: string, params: WebhookParams, signature: string | undefined): boolean {
    const token = this.config.TWILIO_AUTH_TOKEN;
    if (!signature || !token) return false;
    const given = Buffer.from(signature);
    const expected = Buffer.from(twilio.getExpectedTwilioSignature(token, url, params));
    if (given.length === expected.length && timingSafeEqual(given, expected)) return true;
    return twilio.validateRequest(token, signature, url, params);
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
