/**
 * Outbound SMS: a REST create is checked as Twilio checks it, then runs queued → sent → delivered
 * (or failed / undelivered, as the phone behaves), a step's time apart, each step with its status
 * callback sent after the previous one has been answered. As Twilio documents, no callback is sent
 * for the status a message is created with: `queued`, or `accepted` through a Messaging Service,
 * whose move to `queued` is then a change with a callback of its own.
 */
import type { Form } from './http-util.js';
import { API_VERSION, isE164, newSid, type Message, type MessageStatus } from './resources.js';
import { RestError, validateUrl } from './rest-errors.js';
import { AdmissionGate } from './scheduler.js';
import { countSegments } from './segments.js';
import type { EmulatorState } from './state.js';
import type { Webhooks } from './webhooks.js';

const MAX_BODY_CHARS = 1600;
export const PRICE_PER_SEGMENT = 0.0079;

/** Error codes Twilio reports when an SMS does not arrive. */
const SMS_FAILURES = {
  unreachable: { status: 'failed', code: 30006, message: 'Landline or unreachable carrier' },
  undelivered: { status: 'undelivered', code: 30003, message: 'Unreachable destination handset' },
} as const;

type Step = { status: MessageStatus; error?: { code: number; message: string } };
/** The changes after `queued`, per phone behaviour. */
const NORMAL_STEPS: Step[] = [{ status: 'sent' }, { status: 'delivered' }];
const UNREACHABLE_STEPS: Step[] = [
  { status: SMS_FAILURES.unreachable.status, error: SMS_FAILURES.unreachable },
];
const UNDELIVERED_STEPS: Step[] = [
  { status: 'sent' },
  { status: SMS_FAILURES.undelivered.status, error: SMS_FAILURES.undelivered },
];
const QUEUED: Step = { status: 'queued' };

interface Due {
  m: Message;
  steps: Step[];
  step: number;
  due: number;
  epoch: number;
}

/** A new message record, created `now`; `fields` sets what differs from an unsent outbound one. */
export function newMessage(
  state: EmulatorState,
  accountSid: string,
  now: Date,
  fields: Pick<Message, 'to' | 'from' | 'body' | 'status' | 'direction'> & Partial<Message>,
): Message {
  return {
    seq: state.nextSeq(),
    sid: newSid('SM'),
    accountSid,
    numSegments: countSegments(fields.body),
    messagingServiceSid: null,
    statusCallback: null,
    dateCreated: now,
    dateUpdated: now,
    dateSent: null,
    errorCode: null,
    errorMessage: null,
    price: null,
    ...fields,
  };
}

export class Messages {
  /**
   * Each message holds a place from creation to its last step, so the step queue and the callback
   * pool are bounded by it: a create beyond it waits.
   */
  readonly gate: AdmissionGate;
  /**
   * Messages waiting for their next step, in due order (one timer for all of them, not one per
   * message and step: accepting a burst stays cheap).
   */
  private readonly dueQueue: Due[] = [];
  private dueHead = 0;
  private dueTimer: NodeJS.Timeout | null = null;

  constructor(
    private readonly state: EmulatorState,
    private readonly webhooks: Webhooks,
    private readonly accountSid: string,
    maxPendingMessages: number,
    /** Called whenever a message has finished its lifecycle. */
    private readonly onSettled: () => void,
  ) {
    this.gate = new AdmissionGate(maxPendingMessages);
  }

  /** Messages in their lifecycle, or waiting to start it. */
  get busy(): boolean {
    return this.gate.inside > 0 || this.gate.waiting > 0;
  }

  /** `POST Messages.json`. */
  async create(form: Form): Promise<Message> {
    const { state } = this;
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
    if (state.phone(to).behaviour === 'landline') {
      throw new RestError(400, 21614, "'To' number is not a valid mobile number");
    }
    if (state.isOptedOut(to, from ?? messagingServiceSid ?? '')) {
      throw new RestError(400, 21610, 'Attempt to send to unsubscribed recipient');
    }
    if (!this.gate.tryEnter()) await this.gate.enter();
    const now = new Date();
    const m = newMessage(state, this.accountSid, now, {
      to,
      from,
      body,
      status: messagingServiceSid ? 'accepted' : 'queued',
      direction: 'outbound-api',
      messagingServiceSid,
      statusCallback,
    });
    state.addMessage(m);
    state.touch(to, 'messages');
    if (from) state.lastSender.set(to, from);
    state.accepted++;
    state.lastAcceptedAt = now;
    this.startLifecycle(m);
    return m;
  }

