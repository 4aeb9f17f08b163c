import { type HttpException, Inject, Injectable } from '@nestjs/common';
import type { Redis } from 'ioredis';
import { RateLimiterMemory, RateLimiterRedis, RateLimiterRes } from 'rate-limiter-flexible';
import { tooManyAttempts } from '../common/too-many-attempts.js';
import { APP_CONFIG, type AppConfig } from '../config/config.js';
import { REDIS } from '../redis/redis.module.js';

/** An attempt at an account from an address, counted before its password is checked. */
export interface LoginAttempt {
  account: string;
  ip: string;
  /** Failures this address may still have at this account after this attempt. */
  remaining: number;
  /** Failures of this address at this account so far, this attempt included. */
  count: number;
}

/**
 * Login attempts are limited twice, in Redis so that every server replica shares the counts; while
 * Redis is down each process counts in memory rather than letting logins through unthrottled.
 *
 * - Per client address: LOGIN_RATE_PER_MINUTE attempts a minute, at whatever accounts.
 * - Per account *and* address: after LOGIN_MAX_FAILURES failures within LOGIN_LOCK_MINUTES, that
 *   address is refused for that account for LOGIN_LOCK_MINUTES. Never per account alone: whoever
 *   guesses at a commander's email from elsewhere must not lock the commander out during an
 *   incident.
 *
 * The address is Express's `req.ip`, which believes X-Forwarded-For only from TRUST_PROXY.
 */
@Injectable()
export class LoginThrottle {
  private readonly perAddress: RateLimiterRedis;
  private readonly perAccount: RateLimiterRedis;
  private readonly maxFailures: number;
  private readonly lockSeconds: number;

  constructor(@Inject(REDIS) redis: Redis, @Inject(APP_CONFIG) config: AppConfig) {
    const limiter = (opts: { points: number; duration: number; keyPrefix: string }) =>
      new RateLimiterRedis({ ...opts, storeClient: redis, insuranceLimiter: new RateLimiterMemory(opts) });
    this.maxFailures = config.LOGIN_MAX_FAILURES;
    this.lockSeconds = config.LOGIN_LOCK_MINUTES * 60;
    this.perAddress = limiter({
      points: config.LOGIN_RATE_PER_MINUTE,
      duration: 60,
      keyPrefix: `${config.REDIS_PREFIX}:login-rate`,
    });
    this.perAccount = limiter({
      points: this.maxFailures,
      duration: this.lockSeconds,
      keyPrefix: `${config.REDIS_PREFIX}:login-failures`,
    });
  }

  /** Counts an attempt from `ip`; 429 past the address's rate. */
  async fromAddress(ip: string): Promise<void> {
    try {
      await this.perAddress.consume(ip);
    } catch (e) {
      throw refusal(
        e,
        'auth.tooManyAttempts',
        (s) => `Too many login attempts from this address; try again in ${s} s`,
      );
    }
  }

  /**
   * Counts an attempt at `account` from `ip` before its password is checked, so that guesses sent
   * in parallel count as well; 429 while that address is locked out of the account. A success
   * clears the count (`succeeded`); a failure keeps it and may lock (`failed`).
   */
  async attempt(account: string, ip: string): Promise<LoginAttempt> {
    try {
      const res = await this.perAccount.consume(key(account, ip));
      return { account, ip, remaining: res.remainingPoints, count: res.consumedPoints };
    } catch (e) {
      throw refusal(e, 'auth.locked', lockedMessage);
    }
  }

  /** After a wrong password: the attempt that uses up the allowance locks the address out at once. */
  async failed(attempt: LoginAttempt): Promise<{ lockedForSeconds: number } | null> {
    if (attempt.remaining > 0) return null;
    await this.perAccount.block(key(attempt.account, attempt.ip), this.lockSeconds);
    return { lockedForSeconds: this.lockSeconds };
  }

  async succeeded(attempt: LoginAttempt): Promise<void> {
    await this.perAccount.delete(key(attempt.account, attempt.ip));
  }

  lockedError(seconds: number): HttpException {
    return tooManyAttempts('auth.locked', lockedMessage(seconds), seconds);
  }
}

const key = (account: string, ip: string) => `${account}|${ip}`;

const lockedMessage = (s: number) =>
  `Too many failed logins to this account from this address; try again in ${s} s`;

function refusal(e: unknown, code: string, message: (seconds: number) => string): unknown {
  if (!(e instanceof RateLimiterRes)) return e;
  const seconds = Math.max(1, Math.ceil(e.msBeforeNext / 1000));
  return tooManyAttempts(code, message(seconds), seconds);
}
