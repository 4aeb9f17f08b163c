import { describe, expect, it } from '@jest/globals';

type Catalog = { [key: string]: string | Catalog };

/** Leaf keys with their placeholders, plural suffixes folded (Chinese has one form, English two). */
function leaves(catalog: Catalog, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(catalog)) {
    const path = (prefix ? `${prefix}.${key}` : key).replace(/_(zero|one|two|few|many|other)$/, '');
    if (typeof value === 'string') {
      const names = [...new Set([...value.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]))].sort();
      out.set(path, names.join(','));
    } else for (const [k, v] of leaves(value, path)) out.set(k, v);
  }
  return out;
}

/** The spec of a namespace's catalogues: English says everything Chinese does, with the same placeholders. */
export function describeCatalogs(name: string, zhCN: object, en: object): void {
  describe(`${name} catalogues`, () => {
    it('have the same keys with the same placeholders in Chinese and English', () => {
      const zh = leaves(zhCN as Catalog);
      const english = leaves(en as Catalog);
      expect([...english.keys()].sort()).toEqual([...zh.keys()].sort());
      for (const [key, names] of zh) expect({ key, names: english.get(key) }).toEqual({ key, names });
    });
  });
}
