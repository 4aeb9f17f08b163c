import { describe, expect, it } from '@jest/globals';
import { callText, previewMessages, smsBody, smsReply, voiceScript, whichCalloutReply } from './templates.js';

describe('call-out texts', () => {
  const t = { message: '华晟煤化工液氯泄漏，请危化救援队到凤凰山路88号集结', isDrill: false };

  it('writes the SMS in the recipient’s language, asking for 1 or 2', () => {
    expect(smsBody('zh-CN', t)).toBe(
      '【杜集开发区应急】华晟煤化工液氯泄漏，请危化救援队到凤凰山路88号集结。回复1确认，回复2无法到岗。',
    );
    expect(smsBody('en', { message: 'Chlorine leak, hazmat team to muster', isDrill: false })).toBe(
      '[Muster] Chlorine leak, hazmat team to muster. Reply 1 to accept, 2 to decline.',
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

  it('names the response level once, in words, in every SMS and call, after a full stop', () => {
    const message = '华晟煤化工液氯泄漏，凤凰山路88号';
    const cases = [
      ['I', '一级响应', 'Level I response', 'Level one response'],
      ['II', '二级响应', 'Level II response', 'Level two response'],
      ['III', '三级响应', 'Level III response', 'Level three response'],
      ['IV', '四级响应', 'Level IV response', 'Level four response'],
    ] as const;
    for (const [level, zh, en, spokenEn] of cases) {
      const l = { message, isDrill: false, responseLevel: level };
      expect(smsBody('zh-CN', l)).toBe(
        `【杜集开发区应急】${message}。已启动${zh}。回复1确认，回复2无法到岗。`,
      );
      expect(smsBody('en', l)).toBe(`[Muster] ${message}. ${en} activated. Reply 1 to accept, 2 to decline.`);
      expect(voiceScript('zh-CN', l).say).toBe(`这里是杜集经济开发区应急指挥中心。${message}。已启动${zh}。`);
      expect(voiceScript('en', l).say).toBe(
        `This is the Duji zone emergency command. ${message}. ${spokenEn} activated.`,
      );
      // No plan code beside a level name: "IⅠ级" read as level II.
      for (const text of [smsBody('zh-CN', l), voiceScript('zh-CN', l).say])
        expect(text).not.toMatch(/[IVⅠⅡⅢⅣ]/);
    }
  });

  it('keeps the commander’s own full stop rather than adding a second', () => {
    expect(smsBody('zh-CN', { message: '请到指挥部报到。', isDrill: false })).toBe(
      '【杜集开发区应急】请到指挥部报到。回复1确认，回复2无法到岗。',
    );
  });

  it('tells a phone that answers a call-out that has ended, in its language', () => {
    expect(smsReply('zh-CN', 'ended')).toBe('本次应急呼叫已结束，您的回复未记录，无需再回复。谢谢！');
    expect(smsReply('en', 'ended')).toBe(
      'This call-out has ended; your answer was not recorded and none is needed. Thank you.',
    );
    expect(callText('zh-CN', 'ended')).toBe('本次应急呼叫已结束，无需再回复。谢谢，再见。');
    expect(callText('en', 'ended')).toBe('This call-out has ended; no answer is needed. Thank you, goodbye.');
  });
});
