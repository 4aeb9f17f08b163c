import { parsePhoneNumberFromString } from 'libphonenumber-js/max';

/** Numbers without a country code are read as Chinese (a zone in Anhui). */
export const DEFAULT_PHONE_REGION = 'CN';

/**
 * The E.164 form of a phone number written any usual way ("138 0561 2345", "0561-3011001",
 * "+86 138…"), or null when it is not a valid number. Validated against full metadata, so a
 * number with the wrong length for its area or mobile prefix is refused.
 */
export function normalizePhone(raw: string): string | null {
  const parsed = parsePhoneNumberFromString(raw.trim(), DEFAULT_PHONE_REGION);
  if (!parsed || !parsed.isValid()) return null;
  return parsed.number;
}
