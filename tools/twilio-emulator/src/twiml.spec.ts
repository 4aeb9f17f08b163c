import { describe, expect, it } from '@jest/globals';
import { childElements, parseTwiml, parseXml, textOf, TwimlParseError } from './twiml.js';

describe('TwiML reader', () => {
  it('reads the verbs Muster uses, with attributes, nesting and character references', () => {
    const doc = parseTwiml(`<?xml version="1.0" encoding="UTF-8"?>
      <!-- call-out script -->
      <Response>
        <Say language="zh-CN" voice='Polly.Zhiyu'>【演练】&#x5316;工园区 &amp; 泄漏</Say>
        <Gather numDigits="1" action="/webhooks/twilio/voice/gather?c=1&amp;r=2" method="POST" timeout="10" input="dtmf">
          <Say language="en-US">Press 1 to accept, 2 to decline.</Say>
        </Gather>
        <Pause length="2"/>
        <Redirect method="POST">/webhooks/twilio/voice</Redirect>
        <Hangup />
      </Response>`);
    const verbs = childElements(doc);
    expect(verbs.map((v) => v.name)).toEqual(['Say', 'Gather', 'Pause', 'Redirect', 'Hangup']);
    expect(verbs[0].attrs).toEqual({ language: 'zh-CN', voice: 'Polly.Zhiyu' });
    expect(textOf(verbs[0])).toBe('【演练】化工园区 & 泄漏');
    expect(verbs[1].attrs.action).toBe('/webhooks/twilio/voice/gather?c=1&r=2');
    expect(childElements(verbs[1]).map((v) => [v.name, textOf(v)])).toEqual([
      ['Say', 'Press 1 to accept, 2 to decline.'],
    ]);
    expect(verbs[2]).toEqual({ name: 'Pause', attrs: { length: '2' }, children: [] });
    expect(textOf(verbs[3])).toBe('/webhooks/twilio/voice');
  });

  it('keeps CDATA as text and SSML inside <Say> as text of the Say', () => {
    const doc = parseXml(
      '<Response><Say><![CDATA[a < b]]> and <prosody rate="slow">slowly</prosody></Say></Response>',
    );
    expect(textOf(childElements(doc)[0])).toBe('a < b and slowly');
  });

  it('refuses what is not well-formed TwiML (Twilio error 12100)', () => {
    for (const bad of [
      '',
      '<Response>',
      '<Response><Say>x</Response>',
      '<Response><Say a="1" a="2"/></Response>',
      '<Response>&nbsp;</Response>',
      '<Response><Say>fish & chips</Say></Response>',
      '<Response/><Response/>',
      '<!DOCTYPE x><Response/>',
      '<Hello/>',
      '<Response>loose text</Response>',
    ]) {
      expect(() => parseTwiml(bad)).toThrow(TwimlParseError);
    }
    try {
      parseTwiml('<Response>');
    } catch (e) {
      expect((e as TwimlParseError).code).toBe(12100);
    }
  });
});
