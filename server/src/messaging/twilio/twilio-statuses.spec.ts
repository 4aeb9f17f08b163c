import { describe, expect, it } from '@jest/globals';
import { deliveryStatusOf, parseStatusCallback } from './twilio-statuses.js';

describe("Twilio's statuses as delivery states", () => {
  it('carries the statuses Muster follows over by name', () => {
    for (const s of ['queued', 'accepted', 'sent', 'delivered', 'undelivered', 'failed', 'canceled'])
      expect(deliveryStatusOf(s)).toBe(s);
    for (const s of ['initiated', 'ringing', 'in-progress', 'completed', 'busy', 'no-answer'])
      expect(deliveryStatusOf(s)).toBe(s);
  });

  it("does not take Twilio's `sending` for Muster's own, and drops what it does not follow", () => {
    expect(deliveryStatusOf('sending')).toBe('queued');
    expect(deliveryStatusOf('scheduled')).toBe('accepted');
    expect(deliveryStatusOf('read')).toBe('delivered');
    for (const s of ['received', 'receiving', 'no-such-status', 'toString', '', undefined])
      expect(deliveryStatusOf(s)).toBeNull();
  });

  it('reads a status callback of a message or a call', () => {
    expect(parseStatusCallback({ MessageStatus: 'failed', MessageSid: 'SM1', ErrorCode: '30003' })).toEqual({
      channel: 'sms',
      status: 'failed',
      sid: 'SM1',
      errorCode: 30003,
    });
    expect(parseStatusCallback({ SmsStatus: 'sent', MessageSid: 'SM1' })?.status).toBe('sent');
    expect(parseStatusCallback({ CallStatus: 'no-answer', CallSid: 'CA1' })).toEqual({
      channel: 'voice',
      status: 'no-answer',
      sid: 'CA1',
      errorCode: null,
    });
    expect(parseStatusCallback({ From: '+86' })).toBeNull();
  });

  it('ignores an error code that would not fit the column', () => {
    for (const code of ['abc', '99999999999', '-1', '1.5', ''])
      expect(parseStatusCallback({ MessageStatus: 'failed', ErrorCode: code })?.errorCode).toBeNull();
  });
});
