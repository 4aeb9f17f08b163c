import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { HttpError, parseForm, readBody, readJson, sendJson, WebhookSender, type Form } from './http-util.js';
import { PHONE_PAGE_HTML } from './phone-page.js';
import {
  accountUri,
  API_VERSION,
  callInspection,
  callJson,
  FINAL_CALL_STATUSES,
  isE164,
  messageJson,
  newSid,
  PHONE_BEHAVIOURS,
  rfc2822,
  twilioError,
  type Call,
  type CallStatus,
  type Message,
  type MessageStatus,
  type PhoneBehaviour,
  type TranscriptEntry,
} from './resources.js';
import { AdmissionGate, TaskPool, Timers } from './scheduler.js';
import { countSegments } from './segments.js';
import { twilioSignature } from './signature.js';
import { childElements, parseTwiml, textOf, TwimlParseError, type XmlElement } from './twiml.js';

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
   * accepting messages comes first, callbacks catch up after the burst. Default 4.
   */
  burstCallbackConcurrency?: number;
  /** Messages in their delivery lifecycle at once; a create beyond that waits. Default 20000. */
  maxPendingMessages?: number;
  /** Messages and calls kept; the oldest are forgotten beyond that. Default 200000. */
  maxRecords?: number;
  /** Where to log problems (failed webhooks). Default: console.warn. */
  log?: (line: string) => void;
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

const OPT_OUT = new Set(['STOP', 'STOPALL', 'UNSUBSCRIBE', 'CANCEL', 'END', 'QUIT', 'REVOKE', 'OPTOUT']);
const OPT_IN = new Set(['START', 'YES', 'UNSTOP']);
const HELP = new Set(['HELP', 'INFO']);

const MESSAGE_PATH = /^\/2010-04-01\/Accounts\/([^/]+)\/(Messages|Calls)(?:\/([^/]+))?\.json$/;
const MAX_BODY_CHARS = 1600;
const PRICE_PER_SEGMENT = 0.0079;

/** Error codes Twilio reports when an SMS does not arrive. */
const SMS_FAILURES = {
  unreachable: { status: 'failed', code: 30006, message: 'Landline or unreachable carrier' },
  undelivered: { status: 'undelivered', code: 30003, message: 'Unreachable destination handset' },
} as const;

class RestError extends Error {
  constructor(
    readonly status: number,
    readonly code: number,
    message: string,
  ) {
    super(message);
  }
}

interface GatherWait {
  action: string;
  method: 'GET' | 'POST';
  numDigits: number | null;
  finishOnKey: string;
  buffer: string;
  timeoutMs: number;
  timer: NodeJS.Timeout | null;
  resolve: (
    r: { kind: 'digits'; digits: string; finishedOnKey: string } | { kind: 'timeout' | 'abort' },
  ) => void;
}

interface CallRuntime {
  call: Call;
  /** Bumped when the call is redirected by the API or ends: a flow that sees a new value stops. */
  flow: number;
  wait: GatherWait | null;
  /** Keys pressed while the call was between Gathers (DTMF type-ahead). */
  typeAhead: string;
  callbacks: Promise<void>;
}

function assertAccountSid(sid: string): void {
  if (!/^AC[0-9a-f]{32}$/.test(sid))
    throw new Error('accountSid must be AC followed by 32 lowercase hex digits');
}

