import type { RedisOptions } from 'ioredis';

/**
 * BullMQ options from REDIS_URL. Workers block on Redis, so ioredis must retry forever
 * (`maxRetriesPerRequest: null`), unlike the fail-fast command connection of RedisModule.
 */
export function bullConnection(redisUrl: string): RedisOptions {
  const u = new URL(redisUrl);
  const db = u.pathname.length > 1 ? Number(u.pathname.slice(1)) : 0;
  return {
    host: u.hostname,
    port: u.port ? Number(u.port) : 6379,
    username: u.username ? decodeURIComponent(u.username) : undefined,
    password: u.password ? decodeURIComponent(u.password) : undefined,
    db: Number.isInteger(db) ? db : 0,
    tls: u.protocol === 'rediss:' ? {} : undefined,
    maxRetriesPerRequest: null,
    connectionName: 'muster-bullmq',
  };
}

/** How long further connection errors of one queue or worker stay out of the log after one is logged. */
const QUIET_MS = 60_000;

/**
 * Logs a queue's or worker's connection errors at most once a minute. Without a listener BullMQ
 * prints every failed reconnection attempt to stderr, outside the structured log, many a second
 * while Redis is away.
 */
export function logQueueErrors(
  emitter: { on(event: 'error', fn: (err: Error) => void): unknown },
  name: string,
  logger: { warn(message: string): void },
): void {
  let lastAt = 0;
  emitter.on('error', (err: Error) => {
    if (Date.now() - lastAt < QUIET_MS) return;
    lastAt = Date.now();
    logger.warn(`queue ${name}: ${err.message} (further errors for a minute are not logged)`);
  });
}
