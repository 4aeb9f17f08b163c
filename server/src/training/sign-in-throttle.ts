import { Inject, Injectable } from '@nestjs/common';
import type { Redis } from 'ioredis';
import { RateLimiterMemory, RateLimiterRedis } from 'rate-limiter-flexible';
import { DomainError } from '../common/domain-errors.js';
import { tooManyAttempts } from '../common/too-many-attempts.js';
import { APP_CONFIG, type AppConfig } from '../config/config.js';
import { REDIS } from '../redis/redis.module.js';

/** Refused sign-ins an address may make in the window before it is refused outright. */
export const SIGN_IN_FAILURES = 10;
export const SIGN_IN_WINDOW_SECONDS = 600;

/**
 * The public sign-in page answers with the name of whoever is listed at a number, so without a
 * limit anyone holding a session's link could walk the directory number by number. Only refusals
 * count: a whole class signing in from one factory's Wi-Fi within a minute is the normal case and
 * must all get through. Counts live in Redis so that every server process shares them, and in
 * memory while Redis is down.
 */
@Injectable()
export class SignInThrottle {
  private readonly failures: RateLimiterRedis;

  constructor(@Inject(REDIS) redis: Redis, @Inject(APP_CONFIG) config: AppConfig) {
    const opts = {
      points: SIGN_IN_FAILURES,
      duration: SIGN_IN_WINDOW_SECONDS,
      keyPrefix: `${config.REDIS_PREFIX}:training-sign-in-failures`,
    };
    this.failures = new RateLimiterRedis({
      ...opts,
      storeClient: redis,
      insuranceLimiter: new RateLimiterMemory(opts),
    });
  }

  /** Runs a sign-in from `ip`; 429 once the address has used up its refusals, counting this one's. */
  async attempt<T>(ip: string, signIn: () => Promise<T>): Promise<T> {
    const seen = await this.failures.get(ip);
    if (seen && seen.consumedPoints >= SIGN_IN_FAILURES) throw this.refused(seen.msBeforeNext);
    try {
      return await signIn();
    } catch (e) {
      // A refusal by the domain (unknown number, bad link, closed window) is what a scan produces;
      // a database outage is not the caller's doing and must not lock anyone out.
      if (e instanceof DomainError) await this.failures.penalty(ip, 1);
      throw e;
    }
  }

  private refused(msBeforeNext: number) {
    const seconds = Math.max(1, Math.ceil(msBeforeNext / 1000));
    return tooManyAttempts(
      'training.signInLocked',
      `Too many refused sign-ins from this address; try again in ${seconds} s`,
      seconds,
    );
  }
}
