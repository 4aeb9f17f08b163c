/**
 * `startTencentEmulator`: Tencent Cloud SMS (API 2021-01-11) and voice messages (VMS 2020-09-02)
 * as the official `tencentcloud-sdk-nodejs` calls them — one POST per action at `/`, named by
 * X-TC-Action, signed TC3-HMAC-SHA256 (`tc3.ts`) and refused when signed with another key. It
 * sends texts from approved templates and signatures, keeps the send records `DescribeSendRecordList`
 * queries, plays text-to-speech notifications that collect a key, pushes receipts, replies (上行)
 * and keys to the callback URLs signed with the callback key, caps texts per number per day, and
 * injects faults. Its phones are driven by the control API under `/_emulator` (and in-process).
 */
import { createHmac, randomBytes, randomUUID } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { HttpError, readBody, sendJson } from '../http-util.js';
import { verifyTc3 } from './tc3.js';
import type {
  TencentCall,
  TencentEmulator,
  TencentEmulatorOptions,
  TencentFaults,
  TencentPhone,
  TencentPhoneBehaviour,
  TencentSms,
} from './tencent-types.js';

/** The templates a fresh emulator has approved (the server's defaults name them). */
export const DEFAULT_TEMPLATES: Readonly<Record<string, string>> = {
  '2001': '{1} 回复1确认到岗，回复2不能到岗。{2}',
  '2002': '【演练】{1} 回复1确认到岗，回复2不能到岗。{2}',
  '2003': '{1}',
  '2004': '{1}',
  '3001': '应急呼叫：{1}。确认到岗请按1，不能到岗请按2。',
  '3002': '应急演练呼叫：{1}。确认到岗请按1，不能到岗请按2。',
};

const NO_FAULTS: TencentFaults = { failSendsAfter: null, failWith: 'error', timeoutEvery: 3, hangMs: 3000 };

const MOBILE = /^\+861[3-9]\d{9}$/;
const BEHAVIOURS: readonly TencentPhoneBehaviour[] = ['normal', 'unreachable', 'no-answer', 'blacklisted'];
const E164 = /^\+[1-9]\d{6,14}$/;

class ApiError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

