// `npm test [-- jest args]`: install, browser, services, lint, typecheck, build, jest.
// Node built-ins only: this runs before `npm ci`.
import fs from 'node:fs';
import path from 'node:path';
import {
  ROOT,
  Stopping,
  installIfNeeded,
  onSignal,
  printTimings,
  run,
  say,
  setStopping,
  step,
  stopActive,
} from './lib.mjs';
import {
  DEFAULT_DATABASE_URL,
  DEFAULT_REDIS_URL,
  ServiceError,
  describeError,
  ensureDatabase,
  ensureServices,
  which,
} from './services.mjs';

const DATA_DIR = path.join(ROOT, '.data');
const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;

/** The Chromium the browser tests drive: CHROMIUM_PATH, else /usr/bin/chromium, else on PATH. */
function findChromium() {
  if (process.env.CHROMIUM_PATH) {
    if (fs.existsSync(process.env.CHROMIUM_PATH)) return process.env.CHROMIUM_PATH;
    throw new ServiceError(`CHROMIUM_PATH=${process.env.CHROMIUM_PATH} does not exist`);
  }
  if (fs.existsSync('/usr/bin/chromium')) return '/usr/bin/chromium';
  return which('chromium') ?? which('chromium-browser');
}

/**
 * What the report-form tests need besides Node: the CJK font the server embeds in its PDFs
 * (REPORT_FONT's default) and pdftotext to read them back.
 */
const PDF_PACKAGES = ['fonts-wqy-microhei', 'poppler-utils'];

function missingPdfPackages() {
  return [
    ...(fs.existsSync('/usr/share/fonts/truetype/wqy/wqy-microhei.ttc') ? [] : ['fonts-wqy-microhei']),
    ...(which('pdftotext') ? [] : ['poppler-utils']),
  ];
}

/**
 * Installs Debian's chromium with apt in the background (it takes about a minute, mostly download),
 * logging to .data/chromium-install.log; the promise resolves with the binary's path.
 */
function installChromium(env) {
  fs.mkdirSync(DATA_DIR, { recursive: true });
  const logFile = path.join(DATA_DIR, 'chromium-install.log');
  const out = fs.openSync(logFile, 'w');
  const aptEnv = { ...env, DEBIAN_FRONTEND: 'noninteractive' };
  const opts = { env: aptEnv, stdio: ['ignore', out, out] };
  const t0 = Date.now();
  say(
    `Chromium is not installed: installing it with apt-get in the background (log: ${path.relative(ROOT, logFile)})`,
  );
  const done = (async () => {
    await run('apt-get', ['update'], opts);
    // A CJK font too: the console is Chinese, and without one its screenshots show empty boxes
    // (the server's printed report forms embed it as well); poppler-utils reads those PDFs back.
    await run('apt-get', ['install', '-y', '--no-install-recommends', 'chromium', ...PDF_PACKAGES], opts);
    const found = findChromium();
    if (!found) throw new ServiceError('apt-get installed chromium, but no chromium binary was found');
    return found;
  })();
  return done
    .then(
      (found) => ({ found, ms: Date.now() - t0 }),
      (err) => {
        const log = fs.readFileSync(logFile, 'utf8').trimEnd().split('\n').slice(-20).join('\n');
        throw new ServiceError(`installing Chromium failed: ${err.message}\n${log}`);
      },
    )
    .finally(() => fs.closeSync(out));
}

const env = { ...process.env };
env.DATABASE_URL ||= DEFAULT_DATABASE_URL;
env.REDIS_URL ||= DEFAULT_REDIS_URL;
env.TZ ||= 'Asia/Shanghai';

let services = null;
let code = 0;

onSignal((signal) => {
  say(`${signal}: stopping`);
  setStopping();
  code = 130;
  stopActive();
});

process.chdir(ROOT);
const t0 = Date.now();
try {
  await installIfNeeded();

  let chromium = null; // a promise while apt-get runs
  await step('browser', async () => {
    const found = findChromium();
    if (found) {
      env.CHROMIUM_PATH = found;
      say(`  ${found}`);
      const missing = missingPdfPackages();
      if (missing.length && isRoot && which('apt-get')) {
        say(`  installing ${missing.join(', ')} with apt-get`);
        const opts = { env: { ...env, DEBIAN_FRONTEND: 'noninteractive' } };
        await run('apt-get', ['update'], opts);
        await run('apt-get', ['install', '-y', '--no-install-recommends', ...missing], opts);
      } else if (missing.length) {
        throw new ServiceError(
          `The report-form tests need ${missing.join(' and ')}.\n` +
            `  Debian/Ubuntu: sudo apt-get install ${missing.join(' ')}`,
        );
      }
    } else if (isRoot && which('apt-get')) {
      chromium = installChromium(env);
      chromium.catch(() => {}); // awaited below, before jest
    } else {
      throw new ServiceError(
        'The browser tests need Chromium, which is not installed.\n' +
          '  Debian/Ubuntu: sudo apt-get install chromium\n' +
          '  elsewhere: install Chromium (or Chrome) and set CHROMIUM_PATH=/path/to/chromium',
      );
    }
  });

  await step('PostgreSQL and Redis', async () => {
    const log = (m) => say(`  ${m}`);
    services = await ensureServices({
      databaseUrl: env.DATABASE_URL,
      redisUrl: env.REDIS_URL,
      dataDir: DATA_DIR,
      log,
    });
    await ensureDatabase(env.DATABASE_URL, { log });
  });

  await step('lint', () => run('npm', ['run', 'lint'], { env }));
  await step('typecheck', () => run('npm', ['run', 'typecheck'], { env }));
  await step('build', () => run('npm', ['run', 'build'], { env }));

  if (chromium) {
    await step('browser install (waiting for apt-get)', async () => {
      const { found, ms } = await chromium;
      env.CHROMIUM_PATH = found;
      say(`  ${found} (apt-get took ${(ms / 1000).toFixed(1)} s)`);
    });
  }

  await step('jest', async () => {
    const status = await run('npm', ['run', 'jest', '--', '--ci', ...process.argv.slice(2)], {
      env,
      check: false,
    });
    if (status !== 0)
      throw Object.assign(new ServiceError(`jest exited with ${status}`), { exitCode: status });
  });
} catch (err) {
  if (!(err instanceof Stopping)) {
    console.error(`\n[muster] npm test failed: ${describeError(err)}`);
    code = err.exitCode ?? 1;
  }
}

try {
  await services?.stop();
} catch (err) {
  console.error(describeError(err));
  code ||= 1;
}
printTimings();
say(`${code === 0 ? 'passed' : 'FAILED'} in ${((Date.now() - t0) / 1000).toFixed(1)} s (exit ${code})`);
process.exit(code);
