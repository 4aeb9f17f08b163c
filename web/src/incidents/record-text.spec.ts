import { describe, expect, it } from '@jest/globals';
import { ENUM_TEXT, type Bilingual } from '../contracts';

const { default: en } = await import('../i18n/en.json', { with: { type: 'json' } });
const { default: zhCN } = await import('../i18n/zh-CN.json', { with: { type: 'json' } });

/**
 * Badges and filters word enum values from the console's catalogues, records from the
 * contracts' record-text: the two must say the same, or a print would disagree with the screen.
 */
describe('enum words of the catalogues and of the records', () => {
  const pairs: [keyof typeof ENUM_TEXT, (c: typeof zhCN) => Record<string, string>][] = [
    ['severity', (c) => c.incidents.severity],
    ['category', (c) => c.incidents.category],
    ['incidentStatus', (c) => c.incidents.status],
    ['responseLevel', (c) => c.incidents.level],
    ['taskStatus', (c) => c.incidents.tasks.status],
    ['dispatchState', (c) => c.incidents.dispatch.state],
    ['role', (c) => c.roles],
  ];

  it.each(pairs)('agree on %s', (kind, pick) => {
    for (const [value, text] of Object.entries(ENUM_TEXT[kind]) as [string, Bilingual][]) {
      if (kind === 'role' && value === 'system') continue;
      expect({ value, zh: pick(zhCN)[value], en: pick(en as unknown as typeof zhCN)[value] }).toEqual({
        value,
        zh: text[0],
        en: text[1],
      });
    }
  });
});
