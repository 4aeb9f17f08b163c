import { expect } from '@jest/globals';
import { startTwilioEmulator, type TwilioEmulator } from '@muster/twilio-emulator';
import { freePort } from './processes.js';
import { CalloutsModule } from '../../server/src/callouts/callouts.module.js';
import { HazardJobsModule } from '../../server/src/hazards/hazard.module.js';
import { InspectionJobsModule } from '../../server/src/inspections/inspection-jobs.module.js';
import { JobWorkerModule } from '../../server/src/jobs/job-worker.module.js';
import { ReminderJobsModule } from '../../server/src/reminders/reminders.module.js';
import { createTestApp, type TestApp } from './app.js';

export const ACCOUNT_SID = `AC${'0'.repeat(32)}`;
export const AUTH_TOKEN = 'emulator-test-auth-token';
export const FROM = '+15005550006';

export interface CalloutStack {
  t: TestApp;
  emulator: TwilioEmulator;
  publicUrl: string;
  /** The environment a separate worker process needs to join this stack. */
  workerEnv: Record<string, string>;
  close(): Promise<void>;
}

/**
 * The server, the worker's job processing (in the same process) and the Twilio emulator, wired
 * as in demo mode: the real `twilio` SDK sends to the emulator, whose webhooks come back signed.
 * Escalation time runs at `timeScale` (0.01: a minute takes 0.6 s). With `web`, the built web
 * console is served too, for browser tests.
 */
export async function startCalloutStack(
  env: Record<string, string> = {},
  timeScale = 0.01,
  {
    inProcessWorker = true,
    web = false,
    dutyAlerting = false,
  }: { inProcessWorker?: boolean; web?: boolean; dutyAlerting?: boolean } = {},
): Promise<CalloutStack> {
  const emulator = await startTwilioEmulator({
    accountSid: ACCOUNT_SID,
    authToken: AUTH_TOKEN,
    phoneNumber: FROM,
    messageStepMs: 20,
    ringMs: 50,
    gatherTimeoutMs: 2000,
    log: () => undefined,
  });
  const port = await freePort();
  const publicUrl = `http://127.0.0.1:${port}`;
  const t = await createTestApp({
    port,
    web,
    dutyAlerting,
    imports: inProcessWorker
      ? [CalloutsModule, HazardJobsModule, InspectionJobsModule, ReminderJobsModule, JobWorkerModule]
      : [],
    env: {
      PUBLIC_URL: publicUrl,
      TWILIO_ACCOUNT_SID: ACCOUNT_SID,
      TWILIO_AUTH_TOKEN: AUTH_TOKEN,
      TWILIO_FROM_NUMBER: FROM,
      TWILIO_API_BASE: emulator.url,
      CALLOUT_TIME_SCALE: String(timeScale),
      SMS_RATE_PER_SECOND: '0',
      ...env,
    },
  });
  emulator.configure({ smsUrl: `${publicUrl}/webhooks/twilio/sms` });
  const workerEnv = {
    NODE_ENV: 'test',
    DATABASE_URL: t.db.url,
    REDIS_URL: process.env.REDIS_URL ?? 'redis://127.0.0.1:6379',
    REDIS_PREFIX: t.redisPrefix,
    JWT_SECRET: t.jwtSecret,
    PUBLIC_URL: publicUrl,
    TWILIO_ACCOUNT_SID: ACCOUNT_SID,
    TWILIO_AUTH_TOKEN: AUTH_TOKEN,
    TWILIO_FROM_NUMBER: FROM,
    TWILIO_API_BASE: emulator.url,
    CALLOUT_TIME_SCALE: String(timeScale),
    SMS_RATE_PER_SECOND: '0',
    ...env,
  };
  return {
    t,
    emulator,
    publicUrl,
    workerEnv,
    async close() {
      await t.close();
      await emulator.close();
    },
  };
}

type Msg = { sid: string; to: string; from: string; body: string; status: string };
type CallRec = { sid: string; to: string; status: string; transcript?: unknown[] };

/**
 * One simulated phone, as its owner experiences the call-out: expect an SMS, reply, expect a call,
 * press a key, and check that nothing else arrived.
 */
export class Phone {
  private seenSms = 0;
  private seenCalls = 0;

  constructor(
    private readonly emulator: TwilioEmulator,
    readonly number: string,
  ) {}

  private sms(): Msg[] {
    return this.emulator.messages({ to: this.number }) as unknown as Msg[];
  }

  private calls(): CallRec[] {
    return this.emulator.calls({ to: this.number }) as unknown as CallRec[];
  }

  async expectSms(timeoutMs = 10_000): Promise<Msg> {
    const m = await waitFor(() => this.sms()[this.seenSms], timeoutMs, `an SMS to ${this.number}`);
    this.seenSms++;
    return m;
  }

  async expectCall(timeoutMs = 10_000): Promise<CallRec> {
    const c = await waitFor(() => this.calls()[this.seenCalls], timeoutMs, `a call to ${this.number}`);
    this.seenCalls++;
    return c;
  }

  async reply(body: string): Promise<void> {
    const res = await fetch(`${this.emulator.url}/_emulator/sms`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ from: this.number, to: FROM, body }),
    });
    expect(res.status).toBeLessThan(300);
  }

  /** Presses keys in the current call once it is waiting for them. */
  async press(callSid: string, digits: string): Promise<void> {
    await waitFor(
      async () => {
        const res = await fetch(`${this.emulator.url}/_emulator/calls/${callSid}/digits`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ digits }),
        });
        return res.status < 300 ? true : undefined;
      },
      10_000,
      `call ${callSid} waiting for keys`,
    );
  }

  /** The SMS the phone got after the ones already expected (its confirmation replies included). */
  unexpected(): { sms: Msg[]; calls: CallRec[] } {
    return { sms: this.sms().slice(this.seenSms), calls: this.calls().slice(this.seenCalls) };
  }

  counts(): { sms: number; calls: number } {
    return { sms: this.sms().length, calls: this.calls().length };
  }
}

export async function waitFor<T>(
  probe: () => T | undefined | Promise<T | undefined>,
  timeoutMs: number,
  what: string,
): Promise<T> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const v = await probe();
    if (v !== undefined) return v;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}
