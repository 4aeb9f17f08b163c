import { describe, expect, it } from '@jest/globals';
import { createHmac } from 'node:crypto';
import type { AppConfig } from '../../config/config.js';
import { TwilioWebhooks } from './twilio-webhooks.js';

const TOKEN = 'webhook-spec-auth-token';
const webhooks = (config: Partial<AppConfig> = { TWILIO_AUTH_TOKEN: TOKEN }) =>
  new TwilioWebhooks(config as AppConfig);

/** X-Twilio-Signature as Twilio documents it: HMAC-SHA1 of the URL and the sorted parameters, base64. */
function signed(url: string, params: Record<string, string>, token = TOKEN): string {
  const data = Object.keys(params)
    .sort()
    .reduce((acc, k) => acc + k + params[k], url);
  return createHmac('sha1', token).update(data, 'utf8').digest('base64');
}

const params = { MessageSid: 'SM0123', MessageStatus: 'delivered', To: '+8613800000001' };

describe("Twilio's webhook signature", () => {
  it('takes a callback signed over the URL it was posted to', () => {
    const url = 'https://muster.example.cn:8443/webhooks/twilio/status?delivery=d1';
    expect(webhooks().validSignature(url, params, signed(url, params))).toBe(true);
  });

  it("takes the URL's other forms Twilio may have signed: with or without the default port", () => {
    const withPort = 'https://muster.example.cn:443/webhooks/twilio/status?delivery=d1';
    const withoutPort = 'https://muster.example.cn/webhooks/twilio/status?delivery=d1';
    expect(webhooks().validSignature(withPort, params, signed(withoutPort, params))).toBe(true);
    expect(webhooks().validSignature(withoutPort, params, signed(withPort, params))).toBe(true);
  });

  it('refuses a signature over other parameters, another URL, or by another token', () => {
    const url = 'https://muster.example.cn/webhooks/twilio/status?delivery=d1';
    const w = webhooks();
    expect(w.validSignature(url, { ...params, MessageStatus: 'failed' }, signed(url, params))).toBe(false);
    expect(w.validSignature(`${url}0`, params, signed(url, params))).toBe(false);
    expect(w.validSignature(url, params, signed(url, params, 'another-token'))).toBe(false);
  });

  it('refuses a missing or malformed signature, and any signature without an auth token', () => {
    const url = 'https://muster.example.cn/webhooks/twilio/status?delivery=d1';
    expect(webhooks().validSignature(url, params, undefined)).toBe(false);
    expect(webhooks().validSignature(url, params, '')).toBe(false);
    expect(webhooks().validSignature(url, params, 'short')).toBe(false);
    expect(webhooks({}).validSignature(url, params, signed(url, params))).toBe(false);
  });
});
