/**
 * `startTwilioEmulator`: puts the parts together and serves them on one HTTP server — the Twilio
 * REST paths (`rest-api.ts`), the control API under `/_emulator` (`control-api.ts`), the phone
 * page at `/` (`phone-page.ts`) and `/health`. The parts: the in-memory store (`state.ts`), SMS
 * (`messages.ts`, `inbound-sms.ts`), calls and their TwiML (`calls.ts`, `call-flow.ts`,
 * `gather.ts`), and the webhooks they send (`webhooks.ts`).
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { Calls } from './calls.js';
import { ChangeStream, ControlApi } from './control-api.js';
import { Control } from './control.js';
import { HttpError, requestTarget, sendJson } from './http-util.js';
import { InboundSms } from './inbound-sms.js';
import { Messages } from './messages.js';
import type { EmulatorConfig, TwilioEmulator, TwilioEmulatorOptions } from './options.js';
import { servePhonePage } from './phone-page.js';
import { API_VERSION, twilioError } from './resources.js';
import { RestApi } from './rest-api.js';
import { RestError } from './rest-errors.js';
import { IdleWaiters, Timers } from './scheduler.js';
import { EmulatorState } from './state.js';
import { handleTencentPage } from './tencent/tencent-page-api.js';
import { Webhooks } from './webhooks.js';

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

  const initialConfig: EmulatorConfig = {
    smsUrl: options.smsUrl || null,
    voiceUrl: options.voiceUrl || null,
    phoneNumber: options.phoneNumber || null,
    messageStepMs: options.messageStepMs ?? 100,
    ringMs: options.ringMs ?? 1000,
    timeScale: options.timeScale ?? 1,
    gatherTimeoutMs: options.gatherTimeoutMs ?? null,
  };
  const state = new EmulatorState(initialConfig, options.maxRecords ?? 200_000);
  const changes = new ChangeStream(state);
  const timers = new Timers();
  const idle = new IdleWaiters(() => messages.busy || webhooks.busy);
  const webhooks = new Webhooks(
    state,
    {
      authToken,
      log,
      webhookTimeoutMs: options.webhookTimeoutMs ?? 15_000,
      callbackConcurrency: options.callbackConcurrency ?? 64,
      burstCallbackConcurrency: options.burstCallbackConcurrency ?? 4,
      sendsWaiting: (): boolean => messages.gate.waiting > 0,
    },
    () => idle.check(),
  );
  const messages = new Messages(state, webhooks, accountSid, options.maxPendingMessages ?? 20_000, () =>
    idle.check(),
  );
  const inboundSms = new InboundSms(state, webhooks, messages, accountSid, log);
  const calls = new Calls(state, webhooks, timers, accountSid, log);
  const control = new Control(state, messages, webhooks);
  const restApi = new RestApi(state, webhooks, timers, messages, calls, accountSid, authToken);
  const controlApi = new ControlApi(state, control, calls, inboundSms, changes, reset);
  // The Tencent emulator's phones are on the same page: its changes reach the page's stream too.
  options.tencent?.onChange(() => state.changed());

  function reset(): void {
    state.epoch++;
    calls.stopAll();
    timers.cancelAll();
    messages.dropPending();
    state.reset();
    webhooks.clearFailures();
    state.changed();
  }

  const server = http.createServer((req, res) => {
    const url = requestTarget(req.url ?? '/');
    const isRest = url.pathname.startsWith(`/${API_VERSION}/`);
    const handle = async (): Promise<void> => {
      if (isRest) return restApi.handle(req, res, url);
      if (url.pathname.startsWith('/_emulator/tencent/'))
        return handleTencentPage(options.tencent, req, res, url);
      if (url.pathname.startsWith('/_emulator')) return controlApi.handle(req, res, url);
      if ((url.pathname === '/' || url.pathname === '/index.html') && req.method === 'GET') {
        return servePhonePage(res);
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
    messages: (filter = {}) => control.inspectMessages(filter),
    calls: (filter = {}) => control.inspectCalls(filter),
    setPhone: (number, settings) => control.setPhone(number, settings),
    setFaults: (faults) => control.setFaults(faults),
    configure: (config) => control.configure(config),
    stats: () => control.stats(),
    idle: () => idle.wait(),
    reset,
    close: async () => {
      reset();
      changes.close();
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
      webhooks.close();
      idle.releaseAll();
    },
  };
}
