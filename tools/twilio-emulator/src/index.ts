export { startTwilioEmulator } from './emulator.js';
export type {
  EmulatorConfig,
  EmulatorStats,
  Faults,
  PhoneSettings,
  TwilioEmulator,
  TwilioEmulatorOptions,
} from './options.js';
export { twilioSignature, isValidTwilioSignature } from './signature.js';
export { countSegments, smsSegments } from './segments.js';
