/** The emulator's public types: how it is started, configured and inspected in-process. */
import type { PhoneBehaviour } from './resources.js';
import type { TencentEmulator } from './tencent/tencent-types.js';

export interface TwilioEmulatorOptions {
  /** `AC` + 32 hex digits. */
  accountSid: string;
  authToken: string;
  /** 0 (the default here) picks a free port; the standalone process uses 3090. */
  port?: number;
  /** Always loopback unless told otherwise. */
  host?: string;
  /** Where an inbound SMS (a phone's reply) is posted. */
  smsUrl?: string;
  /** Where an inbound call (a phone calling the emulated number) fetches its TwiML. */
  voiceUrl?: string;
  /** The emulated Twilio number: where a phone's reply goes when it names no `to`. */
  phoneNumber?: string;
  /** Time between the steps of a message (queued → sent → delivered), ms. Default 100. */
  messageStepMs?: number;
  /** Time a phone rings before it answers, is busy or fails, ms. Default 1000. */
  ringMs?: number;
  /** Multiplies simulated durations: `<Pause>`, `<Gather>` timeouts, a no-answer call's ringing. Default 1. */
  timeScale?: number;
  /** Overrides every `<Gather>`'s timeout, ms (short in tests). */
  gatherTimeoutMs?: number;
  /** Timeout of each webhook the emulator sends, ms. Default 15000 (as Twilio). */
  webhookTimeoutMs?: number;
  /** Status callbacks in flight at once. Default 64. */
  callbackConcurrency?: number;
  /**
   * Status callbacks in flight at once while REST requests are arriving (within the last 100 ms):
   * accepting messages comes first, callbacks catch up after the burst. Not while creates wait
   * for room (`maxPendingMessages`): callbacks are what frees it. Default 4.
   */
  burstCallbackConcurrency?: number;
  /** Messages in their delivery lifecycle at once; a create beyond that waits. Default 20000. */
  maxPendingMessages?: number;
  /** Messages and calls kept; the oldest are forgotten beyond that. Default 200000. */
  maxRecords?: number;
  /** Where to log problems (failed webhooks). Default: console.warn. */
  log?: (line: string) => void;
  /** A Tencent Cloud emulator in this process, whose phones the phone page shows beside these. */
  tencent?: TencentEmulator;
}

export interface Faults {
  errorRate: number;
  /** The status a faulted request gets; several: each faulted request gets one of them at random. */
  status: number | number[];
  latencyMs: number;
  /** Seconds, for 429. */
  retryAfter: number;
}

export interface EmulatorConfig {
  smsUrl: string | null;
  voiceUrl: string | null;
  phoneNumber: string | null;
  messageStepMs: number;
  ringMs: number;
  timeScale: number;
  gatherTimeoutMs: number | null;
}

export interface PhoneSettings {
  behaviour: PhoneBehaviour;
  language: string | null;
}

export interface EmulatorStats {
  messages: number;
  calls: number;
  /** Messages accepted through the REST API (201). */
  accepted: number;
  lastAcceptedAt: string | null;
  faultsInjected: number;
  lifecycle: { active: number; waiting: number };
  callbacks: { pending: number; inFlight: number; delivered: number; failed: number };
  rssBytes: number;
}

export interface TwilioEmulator {
  /** `http://127.0.0.1:<port>` — give it to `createTwilioClient({ apiBase })`. */
  readonly url: string;
  readonly port: number;
  readonly accountSid: string;
  readonly authToken: string;
  /** The resources, as `GET /_emulator/messages` and `/_emulator/calls` answer them. */
  messages(filter?: { to?: string; from?: string }): Record<string, unknown>[];
  calls(filter?: { to?: string; from?: string }): Record<string, unknown>[];
  setPhone(number: string, settings: Partial<PhoneSettings>): void;
  setFaults(faults: Partial<Faults>): void;
  configure(config: Partial<EmulatorConfig>): EmulatorConfig;
  stats(): EmulatorStats;
  /** Resolves when no message lifecycle or status callback is pending. */
  idle(): Promise<void>;
  reset(): void;
  close(): Promise<void>;
}
