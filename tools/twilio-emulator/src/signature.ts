import { createHmac, timingSafeEqual } from 'node:crypto';

/** Form parameters of a webhook: Twilio only ever sends strings (repeated names as arrays). */
export type WebhookParams = Record<string, string | readonly string[]>;

/**
 * `X-Twilio-Signature` exactly as Twilio computes it: the full URL the request is sent to (query
 * string included), then each POST parameter's name immediately followed by its value, names in
 * sorted order (a repeated name contributes each of its distinct values, sorted), HMAC-SHA1 keyed
 * by the account's auth token, base64.
 * See https://www.twilio.com/docs/usage/webhooks/webhooks-security.
 */
export function twilioSignature(authToken: string, url: string, params: WebhookParams = {}): string {
  let data = url;
  for (const name of Object.keys(params).sort()) {
    const value = params[name];
    if (typeof value === 'string') {
      data += name + value;
    } else {
      for (const v of [...new Set(value)].sort()) data += name + v;
    }
  }
  return createHmac('sha1', authToken).update(Buffer.from(data, 'utf-8')).digest('base64');
}

/** Constant-time check of a signature against the expected one for this URL and parameters. */
export function isValidTwilioSignature(
  authToken: string,
  signature: string | undefined,
  url: string,
  params: WebhookParams = {},
): boolean {
  const expected = Buffer.from(twilioSignature(authToken, url, params));
  const given = Buffer.from(signature ?? '');
  return given.length === expected.length && timingSafeEqual(given, expected);
}
