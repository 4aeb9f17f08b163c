import { isUUID } from 'class-validator';

/** Where the provider's webhooks are served (the controllers' path, and the URLs given to it). */
export const WEBHOOK_PATH = 'webhooks/twilio';

/** The public URL of a webhook, e.g. `status?delivery=<id>`, as the provider is told to call it. */
export function webhookUrl(publicUrl: string, pathAndQuery: string): string {
  return `${publicUrl}/${WEBHOOK_PATH}/${pathAndQuery}`;
}

/**
 * Our own record id from a webhook URL, or null when it is missing or no UUID. A signed request
 * can still carry one that does not fit the column it is looked up in: the database never sees it
 * (it would refuse it, and the provider would get a 500).
 */
export function recordIdOf(v: unknown): string | null {
  return typeof v === 'string' && isUUID(v) ? v : null;
}
