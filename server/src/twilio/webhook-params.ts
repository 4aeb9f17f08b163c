import { isUUID } from 'class-validator';
import { PG_INT_MAX } from '../common/sql.js';

/**
 * Twilio's webhooks are signed, but a signed request can still carry parameters that do not fit
 * the columns they are written to: these read them with care, so that the database never sees
 * one (it would refuse it, and the provider would get a 500).
 */

/** Our own record id from a webhook URL, or null when it is missing or no UUID. */
export function recordIdOf(v: unknown): string | null {
  return typeof v === 'string' && isUUID(v) ? v : null;
}

/** The provider's numeric error code, or null for none or one that is not a whole number. */
export function errorCodeOf(v: string | undefined): number | null {
  const n = Number(v);
  return v && Number.isInteger(n) && n >= 0 && n <= PG_INT_MAX ? n : null;
}
