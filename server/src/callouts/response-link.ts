import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * The responder link is signed: `<recipientId>.<HMAC>`, so it cannot be forged or guessed,
 * needs no lookup table, and opens exactly one person's answer to exactly one call-out.
 */
export function signResponseToken(recipientId: string, secret: string): string {
  return `${recipientId}.${mac(recipientId, secret)}`;
}

export function verifyResponseToken(token: string, secret: string): string | null {
  const [id, sig] = token.split('.');
  if (!id || !sig || !/^[0-9a-f-]{36}$/.test(id)) return null;
  const expected = Buffer.from(mac(id, secret));
  const given = Buffer.from(sig);
  return given.length === expected.length && timingSafeEqual(given, expected) ? id : null;
}

function mac(id: string, secret: string): string {
  return createHmac('sha256', `callout-link:${secret}`).update(id).digest('base64url').slice(0, 22);
}
