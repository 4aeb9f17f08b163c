/**
 * What Muster needs from an SMS/voice provider. Twilio is the one built; mainland Chinese
 * carriers restrict Twilio, so another provider can be added behind the same interface.
 */
export interface ProviderResult {
  /** The provider's id of the message or call. */
  sid: string;
  status: string;
}

export interface OutboundSms {
  to: string;
  body: string;
  statusCallback: string;
}

export interface OutboundCall {
  to: string;
  /** Where the provider fetches the call's script (TwiML for Twilio). */
  scriptUrl: string;
  statusCallback: string;
}

export type ProviderErrorKind = 'permanent' | 'rate_limited' | 'transient';

/** Permanent errors are not retried and are shown to the commander; the others are. */
export class ProviderError extends Error {
  constructor(
    message: string,
    readonly kind: ProviderErrorKind,
    readonly code: number | null = null,
    readonly retryAfterMs: number | null = null,
  ) {
    super(message);
  }
}

export interface MessagingProvider {
  sendSms(sms: OutboundSms): Promise<ProviderResult>;
  placeCall(call: OutboundCall): Promise<ProviderResult>;
  /**
   * After a crash mid-send the outcome is unknown: look for a message to `to` with this body
   * created since `since`, so that it is adopted instead of sent twice.
   */
  findSms(to: string, body: string, since: Date): Promise<ProviderResult | null>;
  findCall(to: string, since: Date): Promise<ProviderResult | null>;
  /** Whether a webhook request really comes from the provider. */
  validWebhook(url: string, params: Record<string, string>, signature: string | undefined): boolean;
}

export const MESSAGING_PROVIDER = Symbol('MESSAGING_PROVIDER');
