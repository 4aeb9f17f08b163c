/** The standalone emulator's options, read from the environment (see main.ts). */
import type { TwilioEmulatorOptions } from './options.js';
import type { TencentEmulatorOptions } from './tencent/tencent-types.js';

export class EnvError extends Error {}

export function optionsFromEnv(env: NodeJS.ProcessEnv = process.env): TwilioEmulatorOptions {
  const problems: string[] = [];
  const accountSid = env.TWILIO_ACCOUNT_SID ?? '';
  const authToken = env.TWILIO_AUTH_TOKEN ?? '';
  if (!/^AC[0-9a-f]{32}$/.test(accountSid))
    problems.push('TWILIO_ACCOUNT_SID: AC followed by 32 lowercase hex digits');
  if (!authToken) problems.push('TWILIO_AUTH_TOKEN: required');
  const num = (name: string, fallback?: number): number | undefined => {
    const raw = env[name];
    if (raw === undefined || raw === '') return fallback;
    const v = Number(raw);
    if (!Number.isFinite(v) || v < 0) {
      problems.push(`${name}: a number ≥ 0`);
      return fallback;
    }
    return v;
  };
  const url = (name: string): string | undefined => {
    const raw = env[name];
    if (!raw) return undefined;
    if (!/^https?:\/\/[^\s]+$/.test(raw)) problems.push(`${name}: an http(s) URL`);
    return raw;
  };
  const port = num('TWILIO_EMULATOR_PORT', 3090)!;
  if (!Number.isInteger(port) || port > 65535) problems.push('TWILIO_EMULATOR_PORT: a port number');
  const options: TwilioEmulatorOptions = {
    accountSid,
    authToken,
    port,
    host: env.TWILIO_EMULATOR_HOST || '127.0.0.1',
    smsUrl: url('TWILIO_EMULATOR_SMS_URL'),
    voiceUrl: url('TWILIO_EMULATOR_VOICE_URL'),
    phoneNumber: env.TWILIO_FROM_NUMBER || undefined,
    messageStepMs: num('TWILIO_EMULATOR_MESSAGE_STEP_MS'),
    ringMs: num('TWILIO_EMULATOR_RING_MS'),
    timeScale: num('TWILIO_EMULATOR_TIME_SCALE'),
    gatherTimeoutMs: num('TWILIO_EMULATOR_GATHER_TIMEOUT_MS'),
    callbackConcurrency: num('TWILIO_EMULATOR_CALLBACK_CONCURRENCY'),
    burstCallbackConcurrency: num('TWILIO_EMULATOR_BURST_CALLBACK_CONCURRENCY'),
    maxPendingMessages: num('TWILIO_EMULATOR_MAX_PENDING_MESSAGES'),
  };
  if (problems.length)
    throw new EnvError(`twilio-emulator: invalid environment:\n  ${problems.join('\n  ')}`);
  return options;
}

/**
 * The Tencent Cloud emulator's options, when TENCENT_EMULATOR_PORT is set (else null: only Twilio
 * is emulated, and a TENCENT_* account in the environment is the server's real one). Its account's variables are the server's own (TENCENT_SECRET_ID,
 * TENCENT_SECRET_KEY, TENCENT_SMS_SDK_APP_ID, TENCENT_VOICE_SDK_APP_ID, TENCENT_SMS_SIGN,
 * TENCENT_CALLBACK_KEY); the push URLs
 * TENCENT_EMULATOR_SMS_STATUS_URL, TENCENT_EMULATOR_SMS_REPLY_URL, TENCENT_EMULATOR_VOICE_URL.
 */
export function tencentOptionsFromEnv(env: NodeJS.ProcessEnv = process.env): TencentEmulatorOptions | null {
  if (!env.TENCENT_EMULATOR_PORT) return null;
  const problems: string[] = [];
  const required = (name: string, pattern = /^.+$/, what = 'required'): string => {
    const v = env[name] ?? '';
    if (!pattern.test(v)) problems.push(`${name}: ${what}`);
    return v;
  };
  const url = (name: string): string | undefined => {
    const raw = env[name];
    if (!raw) return undefined;
    if (!/^https?:\/\/[^\s]+$/.test(raw)) problems.push(`${name}: an http(s) URL`);
    return raw;
  };
  const port = Number(env.TENCENT_EMULATOR_PORT);
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    problems.push('TENCENT_EMULATOR_PORT: a port number');
  const options: TencentEmulatorOptions = {
    secretId: required('TENCENT_SECRET_ID'),
    secretKey: required('TENCENT_SECRET_KEY'),
    smsSdkAppId: required('TENCENT_SMS_SDK_APP_ID', /^\d+$/, 'digits'),
    voiceSdkAppId: required('TENCENT_VOICE_SDK_APP_ID', /^\d+$/, 'digits'),
    signs: [required('TENCENT_SMS_SIGN')],
    callbackKey: required('TENCENT_CALLBACK_KEY', /^.{16,}$/, 'at least 16 characters'),
    port,
    host: env.TWILIO_EMULATOR_HOST || '127.0.0.1',
    smsStatusUrl: url('TENCENT_EMULATOR_SMS_STATUS_URL'),
    smsReplyUrl: url('TENCENT_EMULATOR_SMS_REPLY_URL'),
    voiceUrl: url('TENCENT_EMULATOR_VOICE_URL'),
  };
  if (problems.length)
    throw new EnvError(`tencent-emulator: invalid environment:\n  ${problems.join('\n  ')}`);
  return options;
}
