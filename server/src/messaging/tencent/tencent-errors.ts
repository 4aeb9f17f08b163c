import { ProviderError } from '../provider.js';

/**
 * Tencent Cloud's error codes (SMS API 3.0, VMS) as what a send does next. Permanent: the number
 * is invalid or blacklisted, the template or signature is not approved — retrying cannot fix
 * them. Rate limited: the number's 30-second or hourly limit, the API's flow control. Everything
 * else (InternalError, system busy, a wrong key, no answer at all) is the provider's trouble: it
 * is retried and counts against the provider's health.
 */
export const PERMANENT: ReadonlySet<string> = new Set([
  'InvalidParameterValue.IncorrectPhoneNumber',
  'InvalidParameterValue.TemplateParameterFormatError',
  'InvalidParameterValue.TemplateParameterLengthLimit',
  'InvalidParameterValue.ProhibitedUseUrlInTemplateParameter',
  'FailedOperation.PhoneNumberInBlacklist',
  'FailedOperation.TemplateIncorrectOrUnapproved',
  'FailedOperation.SignatureIncorrectOrUnapproved',
  'FailedOperation.ContainSensitiveWord',
  'FailedOperation.PhoneNumberOnBlacklist',
  'UnsupportedOperation.ContainDomesticAndInternationalPhoneNumber',
  'UnsupportedOperation.UnsupportedRegion',
  'LimitExceeded.DeliveryFrequencyLimit',
]);

/** The number has had as many texts from this account today as Tencent allows: Twilio may still. */
const DAILY_CAP = 'LimitExceeded.PhoneNumberDailyLimit';

const WAIT_MS: Readonly<Record<string, number>> = {
  'LimitExceeded.PhoneNumberThirtySecondLimit': 30_000,
  'LimitExceeded.PhoneNumberOneHourLimit': 3_600_000,
  RequestLimitExceeded: 1_000,
  'LimitExceeded.AppDailyLimit': 60_000,
};

/** A failure of the SDK (a TencentCloudSDKHttpException, or a per-number status) as a ProviderError. */
export function tencentErrorOf(e: unknown): ProviderError {
  if (e instanceof ProviderError) return e;
  const err = e as { code?: string; message?: string; httpCode?: number };
  const message = err.message ?? String(e);
  if (!err.code) {
    // No error code: no answer of Tencent's came (a time-out, a dropped connection, an HTTP error
    // in front of the API), so the request may still be at work.
    return new ProviderError(message, 'transient', null, null, false, err.httpCode !== undefined);
  }
  return codeError(err.code, message);
}

export function codeError(code: string, message: string): ProviderError {
  const text = `${code}: ${message}`;
  if (code === DAILY_CAP) return new ProviderError(text, 'permanent', null, null, false, true, true);
  if (PERMANENT.has(code)) return new ProviderError(text, 'permanent');
  const wait = WAIT_MS[code];
  if (wait !== undefined) return new ProviderError(text, 'rate_limited', null, wait);
  return new ProviderError(text, 'transient');
}
