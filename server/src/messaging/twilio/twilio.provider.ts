import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '../../config/config.js';
import {
  type MessagingProvider,
  type OutboundCall,
  type OutboundSms,
  ProviderError,
  type ProviderResult,
} from '../provider.js';
import { createTwilioClient, type TwilioClient } from './twilio-client.js';
import { providerErrorOf } from './twilio-errors.js';
import { deliveryStatusOf } from './twilio-statuses.js';

/** Whether Twilio is configured: an account, its auth token and a number to send from. */
export function twilioConfigured(config: AppConfig): boolean {
  return Boolean(config.TWILIO_ACCOUNT_SID && config.TWILIO_AUTH_TOKEN && config.TWILIO_FROM_NUMBER);
}

/** Twilio through its official SDK (pointed at the bundled emulator by TWILIO_API_BASE). */
@Injectable()
export class TwilioProvider implements MessagingProvider {
  readonly name = 'twilio';
  private client: TwilioClient | null = null;

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  configured(): boolean {
    return twilioConfigured(this.config);
  }

  private api(): TwilioClient {
    if (!this.configured()) {
      throw new ProviderError(
        'SMS provider not configured: set TWILIO_ACCOUNT_SID, TWILIO_AUTH_TOKEN and TWILIO_FROM_NUMBER',
        'transient',
      );
    }
    // Built once: each request client has its own pool of kept-alive connections.
    this.client ??= createTwilioClient({
      accountSid: this.config.TWILIO_ACCOUNT_SID!,
      authToken: this.config.TWILIO_AUTH_TOKEN!,
      apiBase: this.config.TWILIO_API_BASE || undefined,
      timeoutMs: 15_000,
      maxSockets: 200,
      keepRetryAfter: true,
    });
    return this.client;
  }

  /**
   * The request `messages.create` makes, through the same SDK path (auth, form encoding, its
   * errors), keeping the answer as the JSON it is: the SDK's MessageInstance parses three RFC 2822
   * dates with dayjs for every message, a tenth of the worker's CPU in a fan-out, for a sid and a
   * status.
   */
  async sendSms(sms: OutboundSms): Promise<ProviderResult> {
    return call(async () => {
      const api = this.api();
      const m = (await api.api.v2010.create({
        uri: `/Accounts/${api.accountSid}/Messages.json`,
        method: 'post',
        data: {
          To: sms.to,
          From: this.config.TWILIO_FROM_NUMBER,
          Body: sms.body,
          ...(sms.statusCallback && { StatusCallback: sms.statusCallback }),
        },
        headers: { 'Content-Type': 'application/x-www-form-urlencoded', Accept: 'application/json' },
      })) as { sid: string; status: string };
      return result(m);
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
      return result(created);
    });
  }

  async findSms(to: string, fingerprint: string, since: Date): Promise<ProviderResult | null> {
    return call(async () => {
      const list = await this.api().messages.list({ to, dateSentAfter: since, limit: 200 });
      const m = list.find((x) => x.body.includes(fingerprint) && x.dateCreated.getTime() >= since.getTime());
      return m ? result(m) : null;
    });
  }

  async findCall(to: string, since: Date): Promise<ProviderResult | null> {
    return call(async () => {
      const list = await this.api().calls.list({ to, startTimeAfter: since, limit: 50 });
      const c = list.find((x) => x.dateCreated.getTime() >= since.getTime());
      return c ? result(c) : null;
    });
  }
}

/**
 * A message or call Twilio holds, in Muster's words. Twilio has it, so a status Muster does not
 * follow counts as accepted.
 */
function result(r: { sid: string; status: string }): ProviderResult {
  return { sid: r.sid, status: deliveryStatusOf(r.status) ?? 'accepted' };
}

/** Every failure of the SDK comes out as a ProviderError that says what the send does next. */
async function call<T>(fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (e) {
    throw providerErrorOf(e);
  }
}
