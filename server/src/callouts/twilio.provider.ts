import { Inject, Injectable } from '@nestjs/common';
import twilio from 'twilio';
import { APP_CONFIG, type AppConfig } from '../config/config.js';
import type RequestClient from 'twilio/lib/base/RequestClient.js';
import { OriginRewritingRequestClient, type TwilioClient } from '../twilio/twilio-client.js';
import {
  type MessagingProvider,
  type OutboundCall,
  type OutboundSms,
  ProviderError,
  type ProviderResult,
} from './provider.js';

/** Twilio through its official SDK (pointed at the bundled emulator by TWILIO_API_BASE). */
@Injectable()
export class TwilioProvider implements MessagingProvider {
  private client: TwilioClient | null = null;

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  private api(): TwilioClient {
    if (
      !this.config.TWILIO_ACCOUNT_SID ||
      !this.config.TWILIO_AUTH_TOKEN ||
      !this.config.TWILIO_FROM_NUMBER
    ) {
      throw new ProviderError(
        'SMS provider not configured: set TWILIO_ACCOUNT_SID, TWILIO_AUTH_TOKEN and TWILIO_FROM_NUMBER',
        'transient',
      );
    }
    if (this.client) return this.client;
    const opts = { timeout: 15_000, keepAlive: true, maxSockets: 200 };
    const base = this.config.TWILIO_API_BASE;
    // Built once: each RequestClient has its own axios instance and socket pool.
    const httpClient = base
      ? new (retryAfterAware(OriginRewritingRequestClient))(base, opts)
      : new (retryAfterAware(twilio.RequestClient))(opts);
    this.client = twilio(this.config.TWILIO_ACCOUNT_SID, this.config.TWILIO_AUTH_TOKEN, { httpClient });
    return this.client;
  }

  async sendSms(sms: OutboundSms): Promise<ProviderResult> {
    return call(async () => {
      const m = await this.api().messages.create({
        to: sms.to,
        from: this.config.TWILIO_FROM_NUMBER,
        body: sms.body,
        statusCallback: sms.statusCallback,
      });
      return { sid: m.sid, status: m.status };
    });
  }

  async placeCall(c: OutboundCall): Promise<ProviderResult> {
    return call(async () => {
      const created = await this.api().calls.create({
        to: c.to,
        from: this.config.TWILIO_FROM_NUMBER!,
        url: c.scriptUrl,
        method: 'POST',
        statusCallback: c.statusCallback,
        statusCallbackMethod: 'POST',
        statusCallbackEvent: ['initiated', 'ringing', 'answered', 'completed'],
      });
      return { sid: created.sid, status: created.status };
    });
  }

  async findSms(to: string, body: string, since: Date): Promise<ProviderResult | null> {
    return call(async () => {
      const list = await this.api().messages.list({ to, dateSentAfter: since, limit: 200 });
      const m = list.find((x) => x.body === body && x.dateCreated.getTime() >= since.getTime());
      return m ? { sid: m.sid, status: m.status } : null;
    });
  }

  async findCall(to: string, since: Date): Promise<ProviderResult | null> {
    return call(async () => {
      const list = await this.api().calls.list({ to, startTimeAfter: since, limit: 50 });
      const c = list.find((x) => x.dateCreated.getTime() >= since.getTime());
      return c ? { sid: c.sid, status: c.status } : null;
    });
  }

  validWebhook(url: string, params: Record<string, string>, signature: string | undefined): boolean {
    if (!signature || !this.config.TWILIO_AUTH_TOKEN) return false;
    return twilio.validateRequest(this.config.TWILIO_AUTH_TOKEN, signature, url, params);
  }
}

/** Sorts the SDK's failures into what the engine does with them. */
async function call<T>(fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (e) {
    if (e instanceof ProviderError) throw e;
    const err = e as { status?: number; code?: number; message?: string; headers?: Record<string, string> };
    if (typeof err.status === 'number') {
      if (err.status === 429) {
        const retryAfter = Number(
          (err as { details?: { retryAfterSeconds?: number } }).details?.retryAfterSeconds,
        );
        throw new ProviderError(
          err.message ?? 'rate limited',
          'rate_limited',
          err.code ?? 20429,
          Number.isFinite(retryAfter) ? retryAfter * 1000 : 1000,
        );
      }
      if (err.status >= 500)
        throw new ProviderError(err.message ?? `provider error ${err.status}`, 'transient', err.code ?? null);
      throw new ProviderError(
        err.message ?? `provider refused (${err.status})`,
        'permanent',
        err.code ?? null,
      );
    }
    throw new ProviderError(err.message ?? String(e), 'transient');
  }
}

/**
 * The SDK builds its RestException from the response body alone, losing the Retry-After header
 * of a 429; this copies it into the error's `details` so that the send waits as long as asked.
 */
// TypeScript requires a mixin's base constructor to take `...args: any[]`.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
function retryAfterAware<C extends new (...args: any[]) => RequestClient>(Base: C) {
  return class extends Base {
    override async request<TData>(opts: RequestClient.RequestOptions<TData>) {
      const res = await super.request<TData>(opts);
      if (res.statusCode === 429) {
        const header = (res.headers as Record<string, string | undefined>)['retry-after'];
        const body = (
          typeof res.body === 'string' ? JSON.parse(res.body || '{}') : (res.body ?? {})
        ) as Record<string, unknown>;
        body.details = {
          ...(body.details as object | undefined),
          retryAfterSeconds: header ? Number(header) : undefined,
        };
        (res as { body: unknown }).body = body;
      }
      return res;
    }
  };
}
