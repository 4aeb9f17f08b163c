// `npm run lint:deps`: the architecture's rules (.dependency-cruiser.cjs) over the sources, and
// no cycle between the server's domain folders. Violations recorded in
// docs/architecture-debt.json are reported but tolerated, so the list can only shrink: a new one
// fails, and one that is gone must be removed from the file (which says what is left to do).
import { cruise } from 'dependency-cruiser';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const DEBT_FILE = path.join(ROOT, 'docs/architecture-debt.json');
/** Folders of server/src that are infrastructure, not domains: anything may use them. */
const INFRASTRUCTURE = new Set([
  'common',
  'config',
  'database',
  'logging',
  'redis',
  'jobs',
  'cli',
  'demo',
  'health',
  'metrics',
  'twilio-emulator',
]);

/**
 * Cruises `roots` (default: the whole tree) and returns the violations as strings, each
 * `rule: from → to`. Exported for the test that proves a broken import fails.
 */
export async function violations(roots = ['contracts/src', 'server/src', 'worker/src', 'web/src']) {
  const config = createRequire(import.meta.url)(path.join(ROOT, '.dependency-cruiser.cjs'));
  const cwd = process.cwd();
  process.chdir(ROOT);
  try {
    const { output } = await cruise(roots, {
      ruleSet: { forbidden: config.forbidden },
      ...config.options,
      validate: true,
    });
    const found = output.summary.violations.map((v) => `${v.rule.name}: ${v.from} → ${v.to}`);
    return [...new Set([...found, ...domainCycles(output.modules)])].sort();
  } finally {
    process.chdir(cwd);
  }
}

/** Cycles between domain folders of server/src (Tarjan's strongly connected components). */
function domainCycles(modules) {
  const folder = (p) => {
    const m = /^server\/src\/([^/]+)\//.exec(p);
    return m && !INFRASTRUCTURE.has(m[1]) ? m[1] : null;
  };
  const graph = new Map();
  for (const m of modules) {
    const from = folder(m.source);
    if (!from || /\.spec\.ts$/.test(m.source)) continue;
    if (!graph.has(from)) graph.set(from, new Set());
    for (const d of m.dependencies) {
      const to = folder(d.resolved);
      if (to && to !== from && !d.dependencyTypes.includes('type-only')) graph.get(from).add(to);
    }
  }
  let next = 0;
  const index = new Map();
  const low = new Map();
  const stack = [];
  const cycles = [];
  const visit = (v) => {
    index.set(v, next);
    low.set(v, next++);
    stack.push(v);
    for (const w of graph.get(v) ?? []) {
      if (!index.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v), low.get(w)));
      } else if (stack.includes(w)) low.set(v, Math.min(low.get(v), index.get(w)));
    }
    if (low.get(v) === index.get(v)) {
      const component = [];
      let w;
      do {
        w = stack.pop();
        component.push(w);
      } while (w !== v);
      if (component.length > 1) cycles.push(`no-cycles-between-domains: ${component.sort().join(' ⇄ ')}`);
    }
  };
  for (const v of graph.keys()) if (!index.has(v)) visit(v);
  return cycles;
}

async function main() {
  const found = await violations();
  const debt = new Set(JSON.parse(fs.readFileSync(DEBT_FILE, 'utf8')).violations);
  const fresh = found.filter((v) => !debt.has(v));
  const paid = [...debt].filter((v) => !found.includes(v));
  const known = found.length - fresh.length;
  for (const v of fresh) console.error(`  ✗ ${v}`);
  for (const v of paid)
    console.error(`  ✓ no longer violated (remove it from docs/architecture-debt.json): ${v}`);
  console.log(
    `architecture: ${fresh.length} new violation(s), ${known} known (docs/architecture-debt.json), ${paid.length} fixed but still listed`,
  );
  if (fresh.length || paid.length) process.exit(1);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) await main();
