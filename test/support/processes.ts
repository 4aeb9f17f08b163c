import { type ChildProcess, spawn } from 'node:child_process';
import { connect, createServer } from 'node:net';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';

const ROOT = new URL('../..', import.meta.url).pathname;

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as { port: number };
      srv.close(() => resolve(port));
    });
    srv.on('error', reject);
  });
}

/** The built worker (as deployed) as a child process that a test can kill. */
export function spawnWorker(env: Record<string, string>): ChildProcess {
  const main = path.join(ROOT, 'worker/dist/main.js');
  if (!existsSync(main)) throw new Error('worker/dist is missing: run `npm run build` (npm test does)');
  return spawn(process.execPath, [main], {
    cwd: ROOT,
    env: { ...process.env, LOG_LEVEL: 'warn', ...env },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
}

/**
 * The built server (as deployed) on its own port, resolved once /health answers. `env` names the
 * database, Redis namespace and secret it shares with the test's own application; `onLine`, if
 * given, receives each line it logs instead of the test's output; `timeoutMs` (30 s) bounds the
 * wait for /health.
 */
export async function spawnServer(
  env: Record<string, string>,
  options: { onLine?: (line: string) => void; timeoutMs?: number } = {},
): Promise<{ child: ChildProcess; url: string }> {
  const main = path.join(ROOT, 'server/dist/main.js');
  if (!existsSync(main)) throw new Error('server/dist is missing: run `npm run build` (npm test does)');
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const child = spawn(process.execPath, [main], {
    cwd: ROOT,
    env: {
      ...process.env,
      NODE_ENV: 'test',
      LOG_LEVEL: 'warn',
      WEB_DIST: '/nonexistent-web-dist',
      ...env,
      PORT: String(port),
    },
    stdio: ['ignore', options.onLine ? 'pipe' : 'inherit', 'inherit'],
  });
  if (options.onLine) createInterface({ input: child.stdout! }).on('line', options.onLine);
  const timeoutMs = options.timeoutMs ?? 30_000;
  for (const until = Date.now() + timeoutMs; Date.now() < until;) {
    if (child.exitCode !== null) throw new Error(`the server exited with ${child.exitCode}`);
    try {
      if ((await fetch(`${url}/health`)).ok) return { child, url };
    } catch {
      /* not up yet */
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  child.kill('SIGKILL');
  throw new Error(`the server did not come up within ${timeoutMs / 1000} s`);
}

export function exited(child: ChildProcess): Promise<void> {
  return child.exitCode !== null || child.signalCode !== null
    ? Promise.resolve()
    : new Promise((resolve) => child.once('exit', () => resolve()));
}

/** A Redis of the test's own on a free port, so that it can be stopped and started again. */
export class PrivateRedis {
  private child: ChildProcess | null = null;
  private readonly dir = mkdtempSync(path.join(tmpdir(), 'muster-redis-'));
  constructor(readonly port: number) {}

  get url(): string {
    return `redis://127.0.0.1:${this.port}`;
  }

  async start(): Promise<void> {
    this.child = spawn(
      'redis-server',
      [
        '--port',
        String(this.port),
        '--bind',
        '127.0.0.1',
        '--save',
        '',
        '--appendonly',
        'no',
        '--dir',
        this.dir,
      ],
      {
        stdio: 'ignore',
      },
    );
    for (let i = 0; i < 100; i++) {
      if (await ping(this.port)) return;
      await new Promise((r) => setTimeout(r, 50));
    }
    throw new Error('private redis did not start');
  }

  async stop(): Promise<void> {
    if (!this.child) return;
    const c = this.child;
    this.child = null;
    c.kill('SIGKILL');
    await exited(c);
  }
}

function ping(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const sock = connect(port, '127.0.0.1');
    sock.once('connect', () => sock.write('PING\r\n'));
    sock.once('data', (d) => {
      sock.destroy();
      resolve(d.toString().startsWith('+PONG'));
    });
    sock.once('error', () => resolve(false));
  });
}