  /** A message the emulated number sends on its own (a `<Message>` in a reply's TwiML). */
  sendReply(to: string, from: string, body: string): Message | null {
    const { state } = this;
    if (!body || state.isOptedOut(to, from) || state.phone(to).behaviour === 'landline') return null;
    const m = newMessage(state, this.accountSid, new Date(), {
      to,
      from,
      body,
      status: 'queued',
      direction: 'outbound-reply',
    });
    state.addMessage(m);
    state.touch(to, 'messages');
    // The reply takes a lifecycle place without waiting for one (it is one message per reply).
    void this.gate.enter().then(() => this.startLifecycle(m));
    return m;
  }

  /** Reset: messages waiting for a step give their places back at once. */
  dropPending(): void {
    const dropped = this.dueQueue.length - this.dueHead;
    this.dueQueue.length = 0;
    this.dueHead = 0;
    if (this.dueTimer) clearTimeout(this.dueTimer);
    this.dueTimer = null;
    for (let i = 0; i < dropped; i++) this.gate.leave();
  }

  /**
   * Starts a message on its way; it must hold an admission place. Every step, the first included,
   * comes a step's time after the previous one: the REST answer is out before the first callback.
   */
  private startLifecycle(m: Message): void {
    const behaviour = this.state.phone(m.to).behaviour;
    const afterQueued =
      behaviour === 'unreachable'
        ? UNREACHABLE_STEPS
        : behaviour === 'undelivered'
          ? UNDELIVERED_STEPS
          : NORMAL_STEPS;
    const steps = m.status === 'accepted' ? [QUEUED, ...afterQueued] : afterQueued;
    this.scheduleStep({ m, steps, step: 0, due: 0, epoch: this.state.epoch });
  }

  private scheduleStep(d: Due): void {
    d.due = performance.now() + this.state.config.messageStepMs;
    this.dueQueue.push(d);
    this.armDueTimer();
  }

  private armDueTimer(): void {
    if (this.dueTimer || this.dueHead >= this.dueQueue.length) return;
    this.dueTimer = setTimeout(
      () => this.runDueSteps(),
      Math.max(0, this.dueQueue[this.dueHead].due - performance.now()),
    );
  }

  private runDueSteps(): void {
    this.dueTimer = null;
    const now = performance.now();
    const queue = this.dueQueue;
    while (this.dueHead < queue.length && queue[this.dueHead].due <= now) {
      const d = queue[this.dueHead];
      queue[this.dueHead++] = undefined as never;
      this.runStep(d);
    }
    if (this.dueHead > 4096 && this.dueHead * 2 > queue.length) {
      queue.splice(0, this.dueHead);
      this.dueHead = 0;
    }
    this.armDueTimer();
  }

  private finishLifecycle(): void {
    this.gate.leave();
    this.onSettled();
  }

  /** One step of queued → sent → delivered (or failed / undelivered), with its status callback. */
  private runStep(d: Due): void {
    if (d.epoch !== this.state.epoch) return this.finishLifecycle();
    const { m } = d;
    const step = d.steps[d.step];
    if (step.error) {
      m.errorCode = step.error.code;
      m.errorMessage = step.error.message;
    }
    this.setStatus(m, step.status);
    const next = (): void => {
      if (d.epoch !== this.state.epoch || d.step + 1 >= d.steps.length) return this.finishLifecycle();
      d.step++;
      this.scheduleStep(d);
    };
    if (m.statusCallback)
      void this.webhooks.queueCallback(m.statusCallback, 'POST', callbackParams(m)).then(next);
    else next();
  }

  private setStatus(m: Message, status: MessageStatus): void {
    m.status = status;
    m.dateUpdated = new Date();
    if (status === 'sent') {
      m.dateSent = m.dateUpdated;
      m.price = (-PRICE_PER_SEGMENT * m.numSegments).toFixed(5);
    }
    this.state.changed();
  }
}

function validateFrom(from: string): boolean {
  return isE164(from) || /^(?=.*[A-Za-z])[A-Za-z0-9 ]{1,11}$/.test(from);
}

/** A message status callback's form. */
function callbackParams(m: Message): Record<string, string> {
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
