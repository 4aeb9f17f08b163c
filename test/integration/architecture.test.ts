import { describe, expect, it } from '@jest/globals';
import { execFile } from 'node:child_process';
import { rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';

const ROOT = new URL('../..', import.meta.url).pathname;

/** The architecture check's verdict on these files, as `npm run lint` would give it. */
async function violationsOf(files: Record<string, string>): Promise<string[]> {
  const paths = Object.keys(files);
  try {
    for (const [file, text] of Object.entries(files)) writeFileSync(path.join(ROOT, file), text);
    const { stdout } = await promisify(execFile)(
      process.execPath,
      [
        '--input-type=module',
        '-e',
        `const { violations } = await import('./infra/check-architecture.mjs');
         console.log(JSON.stringify(await violations(${JSON.stringify(paths)})));`,
      ],
      { cwd: ROOT },
    );
    return JSON.parse(stdout) as string[];
  } finally {
    for (const file of paths) rmSync(path.join(ROOT, file), { force: true });
  }
}

/**
 * Each rule of .dependency-cruiser.cjs (and the domain cycle check) fails on a deliberately broken
 * import: a rule that cannot fail would guard nothing. The files live only while the test runs.
 */
describe('the architecture rules', () => {
  it('refuse a broken import of each kind, naming the rule', async () => {
    const found = await violationsOf({
      'web/src/zz-broken-import.ts': `export { gradeSeverity } from '../../server/src/incidents/incident.service.js';\n`,
      'contracts/src/zz-broken-import.ts': `export { loadConfig } from '../../server/src/config/config.js';\n`,
      'server/src/incidents/zz-broken-import.ts': `export { IncidentController } from './incident.controller.js';\n`,
      'server/src/enterprises/zz-broken-import.ts': `export { IncidentService } from '../incidents/incident.service.js';\n`,
      'server/src/resources/zz-broken-import.ts': `export { Hazard } from '../hazards/hazard.entity.js';\n`,
    });
    expect(found).toEqual(
      expect.arrayContaining([
        'web-imports-only-contracts: web/src/zz-broken-import.ts → server/src/incidents/incident.service.ts',
        'contracts-import-no-runtime: contracts/src/zz-broken-import.ts → server/src/config/config.ts',
        'core-imports-no-http-front: server/src/incidents/zz-broken-import.ts → server/src/incidents/incident.controller.ts',
        'no-foreign-entities: server/src/resources/zz-broken-import.ts → server/src/hazards/hazard.entity.ts',
        expect.stringMatching(/^no-cycles-between-domains: .*enterprises ⇄ .*incidents/),
      ]),
    );
  }, 120_000);
});
