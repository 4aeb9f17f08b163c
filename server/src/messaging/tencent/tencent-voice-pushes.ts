import { Inject, Injectable } from '@nestjs/common';
import type { Redis } from 'ioredis';
import { APP_CONFIG, type AppConfig } from '../../config/config.js';
import { REDIS } from '../../redis/redis.module.js';
import type { ProviderResult } from '../provider.js';
import type { VoiceEvent } from './tencent-push.js';

/** How long a push about an unrecorded call is kept: past any hold of a send that could own it. */
const KEEP_MS = 24 * 3600_000;

/**
 * The voice pushes about calls no send holds yet, by the number called. VMS has no query for what
 * it placed, so when `SendTtsVoice` got no answer the call's id is unknown; the call's own push
 * (a key, or how it ended) is then the only word that it was placed. Kept in Redis: the server
 * takes the pushes, and the worker whose send is in doubt asks.
 */
@Injectable()
export class TencentVoicePushes {
  private readonly prefix: string;

  constructor(
    @Inject(APP_CONFIG) config: AppConfig,
    @Inject(REDIS) private readonly redis: Pick<Redis, 'multi' | 'zrevrangebyscore'>,
  ) {
    this.prefix = `${config.REDIS_PREFIX}:tencent-voice:`;
  }

  async record(event: VoiceEvent & { to: string }): Promise<void> {
    const status: ProviderResult['status'] = event.kind === 'key' ? 'in-progress' : event.status;
    const key = this.prefix + event.to;
    await this.redis
      .multi()
      .zadd(key, Date.now(), JSON.stringify({ sid: event.callId, status }))
      .pexpire(key, KEEP_MS)
      .exec();
  }

  /** The latest call to `to` that Tencent pushed about since `since`, or null. */
  async latest(to: string, since: Date): Promise<ProviderResult | null> {
    const [newest] = await this.redis.zrevrangebyscore(
      this.prefix + to,
      '+inf',
      since.getTime(),
      'LIMIT',
      0,
      1,
    );
    return newest ? (JSON.parse(newest) as ProviderResult) : null;
  }
}
