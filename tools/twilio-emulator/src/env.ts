/** The standalone emulator's options, read from the environment (see main.ts). */
import type { TwilioEmulatorOptions } from './options.js';

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
