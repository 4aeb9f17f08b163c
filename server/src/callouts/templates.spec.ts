import { describe, expect, it } from '@jest/globals';
import { callText, previewMessages, smsBody, smsReply, voiceScript, whichCalloutReply } from './templates.js';

describe('call-out texts', () => {
  const t = { message: '华晟煤化工液氯泄漏，请危化救援队到凤凰山路88号集结', isDrill: false };

  it('writes the SMS in the recipient’s language, asking for 1 or 2', () => {
    expect(smsBody('zh-CN', t)).toBe(
      '【杜集开发区应急】华晟煤化工液氯泄漏，请危化救援队到凤凰山路88号集结回复1确认，回复2无法到岗。',
    );
    expect(smsBody('en', { message: 'Chlorine leak, hazmat team to muster', isDrill: false })).toBe(
      '[Muster] Chlorine leak, hazmat team to muster Reply 1 to accept, 2 to decline.',
    );
  });

  it('marks every drill message and call, first', () => {
    expect(smsBody('zh-CN', { ...t, isDrill: true }).startsWith('【演练】')).toBe(true);
    expect(smsBody('en', { ...t, isDrill: true }).startsWith('[DRILL] ')).toBe(true);
    expect(voiceScript('zh-CN', { ...t, isDrill: true }).say.startsWith('这是一次演练。')).toBe(true);
    expect(voiceScript('en', { ...t, isDrill: true }).say.startsWith('This is a drill.')).toBe(true);
  });

  it('asks for the short code when one is given, and appends the link', () => {
    const body = smsBody('zh-CN', { ...t, shortCode: 'K7M', link: 'http://localhost:3000/r/abc' });
    expect(body).toContain('回复"1 K7M"确认');
    expect(body.endsWith('http://localhost:3000/r/abc')).toBe(true);
  });

  it('previews both languages with their segment counts (Chinese forces UCS-2)', () => {
    const [zh, en] = previewMessages(
      'Chlorine leak at Huasheng',
      false,
      'http://localhost:3000/r/0123456789',
    );
    expect(zh!.segments.encoding).toBe('UCS-2');
    expect(en!.segments.encoding).toBe('GSM-7');
    expect(en!.segments.segments).toBe(1);
  });

  it('answers texts and keys in the phone’s language', () => {
    expect(smsReply('zh-CN', 'howToAnswer')).toBe('请回复1确认到岗，回复2无法到岗。');
    expect(smsReply('en', 'nothingOpen')).toBe('You have no call-out waiting for an answer.');
    expect(smsReply('zh-CN', 'accepted')).toBe('已确认，感谢！请按通知要求到岗。');
    expect(smsReply('en', 'declined')).toBe('Recorded: you cannot come.');
    expect(whichCalloutReply('zh-CN', ['K7M', 'P2Q'])).toBe(
      '您有多个应急呼叫，请在回复中注明编号（K7M, P2Q），如"1 K7M"。',
    );
    expect(whichCalloutReply('en', ['K7M', 'P2Q'])).toBe(
      'You have several call-outs: add the code (K7M, P2Q), e.g. "1 K7M".',
    );
    expect(callText('zh-CN', 'noKey')).toBe('未收到按键，再见。');
    expect(callText('en', 'answered')).toBe('Your answer is recorded. Goodbye.');
    expect(callText('zh-CN', 'accepted')).toBe('已确认到岗，谢谢。');
    expect(callText('en', 'press1or2')).toBe('Please press 1 or 2.');
  });
});
