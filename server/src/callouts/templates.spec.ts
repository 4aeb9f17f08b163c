import { describe, expect, it } from '@jest/globals';
import { previewMessages, smsBody, voiceScript } from './templates.js';

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
});