export async function startTwilioEmulator(options: TwilioEmulatorOptions): Promise<TwilioEmulator> {
  assertAccountSid(options.accountSid);
  if (!options.authToken) throw new Error('authToken is required');
  const { accountSid, authToken } = options;
  const host = options.host ?? '127.0.0.1';
  const log = options.log ?? ((line: string) => console.warn(line));
  const webhookTimeoutMs = options.webhookTimeoutMs ?? 15_000;
  const maxRecords = options.maxRecords ?? 200_000;

  const initialConfig: EmulatorConfig = {
    smsUrl: options.smsUrl || null,
    voiceUrl: options.voiceUrl || null,
    phoneNumber: options.phoneNumber || null,
    messageStepMs: options.messageStepMs ?? 100,
    ringMs: options.ringMs ?? 1000,
    timeScale: options.timeScale ?? 1,
    gatherTimeoutMs: options.gatherTimeoutMs ?? null,
  };
  const noFaults: Faults = { errorRate: 0, status: 500, latencyMs: 0, retryAfter: 1 };

  // ---- state -------------------------------------------------------------------------------
  let config: EmulatorConfig = { ...initialConfig };
  let faults: Faults = { ...noFaults };
  let epoch = 0;
  let seq = 0;
  let messages = new Map<string, Message>();
  let messagesByTo = new Map<string, Message[]>();
  let calls = new Map<string, CallRuntime>();
  let phones = new Map<string, PhoneSettings>();
  /** `${phone} ${twilioNumber}`: the phone sent STOP to that number. */
  let optOuts = new Map<string, Set<string>>();
  /** SMS and calls each phone took part in (for the phone page). */
  let tally = new Map<string, { messages: number; calls: number }>();
  /** Numbers seen (phones that received or sent something), with their last activity. */
  let seen = new Map<string, number>();
  /** Last emulated number each phone heard from (the default `to` of its reply). */
  let lastSender = new Map<string, string>();
  let accepted = 0;
  let lastAcceptedAt: Date | null = null;
  let faultsInjected = 0;
  let callbacksDelivered = 0;
  let callbacksFailed = 0;
  let version = 0;

  const timers = new Timers();
  const callbackConcurrency = options.callbackConcurrency ?? 64;
  const burstCallbackConcurrency = Math.min(callbackConcurrency, options.burstCallbackConcurrency ?? 4);
  let lastRestAt = -Infinity;
  const pool = new TaskPool(
    () => (performance.now() - lastRestAt < 100 ? burstCallbackConcurrency : callbackConcurrency),
    () => checkIdle(),
  );
  const gate = new AdmissionGate(options.maxPendingMessages ?? 20_000);
  const sender = new WebhookSender(Math.max(64, callbackConcurrency));
  const sign = (url: string, params: Record<string, string>): string =>
    twilioSignature(authToken, url, params);
  const idleWaiters: Array<() => void> = [];
  const sseClients = new Set<http.ServerResponse>();
  let sseTimer: NodeJS.Timeout | null = null;
  const failureLog = new Map<string, number>();

  const expectedAuth = 'Basic ' + Buffer.from(`${accountSid}:${authToken}`).toString('base64');

  function changed(): void {
    version++;
    if (sseClients.size === 0 || sseTimer) return;
    sseTimer = setTimeout(() => {
      sseTimer = null;
      const line = `event: change\ndata: {"version":${version}}\n\n`;
      for (const res of sseClients) res.write(line);
    }, 150);
  }

  function touch(number: string, count?: 'messages' | 'calls'): void {
    seen.delete(number);
    seen.set(number, Date.now());
    if (count) {
      let t = tally.get(number);
      if (!t) tally.set(number, (t = { messages: 0, calls: 0 }));
      t[count]++;
    }
  }

  function isOptedOut(phoneNumber: string, sender: string): boolean {
    return optOuts.get(phoneNumber)?.has(sender) ?? false;
  }

  function checkIdle(): void {
    if (gate.inside > 0 || gate.waiting > 0 || pool.pending > 0 || pool.inFlight > 0) return;
    while (idleWaiters.length) idleWaiters.shift()!();
  }

  function warn(url: string, what: string): void {
    const n = (failureLog.get(url) ?? 0) + 1;
    failureLog.set(url, n);
    if (n === 1 || n % 1000 === 0)
      log(`twilio-emulator: webhook ${url} ${what}${n > 1 ? ` (${n} failures)` : ''}`);
  }

  function phone(number: string): PhoneSettings {
    return phones.get(number) ?? { behaviour: 'normal', language: null };
  }

  // ---- records -----------------------------------------------------------------------------
  function addMessage(m: Message): void {
    messages.set(m.sid, m);
    let list = messagesByTo.get(m.to);
    if (!list) messagesByTo.set(m.to, (list = []));
    list.push(m);
    if (messages.size > maxRecords) evictMessages();
    changed();
  }

  function evictMessages(): void {
    const drop = Math.ceil(maxRecords / 10);
    let i = 0;
    for (const sid of messages.keys()) {
      if (i++ >= drop) break;
      messages.delete(sid);
    }
    messagesByTo = new Map();
    for (const m of messages.values()) {
      let list = messagesByTo.get(m.to);
      if (!list) messagesByTo.set(m.to, (list = []));
      list.push(m);
    }
  }

  function addCall(rt: CallRuntime): void {
    calls.set(rt.call.sid, rt);
    if (calls.size > maxRecords) {
      for (const [sid, old] of calls) {
        if (calls.size <= maxRecords) break;
        if (FINAL_CALL_STATUSES.has(old.call.status)) calls.delete(sid);
      }
    }
    changed();
  }

  // ---- outbound webhooks -------------------------------------------------------------------
  async function deliver(
    url: string,
    method: 'GET' | 'POST',
    params: Record<string, string>,
  ): Promise<{ status: number; body: string; error?: string }> {
    try {
      const res = await sender.send(url, method, params, webhookTimeoutMs, sign);
      if (res.status >= 400) warn(url, `answered ${res.status}`);
      return { status: res.status, body: res.body };
    } catch (e) {
      const error = e instanceof Error ? e.message : String(e);
      warn(url, `failed: ${error}`);
      return { status: 0, body: '', error };
    }
  }

  /** A status callback through the bounded pool; resolves once it has been sent (or failed). */
  function queueCallback(url: string, method: 'GET' | 'POST', params: Record<string, string>): Promise<void> {
    const myEpoch = epoch;
    return new Promise((resolve) => {
      pool.push(async () => {
        try {
          if (myEpoch !== epoch) return;
          const r = await deliver(url, method, params);
          if (r.status >= 200 && r.status < 400) callbacksDelivered++;
          else callbacksFailed++;
        } finally {
          resolve();
        }
      });
    });
  }

  // ---- messages ----------------------------------------------------------------------------
  function messageCallbackParams(m: Message): Record<string, string> {
    const p: Record<string, string> = {
      AccountSid: m.accountSid,
      ApiVersion: API_VERSION,
      MessageSid: m.sid,
      MessageStatus: m.status,
      SmsSid: m.sid,
      SmsStatus: m.status,
      To: m.to,
    };
    if (m.from) p.From = m.from;
    if (m.messagingServiceSid) p.MessagingServiceSid = m.messagingServiceSid;
    if (m.errorCode !== null) p.ErrorCode = String(m.errorCode);
    return p;
  }

  function setMessageStatus(m: Message, status: MessageStatus): void {
    m.status = status;
    m.dateUpdated = new Date();
    if (status === 'sent') {
      m.dateSent = m.dateUpdated;
      m.price = (-PRICE_PER_SEGMENT * m.numSegments).toFixed(5);
    }
    changed();
  }

  type Step = { status: MessageStatus; error?: { code: number; message: string } };
  const NORMAL_STEPS: Step[] = [{ status: 'queued' }, { status: 'sent' }, { status: 'delivered' }];
  const UNREACHABLE_STEPS: Step[] = [
    { status: 'queued' },
    { status: SMS_FAILURES.unreachable.status, error: SMS_FAILURES.unreachable },
  ];
  const UNDELIVERED_STEPS: Step[] = [
    { status: 'queued' },
    { status: 'sent' },
    { status: SMS_FAILURES.undelivered.status, error: SMS_FAILURES.undelivered },
  ];

  interface Due {
    m: Message;
    steps: Step[];
    step: number;
    due: number;
    epoch: number;
  }
  /**
   * Messages waiting for their next step, in due order (one timer for all of them, not one per
   * message and step: accepting a burst stays cheap). Each message holds an admission place from
   * creation to its last step, so this queue and the callback pool are bounded by the gate.
   */
  const dueQueue: Due[] = [];
  let dueHead = 0;
  let dueTimer: NodeJS.Timeout | null = null;

  function scheduleStep(d: Due): void {
    d.due = performance.now() + config.messageStepMs;
    dueQueue.push(d);
    armDueTimer();
  }

  function armDueTimer(): void {
    if (dueTimer || dueHead >= dueQueue.length) return;
    dueTimer = setTimeout(runDueSteps, Math.max(0, dueQueue[dueHead].due - performance.now()));
  }

  function runDueSteps(): void {
    dueTimer = null;
    const now = performance.now();
    while (dueHead < dueQueue.length && dueQueue[dueHead].due <= now) {
      const d = dueQueue[dueHead];
      dueQueue[dueHead++] = undefined as never;
      runStep(d);
    }
    if (dueHead > 4096 && dueHead * 2 > dueQueue.length) {
      dueQueue.splice(0, dueHead);
      dueHead = 0;
    }
    armDueTimer();
  }

  function finishLifecycle(): void {
    gate.leave();
    checkIdle();
  }

  /** One step of queued → sent → delivered (or failed / undelivered), with its status callback. */
  function runStep(d: Due): void {
    if (d.epoch !== epoch) return finishLifecycle();
    const { m } = d;
    if (d.step > 0) {
      const step = d.steps[d.step];
      if (step.error) {
        m.errorCode = step.error.code;
        m.errorMessage = step.error.message;
      }
      setMessageStatus(m, step.status);
    }
    const next = (): void => {
      if (d.epoch !== epoch || d.step + 1 >= d.steps.length) return finishLifecycle();
      d.step++;
      scheduleStep(d);
    };
    if (m.statusCallback) void queueCallback(m.statusCallback, 'POST', messageCallbackParams(m)).then(next);
    else next();
  }

  /**
   * Starts a message on its way; it must hold an admission place. Every step, the first included,
   * comes a step's time after the previous one: the REST answer is out before the first callback.
   */
  function runMessageLifecycle(m: Message): void {
    const behaviour = phone(m.to).behaviour;
    const steps =
      behaviour === 'unreachable'
        ? UNREACHABLE_STEPS
        : behaviour === 'undelivered'
          ? UNDELIVERED_STEPS
          : NORMAL_STEPS;
    scheduleStep({ m, steps, step: 0, due: 0, epoch });
  }

  function validateFrom(from: string): boolean {
    return isE164(from) || /^(?=.*[A-Za-z])[A-Za-z0-9 ]{1,11}$/.test(from);
  }

  function validateUrl(url: string | undefined, code: number, name: string): string | null {
    if (url === undefined || url === '') return null;
    try {
      const u = new URL(url);
      if (u.protocol === 'http:' || u.protocol === 'https:') return url;
    } catch {
      // fall through
    }
    throw new RestError(400, code, `The ${name} URL ${url} is not a valid URL.`);
  }

  async function createMessage(form: Form): Promise<Message> {
    const to = form.get('To')?.trim() ?? '';
    const from = form.get('From')?.trim() || null;
    const messagingServiceSid = form.get('MessagingServiceSid') || null;
    const body = form.get('Body') ?? '';
    if (!to) throw new RestError(400, 21604, "A 'To' phone number is required.");
    if (!from && !messagingServiceSid) throw new RestError(400, 21603, "A 'From' phone number is required.");
    if (!body && !form.has('MediaUrl') && !form.has('ContentSid')) {
      throw new RestError(400, 21602, 'Message body is required.');
    }
    if ([...body].length > MAX_BODY_CHARS) {
      throw new RestError(400, 21617, 'The concatenated message body exceeds the 1600 character limit.');
    }
    if (!isE164(to)) throw new RestError(400, 21211, `Invalid 'To' Phone Number: ${to}`);
    if (from && !validateFrom(from))
      throw new RestError(400, 21212, `Invalid From Number (caller ID): ${from}`);
    if (from === to) throw new RestError(400, 21266, "'To' and 'From' number cannot be the same.");
    const statusCallback = validateUrl(form.get('StatusCallback'), 21609, 'StatusCallback');
    if (phone(to).behaviour === 'landline') {
      throw new RestError(400, 21614, "'To' number is not a valid mobile number");
    }
    if (isOptedOut(to, from ?? messagingServiceSid ?? '')) {
      throw new RestError(400, 21610, 'Attempt to send to unsubscribed recipient');
    }
    if (!gate.tryEnter()) await gate.enter();
    const now = new Date();
    const m: Message = {
      seq: ++seq,
      sid: newSid('SM'),
      accountSid,
      to,
      from,
      body,
      status: 'queued',
      direction: 'outbound-api',
      numSegments: countSegments(body),
      messagingServiceSid,
      statusCallback,
      dateCreated: now,
      dateUpdated: now,
      dateSent: null,
      errorCode: null,
      errorMessage: null,
      price: null,
    };
    addMessage(m);
    touch(to, 'messages');
    if (from) lastSender.set(to, from);
    accepted++;
    lastAcceptedAt = now;
    runMessageLifecycle(m);
    return m;
  }

  /** A message the emulated number sends on its own (a `<Message>` in a reply's TwiML). */
  function sendReply(to: string, from: string, body: string): Message | null {
    if (!body || isOptedOut(to, from) || phone(to).behaviour === 'landline') return null;
    const now = new Date();
    const m: Message = {
      seq: ++seq,
      sid: newSid('SM'),
      accountSid,
      to,
      from,
      body,
      status: 'queued',
      direction: 'outbound-reply',
      numSegments: countSegments(body),
      messagingServiceSid: null,
      statusCallback: null,
      dateCreated: now,
      dateUpdated: now,
      dateSent: null,
      errorCode: null,
      errorMessage: null,
      price: null,
    };
    addMessage(m);
    touch(to, 'messages');
    // The reply takes a lifecycle place without waiting for one (it is one message per reply).
    void gate.enter().then(() => runMessageLifecycle(m));
    return m;
  }

  async function receiveSms(body: Record<string, unknown>): Promise<Record<string, unknown>> {
    const from = typeof body.from === 'string' ? body.from.trim() : '';
    const text = typeof body.body === 'string' ? body.body : '';
    const to =
      (typeof body.to === 'string' && body.to.trim()) || lastSender.get(from) || config.phoneNumber || '';
    const problems: string[] = [];
    if (!isE164(from)) problems.push('from: must be an E.164 phone number');
    if (!to)
      problems.push('to: required (no emulated number has messaged this phone, and none is configured)');
    if (typeof body.body !== 'string') problems.push('body: must be a string');
    if (problems.length) throw new HttpError(400, problems.join('; '));
    const now = new Date();
    const m: Message = {
      seq: ++seq,
      sid: newSid('SM'),
      accountSid,
      to,
      from,
      body: text,
      status: 'received',
      direction: 'inbound',
      numSegments: countSegments(text),
      messagingServiceSid: null,
      statusCallback: null,
      dateCreated: now,
      dateUpdated: now,
      dateSent: now,
      errorCode: null,
      errorMessage: null,
      price: (-PRICE_PER_SEGMENT * countSegments(text)).toFixed(5),
    };
    addMessage(m);
    touch(from, 'messages');
    const keyword = text.trim().toUpperCase();
    let optOutType: string | null = null;
    if (OPT_OUT.has(keyword)) {
      let senders = optOuts.get(from);
      if (!senders) optOuts.set(from, (senders = new Set()));
      senders.add(to);
      optOutType = 'STOP';
    } else if (OPT_IN.has(keyword)) {
      optOuts.get(from)?.delete(to);
      optOutType = 'START';
    } else if (HELP.has(keyword)) {
      optOutType = 'HELP';
    }
    const result: Record<string, unknown> = {
      message: messageJson(m),
      optedOut: isOptedOut(from, to),
      webhook: null,
    };
    const url = config.smsUrl;
    if (!url) return result;
    const params: Record<string, string> = {
      AccountSid: accountSid,
      ApiVersion: API_VERSION,
      Body: text,
      From: from,
      MessageSid: m.sid,
      NumMedia: '0',
      NumSegments: String(m.numSegments),
      SmsMessageSid: m.sid,
      SmsSid: m.sid,
      SmsStatus: 'received',
      To: to,
    };
    if (optOutType) params.OptOutType = optOutType;
    const r = await deliver(url, 'POST', params);
    const replies: Record<string, unknown>[] = [];
    if (r.status >= 200 && r.status < 300 && r.body.trim().startsWith('<')) {
      try {
        const doc = parseTwiml(r.body);
        for (const el of childElements(doc)) {
          if (el.name !== 'Message') continue;
          const bodyEl = childElements(el).find((c) => c.name === 'Body');
          const reply = sendReply(from, to, textOf(bodyEl ?? el));
          if (reply) replies.push(messageJson(reply));
        }
      } catch (e) {
        log(`twilio-emulator: the SMS webhook's TwiML did not parse: ${(e as Error).message}`);
      }
    }
    result.webhook = { url, status: r.status, error: r.error ?? null };
    result.replies = replies;
    return result;
  }

  // ---- calls -------------------------------------------------------------------------------
  function addTranscript(rt: CallRuntime, entry: TranscriptEntry): void {
    rt.call.transcript.push(entry);
    rt.call.dateUpdated = new Date();
    changed();
  }

  const stamp = (): string => new Date().toISOString();

  function voiceParams(c: Call): Record<string, string> {
    return {
      AccountSid: c.accountSid,
      ApiVersion: API_VERSION,
      CallSid: c.sid,
      CallStatus: c.status,
      Called: c.to,
      Caller: c.from,
      Direction: c.direction,
      From: c.from,
      To: c.to,
    };
  }

  /** A call status callback, in order per call, if the call asked for this event. */
  function callEvent(rt: CallRuntime, event: 'initiated' | 'ringing' | 'answered' | 'completed'): void {
    const c = rt.call;
    if (!c.statusCallback || !c.statusCallbackEvents.has(event)) return;
    const params: Record<string, string> = {
      ...voiceParams(c),
      CallStatus: event === 'initiated' ? 'initiated' : c.status,
      CallbackSource: 'call-progress-events',
      SequenceNumber: String(c.callbackSeq++),
      Timestamp: rfc2822(new Date())!,
    };
    if (event === 'completed') {
      const seconds =
        c.startTime && c.endTime ? Math.max(0, Math.round((+c.endTime - +c.startTime) / 1000)) : 0;
      params.CallDuration = String(seconds);
      params.Duration = String(Math.ceil(seconds / 60));
      params.SipResponseCode =
        { busy: '486', 'no-answer': '487', failed: '404' }[c.status as string] ?? '200';
    }
    const url = c.statusCallback;
    const method = c.statusCallbackMethod;
    rt.callbacks = rt.callbacks.then(() => queueCallback(url, method, params));
  }

  function endCall(
    rt: CallRuntime,
    status: CallStatus,
    by: 'twiml' | 'api' | 'phone' | 'end-of-document' | null,
  ): void {
    const c = rt.call;
    if (FINAL_CALL_STATUSES.has(c.status)) return;
    rt.flow++;
    if (rt.wait) {
      if (rt.wait.timer) clearTimeout(rt.wait.timer);
      rt.wait.resolve({ kind: 'abort' });
      rt.wait = null;
    }
    c.gather = null;
    const now = new Date();
    c.status = status;
    c.endTime = now;
    c.dateUpdated = now;
    if (status === 'completed' && c.startTime) {
      const minutes = Math.max(1, Math.ceil((+now - +c.startTime) / 60_000));
      c.price = (-0.014 * minutes).toFixed(5);
    }
    if (by) addTranscript(rt, { at: stamp(), type: 'hangup', by });
    changed();
    callEvent(rt, 'completed');
  }

  function resolveUrl(target: string, base: string | null): string {
    try {
      return new URL(target, base ?? undefined).toString();
    } catch {
      return target;
    }
  }

  /** Fetches TwiML for the call; null (and the call ended) when it cannot. */
  async function fetchTwiml(
    rt: CallRuntime,
    url: string,
    method: 'GET' | 'POST',
    extra: Record<string, string> = {},
  ): Promise<XmlElement | null> {
    const myFlow = rt.flow;
    const r = await deliver(url, method, { ...voiceParams(rt.call), ...extra });
    if (rt.flow !== myFlow) return null;
    addTranscript(rt, { at: stamp(), type: 'fetch', url, method, status: r.status });
    if (r.status < 200 || r.status >= 300) {
      addTranscript(rt, {
        at: stamp(),
        type: 'error',
        code: 11200,
        message: `HTTP retrieval failure: ${r.error ?? `status ${r.status}`}`,
      });
      endCall(rt, 'completed', null);
      return null;
    }
    try {
      return parseTwiml(r.body);
    } catch (e) {
      const code = e instanceof TwimlParseError ? e.code : 12100;
      addTranscript(rt, { at: stamp(), type: 'error', code, message: (e as Error).message });
      endCall(rt, 'completed', null);
      return null;
    }
  }

  function gatherTimeout(seconds: number): number {
    return config.gatherTimeoutMs ?? seconds * 1000 * config.timeScale;
  }

  type Next =
    { kind: 'end' } | { kind: 'fetch'; url: string; method: 'GET' | 'POST'; extra?: Record<string, string> };

  const methodOf = (v: string | undefined): 'GET' | 'POST' => (v?.toUpperCase() === 'GET' ? 'GET' : 'POST');

  async function speak(rt: CallRuntime, el: XmlElement, docUrl: string | null): Promise<void> {
    if (el.name === 'Say') {
      addTranscript(rt, {
        at: stamp(),
        type: 'say',
        text: textOf(el),
        language: el.attrs.language ?? 'en-US',
        voice: el.attrs.voice ?? null,
      });
    } else if (el.name === 'Play') {
      addTranscript(rt, { at: stamp(), type: 'play', url: resolveUrl(textOf(el), docUrl) });
    } else if (el.name === 'Pause') {
      const seconds = Number(el.attrs.length ?? 1) || 1;
      addTranscript(rt, { at: stamp(), type: 'pause', seconds });
      await timers.sleep(seconds * 1000 * config.timeScale);
    }
  }

  async function runDocument(rt: CallRuntime, doc: XmlElement, docUrl: string | null): Promise<Next> {
    const myFlow = rt.flow;
    for (const verb of childElements(doc)) {
      if (rt.flow !== myFlow) return { kind: 'end' };
      switch (verb.name) {
        case 'Say':
        case 'Play':
        case 'Pause':
          await speak(rt, verb, docUrl);
          break;
        case 'Gather': {
          const action = resolveUrl(verb.attrs.action ?? docUrl ?? '', docUrl);
          const method = methodOf(verb.attrs.method);
          const numDigits = verb.attrs.numDigits ? Number(verb.attrs.numDigits) || null : null;
          const timeoutSeconds = Number(verb.attrs.timeout ?? 5) || 5;
          const finishOnKey = verb.attrs.finishOnKey ?? '#';
          for (const inner of childElements(verb)) {
            if (rt.flow !== myFlow) return { kind: 'end' };
            await speak(rt, inner, docUrl);
          }
          if (rt.flow !== myFlow) return { kind: 'end' };
          const entry: TranscriptEntry & { type: 'gather' } = {
            at: stamp(),
            type: 'gather',
            action,
            numDigits,
            timeoutSeconds,
            result: 'pending',
          };
          addTranscript(rt, entry);
          const result = await waitForDigits(rt, {
            action,
            method,
            numDigits,
            finishOnKey,
            timeoutMs: gatherTimeout(timeoutSeconds),
          });
          if (result.kind === 'abort') {
            entry.result = 'hangup';
            return { kind: 'end' };
          }
          // Inline TwiML without an action has nowhere to post the digits: carry on, as after a timeout.
          if (action && (result.kind === 'digits' || verb.attrs.actionOnEmptyResult === 'true')) {
            const digits = result.kind === 'digits' ? result.digits : '';
            entry.result = result.kind === 'digits' ? 'digits' : 'timeout';
            entry.digits = digits;
            const extra: Record<string, string> = { Digits: digits };
            if (result.kind === 'digits' && result.finishedOnKey) extra.FinishedOnKey = result.finishedOnKey;
            changed();
            return { kind: 'fetch', url: action, method, extra };
          }
          entry.result = result.kind === 'digits' ? 'digits' : 'timeout';
          if (result.kind === 'digits') entry.digits = result.digits;
          changed();
          break; // no input: on to the next verb, as Twilio does
        }
        case 'Redirect': {
          const url = resolveUrl(textOf(verb), docUrl);
          addTranscript(rt, { at: stamp(), type: 'redirect', url });
          return { kind: 'fetch', url, method: methodOf(verb.attrs.method) };
        }
        case 'Hangup':
        case 'Reject':
          endCall(rt, 'completed', 'twiml');
          return { kind: 'end' };
        default:
          addTranscript(rt, { at: stamp(), type: 'unsupported', verb: verb.name });
      }
    }
    if (rt.flow === myFlow) endCall(rt, 'completed', 'end-of-document');
    return { kind: 'end' };
  }

  function waitForDigits(
    rt: CallRuntime,
    g: Omit<GatherWait, 'buffer' | 'timer' | 'resolve'>,
  ): Promise<{ kind: 'digits'; digits: string; finishedOnKey: string } | { kind: 'timeout' | 'abort' }> {
    return new Promise((resolve) => {
      const wait: GatherWait = { ...g, buffer: '', timer: null, resolve };
      rt.wait = wait;
      rt.call.gather = { action: g.action, numDigits: g.numDigits, finishOnKey: g.finishOnKey };
      changed();
      armGatherTimer(rt, wait);
      if (rt.typeAhead) {
        const keys = rt.typeAhead;
        rt.typeAhead = '';
        feedDigits(rt, wait, keys);
      }
    });
  }

  function armGatherTimer(rt: CallRuntime, wait: GatherWait): void {
    if (wait.timer) clearTimeout(wait.timer);
    wait.timer = setTimeout(() => {
      if (rt.wait !== wait) return;
      finishGather(
        rt,
        wait,
        wait.buffer ? { kind: 'digits', digits: wait.buffer, finishedOnKey: '' } : { kind: 'timeout' },
      );
    }, wait.timeoutMs);
  }

  function finishGather(
    rt: CallRuntime,
    wait: GatherWait,
    result: Parameters<GatherWait['resolve']>[0],
  ): void {
    if (wait.timer) clearTimeout(wait.timer);
    rt.wait = null;
    rt.call.gather = null;
    wait.resolve(result);
  }

  function feedDigits(rt: CallRuntime, wait: GatherWait, keys: string): void {
    for (let i = 0; i < keys.length; i++) {
      const key = keys[i];
      if (wait.finishOnKey && key === wait.finishOnKey) {
        finishGather(rt, wait, { kind: 'digits', digits: wait.buffer, finishedOnKey: key });
        rt.typeAhead += keys.slice(i + 1);
        return;
      }
      wait.buffer += key;
      if (wait.numDigits !== null && wait.buffer.length >= wait.numDigits) {
        finishGather(rt, wait, { kind: 'digits', digits: wait.buffer, finishedOnKey: '' });
        rt.typeAhead += keys.slice(i + 1);
        return;
      }
    }
    armGatherTimer(rt, wait);
  }

  function pressDigits(sid: string, digits: string): Record<string, unknown> {
    const rt = calls.get(sid);
    if (!rt) throw new HttpError(404, `No call ${sid}`);
    if (!/^[0-9*#wW]+$/.test(digits)) throw new HttpError(400, 'digits: only 0-9, * and # (w to wait)');
    const keys = digits.replace(/[wW]/g, '');
    if (rt.call.status !== 'in-progress') {
      throw new HttpError(
        409,
        `Call ${sid} is ${rt.call.status}, not in progress: nobody is listening for keys`,
      );
    }
    rt.call.digits += keys;
    addTranscript(rt, { at: stamp(), type: 'digits', digits: keys });
    const inGather = rt.wait !== null;
    if (rt.wait) feedDigits(rt, rt.wait, keys);
    else rt.typeAhead += keys;
    return { ...callInspection(rt.call), buffered: !inGather };
  }

  async function runFlow(rt: CallRuntime, first: Next): Promise<void> {
    let next = first;
    const myFlow = rt.flow;
    while (next.kind === 'fetch' && rt.flow === myFlow) {
      const doc = await fetchTwiml(rt, next.url, next.method, next.extra);
      if (!doc || rt.flow !== myFlow) return;
      next = await runDocument(rt, doc, next.url);
    }
  }

  async function startInlineOrFetch(rt: CallRuntime): Promise<void> {
    const c = rt.call;
    if (c.twiml) {
      let doc: XmlElement;
      try {
        doc = parseTwiml(c.twiml);
      } catch (e) {
        addTranscript(rt, { at: stamp(), type: 'error', code: 12100, message: (e as Error).message });
        endCall(rt, 'completed', null);
        return;
      }
      const next = await runDocument(rt, doc, null);
      await runFlow(rt, next);
    } else if (c.url) {
      await runFlow(rt, { kind: 'fetch', url: c.url, method: c.method });
    } else {
      endCall(rt, 'completed', 'end-of-document');
    }
  }

  async function runCall(rt: CallRuntime): Promise<void> {
    const c = rt.call;
    const myFlow = rt.flow;
    const alive = (): boolean => rt.flow === myFlow && !FINAL_CALL_STATUSES.has(c.status);
    try {
      // The REST answer first, then the call starts dialling.
      await timers.sleep(Math.min(50, config.ringMs / 4));
      if (!alive()) return;
      callEvent(rt, 'initiated');
      await timers.sleep(Math.min(50, config.ringMs / 4));
      if (!alive()) return;
      c.status = 'ringing';
      c.dateUpdated = new Date();
      changed();
      callEvent(rt, 'ringing');
      const behaviour = c.direction === 'inbound' ? 'normal' : phone(c.to).behaviour;
      if (behaviour === 'no-answer') {
        await timers.sleep(c.timeoutSeconds * 1000 * config.timeScale);
        if (alive()) endCall(rt, 'no-answer', null);
        return;
      }
      await timers.sleep(config.ringMs);
      if (!alive()) return;
      if (behaviour === 'busy') return endCall(rt, 'busy', null);
      if (behaviour === 'unreachable') return endCall(rt, 'failed', null);
      c.status = 'in-progress';
      c.startTime = new Date();
      c.dateUpdated = c.startTime;
      changed();
      callEvent(rt, 'answered');
      await startInlineOrFetch(rt);
    } catch (e) {
      log(`twilio-emulator: call ${c.sid} failed: ${(e as Error).stack ?? e}`);
      endCall(rt, 'failed', null);
    }
  }

  function newCall(
    fields: Pick<Call, 'to' | 'from' | 'direction' | 'url' | 'method' | 'twiml'> &
      Partial<
        Pick<Call, 'statusCallback' | 'statusCallbackMethod' | 'statusCallbackEvents' | 'timeoutSeconds'>
      >,
  ): CallRuntime {
    const now = new Date();
    const call: Call = {
      seq: ++seq,
      sid: newSid('CA'),
      accountSid,
      status: 'queued',
      statusCallback: null,
      statusCallbackMethod: 'POST',
      statusCallbackEvents: new Set(['completed']),
      timeoutSeconds: 60,
      dateCreated: now,
      dateUpdated: now,
      startTime: null,
      endTime: null,
      answeredBy: null,
      price: null,
      transcript: [],
      digits: '',
      gather: null,
      callbackSeq: 0,
      ...fields,
    };
    return { call, flow: 0, wait: null, typeAhead: '', callbacks: Promise.resolve() };
  }

  function createCall(form: Form): Call {
    const to = form.get('To')?.trim() ?? '';
    const from = form.get('From')?.trim() ?? '';
    if (!to) throw new RestError(400, 21201, "No 'To' number is specified");
    if (!from) throw new RestError(400, 21213, "No 'From' number is specified");
    if (!isE164(to)) throw new RestError(400, 21211, `Invalid 'To' Phone Number: ${to}`);
    if (!isE164(from)) throw new RestError(400, 21212, `Invalid 'From' Phone Number: ${from}`);
    const twiml = form.get('Twiml') || null;
    const url = validateUrl(form.get('Url'), 21205, 'Url');
    if (!url && !twiml) throw new RestError(400, 21205, 'Url or Twiml is required.');
    const statusCallback = validateUrl(form.get('StatusCallback'), 21609, 'StatusCallback');
    const events = form
      .all('StatusCallbackEvent')
      .flatMap((v) => v.split(/[\s,]+/))
      .filter(Boolean);
    const timeoutSeconds = Math.min(600, Math.max(5, Number(form.get('Timeout') ?? 60) || 60));
    const rt = newCall({
      to,
      from,
      direction: 'outbound-api',
      url,
      method: methodOf(form.get('Method')),
      twiml,
      statusCallback,
      statusCallbackMethod: methodOf(form.get('StatusCallbackMethod')),
      statusCallbackEvents: new Set(events.length ? events : ['completed']),
      timeoutSeconds,
    });
    addCall(rt);
    touch(to, 'calls');
    void runCall(rt);
    return rt.call;
  }

  function updateCall(sid: string, form: Form): Call {
    const rt = calls.get(sid);
    if (!rt) throw notFound();
    const c = rt.call;
    const status = form.get('Status');
    const url = form.get('Url');
    const twiml = form.get('Twiml');
    if (status !== undefined) {
      if (status !== 'completed' && status !== 'canceled') {
        throw new RestError(400, 21218, `Invalid Status: ${status}`);
      }
      if (c.status === 'queued' || c.status === 'ringing') endCall(rt, 'canceled', 'api');
      else if (c.status === 'in-progress' && status === 'completed') endCall(rt, 'completed', 'api');
      return c;
    }
    if (url || twiml) {
      if (c.status !== 'in-progress') {
        throw new RestError(400, 21220, 'Call is not in-progress. Cannot redirect.');
      }
      rt.flow++;
      if (rt.wait) finishGather(rt, rt.wait, { kind: 'abort' });
      if (twiml) {
        c.twiml = twiml;
        c.url = null;
      } else {
        c.url = validateUrl(url, 21205, 'Url');
        c.method = methodOf(form.get('Method'));
        c.twiml = null;
      }
      void startInlineOrFetch(rt).catch((e) => log(`twilio-emulator: call ${sid}: ${(e as Error).message}`));
    }
    return c;
  }

  function hangUpByPhone(sid: string): Record<string, unknown> {
    const rt = calls.get(sid);
    if (!rt) throw new HttpError(404, `No call ${sid}`);
    if (rt.call.status === 'in-progress') endCall(rt, 'completed', 'phone');
    else if (rt.call.status === 'queued' || rt.call.status === 'ringing') endCall(rt, 'busy', 'phone');
    return callInspection(rt.call);
  }

  function placeInboundCall(body: Record<string, unknown>): Record<string, unknown> {
    const from = typeof body.from === 'string' ? body.from.trim() : '';
    const to =
      (typeof body.to === 'string' && body.to.trim()) || lastSender.get(from) || config.phoneNumber || '';
    if (!isE164(from)) throw new HttpError(400, 'from: must be an E.164 phone number');
    if (!to) throw new HttpError(400, 'to: required (no emulated number is known for this phone)');
    if (!config.voiceUrl)
      throw new HttpError(409, 'No voice URL is configured (TWILIO_EMULATOR_VOICE_URL or /_emulator/config)');
    const rt = newCall({ to, from, direction: 'inbound', url: config.voiceUrl, method: 'POST', twiml: null });
    addCall(rt);
    touch(from, 'calls');
    void runCall(rt);
    return callInspection(rt.call);
  }

  // ---- lists -------------------------------------------------------------------------------
  /**
   * A date filter's range in ms. `day`: the whole UTC day of the value (the exact `DateSent=`
   * filter matches a date, as Twilio documents it, even when the SDK sends a date-time);
   * otherwise a date-only value covers its day and a date-time its second.
   */
  function parseDateFilter(
    name: string,
    value: string | null,
    day = false,
  ): { from: number; to: number } | null {
    if (value === null || value === '') return null;
    const dateOnly = /^\d{4}-\d{2}-\d{2}$/.test(value);
    const t = Date.parse(dateOnly ? `${value}T00:00:00Z` : value);
    if (Number.isNaN(t)) throw new RestError(400, 20001, `Invalid ${name}: ${value}`);
    if (dateOnly || day) {
      const start = Math.floor(t / 86_400_000) * 86_400_000;
      return { from: start, to: start + 86_400_000 - 1 };
    }
    const second = Math.floor(t / 1000) * 1000;
    return { from: second, to: second + 999 };
  }

  /**
   * A Twilio list page, newest first. `PageToken` (`PA` + the last sid of the previous page)
   * keeps paging stable while new records arrive; `Page` alone pages by offset.
   */
  function listPage<T extends { seq: number; sid: string }>(
    key: 'messages' | 'calls',
    path: string,
    query: URLSearchParams,
    newestFirst: T[],
    toJson: (t: T) => Record<string, unknown>,
  ): Record<string, unknown> {
    const pageSize = Math.min(1000, Math.max(1, Number(query.get('PageSize') ?? 50) || 50));
    const page = Math.max(0, Number(query.get('Page') ?? 0) || 0);
    const token = query.get('PageToken');
    let start = page * pageSize;
    if (token && token.startsWith('PA')) {
      const afterSid = token.slice(2);
      const idx = newestFirst.findIndex((r) => r.sid === afterSid);
      start = idx >= 0 ? idx + 1 : start;
    }
    const items = newestFirst.slice(start, start + pageSize);
    const filters = new URLSearchParams();
    for (const [k, v] of query)
      if (k !== 'PageSize' && k !== 'Page' && k !== 'PageToken') filters.append(k, v);
    const uriWith = (extra: Record<string, string>): string => {
      const q = new URLSearchParams(filters);
      for (const [k, v] of Object.entries(extra)) q.set(k, v);
      return `${path}?${q.toString()}`;
    };
    const more = start + pageSize < newestFirst.length;
    return {
      [key]: items.map(toJson),
      end: start + Math.max(0, items.length - 1),
      first_page_uri: uriWith({ PageSize: String(pageSize), Page: '0' }),
      next_page_uri:
        more && items.length
          ? uriWith({
              PageSize: String(pageSize),
              Page: String(page + 1),
              PageToken: `PA${items[items.length - 1].sid}`,
            })
          : null,
      page,
      page_size: pageSize,
      previous_page_uri: page > 0 ? uriWith({ PageSize: String(pageSize), Page: String(page - 1) }) : null,
      start,
      uri: uriWith({
        PageSize: String(pageSize),
        Page: String(page),
        ...(token ? { PageToken: token } : {}),
      }),
    };
  }

  function listMessages(path: string, query: URLSearchParams): Record<string, unknown> {
    const to = query.get('To');
    const from = query.get('From');
    const exact = parseDateFilter('DateSent', query.get('DateSent'), true);
    const before = parseDateFilter('DateSent<', query.get('DateSent<'));
    const after = parseDateFilter('DateSent>', query.get('DateSent>'));
    const source = to ? (messagesByTo.get(to) ?? []) : [...messages.values()];
    const out: Message[] = [];
    for (let i = source.length - 1; i >= 0; i--) {
      const m = source[i];
      if (!messages.has(m.sid)) continue;
      if (from && m.from !== from) continue;
      // Not yet sent (queued): filtered by its creation time, so a reconciliation never misses it.
      const t = +(m.dateSent ?? m.dateCreated);
      if (exact && (t < exact.from || t > exact.to)) continue;
      if (before && t > before.to) continue;
      if (after && t < after.from) continue;
      out.push(m);
    }
    return listPage('messages', path, query, out, messageJson);
  }

  function listCalls(path: string, query: URLSearchParams): Record<string, unknown> {
    const to = query.get('To');
    const from = query.get('From');
    const status = query.get('Status');
    const exact = parseDateFilter('StartTime', query.get('StartTime'), true);
    const before = parseDateFilter('StartTime<', query.get('StartTime<'));
    const after = parseDateFilter('StartTime>', query.get('StartTime>'));
    const out: Call[] = [];
    const all = [...calls.values()];
    for (let i = all.length - 1; i >= 0; i--) {
      const c = all[i].call;
      if (to && c.to !== to) continue;
      if (from && c.from !== from) continue;
      if (status && c.status !== status) continue;
      const t = +(c.startTime ?? c.dateCreated);
      if (exact && (t < exact.from || t > exact.to)) continue;
      if (before && t > before.to) continue;
      if (after && t < after.from) continue;
      out.push(c);
    }
    return listPage('calls', path, query, out, callJson);
  }

  function notFound(path = ''): RestError {
    return new RestError(404, 20404, `The requested resource ${path} was not found`);
  }

  // ---- REST --------------------------------------------------------------------------------
  let faultRandom = Math.random;

  async function handleRest(
    req: http.IncomingMessage,
    res: http.ServerResponse,
    url: RequestTarget,
  ): Promise<void> {
    lastRestAt = performance.now();
    const f = faults;
    if (f.latencyMs > 0) await timers.sleep(f.latencyMs);
    if (f.errorRate > 0 && faultRandom() < f.errorRate) {
      faultsInjected++;
      await readBody(req).catch(() => '');
      const headers: Record<string, string> = {};
      const status = Array.isArray(f.status)
        ? f.status[Math.floor(faultRandom() * f.status.length)]
        : f.status;
      let body;
      if (status === 429) {
        headers['Retry-After'] = String(f.retryAfter);
        body = twilioError(429, 20429, 'Too Many Requests');
      } else if (status === 503) {
        body = twilioError(503, 20503, 'Service Unavailable');
      } else {
        body = twilioError(status, 20500, 'An internal server error has occurred');
      }
      sendJson(res, status, body, headers);
      return;
    }
    const auth = req.headers.authorization;
    if (auth !== expectedAuth) {
      await readBody(req).catch(() => '');
      sendJson(res, 401, twilioError(401, 20003, 'Authenticate'), {
        'WWW-Authenticate': 'Basic realm="Twilio API"',
      });
      return;
    }
    const match = MESSAGE_PATH.exec(url.pathname);
    if (!match) throw notFound(url.pathname);
    const [, account, collection, sid] = match;
    if (account !== accountSid) {
      throw new RestError(403, 20006, 'Access denied: the credentials do not belong to this account');
    }
    const method = req.method ?? 'GET';
    const path = `${accountUri(accountSid)}/${collection}.json`;
    if (collection === 'Messages') {
      if (!sid) {
        if (method === 'POST') {
          const m = await createMessage(parseForm(await readBody(req)));
          return sendJson(res, 201, messageJson(m));
        }
        if (method === 'GET') return sendJson(res, 200, listMessages(path, url.searchParams));
      } else {
        const m = messages.get(sid);
        if (!m) throw notFound(url.pathname);
        if (method === 'GET') return sendJson(res, 200, messageJson(m));
        if (method === 'POST') {
          const form = parseForm(await readBody(req));
          if (form.get('Body') === '') {
            m.body = '';
            m.dateUpdated = new Date();
          }
          return sendJson(res, 200, messageJson(m));
        }
        if (method === 'DELETE') {
          messages.delete(sid);
          res.writeHead(204).end();
          return;
        }
      }
    } else {
      if (!sid) {
        if (method === 'POST')
          return sendJson(res, 201, callJson(createCall(parseForm(await readBody(req)))));
        if (method === 'GET') return sendJson(res, 200, listCalls(path, url.searchParams));
      } else {
        const rt = calls.get(sid);
        if (!rt) throw notFound(url.pathname);
        if (method === 'GET') return sendJson(res, 200, callJson(rt.call));
        if (method === 'POST')
          return sendJson(res, 200, callJson(updateCall(sid, parseForm(await readBody(req)))));
        if (method === 'DELETE') {
          calls.delete(sid);
          res.writeHead(204).end();
          return;
        }
      }
    }
    throw new RestError(405, 20004, 'Method not allowed');
  }

  // ---- emulator API ------------------------------------------------------------------------
  function setPhone(number: string, settings: Partial<PhoneSettings>): void {
    if (!isE164(number)) throw new HttpError(400, 'number: must be an E.164 phone number');
    if (settings.behaviour !== undefined && !PHONE_BEHAVIOURS.includes(settings.behaviour)) {
      throw new HttpError(400, `behaviour: one of ${PHONE_BEHAVIOURS.join(', ')}`);
    }
    const current = phone(number);
    phones.set(number, {
      behaviour: settings.behaviour ?? current.behaviour,
      language: settings.language !== undefined ? settings.language : current.language,
    });
    touch(number);
    changed();
  }

  function setFaults(input: Partial<Faults> & { seed?: number }): void {
    const next: Faults = {
      errorRate: input.errorRate ?? faults.errorRate,
      status: input.status ?? faults.status,
      latencyMs: input.latencyMs ?? faults.latencyMs,
      retryAfter: input.retryAfter ?? faults.retryAfter,
    };
    const problems: string[] = [];
    if (!(Number.isFinite(next.errorRate) && next.errorRate >= 0 && next.errorRate <= 1)) {
      problems.push('errorRate: a number from 0 to 1');
    }
    const statuses = Array.isArray(next.status) ? next.status : [next.status];
    if (!statuses.length || !statuses.every((s) => Number.isInteger(s) && s >= 400 && s <= 599)) {
      problems.push('status: an HTTP error status (429, 500, 503…), or a list of them');
    }
    if (!(Number.isFinite(next.latencyMs) && next.latencyMs >= 0)) problems.push('latencyMs: a number ≥ 0');
    if (!(Number.isFinite(next.retryAfter) && next.retryAfter >= 0)) problems.push('retryAfter: seconds ≥ 0');
    if (problems.length) throw new HttpError(400, problems.join('; '));
    faults = {
      errorRate: next.errorRate,
      status: Array.isArray(next.status) ? [...next.status] : next.status,
      latencyMs: next.latencyMs,
      retryAfter: next.retryAfter,
    };
    faultRandom = input.seed !== undefined ? mulberry32(input.seed) : Math.random;
  }

  function configure(input: Partial<EmulatorConfig>): EmulatorConfig {
    const next = { ...config };
    const problems: string[] = [];
    for (const key of ['smsUrl', 'voiceUrl'] as const) {
      if (input[key] === undefined) continue;
      const v = input[key];
      if (v === null || v === '') next[key] = null;
      else if (typeof v === 'string' && /^https?:\/\//.test(v)) next[key] = v;
      else problems.push(`${key}: an http(s) URL or null`);
    }
    if (input.phoneNumber !== undefined) {
      if (input.phoneNumber === null || isE164(input.phoneNumber)) next.phoneNumber = input.phoneNumber;
      else problems.push('phoneNumber: an E.164 phone number or null');
    }
    for (const key of ['messageStepMs', 'ringMs', 'timeScale'] as const) {
      if (input[key] === undefined) continue;
      const v = Number(input[key]);
      if (Number.isFinite(v) && v >= 0) next[key] = v;
      else problems.push(`${key}: a number ≥ 0`);
    }
    if (input.gatherTimeoutMs !== undefined) {
      const v = input.gatherTimeoutMs === null ? null : Number(input.gatherTimeoutMs);
      if (v === null || (Number.isFinite(v) && v >= 0)) next.gatherTimeoutMs = v;
      else problems.push('gatherTimeoutMs: a number ≥ 0 or null');
    }
    if (problems.length) throw new HttpError(400, problems.join('; '));
    config = next;
    return { ...config };
  }

  function reset(): void {
    epoch++;
    for (const rt of calls.values()) {
      rt.flow++;
      if (rt.wait) finishGather(rt, rt.wait, { kind: 'abort' });
    }
    timers.cancelAll();
    // Messages waiting for a step give their places back at once.
    const dropped = dueQueue.length - dueHead;
    dueQueue.length = 0;
    dueHead = 0;
    if (dueTimer) clearTimeout(dueTimer);
    dueTimer = null;
    for (let i = 0; i < dropped; i++) gate.leave();
    config = { ...initialConfig };
    faults = { ...noFaults };
    faultRandom = Math.random;
    messages = new Map();
    messagesByTo = new Map();
    calls = new Map();
    phones = new Map();
    optOuts = new Map();
    tally = new Map();
    seen = new Map();
    lastSender = new Map();
    accepted = 0;
    lastAcceptedAt = null;
    faultsInjected = 0;
    callbacksDelivered = 0;
    callbacksFailed = 0;
    failureLog.clear();
    changed();
  }

  function filterBy<T extends { to: string; from: string | null }>(
    items: T[],
    q: { to?: string; from?: string; phone?: string },
  ): T[] {
    return items.filter(
      (i) =>
        (!q.to || i.to === q.to) &&
        (!q.from || i.from === q.from) &&
        (!q.phone || i.to === q.phone || i.from === q.phone),
    );
  }

  function inspectMessages(
    q: { to?: string; from?: string; phone?: string } = {},
  ): Record<string, unknown>[] {
    const source = q.to && !q.phone ? (messagesByTo.get(q.to) ?? []) : [...messages.values()];
    return filterBy(
      source.filter((m) => messages.has(m.sid)),
      q,
    ).map(messageJson);
  }

  function inspectCalls(q: { to?: string; from?: string; phone?: string } = {}): Record<string, unknown>[] {
    return filterBy(
      [...calls.values()].map((rt) => rt.call),
      q,
    ).map(callInspection);
  }

  function phoneList(q: { search?: string; limit?: number } = {}): Record<string, unknown>[] {
    const numbers = [...seen.keys()].reverse();
    for (const n of phones.keys()) if (!seen.has(n)) numbers.push(n);
    const search = (q.search ?? '').replace(/\s/g, '');
    const chosen = numbers.filter((n) => !search || n.includes(search)).slice(0, q.limit ?? Infinity);
    const active = new Map<string, string>();
    for (const { call } of calls.values()) {
      if (!FINAL_CALL_STATUSES.has(call.status))
        active.set(call.direction === 'inbound' ? call.from : call.to, call.sid);
    }
    return chosen.map((number) => {
      const p = phone(number);
      const t = tally.get(number);
      return {
        number,
        behaviour: p.behaviour,
        language: p.language,
        optedOutOf: [...(optOuts.get(number) ?? [])],
        messages: t?.messages ?? 0,
        calls: t?.calls ?? 0,
        activeCall: active.get(number) ?? null,
        lastActivity: seen.has(number) ? new Date(seen.get(number)!).toISOString() : null,
      };
    });
  }

  function stats(): EmulatorStats {
    return {
      messages: messages.size,
      calls: calls.size,
      accepted,
      lastAcceptedAt: lastAcceptedAt?.toISOString() ?? null,
      faultsInjected,
      lifecycle: { active: gate.inside, waiting: gate.waiting },
      callbacks: {
        pending: pool.pending,
        inFlight: pool.inFlight,
        delivered: callbacksDelivered,
        failed: callbacksFailed,
      },
      rssBytes: process.memoryUsage().rss,
    };
  }

  const str = (v: unknown): string | undefined => (typeof v === 'string' && v ? v : undefined);

  async function handleEmulator(
    req: http.IncomingMessage,
    res: http.ServerResponse,
    url: RequestTarget,
  ): Promise<void> {
    const method = req.method ?? 'GET';
    const path = url.pathname.replace(/\/+$/, '') || '/';
    const q = {
      to: url.searchParams.get('to') ?? undefined,
      from: url.searchParams.get('from') ?? undefined,
      phone: url.searchParams.get('phone') ?? undefined,
    };
    if (path === '/_emulator' && method === 'DELETE') {
      reset();
      return sendJson(res, 200, { ok: true });
    }
    if (path === '/_emulator/messages' && method === 'GET') {
      return sendJson(res, 200, { messages: inspectMessages(q) });
    }
    if (path === '/_emulator/calls' && method === 'GET')
      return sendJson(res, 200, { calls: inspectCalls(q) });
    if (path === '/_emulator/calls' && method === 'POST')
      return sendJson(res, 201, placeInboundCall(await readJson(req)));
    let m = /^\/_emulator\/calls\/([^/]+)$/.exec(path);
    if (m && method === 'GET') {
      const rt = calls.get(m[1]);
      if (!rt) throw new HttpError(404, `No call ${m[1]}`);
      return sendJson(res, 200, callInspection(rt.call));
    }
    m = /^\/_emulator\/calls\/([^/]+)\/digits$/.exec(path);
    if (m && method === 'POST') {
      const body = await readJson(req);
      const digits = body.digits === undefined ? '' : String(body.digits);
      if (!digits) throw new HttpError(400, 'digits: required');
      return sendJson(res, 200, pressDigits(m[1], digits));
    }
    m = /^\/_emulator\/calls\/([^/]+)\/hangup$/.exec(path);
    if (m && method === 'POST') return sendJson(res, 200, hangUpByPhone(m[1]));
    if (path === '/_emulator/sms' && method === 'POST')
      return sendJson(res, 200, await receiveSms(await readJson(req)));
    if (path === '/_emulator/phones' && method === 'GET') {
      const limit = Number(url.searchParams.get('limit'));
      return sendJson(res, 200, {
        phones: phoneList({
          search: url.searchParams.get('q') ?? undefined,
          limit: Number.isInteger(limit) && limit > 0 ? limit : undefined,
        }),
      });
    }
    if (path === '/_emulator/phones' && method === 'POST') {
      const body = await readJson(req);
      const number = str(body.number) ?? '';
      setPhone(number, {
        behaviour: body.behaviour === undefined ? undefined : (body.behaviour as PhoneBehaviour),
        language: body.language === undefined ? undefined : (str(body.language) ?? null),
      });
      return sendJson(res, 200, { number, ...phone(number) });
    }
    if (path === '/_emulator/faults' && method === 'GET') return sendJson(res, 200, faults);
    if (path === '/_emulator/faults' && method === 'POST') {
      const body = await readJson(req);
      const num = (v: unknown): number | undefined => (v === undefined || v === null ? undefined : Number(v));
      setFaults({
        errorRate: num(body.errorRate),
        status: Array.isArray(body.status) ? body.status.map(Number) : num(body.status),
        latencyMs: num(body.latencyMs),
        retryAfter: num(body.retryAfter),
        seed: num(body.seed),
      } as Partial<Faults> & { seed?: number });
      return sendJson(res, 200, faults);
    }
    if (path === '/_emulator/config' && method === 'GET') return sendJson(res, 200, config);
    if (path === '/_emulator/config' && method === 'POST') {
      return sendJson(res, 200, configure((await readJson(req)) as Partial<EmulatorConfig>));
    }
    if (path === '/_emulator/stats' && method === 'GET') return sendJson(res, 200, stats());
    if (path === '/_emulator/events' && method === 'GET') {
      res.writeHead(200, {
        'Content-Type': 'text/event-stream; charset=utf-8',
        'Cache-Control': 'no-store',
        Connection: 'keep-alive',
      });
      res.write(`retry: 2000\nevent: change\ndata: {"version":${version}}\n\n`);
      sseClients.add(res);
      const ping = setInterval(() => res.write(': ping\n\n'), 15_000);
      req.on('close', () => {
        clearInterval(ping);
        sseClients.delete(res);
      });
      return;
    }
    throw new HttpError(404, `No route ${method} ${url.pathname}`);
  }

  // ---- server ------------------------------------------------------------------------------
  const server = http.createServer((req, res) => {
    const url = requestTarget(req.url ?? '/');
    const isRest = url.pathname.startsWith(`/${API_VERSION}/`);
    const handle = async (): Promise<void> => {
      if (isRest) return handleRest(req, res, url);
      if (url.pathname.startsWith('/_emulator')) return handleEmulator(req, res, url);
      if ((url.pathname === '/' || url.pathname === '/index.html') && req.method === 'GET') {
        res.writeHead(200, {
          'Content-Type': 'text/html; charset=utf-8',
          'Cache-Control': 'no-store',
          'Content-Length': Buffer.byteLength(PHONE_PAGE_HTML),
        });
        res.end(PHONE_PAGE_HTML);
        return;
      }
      if (url.pathname === '/health') return sendJson(res, 200, { status: 'ok' });
      throw new HttpError(404, `No route ${req.method} ${url.pathname}`);
    };
    handle().catch((e: unknown) => {
      if (res.headersSent) {
        res.destroy();
        return;
      }
      if (e instanceof RestError) {
        sendJson(res, e.status, twilioError(e.status, e.code, e.message));
      } else if (e instanceof HttpError) {
        if (isRest) sendJson(res, e.status, twilioError(e.status, 20001, e.message));
        else sendJson(res, e.status, { error: e.message });
      } else {
        log(`twilio-emulator: ${req.method} ${url.pathname}: ${(e as Error).stack ?? e}`);
        if (isRest) sendJson(res, 500, twilioError(500, 20500, 'An internal server error has occurred'));
        else sendJson(res, 500, { error: 'Internal error' });
      }
    });
  });
  server.keepAliveTimeout = 65_000;
  server.headersTimeout = 66_000;

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const port = (server.address() as AddressInfo).port;
  const baseUrl = `http://${host.includes(':') ? `[${host}]` : host}:${port}`;

  return {
    url: baseUrl,
    port,
    accountSid,
    authToken,
    messages: (filter = {}) => inspectMessages(filter),
    calls: (filter = {}) => inspectCalls(filter),
    setPhone,
    setFaults,
    configure,
    stats,
    idle: () =>
      new Promise<void>((resolve) => {
        idleWaiters.push(resolve);
        checkIdle();
      }),
    reset,
    close: async () => {
      reset();
      if (sseTimer) clearTimeout(sseTimer);
      for (const res of sseClients) res.end();
      sseClients.clear();
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
      sender.close();
      while (idleWaiters.length) idleWaiters.shift()!();
    },
  };
}

/** The path and query of a request (cheaper than `new URL` on the hot path: query parsed on demand). */
interface RequestTarget {
  pathname: string;
  readonly searchParams: URLSearchParams;
}

function requestTarget(raw: string): RequestTarget {
  const q = raw.indexOf('?');
  let params: URLSearchParams | null = null;
  return {
    pathname: q < 0 ? raw : raw.slice(0, q),
    get searchParams() {
      return (params ??= new URLSearchParams(q < 0 ? '' : raw.slice(q + 1)));
    },
  };
}

/** A small seeded PRNG, so a test can make fault injection repeatable. */
function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
