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
