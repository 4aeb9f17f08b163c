import { describe, expect, it } from '@jest/globals';
import twilio from 'twilio';
import { createTwilioClient, OriginRewritingRequestClient } from './twilio-client.js';

describe('createTwilioClient', () => {
  it('rewrites the origin of every Twilio URL to apiBase, keeping path and query', () => {
    const c = new OriginRewritingRequestClient('http://127.0.0.1:3090');
    expect(
      c.rewrite('https://api.twilio.com/2010-04-01/Accounts/AC1/Messages.json?To=%2B86&PageSize=2'),
    ).toBe('http://127.0.0.1:3090/2010-04-01/Accounts/AC1/Messages.json?To=%2B86&PageSize=2');
    const prefixed = new OriginRewritingRequestClient('http://127.0.0.1:3090/twilio/');
    expect(prefixed.rewrite('https://api.twilio.com/2010-04-01/Accounts/AC1/Calls.json')).toBe(
      'http://127.0.0.1:3090/twilio/2010-04-01/Accounts/AC1/Calls.json',
    );
    expect(() => new OriginRewritingRequestClient('ftp://x')).toThrow(/http/);
  });

  it('returns the real SDK client, with the rewriting client only when apiBase is set', () => {
    const sid = 'AC' + '0'.repeat(32);
    const local = createTwilioClient({
      accountSid: sid,
      authToken: 'fake',
      apiBase: 'http://127.0.0.1:3090',
    });
    expect(local).toBeInstanceOf(twilio.Twilio);
    expect(local.httpClient).toBeInstanceOf(OriginRewritingRequestClient);
    const real = createTwilioClient({ accountSid: sid, authToken: 'fake' });
    expect(real.httpClient).not.toBeInstanceOf(OriginRewritingRequestClient);
  });
});
