import { expect } from '@jest/globals';
import {
  startTencentEmulator,
  startTwilioEmulator,
  type TencentEmulator,
  type TencentEmulatorOptions,
  type TwilioEmulator,
} from '@muster/twilio-emulator';
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

/** The Tencent Cloud account of the mainland emulator (test values, no real account). */
export const TENCENT = {
  secretId: 'AKIDemulatortestsecretid0000000000',
  secretKey: 'emulator-test-secret-key-000000000',
  smsSdkAppId: '1400000001',
  voiceSdkAppId: '1400000002',
  sign: 'Muster',
  callbackKey: 'emulator-test-callback-key-0000',
};

export interface CalloutStack {
  t: TestApp;
  emulator: TwilioEmulator;
  /** The mainland provider's emulator, when the stack was started with `tencent`. */
  tencent: TencentEmulator | null;
  publicUrl: string;
  /** The environment a separate worker process needs to join this stack. */
  workerEnv: Record<string, string>;
  close(): Promise<void>;
}

/**
 * The server, the worker's job processing (in the same process) and the Twilio emulator, wired
 * as in demo mode: the real `twilio` SDK sends to the emulator, whose webhooks come back signed.
 * Escalation time runs at `timeScale` (0.01: a minute takes 0.6 s). With `web`, the built web
 * console is served too, for browser tests. With `tencent`, the Tencent Cloud emulator stands
 * beside it as the mainland provider (+86 numbers go to it first), reached by the real
 * `tencentcloud-sdk-nodejs`, its pushes signed with the callback key.
 */
export async function startCalloutStack(
  env: Record<string, string> = {},
  timeScale = 0.01,
  {
    inProcessWorker = true,
    web = false,
    dutyAlerting = false,
    tencent: withTencent = false,
    tencentOptions = {},
  }: {
    inProcessWorker?: boolean;
    web?: boolean;
    dutyAlerting?: boolean;
    tencent?: boolean;
    /** Overrides of the Tencent emulator's timings (a person pressing a key takes longer than a test). */
    tencentOptions?: Partial<TencentEmulatorOptions>;
  } = {},
): Promise<CalloutStack> {
  const tencent = withTencent
    ? await startTencentEmulator({
        secretId: TENCENT.secretId,
        secretKey: TENCENT.secretKey,
        smsSdkAppId: TENCENT.smsSdkAppId,
        voiceSdkAppId: TENCENT.voiceSdkAppId,
        signs: [TENCENT.sign],
        callbackKey: TENCENT.callbackKey,
        messageStepMs: 20,
        ringMs: 50,
        keyTimeoutMs: 2000,
        log: () => undefined,
        ...tencentOptions,
      })
    : null;
  const tencentEnv: Record<string, string> = tencent
    ? {
        TENCENT_SECRET_ID: TENCENT.secretId,
        TENCENT_SECRET_KEY: TENCENT.secretKey,
        TENCENT_SMS_SDK_APP_ID: TENCENT.smsSdkAppId,
        TENCENT_VOICE_SDK_APP_ID: TENCENT.voiceSdkAppId,
        TENCENT_SMS_SIGN: TENCENT.sign,
        TENCENT_CALLBACK_KEY: TENCENT.callbackKey,
        TENCENT_API_BASE: tencent.url,
      }
    : {};
  const emulator = await startTwilioEmulator({
    accountSid: ACCOUNT_SID,
    authToken: AUTH_TOKEN,
    phoneNumber: FROM,
    messageStepMs: 20,
    ringMs: 50,
    gatherTimeoutMs: 2000,
    log: () => undefined,
    // Its phones on the same phone simulator page.
    tencent: tencent ?? undefined,
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
      ...tencentEnv,
      ...env,
    },
  });
  emulator.configure({ smsUrl: `${publicUrl}/webhooks/twilio/sms` });
  tencent?.configure({
    smsStatusUrl: `${publicUrl}/webhooks/tencent/sms-status`,
    smsReplyUrl: `${publicUrl}/webhooks/tencent/sms-reply`,
    voiceUrl: `${publicUrl}/webhooks/tencent/voice`,
  });
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
    ...tencentEnv,
    ...env,
  };
  return {
    t,
    emulator,
    tencent,
    publicUrl,
    workerEnv,
    async close() {
      await t.close();
      await emulator.close();
      await tencent?.close();
    },
  };
}

type Msg = { sid: string; to: string; from: string; body: string; status: string };
type CallRec = { sid: string; to: string; status: string; transcript?: unknown[] };

/**
 * How long a phone waits for a text or call the test expects. A bound on liveness, not a speed
 * check: on a loaded CI machine the way from a click through the outbox, the worker and the
 * provider has been seen to take over 10 s.
 */
const ARRIVAL_MS = 30_000;

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

  async expectSms(timeoutMs = ARRIVAL_MS): Promise<Msg> {
    const m = await waitFor(() => this.sms()[this.seenSms], timeoutMs, `an SMS to ${this.number}`);
    this.seenSms++;
    return m;
  }

  async expectCall(timeoutMs = ARRIVAL_MS): Promise<CallRec> {
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
