import { Inject, Injectable } from '@nestjs/common';
import type { Redis } from 'ioredis';
import { RateLimiterMemory, RateLimiterRedis } from 'rate-limiter-flexible';
import { DomainError } from '../common/domain-errors.js';
import { tooManyAttempts } from '../common/too-many-attempts.js';
import { APP_CONFIG, type AppConfig } from '../config/config.js';
import { REDIS } from '../redis/redis.module.js';

/** Refused signatures an address may make in the window before it is refused outright. */
export const SIGN_FAILURES = 10;
export const SIGN_WINDOW_SECONDS = 900;

/**
 * A signing link is confirmed with a name and four digits: without a limit, whoever held a
 * forwarded link could try the 10,000 endings of a number. Only refusals count (a workshop
 * signing from one Wi-Fi must get through), in Redis so every server process shares them, in
 * memory while Redis is down.
 */
@Injectable()
export class StatementSignThrottle {
  private readonly failures: RateLimiterRedis;

  constructor(@Inject(REDIS) redis: Redis, @Inject(APP_CONFIG) config: AppConfig) {
    const opts = {
      points: SIGN_FAILURES,
      duration: SIGN_WINDOW_SECONDS,
      keyPrefix: `${config.REDIS_PREFIX}:statement-sign-failures`,
    };
    this.failures = new RateLimiterRedis({
      ...opts,
      storeClient: redis,
      insuranceLimiter: new RateLimiterMemory(opts),
    });
  }

  /**
   * Runs a signature from `ip` by the link `token`; 429 once the address, or the link from any
   * number of addresses, has used up its refusals.
   */
  async attempt<T>(ip: string, token: string, sign: () => Promise<T>): Promise<T> {
    const keys = [`ip:${ip}`, `link:${token}`];
    for (const key of keys) {
      const seen = await this.failures.get(key);
      if (seen && seen.consumedPoints >= SIGN_FAILURES) throw this.refused(seen.msBeforeNext);
    }
    try {
      return await sign();
    } catch (e) {
      // A wrong name or number is what guessing produces; a database outage is not the caller's doing.
      if (e instanceof DomainError) for (const key of keys) await this.failures.penalty(key, 1);
      throw e;
    }
  }

  private refused(msBeforeNext: number) {
    const seconds = Math.max(1, Math.ceil(msBeforeNext / 1000));
    return tooManyAttempts(
      'responsibilityStatements.signLocked',
      `Too many refused signatures from this address; try again in ${seconds} s`,
      seconds,
    );
  }
}
