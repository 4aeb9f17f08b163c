/** The Tencent Cloud emulator's public types: how it is started, configured and inspected. */

export interface TencentEmulatorOptions {
  /** The API key pair the SDK must sign with; a request signed with another key is refused. */
  secretId: string;
  secretKey: string;
  /** The SMS and voice application ids (SmsSdkAppId, VoiceSdkAppid) it knows. */
  smsSdkAppId: string;
  voiceSdkAppId: string;
  /** The approved SMS signatures (签名). Default: ['Muster']. */
  signs?: string[];
  /** Approved templates by id, `{1}`, `{2}`… for their parameters. Default: the built-in ones. */
  templates?: Record<string, string>;
  /** The key its pushes are signed with (`Sign` header, HMAC-SHA256 of the body). */
  callbackKey: string;
  /** Where receipts, replies (上行) and voice pushes go (the callback URLs of the console). */
  smsStatusUrl?: string;
  smsReplyUrl?: string;
  voiceUrl?: string;
  port?: number;
  host?: string;
  /** Time from a text's acceptance to its receipt, ms. Default 100. */
  messageStepMs?: number;
  /** Time a phone rings before it answers, ms. Default 1000. */
  ringMs?: number;
  /** How long an answered voice notification waits for a key, ms. Default 20000. */
  keyTimeoutMs?: number;
  /** Texts each number takes per day before `LimitExceeded.PhoneNumberDailyLimit`. Default 10. */
  dailyCapPerNumber?: number;
  log?: (line: string) => void;
}

/** A phone's part: answers and receives (normal), texts fail (unreachable), does not pick up, or is on the carrier's blacklist. */
export type TencentPhoneBehaviour = 'normal' | 'unreachable' | 'no-answer' | 'blacklisted';

/**
 * Faults of the send APIs (SendSms, SendTtsVoice; queries keep working). After `failSendsAfter`
 * successful sends every send fails: with `InternalError`, by hanging `hangMs` before it answers
 * (`timeout`: the text was taken and is delivered, but the answer comes too late), or both in turn
 * (`mixed`: every `timeoutEvery`th failing send hangs, the others are errors).
 */
export interface TencentFaults {
  failSendsAfter: number | null;
  failWith: 'error' | 'timeout' | 'mixed';
  timeoutEvery: number;
  hangMs: number;
}

export interface TencentSms {
  serialNo: string;
  to: string;
  sign: string;
  templateId: string;
  params: string[];
  content: string;
  status: 'sent' | 'delivered' | 'undelivered' | 'received';
  /** `inbound`: a phone's reply. */
  direction: 'outbound' | 'inbound';
  sentAt: string;
}

export interface TencentCall {
  callId: string;
  to: string;
  templateId: string;
  text: string;
  status: 'ringing' | 'answered' | 'completed' | 'no-answer';
  keys: string;
  createdAt: string;
}

/** A phone as the phone page lists it: what it got from this provider, most recent first. */
export interface TencentPhone {
  number: string;
  behaviour: TencentPhoneBehaviour;
  messages: number;
  calls: number;
  /** The call ringing or waiting for a key, if any. */
  activeCall: string | null;
  lastActivity: string | null;
}

export interface TencentEmulator {
  readonly url: string;
  readonly port: number;
  /** Every phone that texted, was texted or called, or was given a behaviour; most recent first. */
  phones(filter?: { search?: string; limit?: number }): TencentPhone[];
  /** Called after every change of a message, call or phone (the phone page follows them). */
  onChange(listener: () => void): void;
  /** The SMS (outbound and replies), oldest first. */
  messages(filter?: { to?: string }): TencentSms[];
  calls(filter?: { to?: string }): TencentCall[];
  setPhone(number: string, behaviour: TencentPhoneBehaviour): void;
  setFaults(faults: Partial<TencentFaults>): void;
  configure(urls: { smsStatusUrl?: string; smsReplyUrl?: string; voiceUrl?: string }): void;
  /** A phone texts back (上行). */
  reply(from: string, text: string): Promise<void>;
  /** A phone presses keys in its ringing or answered notification; false when there is none. */
  press(callId: string, keys: string): boolean;
  /** Resolves when no push is pending. */
  idle(): Promise<void>;
  reset(): void;
  close(): Promise<void>;
}
