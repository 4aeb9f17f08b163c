import { Global, Inject, Logger, Module, type OnApplicationShutdown } from '@nestjs/common';
import { Redis } from 'ioredis';
import { APP_CONFIG, type AppConfig } from '../config/config.js';

export const REDIS = Symbol('REDIS');

/**
 * The shared command connection. Offline queueing is off so that a Redis outage surfaces as an
 * error at once (health turns 503) instead of requests piling up in memory.
 */
@Global()
@Module({
  providers: [
    {
      provide: REDIS,
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => {
        const redis = logOutages(
          new Redis(config.REDIS_URL, {
            enableOfflineQueue: false,
            maxRetriesPerRequest: 1,
            connectionName: 'muster',
            retryStrategy: (attempt) => Math.min(attempt * 200, 2000),
          }),
          'commands',
        );
        // At every connection: a Redis that came back may be another one, configured otherwise.
        redis.on('ready', () => void checkQueueStore(redis));
        return redis;
      },
    },
  ],
  exports: [REDIS],
})
export class RedisModule implements OnApplicationShutdown {
  constructor(@Inject(REDIS) private readonly redis: Redis) {}

  async onApplicationShutdown(): Promise<void> {
    await closeRedis(this.redis);
  }
}

/**
 * Closes a connection: QUIT when it is up, so that commands already sent (a departing socket's
 * presence) get their replies instead of a rejection nobody catches; a plain disconnect when it
 * is not, since a QUIT queued for a Redis that is down would wait for ever.
 */
export async function closeRedis(redis: Redis | undefined): Promise<void> {
  if (!redis) return;
  if (redis.status !== 'ready') {
    redis.disconnect();
    return;
  }
  // Auto-pipelined commands are written on the next turn of the event loop and QUIT is not
  // pipelined: without waiting, it would overtake them and they would meet a closed connection.
  while (redis.autoPipelineQueueSize > 0) await new Promise((resolve) => setImmediate(resolve));
  await redis.quit().catch(() => redis.disconnect());
}

/**
 * Warns when Redis may evict keys: under memory pressure it would drop queued jobs and schedules
 * silently. Returns the warning, or null when the policy is `noeviction` or cannot be read (a
 * managed Redis may refuse CONFIG; its settings are then the operator's to check).
 */
export async function checkQueueStore(redis: Redis, logger = new Logger('Redis')): Promise<string | null> {
  let policy: string | undefined;
  try {
    const reply = (await redis.config('GET', 'maxmemory-policy')) as string[];
    policy = reply[1];
  } catch {
    logger.debug('could not read maxmemory-policy (CONFIG refused)');
    return null;
  }
  if (!policy || policy === 'noeviction') return null;
  const warning =
    `Redis maxmemory-policy is "${policy}": when memory runs short Redis may evict queued jobs. ` +
    'Set maxmemory-policy noeviction for the queue store (see the README, "Redis as a queue store").';
  logger.warn(warning);
  return warning;
}

/**
 * Logs each outage of a connection once, when it starts and when it ends. ioredis reports every
 * failed reconnection attempt as an `error` event and, with nobody listening, prints each one to
 * stderr outside the structured log.
 */
export function logOutages<T extends Redis>(redis: T, name: string, logger = new Logger('Redis')): T {
  let down = false;
  redis.on('error', (e: Error) => {
    if (down) return;
    down = true;
    logger.warn(`Redis connection "${name}" lost (${e.message}); reconnecting`);
  });
  redis.on('ready', () => {
    if (!down) return;
    down = false;
    logger.log(`Redis connection "${name}" is back`);
  });
  return redis;
}
