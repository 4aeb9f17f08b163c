import type { ContactLanguage } from '@muster/contracts';
import type { DeliveryStatus } from './delivery-status.js';
import type { ProviderName, SendChannel } from './routing.js';

/**
 * What Muster needs from an SMS/voice provider, in Muster's words: the provider translates its
 * statuses into delivery states and its error codes into what a send does next. Twilio
 * (`twilio/`) and Tencent Cloud (`tencent/`, for mainland numbers) stand behind it; `routing.ts`
 * says which reaches which number.
 */
export interface ProviderResult {
  /** The provider's id of the message or call. */
  sid: string;
  status: DeliveryStatus;
}

/** What a text or call is, for a provider that sends approved templates instead of free text. */
export type MessageKind = 'callout' | 'drill_callout' | 'warning' | 'reminder';

/** The template of a message kind and its parameters, in the template's order. */
export interface MessageTemplate {
  kind: MessageKind;
  params: string[];
}

export interface OutboundSms {
  to: string;
  body: string;
  /**
   * What in the body tells this message from any other to the number and stays the same however
   * often it is built (a call-out's response link): what a look-up after a crash searches for.
   * Without it, the whole body. The rest of a body may differ between attempts — a call-out's
   * text carries its short code only while another call-out awaits the same phone.
   */
  fingerprint?: string;
  statusCallback: string;
  template: MessageTemplate;
}

export interface OutboundCall {
  to: string;
  /** Where the provider fetches the call's script (TwiML for Twilio). */
  scriptUrl: string;
  statusCallback: string;
  /** What a text-to-speech notification says (a provider without call scripts). */
  template: MessageTemplate;
}

/**
 * What a failed request means for the send: `permanent` is not retried and is shown to the
 * commander (an invalid number, one that said STOP); `rate_limited` waits as long as the provider
 * asks; `transient` is retried.
 */
export type ProviderErrorKind = 'permanent' | 'rate_limited' | 'transient';

export class ProviderError extends Error {
  constructor(
    message: string,
    readonly kind: ProviderErrorKind,
    /** The provider's own error code, recorded with the delivery. */
    readonly code: number | null = null,
    readonly retryAfterMs: number | null = null,
    /** The number has unsubscribed (answered STOP): no text goes to it until it says START. */
    readonly optedOut = false,
    /**
     * False when no answer came (a timeout, a dropped connection): the provider may still be
     * working on the request, so the send stays leased until it surely has.
     */
    readonly answered = true,
    /**
     * A refusal by this provider alone (its daily cap for the number): another provider able to
     * reach the number may send it at once, since this one surely did not.
     */
    readonly otherProviderMay = false,
  ) {
    super(message);
  }
}

/** Sending, and finding again what was sent. */
export interface MessagingProvider {
  readonly name: ProviderName;
  /** Whether the provider is configured at all (without it, nothing can be sent). */
  configured(): boolean;
  sendSms(sms: OutboundSms): Promise<ProviderResult>;
  placeCall(call: OutboundCall): Promise<ProviderResult>;
  /**
   * After a crash mid-send the outcome is unknown: look for a message to `to` whose body contains
   * `fingerprint`, created since `since`, so that it is adopted instead of sent twice.
   */
  findSms(to: string, fingerprint: string, since: Date): Promise<ProviderResult | null>;
  findCall(to: string, since: Date): Promise<ProviderResult | null>;
  /**
   * How long an attempt on `channel` stays leased when it gets no answer, before its retry asks
   * `find*` (null: the sender's own lease). A provider that cannot be asked about a send at once
   * holds it until its pushes can have told.
   */
  leaseMs?(channel: SendChannel): number | null;
}

/** The form parameters of a provider's webhook request. */
export type WebhookParams = Record<string, string>;

/** A status callback, translated: what became of a message or a call. */
export interface DeliveryReport {
  /** Whether it reports on a text or a call. */
  channel: 'sms' | 'voice';
  /** Null for a status Muster does not follow (it is not recorded). */
  status: DeliveryStatus | null;
  /** The provider's id of the message or call. */
  sid: string | null;
  errorCode: number | null;
}

/**
 * One step of what a call says and does, for the provider to render (TwiML for Twilio). `ask`
 * says its texts while it waits `timeoutSeconds` for one key, which is posted to `action`.
 */
export type VoiceStep =
  | { say: string }
  | { ask: { say: string[]; action: string; timeoutSeconds: number } }
  | { redirect: string }
  | 'hangup';

/** The provider's webhook requests: who sent them, what they say, and how to answer them. */
export interface ProviderWebhooks {
  /** The request header that carries the provider's signature. */
  readonly signatureHeader: string;
  /** Whether a webhook request to `url` really comes from the provider. */
  validSignature(url: string, params: WebhookParams, signature: string | undefined): boolean;
  /** A status callback, or null when the request carries no status. */
  report(params: WebhookParams): DeliveryReport | null;
  /** An incoming text. */
  inboundSms(params: WebhookParams): { from: string; body: string };
  /** The keys a caller pressed. */
  pressed(params: WebhookParams): string;
  /** The answer to an incoming text: a reply, or none. */
  smsAnswer(reply: string | null): string;
  /** The answer to a call's request for its script. */
  voiceAnswer(steps: VoiceStep[], language?: ContactLanguage): string;
}

export const PROVIDER_WEBHOOKS = Symbol('PROVIDER_WEBHOOKS');
