/**
 * The emulator's own controls, behind both `/_emulator/*` and the in-process `TwilioEmulator`:
 * inspect messages, calls and phones, set how a phone behaves, inject faults, change settings,
 * read the stats.
 */
import { HttpError } from './http-util.js';
import type { Messages } from './messages.js';
import type { EmulatorConfig, EmulatorStats, Faults, PhoneSettings } from './options.js';
import { callInspection, FINAL_CALL_STATUSES, isE164, messageJson, PHONE_BEHAVIOURS } from './resources.js';
import type { EmulatorState } from './state.js';
import type { Webhooks } from './webhooks.js';

export interface InspectFilter {
  to?: string;
  from?: string;
  /** Either side. */
  phone?: string;
}

function filterBy<T extends { to: string; from: string | null }>(items: T[], q: InspectFilter): T[] {
  return items.filter(
    (i) =>
      (!q.to || i.to === q.to) &&
      (!q.from || i.from === q.from) &&
      (!q.phone || i.to === q.phone || i.from === q.phone),
  );
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

export class Control {
  constructor(
    private readonly state: EmulatorState,
    private readonly messages: Messages,
    private readonly webhooks: Webhooks,
  ) {}

  /** Oldest first. */
  inspectMessages(q: InspectFilter = {}): Record<string, unknown>[] {
    const { state } = this;
    const source = q.to && !q.phone ? (state.messagesByTo.get(q.to) ?? []) : [...state.messages.values()];
    return filterBy(
      source.filter((m) => state.messages.has(m.sid)),
      q,
    ).map(messageJson);
  }

  inspectCalls(q: InspectFilter = {}): Record<string, unknown>[] {
    return filterBy(
      [...this.state.calls.values()].map((rt) => rt.call),
      q,
    ).map(callInspection);
  }

  inspectCall(sid: string): Record<string, unknown> | null {
    const rt = this.state.calls.get(sid);
    return rt ? callInspection(rt.call) : null;
  }

  /** Phones seen, most recent first (then phones only configured), with their activity. */
  phoneList(q: { search?: string; limit?: number } = {}): Record<string, unknown>[] {
    const { state } = this;
    const numbers = [...state.seen.keys()].reverse();
    for (const n of state.phones.keys()) if (!state.seen.has(n)) numbers.push(n);
    const search = (q.search ?? '').replace(/\s/g, '');
    const chosen = numbers.filter((n) => !search || n.includes(search)).slice(0, q.limit ?? Infinity);
    const active = new Map<string, string>();
    for (const { call } of state.calls.values()) {
      if (!FINAL_CALL_STATUSES.has(call.status))
        active.set(call.direction === 'inbound' ? call.from : call.to, call.sid);
    }
    return chosen.map((number) => {
      const p = state.phone(number);
      const t = state.tally.get(number);
      return {
        number,
        behaviour: p.behaviour,
        language: p.language,
        optedOutOf: [...(state.optOuts.get(number) ?? [])],
        messages: t?.messages ?? 0,
        calls: t?.calls ?? 0,
        activeCall: active.get(number) ?? null,
        lastActivity: state.seen.has(number) ? new Date(state.seen.get(number)!).toISOString() : null,
      };
    });
  }

  setPhone(number: string, settings: Partial<PhoneSettings>): void {
    if (!isE164(number)) throw new HttpError(400, 'number: must be an E.164 phone number');
    if (settings.behaviour !== undefined && !PHONE_BEHAVIOURS.includes(settings.behaviour)) {
      throw new HttpError(400, `behaviour: one of ${PHONE_BEHAVIOURS.join(', ')}`);
    }
    const current = this.state.phone(number);
    this.state.phones.set(number, {
      behaviour: settings.behaviour ?? current.behaviour,
      language: settings.language !== undefined ? settings.language : current.language,
    });
    this.state.touch(number);
    this.state.changed();
  }

  setFaults(input: Partial<Faults> & { seed?: number }): void {
    const { state } = this;
    const next: Faults = {
      errorRate: input.errorRate ?? state.faults.errorRate,
      status: input.status ?? state.faults.status,
      latencyMs: input.latencyMs ?? state.faults.latencyMs,
      retryAfter: input.retryAfter ?? state.faults.retryAfter,
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
    state.faults = {
      errorRate: next.errorRate,
      status: Array.isArray(next.status) ? [...next.status] : next.status,
      latencyMs: next.latencyMs,
      retryAfter: next.retryAfter,
    };
    state.faultRandom = input.seed !== undefined ? mulberry32(input.seed) : Math.random;
  }

  configure(input: Partial<EmulatorConfig>): EmulatorConfig {
    const next = { ...this.state.config };
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
    this.state.config = next;
    return { ...next };
  }

  stats(): EmulatorStats {
    const { state } = this;
    const { gate } = this.messages;
    const { pool } = this.webhooks;
    return {
      messages: state.messages.size,
      calls: state.calls.size,
      accepted: state.accepted,
      lastAcceptedAt: state.lastAcceptedAt?.toISOString() ?? null,
      faultsInjected: state.faultsInjected,
      lifecycle: { active: gate.inside, waiting: gate.waiting },
      callbacks: {
        pending: pool.pending,
        inFlight: pool.inFlight,
        delivered: state.callbacksDelivered,
        failed: state.callbacksFailed,
      },
      rssBytes: process.memoryUsage().rss,
    };
  }
}
