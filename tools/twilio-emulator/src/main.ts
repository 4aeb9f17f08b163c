/**
 * The Twilio emulator as its own process: `node tools/twilio-emulator/dist/main.js`.
 *
 * Environment: TWILIO_ACCOUNT_SID (AC + 32 hex), TWILIO_AUTH_TOKEN, TWILIO_EMULATOR_PORT (3090),
 * TWILIO_EMULATOR_HOST (127.0.0.1), TWILIO_EMULATOR_SMS_URL, TWILIO_EMULATOR_VOICE_URL,
 * TWILIO_FROM_NUMBER (the emulated number phones reply to), and the timings
 * TWILIO_EMULATOR_MESSAGE_STEP_MS, TWILIO_EMULATOR_RING_MS, TWILIO_EMULATOR_TIME_SCALE,
 * TWILIO_EMULATOR_GATHER_TIMEOUT_MS, TWILIO_EMULATOR_CALLBACK_CONCURRENCY,
 * TWILIO_EMULATOR_BURST_CALLBACK_CONCURRENCY,
 * TWILIO_EMULATOR_MAX_PENDING_MESSAGES.
 *
 * With TENCENT_EMULATOR_PORT (and the account it emulates, see `tencentOptionsFromEnv`) the
 * Tencent Cloud emulator runs in this process too, on that port, and its phones are on the same
 * phone simulator page.
 */
import { startTwilioEmulator } from './emulator.js';
import type { TwilioEmulatorOptions } from './options.js';
import { EnvError, optionsFromEnv, tencentOptionsFromEnv } from './env.js';
import { startTencentEmulator } from './tencent/tencent-emulator.js';
import type { TencentEmulator, TencentEmulatorOptions } from './tencent/tencent-types.js';

async function main(): Promise<void> {
  let options: TwilioEmulatorOptions;
  let tencentOptions: TencentEmulatorOptions | null;
  try {
    options = optionsFromEnv();
    tencentOptions = tencentOptionsFromEnv();
  } catch (e) {
    if (e instanceof EnvError) {
      console.error(e.message);
      process.exit(78); // EX_CONFIG
    }
    throw e;
  }
  let tencent: TencentEmulator | undefined;
  if (tencentOptions) {
    tencent = await startTencentEmulator(tencentOptions);
    console.log(
      `tencent-emulator listening on ${tencent.url} (its phones on the phone simulator page)` +
        (tencentOptions.smsStatusUrl ? `; receipts → ${tencentOptions.smsStatusUrl}` : ''),
    );
  }
  const emulator = await startTwilioEmulator({ ...options, tencent });
  console.log(
    `twilio-emulator listening on ${emulator.url} (phone simulator at ${emulator.url}/)` +
      (options.smsUrl ? `; inbound SMS → ${options.smsUrl}` : '') +
      (options.voiceUrl ? `; inbound calls → ${options.voiceUrl}` : ''),
  );
  let stopping = false;
  const stop = (signal: string): void => {
    if (stopping) return;
    stopping = true;
    console.log(`twilio-emulator: ${signal}, stopping`);
    const force = setTimeout(() => process.exit(0), 3000);
    force.unref();
    void Promise.all([emulator.close(), tencent?.close()]).then(() => process.exit(0));
  };
  process.on('SIGTERM', () => stop('SIGTERM'));
  process.on('SIGINT', () => stop('SIGINT'));
}

void main();
