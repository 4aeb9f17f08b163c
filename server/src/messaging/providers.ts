import { hostname } from 'node:os';
import { Inject, Injectable } from '@nestjs/common';
import type { Redis } from 'ioredis';
import { Counter, Gauge } from 'prom-client';
import { APP_CONFIG, type AppConfig } from '../config/config.js';
import { registry } from '../metrics/metrics.js';
import { REDIS } from '../redis/redis.module.js';
import { type BreakerSnapshot, CircuitBreaker, type BreakerState } from './circuit-breaker.js';
import type { MessagingProvider } from './provider.js';
import { type ProviderName, parseRoutes, providersFor, type Routes, type SendChannel } from './routing.js';
import { TencentProvider } from './tencent/tencent.provider.js';
import { TwilioProvider } from './twilio/twilio.provider.js';

export interface ProviderHealth extends BreakerSnapshot {
  provider: ProviderName;
  configured: boolean;
}

/** How often a process publishes its view of the providers, at most (ms). */
const PUBLISH_EVERY_MS = 1000;
/** A process's view older than this is no longer counted (it stopped sending, or stopped). */
const VIEW_TTL_MS = 120_000;

const STATE_VALUE: Readonly<Record<BreakerState, number>> = { closed: 0, half_open: 1, open: 2 };

/** The providers of this process, read when /metrics is scraped (the registry is per process). */
let current: Providers | null = null;
const reportTo = (providers: Providers): void => {
  current = providers;
};

new Gauge({
  name: 'muster_provider_breaker_state',
  help: 'Circuit breaker of each SMS/voice provider: 0 closed (healthy), 1 half-open (probing), 2 open',
  labelNames: ['provider'] as const,
  registers: [registry],
  // Across a cluster's processes the worst breaker is the state to see, not their sum.
  aggregator: 'max',
  collect() {
    for (const h of current?.health() ?? []) this.set({ provider: h.provider }, STATE_VALUE[h.state]);
  },
});
const sendCounter = new Counter({
  name: 'muster_provider_sends_total',
  help: 'Sends to each SMS/voice provider by outcome (accepted, failed: errors and time-outs)',
  labelNames: ['provider', 'outcome'] as const,
  registers: [registry],
});

/**
 * The providers, their routes and their health. A send asks `pick` for the first provider able to
 * reach the number whose breaker lets it through, and reports how that went; the breakers live
 * in the process that sends (each worker judges for itself what it has seen).
 */
@Injectable()
export class Providers {
  private readonly byName: Record<ProviderName, MessagingProvider>;
  private readonly breakers: Record<ProviderName, CircuitBreaker>;
  readonly routes: Routes;
  private readonly healthKey: string;
  private readonly me = `${hostname()}:${process.pid}`;
  private lastPublished = 0;
  private readonly rates: Record<ProviderName, number>;

  constructor(
    twilio: TwilioProvider,
    tencent: TencentProvider,
    @Inject(APP_CONFIG) config: AppConfig,
    @Inject(REDIS) private readonly redis: Pick<Redis, 'hset' | 'hgetall' | 'hdel' | 'multi'> | null = null,
  ) {
    this.healthKey = `${config.REDIS_PREFIX}:provider-health`;
    // Twilio's rate is kept by the deliveries queue's limiter (SMS_RATE_PER_SECOND).
    this.rates = { twilio: 0, tencent: config.TENCENT_RATE_PER_SECOND };
    this.byName = { twilio, tencent };
    this.routes = parseRoutes(config.MESSAGING_ROUTES);
    const options = {
      failures: config.PROVIDER_BREAKER_FAILURES,
      windowMs: config.PROVIDER_BREAKER_WINDOW_SECONDS * 1000,
      openMs: config.PROVIDER_BREAKER_OPEN_SECONDS * 1000,
    };
    this.breakers = { twilio: new CircuitBreaker(options), tencent: new CircuitBreaker(options) };
    reportTo(this);
  }

