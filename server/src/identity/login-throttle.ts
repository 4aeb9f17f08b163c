import { HttpException, HttpStatus, Inject, Injectable } from '@nestjs/common';
import type { Redis } from 'ioredis';
import { RateLimiterMemory, RateLimiterRedis, RateLimiterRes } from 'rate-limiter-flexible';
import { APP_CONFIG, type AppConfig } from '../config/config.js';
import { REDIS } from '../redis/redis.module.js';

/**
 * Login attempts per client address per minute, counted in Redis so that every server replica
 * shares the count. If Redis is down, each process falls back to counting in memory rather than
 * letting logins through unthrottled.
 */
@Injectable()
export class LoginThrottle {
  private readonly limiter: RateLimiterRedis;

  constructor(@Inject(REDIS) redis: Redis, @Inject(APP_CONFIG) config: AppConfig) {
    const opts = {
      points: config.LOGIN_RATE_PER_MINUTE,
      duration: 60,
      keyPrefix: `${config.REDIS_PREFIX}:login-rate`,
    };
    this.limiter = new RateLimiterRedis({
      ...opts,
      storeClient: redis,
      insuranceLimiter: new RateLimiterMemory(opts),
    });
  }

  async consume(ip: string): Promise<void> {
    try {
      await this.limiter.consume(ip);
    } catch (e) {
      if (!(e instanceof RateLimiterRes)) throw e;
      const seconds = Math.max(1, Math.ceil(e.msBeforeNext / 1000));
      throw new HttpException(
        {
          statusCode: 429,
          message: `Too many login attempts; try again in ${seconds} s`,
          error: 'Too Many Requests',
          retryAfter: seconds,
        },
        HttpStatus.TOO_MANY_REQUESTS,
      );
    }
  }
}
