import { describe, expect, it } from '@jest/globals';
import i18next from 'i18next';
import { problemWords, type ProblemCatalog } from './problem-words';

const { default: en } = await import('../i18n/en.json', { with: { type: 'json' } });
const { default: zhCN } = await import('../i18n/zh-CN.json', { with: { type: 'json' } });

async function catalog(lng: 'zh-CN' | 'en'): Promise<ProblemCatalog> {
  const i18n = i18next.createInstance();
  await i18n.init({
    lng,
    resources: { 'zh-CN': { translation: zhCN }, en: { translation: en } },
    interpolation: { escapeValue: false },
  });
  return { t: i18n.t.bind(i18n) as unknown as ProblemCatalog['t'], exists: (k, o) => i18n.exists(k, o) };
}

describe('server problems in the console language', () => {
  const tooLong = (max: number) => ({
    message: `title: must be shorter than or equal to ${max} characters`,
    code: 'maxLength',
    field: 'title',
    params: { max, count: max },
  });

  it('words a rule with the field’s label and its bound, plural in English', async () => {
    const zh = await catalog('zh-CN');
    const english = await catalog('en');
    expect(problemWords(zh, tooLong(200).message, tooLong(200))).toBe('标题：不能超过 200 个字');
    expect(problemWords(english, tooLong(200).message, tooLong(200))).toBe(
      'Title: must be at most 200 characters',
    );
    expect(problemWords(english, tooLong(1).message, tooLong(1))).toBe('Title: must be at most 1 character');
  });

  it('names a nested field by its own label, or by its path when it has none', async () => {
    const zh = await catalog('zh-CN');
    const lat = {
      message: 'location.lat: must not be greater than 90',
      code: 'max',
      field: 'location.lat',
      params: { max: 90 },
    };
    expect(problemWords(zh, lat.message, lat)).toBe('纬度：不能大于 90');
    const odd = { message: 'zz.qq: must be text', code: 'isString', field: 'zz.qq' };
    expect(problemWords(zh, odd.message, odd)).toBe('zz.qq：应为文字');
  });

  it('words a domain refusal whole, with its params', async () => {
    const refusal = {
      message: "contactIds: not on the drill's roster: 王伟, 李娜",
      code: 'drill.notOnRoster',
      field: 'contactIds',
      params: { names: '王伟, 李娜' },
    };
    expect(problemWords(await catalog('zh-CN'), refusal.message, refusal)).toBe(
      '以下人员不在演练名单中：王伟, 李娜',
    );
    const none = { message: 'x', code: 'drill.noneOnRoster', params: { count: 1 } };
    expect(problemWords(await catalog('en'), none.message, none)).toBe(
      "The 1 person this call-out names is not on the drill's roster",
    );
  });

  it('keeps the server’s message for a code it has no words for, and for none', async () => {
    const zh = await catalog('zh-CN');
    expect(
      problemWords(zh, 'status: something new', { message: 'status: something new', code: 'someNewRule' }),
    ).toBe('status: something new');
    expect(problemWords(zh, 'plain message', undefined)).toBe('plain message');
  });
});
