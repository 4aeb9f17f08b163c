/**
 * Voice calls: created by the REST API (or placed by a phone), they ring, are answered, busy, not
 * answered or fail as the phone behaves, run their TwiML (`call-flow.ts`) once answered, and end
 * by TwiML, the API or the phone, with the status callbacks the call asked for, in order.
 */
import { CallFlow, voiceParams } from './call-flow.js';
import { feedDigits, finishGather } from './gather.js';
import { HttpError, methodOf, type Form } from './http-util.js';
import {
  callInspection,
  FINAL_CALL_STATUSES,
  isE164,
  newSid,
  rfc2822,
  stamp,
  type Call,
  type CallStatus,
} from './resources.js';
import { notFound, RestError, validateUrl } from './rest-errors.js';
import type { Timers } from './scheduler.js';
import type { CallRuntime, EmulatorState } from './state.js';
import type { Webhooks } from './webhooks.js';

type NewCallFields = Pick<Call, 'to' | 'from' | 'direction' | 'url' | 'method' | 'twiml'> &
  Partial<Pick<Call, 'statusCallback' | 'statusCallbackMethod' | 'statusCallbackEvents' | 'timeoutSeconds'>>;

export class Calls {
  private readonly callFlow: CallFlow;

  constructor(
    private readonly state: EmulatorState,
    private readonly webhooks: Webhooks,
    private readonly timers: Timers,
    private readonly accountSid: string,
    private readonly log: (line: string) => void,
  ) {
    this.callFlow = new CallFlow(state, webhooks, timers, (rt, status, by) => this.end(rt, status, by));
  }

  /** `POST Calls.json`. */
  create(form: Form): Call {
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
    const rt = this.newCall({
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
    this.state.addCall(rt);
    this.state.touch(to, 'calls');
    void this.run(rt);
    return rt.call;
  }

  /** `POST Calls/{Sid}.json`: `Status=completed|canceled` ends it, `Url` or `Twiml` redirects it. */
  update(sid: string, form: Form): Call {
    const rt = this.state.calls.get(sid);
    if (!rt) throw notFound();
    const c = rt.call;
    const status = form.get('Status');
    const url = form.get('Url');
    const twiml = form.get('Twiml');
    if (status !== undefined) {
      if (status !== 'completed' && status !== 'canceled') {
        throw new RestError(400, 21218, `Invalid Status: ${status}`);
      }
      if (c.status === 'queued' || c.status === 'ringing') this.end(rt, 'canceled', 'api');
      else if (c.status === 'in-progress' && status === 'completed') this.end(rt, 'completed', 'api');
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
      void this.callFlow
        .start(rt)
        .catch((e) => this.log(`twilio-emulator: call ${sid}: ${(e as Error).message}`));
    }
    return c;
  }

  /** The phone calls the emulated number (`POST /_emulator/calls`). */
  placeInbound(body: Record<string, unknown>): Record<string, unknown> {
    const { state } = this;
    const from = typeof body.from === 'string' ? body.from.trim() : '';
    const to =
      (typeof body.to === 'string' && body.to.trim()) ||
      state.lastSender.get(from) ||
      state.config.phoneNumber ||
      '';
    if (!isE164(from)) throw new HttpError(400, 'from: must be an E.164 phone number');
    if (!to) throw new HttpError(400, 'to: required (no emulated number is known for this phone)');
    if (!state.config.voiceUrl)
      throw new HttpError(409, 'No voice URL is configured (TWILIO_EMULATOR_VOICE_URL or /_emulator/config)');
    const rt = this.newCall({
      to,
      from,
      direction: 'inbound',
      url: state.config.voiceUrl,
      method: 'POST',
      twiml: null,
    });
    state.addCall(rt);
    state.touch(from, 'calls');
    void this.run(rt);
    return callInspection(rt.call);
  }

  /** The phone presses keys (`POST /_emulator/calls/:sid/digits`). */
  pressDigits(sid: string, digits: string): Record<string, unknown> {
    const rt = this.state.calls.get(sid);
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
    this.state.addTranscript(rt, { at: stamp(), type: 'digits', digits: keys });
    const inGather = rt.wait !== null;
    if (rt.wait) feedDigits(rt, rt.wait, keys);
    else rt.typeAhead += keys;
    return { ...callInspection(rt.call), buffered: !inGather };
  }

  /** The phone hangs up, or rejects a ringing call (`POST /_emulator/calls/:sid/hangup`). */
  hangUpByPhone(sid: string): Record<string, unknown> {
    const rt = this.state.calls.get(sid);
    if (!rt) throw new HttpError(404, `No call ${sid}`);
    if (rt.call.status === 'in-progress') this.end(rt, 'completed', 'phone');
    else if (rt.call.status === 'queued' || rt.call.status === 'ringing') this.end(rt, 'busy', 'phone');
    return callInspection(rt.call);
  }

  /** Reset: every call's flow stops where it is. */
  stopAll(): void {
    for (const rt of this.state.calls.values()) {
      rt.flow++;
      if (rt.wait) finishGather(rt, rt.wait, { kind: 'abort' });
    }
  }

  private newCall(fields: NewCallFields): CallRuntime {
    const now = new Date();
    const call: Call = {
      seq: this.state.nextSeq(),
      sid: newSid('CA'),
      accountSid: this.accountSid,
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

  private async run(rt: CallRuntime): Promise<void> {
    const { state, timers } = this;
    const c = rt.call;
    const myFlow = rt.flow;
    const alive = (): boolean => rt.flow === myFlow && !FINAL_CALL_STATUSES.has(c.status);
    try {
      // The REST answer first, then the call starts dialling.
      await timers.sleep(Math.min(50, state.config.ringMs / 4));
      if (!alive()) return;
      this.event(rt, 'initiated');
      await timers.sleep(Math.min(50, state.config.ringMs / 4));
      if (!alive()) return;
      c.status = 'ringing';
      c.dateUpdated = new Date();
      state.changed();
      this.event(rt, 'ringing');
      const behaviour = c.direction === 'inbound' ? 'normal' : state.phone(c.to).behaviour;
      if (behaviour === 'no-answer') {
        await timers.sleep(c.timeoutSeconds * 1000 * state.config.timeScale);
        if (alive()) this.end(rt, 'no-answer', null);
        return;
      }
      await timers.sleep(state.config.ringMs);
      if (!alive()) return;
      if (behaviour === 'busy') return this.end(rt, 'busy', null);
      if (behaviour === 'unreachable') return this.end(rt, 'failed', null);
      c.status = 'in-progress';
      c.startTime = new Date();
      c.dateUpdated = c.startTime;
      state.changed();
      this.event(rt, 'answered');
      await this.callFlow.start(rt);
    } catch (e) {
      this.log(`twilio-emulator: call ${c.sid} failed: ${(e as Error).stack ?? e}`);
      this.end(rt, 'failed', null);
    }
  }

  private end(
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
    if (by) this.state.addTranscript(rt, { at: stamp(), type: 'hangup', by });
    this.state.changed();
    this.event(rt, 'completed');
  }

  /** A call status callback, in order per call, if the call asked for this event. */
  private event(rt: CallRuntime, event: 'initiated' | 'ringing' | 'answered' | 'completed'): void {
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
    rt.callbacks = rt.callbacks.then(() => this.webhooks.queueCallback(url, method, params));
  }
}
