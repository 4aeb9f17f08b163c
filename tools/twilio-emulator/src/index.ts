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
export { startTencentEmulator, DEFAULT_TEMPLATES } from './tencent/tencent-emulator.js';
export type {
  TencentCall,
  TencentEmulator,
  TencentEmulatorOptions,
  TencentFaults,
  TencentPhoneBehaviour,
  TencentSms,
} from './tencent/tencent-types.js';
export { tc3Signature, verifyTc3 } from './tencent/tc3.js';
