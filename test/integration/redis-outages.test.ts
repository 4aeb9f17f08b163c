import { afterAll, expect, it, jest } from '@jest/globals';
import { Redis } from 'ioredis';
import { logOutages } from '../../server/src/redis/redis.module.js';
import { waitFor } from '../support/callouts.js';
import { PrivateRedis, freePort } from '../support/processes.js';

const redis = new PrivateRedis(await freePort());
afterAll(() => redis.stop());

it('logs a Redis outage once when it starts and once when it ends, not each reconnection attempt', async () => {
  await redis.start();
  const lines: string[] = [];
  const logger = {
    warn: (m: string) => lines.push(`warn ${m}`),
    log: (m: string) => lines.push(`info ${m}`),
  };
  const stderr = jest.spyOn(console, 'error').mockImplementation(() => undefined);
  const client = logOutages(
    new Redis(redis.url, { retryStrategy: () => 50, maxRetriesPerRequest: 1 }),
    'test',
    logger as never,
  );
  try {
    await client.ping();
    await redis.stop();
    // Several reconnection attempts fail (one every 50 ms) while Redis is down.
    await new Promise((r) => setTimeout(r, 600));
    expect(lines).toEqual([
      expect.stringMatching(/^warn Redis connection "test" lost \(.+\); reconnecting$/),
    ]);

    await redis.start();
    await waitFor(() => (lines.length === 2 ? true : undefined), 10_000, 'the reconnection');
    expect(lines[1]).toBe('info Redis connection "test" is back');
    expect(await client.ping()).toBe('PONG');
    // Nothing went to stderr outside the structured log.
    expect(stderr).not.toHaveBeenCalled();
  } finally {
    stderr.mockRestore();
    client.disconnect();
  }
});
