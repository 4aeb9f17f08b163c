/**
 * The webhooks the emulator sends: signed as Twilio signs them, failures logged (the first, then
 * every thousandth per URL), and status callbacks through a bounded pool that yields to a burst
 * of REST requests (accepting messages comes first, callbacks catch up after it), except while
 * creates wait for room among the pending messages: only callbacks make that room.
 */
import { WebhookSender } from './http-util.js';
import { TaskPool } from './scheduler.js';
import { twilioSignature } from './signature.js';
import type { EmulatorState } from './state.js';

export interface WebhooksOptions {
  authToken: string;
  log: (line: string) => void;
  webhookTimeoutMs: number;
  /** Status callbacks in flight at once. */
  callbackConcurrency: number;
  /** The same while REST requests are arriving (within the last 100 ms). */
  burstCallbackConcurrency: number;
  /** Whether creates are waiting for room among the pending messages, which callbacks free. */
  sendsWaiting: () => boolean;
}

export interface Delivery {
  status: number;
  body: string;
  error?: string;
}

export class Webhooks {
  /** The callback pool (the emulator's `stats()` and `idle()` look at it). */
  readonly pool: TaskPool;
  private readonly sender: WebhookSender;
  private readonly failureLog = new Map<string, number>();
  private lastRestAt = -Infinity;

  constructor(
    private readonly state: EmulatorState,
    private readonly options: WebhooksOptions,
    /** Called whenever a callback has left the pool. */
    onSettled: () => void,
  ) {
    const { callbackConcurrency } = options;
    const burst = Math.min(callbackConcurrency, options.burstCallbackConcurrency);
    // Creates waiting for room wait for callbacks: yielding to them then would only slow both.
    this.pool = new TaskPool(
      () =>
        performance.now() - this.lastRestAt < 100 && !options.sendsWaiting() ? burst : callbackConcurrency,
      onSettled,
    );
    this.sender = new WebhookSender(Math.max(64, callbackConcurrency));
  }

  /** A REST request arrived: callbacks run at the burst concurrency for the next 100 ms. */
  restRequest(): void {
    this.lastRestAt = performance.now();
  }

  get busy(): boolean {
    return this.pool.pending > 0 || this.pool.inFlight > 0;
  }

  private readonly sign = (url: string, params: Record<string, string>): string =>
    twilioSignature(this.options.authToken, url, params);

  /** Sends one webhook now; never throws (a failure is answered as status 0 with its error). */
  async deliver(url: string, method: 'GET' | 'POST', params: Record<string, string>): Promise<Delivery> {
    try {
      const res = await this.sender.send(url, method, params, this.options.webhookTimeoutMs, this.sign);
      if (res.status >= 400) this.warn(url, `answered ${res.status}`);
      return { status: res.status, body: res.body };
    } catch (e) {
      const error = e instanceof Error ? e.message : String(e);
      this.warn(url, `failed: ${error}`);
      return { status: 0, body: '', error };
    }
  }

  /** A status callback through the bounded pool; resolves once it has been sent (or failed). */
  queueCallback(url: string, method: 'GET' | 'POST', params: Record<string, string>): Promise<void> {
    const { state } = this;
    const myEpoch = state.epoch;
    return new Promise((resolve) => {
      this.pool.push(async () => {
        try {
          if (myEpoch !== state.epoch) return;
          const r = await this.deliver(url, method, params);
          if (r.status >= 200 && r.status < 400) state.callbacksDelivered++;
          else state.callbacksFailed++;
        } finally {
          resolve();
        }
      });
    });
  }

  private warn(url: string, what: string): void {
    const n = (this.failureLog.get(url) ?? 0) + 1;
    this.failureLog.set(url, n);
    if (n === 1 || n % 1000 === 0)
      this.options.log(`twilio-emulator: webhook ${url} ${what}${n > 1 ? ` (${n} failures)` : ''}`);
  }

  clearFailures(): void {
    this.failureLog.clear();
  }

  close(): void {
    this.sender.close();
  }
}
