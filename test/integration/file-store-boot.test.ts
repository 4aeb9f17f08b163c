import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { spawn } from 'node:child_process';
import { createTestDatabase, type TestDatabase } from '../support/db.js';
import { REDIS_URL } from '../support/env.js';
import { freePort } from '../support/processes.js';
import { startTestS3, type TestS3 } from '../support/s3.js';

const ROOT = new URL('../..', import.meta.url).pathname;

/**
 * The built server with these settings, until it exits by itself or starts answering (then it is
 * stopped): its exit code (null if it started) and its output.
 */
async function runServer(env: Record<string, string>): Promise<{ code: number | null; output: string }> {
  const port = await freePort();
  const child = spawn(process.execPath, ['server/dist/main.js'], {
    cwd: ROOT,
    env: { ...process.env, NODE_ENV: 'test', LOG_LEVEL: 'warn', ...env, PORT: String(port) },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr.on('data', (d: Buffer) => (output += d.toString()));
  const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
  let done = false;
  const started = (async () => {
    while (!done) {
      const ok = await fetch(`http://127.0.0.1:${port}/health`).then(
        (r) => r.ok,
        () => false,
      );
      if (ok) return true;
      await new Promise((r) => setTimeout(r, 100));
    }
    return false;
  })();
  const code = await Promise.race([exited, started.then((up) => (up ? null : exited))]);
  done = true;
  if (code === null) {
    child.kill('SIGKILL');
    await exited;
  }
  return { code, output };
}

describe('the S3 file store at boot', () => {
  let db: TestDatabase;
  let s3: TestS3;

  beforeAll(async () => {
    db = await createTestDatabase();
    s3 = await startTestS3();
  });
  afterAll(async () => {
    await s3?.close();
    await db?.drop();
  });

  it('refuses to start when the bucket does not exist, naming the bucket and the error', async () => {
    const { code, output } = await runServer({
      ...s3.env,
      S3_BUCKET: 'muster-no-such-bucket',
      DATABASE_URL: db.url,
      REDIS_URL,
      REDIS_PREFIX: `test-${db.name}`,
      JWT_SECRET: `test-secret-${db.name}-0123456789abcdef`,
    });
    // EX_CONFIG: the supervisor stops instead of restarting it, since a restart cannot mend it.
    expect(code).toBe(78);
    expect(output).toContain(
      `S3_BUCKET: the bucket "muster-no-such-bucket" at ${s3.env.S3_ENDPOINT} cannot be used: it does not exist (NotFound, HTTP 404)`,
    );
  }, 60_000);
});
