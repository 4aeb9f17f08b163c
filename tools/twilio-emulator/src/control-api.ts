/**
 * `/_emulator/*` (no auth; loopback only): inspection, a phone's SMS, calls and keys, phone
 * behaviours, faults, settings, stats, reset, and the live change stream the phone page follows.
 * The routes and their answers are listed in the README.
 */
import type http from 'node:http';
import type { Calls } from './calls.js';
import type { Control } from './control.js';
import { HttpError, readJson, sendJson, type RequestTarget } from './http-util.js';
import type { InboundSms } from './inbound-sms.js';
import type { EmulatorConfig, Faults } from './options.js';
import type { PhoneBehaviour } from './resources.js';
import type { EmulatorState } from './state.js';

type Req = http.IncomingMessage;
type Res = http.ServerResponse;

const str = (v: unknown): string | undefined => (typeof v === 'string' && v ? v : undefined);

/** Server-Sent Events of `GET /_emulator/events`: one `change` at most every 150 ms. */
export class ChangeStream {
  private readonly clients = new Set<Res>();
  private timer: NodeJS.Timeout | null = null;

  constructor(private readonly state: EmulatorState) {
    state.onChange(() => this.notify());
  }

  private notify(): void {
    if (this.clients.size === 0 || this.timer) return;
    this.timer = setTimeout(() => {
      this.timer = null;
      const line = `event: change\ndata: {"version":${this.state.version}}\n\n`;
      for (const res of this.clients) res.write(line);
    }, 150);
  }

  attach(req: Req, res: Res): void {
    res.writeHead(200, {
      'Content-Type': 'text/event-stream; charset=utf-8',
      'Cache-Control': 'no-store',
      Connection: 'keep-alive',
    });
    res.write(`retry: 2000\nevent: change\ndata: {"version":${this.state.version}}\n\n`);
    this.clients.add(res);
    const ping = setInterval(() => res.write(': ping\n\n'), 15_000);
    req.on('close', () => {
      clearInterval(ping);
      this.clients.delete(res);
    });
  }

  close(): void {
    if (this.timer) clearTimeout(this.timer);
    for (const res of this.clients) res.end();
    this.clients.clear();
  }
}

export class ControlApi {
  constructor(
    private readonly state: EmulatorState,
    private readonly control: Control,
    private readonly calls: Calls,
    private readonly inboundSms: InboundSms,
    private readonly changes: ChangeStream,
    private readonly reset: () => void,
  ) {}

  async handle(req: Req, res: Res, url: RequestTarget): Promise<void> {
    const { control, calls } = this;
    const method = req.method ?? 'GET';
    const path = url.pathname.replace(/\/+$/, '') || '/';
    const q = {
      to: url.searchParams.get('to') ?? undefined,
      from: url.searchParams.get('from') ?? undefined,
      phone: url.searchParams.get('phone') ?? undefined,
    };
    if (path === '/_emulator' && method === 'DELETE') {
      this.reset();
      return sendJson(res, 200, { ok: true });
    }
    if (path === '/_emulator/messages' && method === 'GET') {
      return sendJson(res, 200, { messages: control.inspectMessages(q) });
    }
    if (path === '/_emulator/calls' && method === 'GET')
      return sendJson(res, 200, { calls: control.inspectCalls(q) });
    if (path === '/_emulator/calls' && method === 'POST')
      return sendJson(res, 201, calls.placeInbound(await readJson(req)));
    let m = /^\/_emulator\/calls\/([^/]+)$/.exec(path);
    if (m && method === 'GET') {
      const call = control.inspectCall(m[1]);
      if (!call) throw new HttpError(404, `No call ${m[1]}`);
      return sendJson(res, 200, call);
    }
    m = /^\/_emulator\/calls\/([^/]+)\/digits$/.exec(path);
    if (m && method === 'POST') {
      const body = await readJson(req);
      const digits = body.digits === undefined ? '' : String(body.digits);
      if (!digits) throw new HttpError(400, 'digits: required');
      return sendJson(res, 200, calls.pressDigits(m[1], digits));
    }
    m = /^\/_emulator\/calls\/([^/]+)\/hangup$/.exec(path);
    if (m && method === 'POST') return sendJson(res, 200, calls.hangUpByPhone(m[1]));
    if (path === '/_emulator/sms' && method === 'POST')
      return sendJson(res, 200, await this.inboundSms.receive(await readJson(req)));
    if (path === '/_emulator/phones') {
      if (method === 'GET') return this.listPhones(res, url);
      if (method === 'POST') return this.setPhone(req, res);
    }
    if (path === '/_emulator/faults' && method === 'GET') return sendJson(res, 200, this.state.faults);
    if (path === '/_emulator/faults' && method === 'POST') return this.setFaults(req, res);
    if (path === '/_emulator/config' && method === 'GET') return sendJson(res, 200, this.state.config);
    if (path === '/_emulator/config' && method === 'POST') {
      return sendJson(res, 200, control.configure((await readJson(req)) as Partial<EmulatorConfig>));
    }
    if (path === '/_emulator/stats' && method === 'GET') return sendJson(res, 200, control.stats());
    if (path === '/_emulator/events' && method === 'GET') return this.changes.attach(req, res);
    throw new HttpError(404, `No route ${method} ${url.pathname}`);
  }

  private listPhones(res: Res, url: RequestTarget): void {
    const limit = Number(url.searchParams.get('limit'));
    sendJson(res, 200, {
      phones: this.control.phoneList({
        search: url.searchParams.get('q') ?? undefined,
        limit: Number.isInteger(limit) && limit > 0 ? limit : undefined,
      }),
    });
  }

  private async setPhone(req: Req, res: Res): Promise<void> {
    const body = await readJson(req);
    const number = str(body.number) ?? '';
    this.control.setPhone(number, {
      behaviour: body.behaviour === undefined ? undefined : (body.behaviour as PhoneBehaviour),
      language: body.language === undefined ? undefined : (str(body.language) ?? null),
    });
    sendJson(res, 200, { number, ...this.state.phone(number) });
  }

  private async setFaults(req: Req, res: Res): Promise<void> {
    const body = await readJson(req);
    const num = (v: unknown): number | undefined => (v === undefined || v === null ? undefined : Number(v));
    this.control.setFaults({
      errorRate: num(body.errorRate),
      status: Array.isArray(body.status) ? body.status.map(Number) : num(body.status),
      latencyMs: num(body.latencyMs),
      retryAfter: num(body.retryAfter),
      seed: num(body.seed),
    } as Partial<Faults> & { seed?: number });
    sendJson(res, 200, this.state.faults);
  }
}