  /** Whether any provider is configured (without one, nothing can be sent). */
  configured(): boolean {
    return Object.values(this.byName).some((p) => p.configured());
  }

  get(name: ProviderName): MessagingProvider {
    return this.byName[name];
  }

  /** The configured providers able to reach `phone` on `channel`, in order of preference. */
  candidates(phone: string, channel: SendChannel): ProviderName[] {
    return providersFor(this.routes, phone, channel, (n) => this.byName[n].configured());
  }

  /**
   * The provider to send through now (passing over `refused`, which turned the number down), or
   * null when every one able to reach the number is down.
   */
  pick(
    phone: string,
    channel: SendChannel,
    refused: readonly ProviderName[] = [],
    now = Date.now(),
  ): MessagingProvider | null {
    const name = this.candidates(phone, channel)
      .filter((n) => !refused.includes(n))
      .find((n) => this.breakers[n].allows(now));
    return name ? this.byName[name] : null;
  }

  /**
   * How long a send to `name` must wait for the provider's rate (sends per second, counted for
   * the whole cluster in Redis per second); 0 when it may go now or no rate is set.
   */
  async admit(name: ProviderName, now = Date.now()): Promise<number> {
    const rate = this.rates[name];
    if (!rate || !this.redis) return 0;
    const second = Math.floor(now / 1000);
    const key = `${this.healthKey}:rate:${name}:${second}`;
    const [[, count]] = (await this.redis.multi().incr(key).expire(key, 2).exec()) as [[unknown, number]];
    return count <= rate ? 0 : (second + 1) * 1000 - now + Math.floor(Math.random() * 200);
  }

  succeeded(name: ProviderName): void {
    this.breakers[name].succeeded();
    sendCounter.inc({ provider: name, outcome: 'accepted' });
    this.publish();
  }

  failed(name: ProviderName, why: string, now = Date.now()): void {
    this.breakers[name].failedOnce(now, why);
    sendCounter.inc({ provider: name, outcome: 'failed' });
    this.publish(true);
  }

  /**
   * The breakers live in the processes that send (the workers); each publishes its view to Redis,
   * at most once a second (at once when something failed), for the admin page of any server.
   */
  private publish(urgent = false): void {
    const now = Date.now();
    if (!this.redis || (!urgent && now - this.lastPublished < PUBLISH_EVERY_MS)) return;
    this.lastPublished = now;
    const view = JSON.stringify({ at: now, providers: this.health(now) });
    // Health is for display: a Redis hiccup must not fail a send.
    this.redis.hset(this.healthKey, this.me, view).catch(() => undefined);
  }

  /**
   * Each provider as the sending processes see it: this process's view and those the others
   * published lately, the worst state any of them reports and their counts added up.
   */
  async clusterHealth(now = Date.now()): Promise<ProviderHealth[]> {
    const entries = Object.entries((await this.redis?.hgetall(this.healthKey)) ?? {});
    const views = entries.flatMap(([who, text]) => {
      if (who === this.me) return [];
      const v = JSON.parse(text) as { at: number; providers: ProviderHealth[] };
      if (now - v.at <= VIEW_TTL_MS) return [v.providers];
      void this.redis?.hdel(this.healthKey, who).catch(() => undefined);
      return [];
    });
    return this.health(now).map((own) => {
      const all = [own, ...views.map((v) => v.find((p) => p.provider === own.provider)).filter((p) => !!p)];
      const worst = all.reduce((a, b) => (STATE_VALUE[b.state] > STATE_VALUE[a.state] ? b : a));
      return {
        ...worst,
        configured: own.configured,
        sent: all.reduce((n, p) => n + p.sent, 0),
        failed: all.reduce((n, p) => n + p.failed, 0),
        recentFailures: all.reduce((n, p) => n + p.recentFailures, 0),
      };
    });
  }

  health(now = Date.now()): ProviderHealth[] {
    return (Object.keys(this.byName) as ProviderName[]).map((provider) => ({
      provider,
      configured: this.byName[provider].configured(),
      ...this.breakers[provider].snapshot(now),
    }));
  }
}
