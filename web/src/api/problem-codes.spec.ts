import { describe, expect, it } from '@jest/globals';
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';

const { default: en } = await import('../i18n/en.json', { with: { type: 'json' } });
const { default: zhCN } = await import('../i18n/zh-CN.json', { with: { type: 'json' } });

const SERVER = new URL('../../../server/src', import.meta.url).pathname;

/** Every domain code the server gives a problem (`problem('drill.notOnRoster', …)`), by file. */
function serverCodes(): Map<string, string> {
  const out = new Map<string, string>();
  for (const entry of readdirSync(SERVER, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile() || !entry.name.endsWith('.ts') || entry.name.endsWith('.spec.ts')) continue;
    const file = path.join(entry.parentPath, entry.name);
    for (const m of readFileSync(file, 'utf8').matchAll(/\bproblem\(\s*'([a-zA-Z]+\.[a-zA-Z.]+)'/g)) {
      out.set(m[1]!, path.relative(SERVER, file));
    }
  }
  return out;
}

type Catalog = { [key: string]: string | Catalog };
const at = (catalog: Catalog, key: string) =>
  key
    .split('.')
    .reduce<string | Catalog | undefined>(
      (node, part) => (typeof node === 'object' ? node[part] : undefined),
      catalog,
    );
/** A code with a `count` may have only its plural forms (`_one`, `_other`); `_other` is in both languages. */
const has = (catalog: Catalog, key: string) =>
  typeof at(catalog, key) === 'string' || typeof at(catalog, `${key}_other`) === 'string';

describe("the server's problem codes", () => {
  const codes = serverCodes();

  it('are found in the server’s source', () => {
    expect(codes.size).toBeGreaterThan(5);
  });

  // A code without words shows the server's English sentence to a Chinese user.
  it.each([
    ['zh-CN', zhCN.errors as Catalog],
    ['en', en.errors as Catalog],
  ])('all have words in the %s catalogue', (_lang, errors) => {
    const missing = [...codes].filter(([code]) => !has(errors, code)).map(([c, f]) => `${c} (${f})`);
    expect(missing).toEqual([]);
  });
});
