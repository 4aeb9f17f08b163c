import { describe, expect, it } from '@jest/globals';
import { smsTwiml, voiceTwiml } from './twiml.js';

const HEAD = '<?xml version="1.0" encoding="UTF-8"?>';

describe('TwiML', () => {
  it('answers a text with a reply, escaped, or with nothing', () => {
    expect(smsTwiml(null)).toBe(`${HEAD}<Response></Response>`);
    expect(smsTwiml('如"1 K7M" & <b>')).toBe(
      `${HEAD}<Response><Message>如&quot;1 K7M&quot; &amp; &lt;b&gt;</Message></Response>`,
    );
  });

  it('renders a call script: one key asked with its texts, then what follows', () => {
    const action = 'http://x/webhooks/twilio/voice/gather?delivery=1&a=b';
    expect(
      voiceTwiml(
        [{ ask: { say: ["Leak at A's", 'Press 1'], action, timeoutSeconds: 10 } }, { say: 'Goodbye.' }],
        'en',
      ),
    ).toBe(
      `${HEAD}<Response><Gather input="dtmf" numDigits="1" timeout="10" action="http://x/webhooks/twilio/voice/gather?delivery=1&amp;a=b" method="POST">` +
        `<Say language="en-US">Leak at A&apos;s</Say><Say language="en-US">Press 1</Say></Gather>` +
        `<Say language="en-US">Goodbye.</Say></Response>`,
    );
  });

  it('says in Chinese by default, redirects and hangs up', () => {
    expect(voiceTwiml(['hangup'])).toBe(`${HEAD}<Response><Hangup/></Response>`);
    expect(voiceTwiml([{ say: '请按1或2。' }, { redirect: 'http://x/voice?delivery=1' }], 'zh-CN')).toBe(
      `${HEAD}<Response><Say language="zh-CN">请按1或2。</Say><Redirect method="POST">http://x/voice?delivery=1</Redirect></Response>`,
    );
    expect(voiceTwiml([{ say: 'Accepted. Thank you.' }, 'hangup'], 'en')).toBe(
      `${HEAD}<Response><Say language="en-US">Accepted. Thank you.</Say><Hangup/></Response>`,
    );
  });
});