export async function startTencentEmulator(options: TencentEmulatorOptions): Promise<TencentEmulator> {
  const host = options.host ?? '127.0.0.1';
  const log = options.log ?? ((line: string) => console.warn(line));
  const signs = new Set(options.signs ?? ['Muster']);
  const templates = { ...DEFAULT_TEMPLATES, ...options.templates };
  const messageStepMs = options.messageStepMs ?? 100;
  const ringMs = options.ringMs ?? 1000;
  const keyTimeoutMs = options.keyTimeoutMs ?? 20_000;
  const dailyCap = options.dailyCapPerNumber ?? 10;
  const urls = {
    smsStatusUrl: options.smsStatusUrl ?? null,
    smsReplyUrl: options.smsReplyUrl ?? null,
    voiceUrl: options.voiceUrl ?? null,
  };

  let messages: TencentSms[] = [];
  let calls = new Map<string, TencentCall & { timer: NodeJS.Timeout | null }>();
  let phones = new Map<string, TencentPhoneBehaviour>();
  let faults: TencentFaults = { ...NO_FAULTS };
  let sendsTaken = 0;
  let failedSends = 0;
  let epoch = 0;
  const timers = new Set<NodeJS.Timeout>();
  let pendingPushes = 0;
  let idleWaiters: (() => void)[] = [];
  const agent = new http.Agent({ keepAlive: true, maxSockets: 32 });
  const listeners: (() => void)[] = [];
  const changed = (): void => {
    for (const l of listeners) l();
  };

  const later = (ms: number, fn: () => void): NodeJS.Timeout => {
    const t = setTimeout(() => {
      timers.delete(t);
      fn();
    }, ms);
    timers.add(t);
    return t;
  };
  const behaviourOf = (phone: string): TencentPhoneBehaviour => phones.get(phone) ?? 'normal';
  const checkIdle = (): void => {
    if (pendingPushes > 0) return;
    const waiters = idleWaiters;
    idleWaiters = [];
    for (const w of waiters) w();
  };

  /** A signed JSON push, tried again (up to 5 times) until the server answers 2xx. */
  function push(url: string | null, body: unknown): void {
    if (!url) return;
    const text = JSON.stringify(body);
    const sign = createHmac('sha256', options.callbackKey).update(text).digest('base64');
    const mine = epoch;
    pendingPushes++;
    const attempt = (n: number): void => {
      if (mine !== epoch) return done();
      const req = http.request(
        url,
        {
          method: 'POST',
          agent,
          headers: {
            'Content-Type': 'application/json',
            'Content-Length': Buffer.byteLength(text),
            Sign: sign,
          },
          timeout: 10_000,
        },
        (res) => {
          res.resume();
          res.on('end', () => {
            if ((res.statusCode ?? 500) < 300) return done();
            retry(n, `HTTP ${res.statusCode}`);
          });
        },
      );
      req.on('error', (e) => retry(n, e.message));
      req.on('timeout', () => req.destroy(new Error('timed out')));
      req.end(text);
    };
    const retry = (n: number, why: string): void => {
      if (n >= 5) {
        log(`tencent-emulator: push to ${url} failed: ${why}`);
        return done();
      }
      later(200 * 2 ** n, () => attempt(n + 1));
    };
    const done = (): void => {
      pendingPushes--;
      checkIdle();
    };
    attempt(0);
  }

  const nationPush = (phone: string) => ({ nationcode: '86', mobile: phone.replace(/^\+86/, '') });

  function render(templateId: string, params: string[]): string {
    const text = templates[templateId];
    if (text === undefined)
      throw new ApiError(
        'FailedOperation.TemplateIncorrectOrUnapproved',
        `template ${templateId} is not approved`,
      );
    const wanted = (text.match(/\{\d+\}/g) ?? []).length;
    if (params.length !== wanted)
      throw new ApiError(
        'InvalidParameterValue.TemplateParameterFormatError',
        `template ${templateId} takes ${wanted} parameters, got ${params.length}`,
      );
    return text.replace(/\{(\d+)\}/g, (_, i: string) => params[Number(i) - 1] ?? '');
  }

  /** Whether this send fails by fault injection, and how. */
  function sendFault(): 'error' | 'timeout' | null {
    if (faults.failSendsAfter === null || sendsTaken < faults.failSendsAfter) return null;
    failedSends++;
    if (faults.failWith === 'error') return 'error';
    if (faults.failWith === 'timeout') return 'timeout';
    return failedSends % faults.timeoutEvery === 0 ? 'timeout' : 'error';
  }

  const sentToday = (phone: string): number => {
    const day = new Date().toISOString().slice(0, 10);
    return messages.filter((m) => m.to === phone && m.direction === 'outbound' && m.sentAt.startsWith(day))
      .length;
  };

  function sendOne(
    phone: string,
    sign: string,
    templateId: string,
    params: string[],
    sessionContext: string,
  ) {
    const base = { PhoneNumber: phone, SessionContext: sessionContext, Fee: 0, IsoCode: 'CN' };
    if (!MOBILE.test(phone))
      return {
        ...base,
        SerialNo: '',
        Code: 'InvalidParameterValue.IncorrectPhoneNumber',
        Message: 'not a mainland mobile number',
      };
    if (behaviourOf(phone) === 'blacklisted')
      return {
        ...base,
        SerialNo: '',
        Code: 'FailedOperation.PhoneNumberInBlacklist',
        Message: 'the number is on the blacklist',
      };
    if (dailyCap > 0 && sentToday(phone) >= dailyCap)
      return {
        ...base,
        SerialNo: '',
        Code: 'LimitExceeded.PhoneNumberDailyLimit',
        Message: 'daily limit of the number reached',
      };
    const content = `【${sign}】${render(templateId, params)}`;
    const m: TencentSms = {
      serialNo: `2433:${randomBytes(12).toString('hex')}`,
      to: phone,
      sign,
      templateId,
      params,
      content,
      status: 'sent',
      direction: 'outbound',
      sentAt: new Date().toISOString(),
    };
    messages.push(m);
    changed();
    const mine = epoch;
    later(messageStepMs, () => {
      if (mine !== epoch) return;
      const ok = behaviourOf(phone) !== 'unreachable';
      m.status = ok ? 'delivered' : 'undelivered';
      changed();
      push(urls.smsStatusUrl, [
        {
          user_receive_time: new Date().toISOString().replace('T', ' ').slice(0, 19),
          ...nationPush(phone),
          report_status: ok ? 'SUCCESS' : 'FAIL',
          errmsg: ok ? 'DELIVRD' : 'MK:0001',
          description: ok ? '用户短信送达成功' : '用户短信未送达',
          sid: m.serialNo,
        },
      ]);
    });
    return {
      ...base,
      SerialNo: m.serialNo,
      Fee: Math.ceil([...content].length / 67),
      Code: 'Ok',
      Message: 'send success',
    };
  }

  async function sendSms(p: Record<string, unknown>) {
    if (p.SmsSdkAppId !== options.smsSdkAppId)
      throw new ApiError('FailedOperation.SmsSdkAppIdVerifyFail', 'SmsSdkAppId is not this account’s');
    const sign = String(p.SignName ?? '');
    if (!signs.has(sign))
      throw new ApiError(
        'FailedOperation.SignatureIncorrectOrUnapproved',
        `signature ${sign} is not approved`,
      );
    const numbers = Array.isArray(p.PhoneNumberSet) ? p.PhoneNumberSet.map(String) : [];
    if (!numbers.length || numbers.length > 200)
      throw new ApiError(
        'InvalidParameterValue.IncorrectPhoneNumber',
        'PhoneNumberSet takes 1 to 200 numbers',
      );
    const params = Array.isArray(p.TemplateParamSet) ? p.TemplateParamSet.map(String) : [];
    const templateId = String(p.TemplateId ?? '');
    render(templateId, params);
    const fault = sendFault();
    if (fault === 'error') throw new ApiError('InternalError.Timeout', 'system busy, try again later');
    const set = numbers.map((n) => sendOne(n, sign, templateId, params, String(p.SessionContext ?? '')));
    sendsTaken++;
    // The texts are taken; only the answer is lost in a time-out.
    if (fault === 'timeout') await new Promise((r) => later(faults.hangMs, () => r(undefined)));
    return { SendStatusSet: set };
  }

  function describeSendRecordList(p: Record<string, unknown>) {
    if (p.SmsSdkAppId !== options.smsSdkAppId)
      throw new ApiError('FailedOperation.SmsSdkAppIdVerifyFail', 'SmsSdkAppId is not this account’s');
    const phone = String(p.PhoneNumber ?? '');
    const begin = Number(p.BeginTime) * 1000;
    const end = p.EndTime === undefined ? Date.now() : Number(p.EndTime) * 1000 + 999;
    const limit = Math.min(Math.max(Number(p.Limit ?? 20), 1), 50);
    const offset = Math.max(Number(p.Offset ?? 0), 0);
    const found = messages
      .filter((m) => m.direction === 'outbound' && m.to === phone)
      .filter((m) => Date.parse(m.sentAt) >= begin && Date.parse(m.sentAt) <= end)
      .reverse();
    return {
      TotalCount: found.length,
      SendRecordSet: found.slice(offset, offset + limit).map((m) => ({
        PhoneNumber: m.to,
        SerialNo: m.serialNo,
        SendStatus: m.status === 'delivered' ? 2 : m.status === 'undelivered' ? 4 : 3,
        RequestCode: 'Ok',
        StatusCode: m.status === 'delivered' ? 'DELIVRD' : '',
        IsoCode: 'CN',
        Content: m.content,
        SendTime: Math.floor(Date.parse(m.sentAt) / 1000),
        UserReceiveTime: m.status === 'delivered' ? Math.floor(Date.parse(m.sentAt) / 1000) : 0,
      })),
    };
  }

  function endCall(
    c: TencentCall & { timer: NodeJS.Timeout | null },
    status: 'completed' | 'no-answer',
  ): void {
    if (c.timer) clearTimeout(c.timer);
    c.timer = null;
    c.status = status;
    changed();
    push(urls.voiceUrl, {
      voiceprompt_callback: {
        result: status === 'completed' ? '0' : '1',
        accept_time: String(Math.floor(Date.parse(c.createdAt) / 1000)),
        call_from: '',
        callid: c.callId,
        end_calltime: String(Math.floor(Date.now() / 1000)),
        fee: '1',
        ...nationPush(c.to),
        start_calltime: String(Math.floor(Date.parse(c.createdAt) / 1000)),
      },
    });
  }

  async function sendTtsVoice(p: Record<string, unknown>) {
    if (p.VoiceSdkAppid !== options.voiceSdkAppId)
      throw new ApiError('FailedOperation.ParameterError', 'VoiceSdkAppid is not this account’s');
    const to = String(p.CalledNumber ?? '');
    if (!E164.test(to) || !to.startsWith('+86'))
      throw new ApiError('InvalidParameterValue.IncorrectPhoneNumber', 'not a mainland number');
    const params = Array.isArray(p.TemplateParamSet) ? p.TemplateParamSet.map(String) : [];
    const templateId = String(p.TemplateId ?? '');
    const text = render(templateId, params);
    const fault = sendFault();
    if (fault === 'error') throw new ApiError('InternalError', 'system busy, try again later');
    const c: TencentCall & { timer: NodeJS.Timeout | null } = {
      callId: randomUUID(),
      to,
      templateId,
      text,
      status: 'ringing',
      keys: '',
      createdAt: new Date().toISOString(),
      timer: null,
    };
    calls.set(c.callId, c);
    sendsTaken++;
    changed();
    const mine = epoch;
    c.timer = later(ringMs, () => {
      if (mine !== epoch) return;
      if (behaviourOf(to) === 'no-answer') return endCall(c, 'no-answer');
      c.status = 'answered';
      changed();
      c.timer = later(keyTimeoutMs, () => endCall(c, 'completed'));
    });
    if (fault === 'timeout') await new Promise((r) => later(faults.hangMs, () => r(undefined)));
    return { SendStatus: { CallId: c.callId, SessionContext: String(p.SessionContext ?? '') } };
  }

  const actions: Record<string, (p: Record<string, unknown>) => unknown> = {
    SendSms: sendSms,
    DescribeSendRecordList: describeSendRecordList,
    SendTtsVoice: sendTtsVoice,
  };

  async function api(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const requestId = randomUUID();
    const raw = Buffer.from(await readBody(req), 'utf8');
    const answer = (body: Record<string, unknown>) =>
      sendJson(res, 200, { Response: { ...body, RequestId: requestId } });
    const refused = verifyTc3(
      { method: req.method ?? 'POST', target: req.url ?? '/', headers: req.headers, body: raw },
      (id) => (id === options.secretId ? options.secretKey : undefined),
    );
    if (refused)
      return answer({ Error: { Code: refused, Message: 'the request signature does not verify' } });
    const action = String(req.headers['x-tc-action'] ?? '');
    const handler = actions[action];
    if (!handler) return answer({ Error: { Code: 'InvalidAction', Message: `no action ${action}` } });
    let params: Record<string, unknown>;
    try {
      params = JSON.parse(raw.toString('utf8') || '{}') as Record<string, unknown>;
    } catch {
      return answer({ Error: { Code: 'InvalidParameter', Message: 'the body is not JSON' } });
    }
    try {
      answer((await handler(params)) as Record<string, unknown>);
    } catch (e) {
      if (e instanceof ApiError) return answer({ Error: { Code: e.code, Message: e.message } });
      throw e;
    }
  }

  async function reply(from: string, text: string): Promise<void> {
    messages.push({
      serialNo: `up:${randomBytes(8).toString('hex')}`,
      to: from,
      sign: [...signs][0] ?? '',
      templateId: '',
      params: [],
      content: text,
      status: 'received',
      direction: 'inbound',
      sentAt: new Date().toISOString(),
    });
    changed();
    push(urls.smsReplyUrl, {
      extend: '',
      ...nationPush(from),
      sign: [...signs][0] ?? '',
      text,
      time: Math.floor(Date.now() / 1000),
    });
  }

  function press(callId: string, keys: string): boolean {
    const c = calls.get(callId);
    if (!c || c.status !== 'answered') return false;
    c.keys += keys;
    push(urls.voiceUrl, {
      voicekey_callback: { call_from: '', callid: callId, keypress: keys, ...nationPush(c.to) },
    });
    endCall(c, 'completed');
    return true;
  }

  function setPhone(number: string, behaviour: TencentPhoneBehaviour): void {
    if (!E164.test(number)) throw new HttpError(400, 'number: an E.164 phone number');
    if (!BEHAVIOURS.includes(behaviour))
      throw new HttpError(400, `behaviour: one of ${BEHAVIOURS.join(', ')}`);
    phones.set(number, behaviour);
    changed();
  }

  function phoneList(filter: { search?: string; limit?: number } = {}): TencentPhone[] {
    const last = new Map<string, string>();
    const tally = new Map<string, { messages: number; calls: number; activeCall: string | null }>();
    const of = (n: string) => {
      let t = tally.get(n);
      if (!t) tally.set(n, (t = { messages: 0, calls: 0, activeCall: null }));
      return t;
    };
    const seen = (n: string, at: string) => {
      if ((last.get(n) ?? '') < at) last.set(n, at);
    };
    for (const m of messages) {
      of(m.to).messages++;
      seen(m.to, m.sentAt);
    }
    for (const c of calls.values()) {
      const t = of(c.to);
      t.calls++;
      if (c.status === 'ringing' || c.status === 'answered') t.activeCall = c.callId;
      seen(c.to, c.createdAt);
    }
    for (const n of phones.keys()) of(n);
    const search = (filter.search ?? '').replace(/\s/g, '');
    return [...tally.entries()]
      .filter(([n]) => !search || n.includes(search))
      .sort(([a], [b]) => (last.get(b) ?? '').localeCompare(last.get(a) ?? ''))
      .slice(0, filter.limit ?? Infinity)
      .map(([number, t]) => ({
        number,
        behaviour: behaviourOf(number),
        ...t,
        lastActivity: last.get(number) ?? null,
      }));
  }

  const callView = ({
    timer: _timer,
    ...c
  }: TencentCall & { timer: NodeJS.Timeout | null }): TencentCall => ({ ...c });

  async function control(req: http.IncomingMessage, res: http.ServerResponse, url: URL): Promise<void> {
    const body = async () => {
      const text = await readBody(req);
      return (text ? JSON.parse(text) : {}) as Record<string, unknown>;
    };
    const to = url.searchParams.get('to') ?? undefined;
    if (req.method === 'GET' && url.pathname === '/_emulator/messages')
      return sendJson(
        res,
        200,
        messages.filter((m) => !to || m.to === to),
      );
    if (req.method === 'GET' && url.pathname === '/_emulator/phones') {
      const limit = Number(url.searchParams.get('limit'));
      return sendJson(res, 200, {
        phones: phoneList({
          search: url.searchParams.get('q') ?? undefined,
          limit: Number.isInteger(limit) && limit > 0 ? limit : undefined,
        }),
      });
    }
    if (req.method === 'POST' && url.pathname === '/_emulator/phones') {
      const b = await body();
      setPhone(String(b.number ?? ''), b.behaviour as TencentPhoneBehaviour);
      return sendJson(res, 200, { number: b.number, behaviour: b.behaviour });
    }
    if (req.method === 'GET' && url.pathname === '/_emulator/calls')
      return sendJson(res, 200, [...calls.values()].filter((c) => !to || c.to === to).map(callView));
    if (req.method === 'POST' && url.pathname === '/_emulator/sms') {
      const b = await body();
      if (typeof b.from !== 'string' || typeof b.text !== 'string')
        throw new HttpError(400, 'from and text are required');
      await reply(b.from, b.text);
      return sendJson(res, 201, { ok: true });
    }
    const keys = /^\/_emulator\/calls\/([^/]+)\/keys$/.exec(url.pathname);
    if (req.method === 'POST' && keys) {
      const b = await body();
      if (!press(decodeURIComponent(keys[1]!), String(b.keys ?? '')))
        throw new HttpError(409, 'the call is not waiting for keys');
      return sendJson(res, 200, { ok: true });
    }
    if (req.method === 'POST' && url.pathname === '/_emulator/faults') {
      faults = { ...faults, ...((await body()) as Partial<TencentFaults>) };
      return sendJson(res, 200, faults);
    }
    throw new HttpError(404, `No route ${req.method} ${url.pathname}`);
  }

  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://emulator');
    const handle = async (): Promise<void> => {
      if (req.method === 'POST' && req.headers['x-tc-action']) return api(req, res);
      if (url.pathname.startsWith('/_emulator')) return control(req, res, url);
      if (url.pathname === '/health') return sendJson(res, 200, { status: 'ok' });
      throw new HttpError(404, `No route ${req.method} ${url.pathname}`);
    };
    handle().catch((e: unknown) => {
      if (res.headersSent) return void res.destroy();
      if (e instanceof HttpError) return sendJson(res, e.status, { error: e.message });
      log(`tencent-emulator: ${req.method} ${url.pathname}: ${(e as Error).stack ?? e}`);
      sendJson(res, 500, { error: 'Internal error' });
    });
  });
  server.keepAliveTimeout = 65_000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const port = (server.address() as AddressInfo).port;

  function reset(): void {
    epoch++;
    for (const t of timers) clearTimeout(t);
    timers.clear();
    messages = [];
    calls = new Map();
    phones = new Map();
    faults = { ...NO_FAULTS };
    sendsTaken = 0;
    failedSends = 0;
    changed();
  }

  return {
    url: `http://${host.includes(':') ? `[${host}]` : host}:${port}`,
    port,
    messages: (filter = {}) => messages.filter((m) => !filter.to || m.to === filter.to),
    calls: (filter = {}) => [...calls.values()].filter((c) => !filter.to || c.to === filter.to).map(callView),
    phones: phoneList,
    onChange: (listener) => void listeners.push(listener),
    setPhone,
    setFaults: (f) => void (faults = { ...faults, ...f }),
    configure: (u) => void Object.assign(urls, u),
    reply,
    press,
    idle: () =>
      pendingPushes === 0 ? Promise.resolve() : new Promise<void>((resolve) => idleWaiters.push(resolve)),
    reset,
    close: async () => {
      reset();
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
      agent.destroy();
      checkIdle();
    },
  };
}
