import { describe, expect, it } from '@jest/globals';
import { createHmac } from 'node:crypto';
import twilio from 'twilio';
import { isValidTwilioSignature, twilioSignature } from './signature.js';

describe('twilioSignature', () => {
  const token = 'fake-auth-token';
  const url = 'https://muster.example/webhooks/twilio/status?delivery=9';
  const params = {
    MessageStatus: 'delivered',
    AccountSid: 'AC' + '0'.repeat(32),
    To: '+8613800000001',
    Body: '收到 & thanks',
    MessageSid: 'SM' + 'a'.repeat(32),
  };

  it('is HMAC-SHA1 of the URL and the parameters sorted by name, name then value, base64', () => {
    const data = [
      url,
      ['AccountSid', params.AccountSid],
      ['Body', params.Body],
      ['MessageSid', params.MessageSid],
      ['MessageStatus', params.MessageStatus],
      ['To', params.To],
    ]
      .flat()
      .join('');
    const expected = createHmac('sha1', token).update(Buffer.from(data, 'utf-8')).digest('base64');
    expect(twilioSignature(token, url, params)).toBe(expected);
  });

  it("agrees with the twilio SDK's own signature and validation", () => {
    const sig = twilioSignature(token, url, params);
    expect(sig).toBe(twilio.getExpectedTwilioSignature(token, url, params));
    expect(twilio.validateRequest(token, sig, url, params)).toBe(true);
    expect(twilio.validateRequest(token, sig, url, { ...params, MessageStatus: 'failed' })).toBe(false);
    expect(twilio.validateRequest('other-token', sig, url, params)).toBe(false);
    expect(twilio.validateRequest(token, sig, url.replace('=9', '=8'), params)).toBe(false);
  });

  it('signs a request without parameters over the URL alone (GET webhooks)', () => {
    const get = 'https://muster.example/voice?CallSid=CA1&Digits=1';
    expect(twilioSignature(token, get)).toBe(createHmac('sha1', token).update(get).digest('base64'));
    expect(twilio.validateRequest(token, twilioSignature(token, get), get, {})).toBe(true);
  });

  it('sorts names by code unit (upper case before lower) and repeats a list per distinct value', () => {
    const p = { b: '2', B: '1', Event: ['ringing', 'answered', 'ringing'] };
    const data = 'u' + 'B1' + 'Eventanswered' + 'Eventringing' + 'b2';
    expect(twilioSignature(token, 'u', p)).toBe(createHmac('sha1', token).update(data).digest('base64'));
    expect(twilioSignature(token, 'u', p)).toBe(twilio.getExpectedTwilioSignature(token, 'u', p));
  });

  it('checks a signature in constant time, refusing a missing or wrong one', () => {
    const sig = twilioSignature(token, url, params);
    expect(isValidTwilioSignature(token, sig, url, params)).toBe(true);
    expect(isValidTwilioSignature(token, undefined, url, params)).toBe(false);
    expect(isValidTwilioSignature(token, sig.slice(1), url, params)).toBe(false);
    expect(isValidTwilioSignature(token, sig, url, { ...params, To: '+8613800000002' })).toBe(false);
  });
});
