import { Inject, Injectable, Logger, type OnApplicationShutdown, type OnModuleInit } from '@nestjs/common';
import type { Redis } from 'ioredis';
import { APP_CONFIG, type AppConfig } from '../config/config.js';
import { Db } from '../database/db.js';
import { REDIS, closeRedis, logOutages } from '../redis/redis.module.js';
import { UserRepository } from './user.repository.js';

/**
 * Told a user id whose tokens were revoked, or null when revocations may have been missed (this
 * process's subscription was down): then everything held about any user must be checked again.
 */
export type RevocationListener = (userId: string | null) => void | Promise<void>;

/**
 * Revoking a user's tokens. The user's token version is raised in PostgreSQL in the same
 * transaction as the change that calls for it (so the token check is right on every process even
 * with nothing cached), and once that commits every server process is told over Redis pub/sub, so
 * that it forgets what it remembers of the user (PrincipalCache) and closes their sockets
 * (LiveGateway) at once rather than when a cache entry runs out.
 *
 * Pub/sub delivers at most once: a process whose subscription is down misses messages. So `live`
 * is true only while this process is subscribed, and what it remembers of users is used only then;
 * once subscribed again, listeners hear `null` and check everything they hold.
 */
@Injectable()
export class Revocations implements OnModuleInit, OnApplicationShutdown {
  private readonly logger = new Logger(Revocations.name);
  private readonly channel: string;
  private readonly listeners: RevocationListener[] = [];
  private sub?: Redis;
  private subscribed = false;

  constructor(
    private readonly db: Db,
    private readonly users: UserRepository,
    @Inject(REDIS) private readonly redis: Redis,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    this.channel = `${config.REDIS_PREFIX}:revoked`;
  }

  /** Whether this process hears every revocation, and so may trust what it remembers of users. */
  get live(): boolean {
    return this.subscribed;
  }

  listen(listener: RevocationListener): void {
    this.listeners.push(listener);
  }

  /**
   * Inside the transaction of the change that calls for it: raises the user's token version, and
   * once the change has committed tells this process and every other. The announcement is awaited
   * before the transaction returns, so it has been handed to every subscribed process before the
   * caller is answered.
   */
  async revoke(userId: string): Promise<void> {
    await this.users.raiseTokenVersion(userId);
    this.db.afterCommit(async () => {
      await this.notify(userId);
      try {
        await this.redis.publish(this.channel, userId);
      } catch (e) {
        // The version in PostgreSQL still refuses the tokens wherever nothing is cached; a process
        // that cannot hear this either has its own subscription down (and caches nothing) or lets
        // its cached copy run out within ACCESS_CACHE_SECONDS.
        this.logger.error({ err: e, userId }, 'revocation not announced to the other processes');
      }
    });
  }

  onModuleInit(): void {
    // Subscribed by hand on every (re)connection rather than by ioredis's auto-resubscribe, so
    // that this process knows when it is hearing again and can catch up on what it missed.
    const sub = logOutages(
      this.redis.duplicate({ connectionName: 'muster-revocations', autoResubscribe: false }),
      'revocations',
    );
    this.sub = sub;
    sub.on('message', (channel: string, userId: string) => {
      if (channel === this.channel) void this.notify(userId);
    });
    sub.on('ready', () => {
      sub.subscribe(this.channel).then(
        () => {
          this.subscribed = true;
          void this.notify(null);
        },
        (e: unknown) =>
          this.logger.warn({ err: e }, 'revocation channel not subscribed; retried on reconnect'),
      );
    });
    sub.on('close', () => {
      this.subscribed = false;
    });
  }

  async onApplicationShutdown(): Promise<void> {
    this.subscribed = false;
    await closeRedis(this.sub);
  }

  private async notify(userId: string | null): Promise<void> {
    for (const listener of this.listeners) {
      try {
        await listener(userId);
      } catch (e) {
        this.logger.error({ err: e, userId }, 'revocation listener failed');
      }
    }
  }
}
