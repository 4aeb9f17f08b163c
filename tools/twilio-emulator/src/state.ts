/**
 * The emulator's in-memory store: messages, calls, phones (their behaviour, opt-outs and activity),
 * the runtime settings and faults, and the counters `GET /_emulator/stats` reports. Every change
 * is noted (`changed()`), so the phone page can follow it live.
 */
import type { EmulatorConfig, Faults, PhoneSettings } from './options.js';
import { FINAL_CALL_STATUSES, type Call, type Message, type TranscriptEntry } from './resources.js';

/** How a `<Gather>` ends: keys (up to `numDigits` or the finish key), its timeout, or the call ending. */
export type GatherResult =
  { kind: 'digits'; digits: string; finishedOnKey: string } | { kind: 'timeout' | 'abort' };

export interface GatherWait {
  action: string;
  method: 'GET' | 'POST';
  numDigits: number | null;
  finishOnKey: string;
  buffer: string;
  timeoutMs: number;
  timer: NodeJS.Timeout | null;
  resolve: (r: GatherResult) => void;
}

/** A call and what runs it. */
export interface CallRuntime {
  call: Call;
  /** Bumped when the call is redirected by the API or ends: a flow that sees a new value stops. */
  flow: number;
  wait: GatherWait | null;
  /** Keys pressed while the call was between Gathers (DTMF type-ahead). */
  typeAhead: string;
  callbacks: Promise<void>;
}

export const NO_FAULTS: Faults = { errorRate: 0, status: 500, latencyMs: 0, retryAfter: 1 };

export class EmulatorState {
  config: EmulatorConfig;
  faults: Faults = { ...NO_FAULTS };
  /** Draws of fault injection (seeded by `POST /_emulator/faults { seed }`). */
  faultRandom: () => number = Math.random;
  /** Bumped by every reset: a message step or callback of an earlier epoch is dropped. */
  epoch = 0;
  /** Bumped by every change (the phone page's live updates). */
  version = 0;
  private seq = 0;

  messages = new Map<string, Message>();
  messagesByTo = new Map<string, Message[]>();
  calls = new Map<string, CallRuntime>();
  phones = new Map<string, PhoneSettings>();
  /** Per phone, the emulated numbers it sent STOP to. */
  optOuts = new Map<string, Set<string>>();
  /** SMS and calls each phone took part in (for the phone page). */
  tally = new Map<string, { messages: number; calls: number }>();
  /** Numbers seen (phones that received or sent something), with their last activity. */
  seen = new Map<string, number>();
  /** Last emulated number each phone heard from (the default `to` of its reply). */
  lastSender = new Map<string, string>();

  accepted = 0;
  lastAcceptedAt: Date | null = null;
  faultsInjected = 0;
  callbacksDelivered = 0;
  callbacksFailed = 0;

  private listener: () => void = () => undefined;

  constructor(
    private readonly initialConfig: EmulatorConfig,
    /** Messages and calls kept; the oldest are forgotten beyond that. */
    private readonly maxRecords: number,
  ) {
    this.config = { ...initialConfig };
  }

  /** The one listener told of every change (the live event stream). */
  onChange(listener: () => void): void {
    this.listener = listener;
  }

  changed(): void {
    this.version++;
    this.listener();
  }

  /** The sequence number of a new message or call (never reset: it orders records). */
  nextSeq(): number {
    return ++this.seq;
  }

  touch(number: string, count?: 'messages' | 'calls'): void {
    this.seen.delete(number);
    this.seen.set(number, Date.now());
    if (count) {
      let t = this.tally.get(number);
      if (!t) this.tally.set(number, (t = { messages: 0, calls: 0 }));
      t[count]++;
    }
  }

  isOptedOut(phoneNumber: string, sender: string): boolean {
    return this.optOuts.get(phoneNumber)?.has(sender) ?? false;
  }

  phone(number: string): PhoneSettings {
    return this.phones.get(number) ?? { behaviour: 'normal', language: null };
  }

  addMessage(m: Message): void {
    this.messages.set(m.sid, m);
    let list = this.messagesByTo.get(m.to);
    if (!list) this.messagesByTo.set(m.to, (list = []));
    list.push(m);
    if (this.messages.size > this.maxRecords) this.evictMessages();
    this.changed();
  }

  private evictMessages(): void {
    const drop = Math.ceil(this.maxRecords / 10);
    let i = 0;
    for (const sid of this.messages.keys()) {
      if (i++ >= drop) break;
      this.messages.delete(sid);
    }
    this.messagesByTo = new Map();
    for (const m of this.messages.values()) {
      let list = this.messagesByTo.get(m.to);
      if (!list) this.messagesByTo.set(m.to, (list = []));
      list.push(m);
    }
  }

  addCall(rt: CallRuntime): void {
    this.calls.set(rt.call.sid, rt);
    if (this.calls.size > this.maxRecords) {
      for (const [sid, old] of this.calls) {
        if (this.calls.size <= this.maxRecords) break;
        if (FINAL_CALL_STATUSES.has(old.call.status)) this.calls.delete(sid);
      }
    }
    this.changed();
  }

  addTranscript(rt: CallRuntime, entry: TranscriptEntry): void {
    rt.call.transcript.push(entry);
    rt.call.dateUpdated = new Date();
    this.changed();
  }

  /** Forgets every record, phone and counter, and restores the initial settings and no faults. */
  reset(): void {
    this.config = { ...this.initialConfig };
    this.faults = { ...NO_FAULTS };
    this.faultRandom = Math.random;
    this.messages = new Map();
    this.messagesByTo = new Map();
    this.calls = new Map();
    this.phones = new Map();
    this.optOuts = new Map();
    this.tally = new Map();
    this.seen = new Map();
    this.lastSender = new Map();
    this.accepted = 0;
    this.lastAcceptedAt = null;
    this.faultsInjected = 0;
    this.callbacksDelivered = 0;
    this.callbacksFailed = 0;
  }
}
