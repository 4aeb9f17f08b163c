// `npm run migrate [-- args]`: services, the database, then the server's migration CLI.
// Node built-ins only: this runs before `npm ci`.
import fs from 'node:fs';
import path from 'node:path';
import {
  ROOT,
  Stopping,
  installIfNeeded,
  onSignal,
  run,
  say,
  setStopping,
  step,
  stopActive,
} from './lib.mjs';
import {
  DEFAULT_DATABASE_URL,
  DEFAULT_REDIS_URL,
  describeError,
  ensureDatabase,
  ensureServices,
} from './services.mjs';

process.chdir(ROOT);
const env = { ...process.env };
env.DATABASE_URL ||= DEFAULT_DATABASE_URL;
env.REDIS_URL ||= DEFAULT_REDIS_URL;
env.TZ ||= 'Asia/Shanghai';

let services = null;
let code = 0;
onSignal(() => {
  setStopping();
  code = 130;
  stopActive();
});

try {
  await installIfNeeded();
  await step('PostgreSQL and Redis', async () => {
    const log = (m) => say(`  ${m}`);
    services = await ensureServices({
      databaseUrl: env.DATABASE_URL,
      redisUrl: env.REDIS_URL,
      dataDir: '.data',
      log,
    });
    await ensureDatabase(env.DATABASE_URL, { log });
  });
  if (!fs.existsSync(path.join(ROOT, 'server/dist/cli/migrate.js'))) {
    await step('build the server', () => run('npm', ['run', 'build', '-w', 'server'], { env }));
  }
  await step('migrate', () =>
    run(process.execPath, ['server/dist/cli/migrate.js', ...process.argv.slice(2)], { env }),
  );
} catch (err) {
  if (!(err instanceof Stopping)) {
    console.error(`[muster] migrate failed: ${describeError(err)}`);
    code = 1;
  }
}
try {
  await services?.stop();
} catch (err) {
  console.error(describeError(err));
  code ||= 1;
}
process.exit(code);
