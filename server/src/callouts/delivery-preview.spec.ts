import { describe, expect, it } from '@jest/globals';
import { deliveryPreview, domesticSegments } from './delivery-preview.js';
import { numberKind } from '../messaging/routing.js';

const limits = {
  twilio: { ratePerSecond: 10, dailyCapPerNumber: 0, prefix: '' },
  tencent: { ratePerSecond: 0, dailyCapPerNumber: 10, prefix: '【Muster】' },
};

describe('the delivery preview of a call-out', () => {
  it('counts domestic texts with their signature, 70 characters in one and 67 per part', () => {
    expect(domesticSegments('字'.repeat(70))).toBe(1);
    expect(domesticSegments('字'.repeat(71))).toBe(2);
    expect(domesticSegments('字'.repeat(135))).toBe(3);
  });

  it('shows who each provider texts or calls, the segments, the time at its rate and the daily cap', () => {
    const preview = deliveryPreview({
      recipients: [
        { phone: '+8613912345678', language: 'zh-CN', channels: ['sms', 'voice'] },
        { phone: '+8613912345679', language: 'zh-CN', channels: ['sms', 'voice'] },
        { phone: '+865512345678', language: 'zh-CN', channels: ['sms', 'voice'] },
        { phone: '+447700900123', language: 'en', channels: ['sms', 'voice'] },
        { phone: '+865512345679', language: 'zh-CN', channels: ['sms'] },
      ],
      texts: { 'zh-CN': '字'.repeat(63), en: 'a'.repeat(161) },
      route: (phone, channel) =>
        numberKind(phone) === 'foreign'
          ? 'twilio'
          : channel === 'sms' && numberKind(phone) === 'cn_landline'
            ? null
            : 'tencent',
      limits,
      sentToday: (provider, phone) => (provider === 'tencent' && phone === '+8613912345679' ? 10 : 0),
    });
    expect(preview).toEqual({
      recipients: 5,
      unreachable: 1,
      providers: [
        {
          provider: 'tencent',
          texted: 2,
          segments: 2 * 2,
          calledOnly: 1,
          ratePerSecond: 0,
          secondsAtRate: 0,
          dailyCapPerNumber: 10,
          atDailyCap: 1,
        },
        {
          provider: 'twilio',
          texted: 1,
          segments: 2,
          calledOnly: 0,
          ratePerSecond: 10,
          secondsAtRate: 1,
          dailyCapPerNumber: 0,
          atDailyCap: 0,
        },
      ],
    });
  });
});
