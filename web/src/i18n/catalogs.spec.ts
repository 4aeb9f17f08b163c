import { describe, expect, it } from '@jest/globals';
import { RESPONSE_LEVELS, responseLevelName } from '@muster/contracts';

// Dynamic imports: Jest's transformer drops static import attributes, and Jest wants them for JSON.
const { default: en } = await import('./en.json', { with: { type: 'json' } });
const { default: zhCN } = await import('./zh-CN.json', { with: { type: 'json' } });

type Catalog = { [key: string]: string | Catalog };

/** Leaf keys, with i18next's plural suffixes folded: Chinese has one plural form, English two. */
function keys(catalog: Catalog, prefix = ''): Set<string> {
  const out = new Set<string>();
  for (const [key, value] of Object.entries(catalog)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === 'string') out.add(path.replace(/_(zero|one|two|few|many|other)$/, ''));
    else for (const nested of keys(value, path)) out.add(nested);
  }
  return out;
}

function placeholders(catalog: Catalog, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(catalog)) {
    const path = (prefix ? `${prefix}.${key}` : key).replace(/_(zero|one|two|few|many|other)$/, '');
    if (typeof value === 'string') {
      const names = [...value.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]).sort();
      out.set(path, [...new Set(names)].join(','));
    } else for (const [k, v] of placeholders(value, path)) out.set(k, v);
  }
  return out;
}

describe('translation catalogues', () => {
  it('have the same keys in Chinese and English', () => {
    expect([...keys(en as Catalog)].sort()).toEqual([...keys(zhCN as Catalog)].sort());
  });

  it('use the same placeholders in both languages', () => {
    const zh = placeholders(zhCN as Catalog);
    const english = placeholders(en as Catalog);
    for (const [key, names] of zh) expect(`${key}: ${english.get(key)}`).toBe(`${key}: ${names}`);
  });

  it('use the zone vocabulary for risk classes and responsibilities', () => {
    expect(zhCN.risk).toMatchObject({
      major: '重大风险',
      high: '较大风险',
      medium: '一般风险',
      low: '低风险',
    });
    expect(zhCN.enterprise.legalRepresentative).toContain('第一责任人');
    expect(zhCN.enterprise.dutyPhone).toBe('值班电话');
  });

  it('name each response level as every SMS, call and page does', () => {
    const level = (c: Catalog) => (c.incidents as Catalog).level as Catalog;
    for (const l of RESPONSE_LEVELS) {
      expect(level(zhCN as Catalog)[l]).toBe(responseLevelName(l, 'zh-CN'));
      expect(level(en as Catalog)[l]).toBe(responseLevelName(l, 'en'));
    }
  });
});
