// Writes one benchmark's figures into docs/benchmarks.md, replacing that section's previous run.
import { readFile, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import * as prettier from 'prettier';
import { ROOT } from './harness.mjs';

const FILE = path.join(ROOT, 'docs/benchmarks.md');
const HEADER = `# Benchmarks

Measured on the development machine (${os.cpus().length} cores, ${Math.round(os.totalmem() / 2 ** 30)} GiB) with
PostgreSQL and Redis on loopback. Each section is rewritten by its script in \`bench/\`; run
\`npm run build\` first. Figures are from one run: expect some variance between runs.
`;

export async function writeSection(title, body) {
  let doc;
  try {
    doc = await readFile(FILE, 'utf8');
  } catch {
    doc = HEADER;
  }
  const start = `<!-- bench:${title} -->`;
  const end = `<!-- /bench:${title} -->`;
  const stamp = `_Run ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC, Node ${process.version}._`;
  const section = `${start}\n## ${title}\n\n${stamp}\n\n${body}\n${end}`;
  const re = new RegExp(
    `${start.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}[\\s\\S]*?${end.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`,
  );
  doc = re.test(doc) ? doc.replace(re, section) : `${doc.trimEnd()}\n\n${section}\n`;
  // The lint checks the docs' formatting too: aligned tables, as a person would leave them.
  const options = (await prettier.resolveConfig(FILE)) ?? {};
  await writeFile(FILE, await prettier.format(doc, { ...options, filepath: FILE }));
}
