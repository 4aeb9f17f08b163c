/**
 * What an answered call does: fetch its TwiML (or take it inline) and play it verb by verb —
 * `<Say>`, `<Play>`, `<Pause>`, `<Gather>` (posting the keys to its action), `<Redirect>`,
 * `<Hangup>`/`<Reject>` — into the call's transcript, until the document ends or the call does.
 */
import { methodOf } from './http-util.js';
import { API_VERSION, stamp, type Call, type CallStatus, type TranscriptEntry } from './resources.js';
import { waitForDigits } from './gather.js';
import type { Timers } from './scheduler.js';
import type { CallRuntime, EmulatorState } from './state.js';
import { childElements, parseTwiml, textOf, TwimlParseError, type XmlElement } from './twiml.js';
import type { Webhooks } from './webhooks.js';

/** Ends a call (the call lifecycle's `end`); `by` is noted in the transcript when given. */
export type EndCall = (
  rt: CallRuntime,
  status: CallStatus,
  by: 'twiml' | 'api' | 'phone' | 'end-of-document' | null,
) => void;

type Next =
  { kind: 'end' } | { kind: 'fetch'; url: string; method: 'GET' | 'POST'; extra?: Record<string, string> };

/** The parameters Twilio sends with every voice request of a call. */
export function voiceParams(c: Call): Record<string, string> {
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

function resolveUrl(target: string, base: string | null): string {
  try {
    return new URL(target, base ?? undefined).toString();
  } catch {
    return target;
  }
}

export class CallFlow {
  constructor(
    private readonly state: EmulatorState,
    private readonly webhooks: Webhooks,
    private readonly timers: Timers,
    private readonly end: EndCall,
  ) {}

  /** Runs the call's inline TwiML, or fetches it from its URL. */
  async start(rt: CallRuntime): Promise<void> {
    const c = rt.call;
    if (c.twiml) {
      let doc: XmlElement;
      try {
        doc = parseTwiml(c.twiml);
      } catch (e) {
        this.state.addTranscript(rt, {
          at: stamp(),
          type: 'error',
          code: 12100,
          message: (e as Error).message,
        });
        this.end(rt, 'completed', null);
        return;
      }
      const next = await this.runDocument(rt, doc, null);
      await this.run(rt, next);
    } else if (c.url) {
      await this.run(rt, { kind: 'fetch', url: c.url, method: c.method });
    } else {
      this.end(rt, 'completed', 'end-of-document');
    }
  }

  private async run(rt: CallRuntime, first: Next): Promise<void> {
    let next = first;
    const myFlow = rt.flow;
    while (next.kind === 'fetch' && rt.flow === myFlow) {
      const doc = await this.fetchTwiml(rt, next.url, next.method, next.extra);
      if (!doc || rt.flow !== myFlow) return;
      next = await this.runDocument(rt, doc, next.url);
    }
  }

  /** Fetches TwiML for the call; null (and the call ended) when it cannot. */
  private async fetchTwiml(
    rt: CallRuntime,
    url: string,
    method: 'GET' | 'POST',
    extra: Record<string, string> = {},
  ): Promise<XmlElement | null> {
    const { state } = this;
    const myFlow = rt.flow;
    const r = await this.webhooks.deliver(url, method, { ...voiceParams(rt.call), ...extra });
    if (rt.flow !== myFlow) return null;
    state.addTranscript(rt, { at: stamp(), type: 'fetch', url, method, status: r.status });
    if (r.status < 200 || r.status >= 300) {
      state.addTranscript(rt, {
        at: stamp(),
        type: 'error',
        code: 11200,
        message: `HTTP retrieval failure: ${r.error ?? `status ${r.status}`}`,
      });
      this.end(rt, 'completed', null);
      return null;
    }
    try {
      return parseTwiml(r.body);
    } catch (e) {
      const code = e instanceof TwimlParseError ? e.code : 12100;
      state.addTranscript(rt, { at: stamp(), type: 'error', code, message: (e as Error).message });
      this.end(rt, 'completed', null);
      return null;
    }
  }

  private async runDocument(rt: CallRuntime, doc: XmlElement, docUrl: string | null): Promise<Next> {
    const myFlow = rt.flow;
    for (const verb of childElements(doc)) {
      if (rt.flow !== myFlow) return { kind: 'end' };
      switch (verb.name) {
        case 'Say':
        case 'Play':
        case 'Pause':
          await this.speak(rt, verb, docUrl);
          break;
        case 'Gather': {
          const next = await this.gather(rt, verb, docUrl, myFlow);
          if (next) return next;
          break; // no input: on to the next verb, as Twilio does
        }
        case 'Redirect': {
          const url = resolveUrl(textOf(verb), docUrl);
          this.state.addTranscript(rt, { at: stamp(), type: 'redirect', url });
          return { kind: 'fetch', url, method: methodOf(verb.attrs.method) };
        }
        case 'Hangup':
        case 'Reject':
          this.end(rt, 'completed', 'twiml');
          return { kind: 'end' };
        default:
          this.state.addTranscript(rt, { at: stamp(), type: 'unsupported', verb: verb.name });
      }
    }
    if (rt.flow === myFlow) this.end(rt, 'completed', 'end-of-document');
    return { kind: 'end' };
  }

  /** A `<Gather>`: where to go next, or null to carry on with the next verb. */
  private async gather(
    rt: CallRuntime,
    verb: XmlElement,
    docUrl: string | null,
    myFlow: number,
  ): Promise<Next | null> {
    const { state } = this;
    const action = resolveUrl(verb.attrs.action ?? docUrl ?? '', docUrl);
    const method = methodOf(verb.attrs.method);
    const numDigits = verb.attrs.numDigits ? Number(verb.attrs.numDigits) || null : null;
    const timeoutSeconds = Number(verb.attrs.timeout ?? 5) || 5;
    const finishOnKey = verb.attrs.finishOnKey ?? '#';
    for (const inner of childElements(verb)) {
      if (rt.flow !== myFlow) return { kind: 'end' };
      await this.speak(rt, inner, docUrl);
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
    state.addTranscript(rt, entry);
    const result = await waitForDigits(state, rt, {
      action,
      method,
      numDigits,
      finishOnKey,
      timeoutMs: state.config.gatherTimeoutMs ?? timeoutSeconds * 1000 * state.config.timeScale,
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
      state.changed();
      return { kind: 'fetch', url: action, method, extra };
    }
    entry.result = result.kind === 'digits' ? 'digits' : 'timeout';
    if (result.kind === 'digits') entry.digits = result.digits;
    state.changed();
    return null;
  }

  private async speak(rt: CallRuntime, el: XmlElement, docUrl: string | null): Promise<void> {
    if (el.name === 'Say') {
      this.state.addTranscript(rt, {
        at: stamp(),
        type: 'say',
        text: textOf(el),
        language: el.attrs.language ?? 'en-US',
        voice: el.attrs.voice ?? null,
      });
    } else if (el.name === 'Play') {
      this.state.addTranscript(rt, { at: stamp(), type: 'play', url: resolveUrl(textOf(el), docUrl) });
    } else if (el.name === 'Pause') {
      const seconds = Number(el.attrs.length ?? 1) || 1;
      this.state.addTranscript(rt, { at: stamp(), type: 'pause', seconds });
      await this.timers.sleep(seconds * 1000 * this.state.config.timeScale);
    }
  }
}
