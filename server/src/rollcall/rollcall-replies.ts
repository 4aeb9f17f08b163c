/**
 * What a text to a roll call means. An enterprise reports how many of its people on shift are
 * accounted for — `到 45/48` (45 of 48), also `到45/48`, `45/48`, `at 45/48`, full-width
 * `到４５／４８` — optionally naming the assembly point by its letter (`到 45/48 B`, `B 到 45/48`).
 * A responder checks in with `签到` or `check in`, or `到 A` / `at A` naming the point.
 *
 * A bare `到` is left alone: it acknowledges a call-out, and a call-out's short code (two to
 * four characters) never reads as a point letter, so `到 K7` stays the call-out's.
 */
export type RollCallReply =
  | { kind: 'count'; accounted: number; expected: number; point: string | null }
  | { kind: 'check_in'; point: string | null }
  /** It is meant for the roll call but cannot be recorded; the sender is told why. */
  | { kind: 'invalid'; reason: 'more_than_expected' | 'unreadable'; accounted?: number; expected?: number };

/** A headcount larger than this is a typo, not a shift. */
export const MAX_HEADCOUNT = 100_000;

const ARRIVED = '(?:到|实到|已到|AT|ARRIVED)';
const POINT = '([A-Z])';
const COUNT = '(\\d{1,7})\\s*(?:人)?\\s*/\\s*(\\d{1,7})\\s*(?:人)?';
const COUNT_FORMS = [
  new RegExp(`^(?:${POINT}\\s*[:：]?\\s*)?(?:${ARRIVED}\\s*)?${COUNT}(?:\\s*(?:@\\s*)?${POINT})?$`),
  new RegExp(`^${ARRIVED}\\s*${POINT}\\s*[:：]?\\s*${COUNT}$`),
];
const CHECK_IN_FORMS = [
  new RegExp(`^(?:签到|CHECK\\s*-?\\s*IN|CHECKIN)(?:\\s*(?:@|AT)?\\s*${POINT})?$`),
  new RegExp(`^${ARRIVED}\\s*${POINT}$`),
  new RegExp(`^${POINT}\\s*(?:签到|CHECK\\s*-?\\s*IN|CHECKIN)$`),
];
/** Texts plainly aimed at the roll call (a slash count, 签到, 到 + digits) that no form reads. */
const ATTEMPT = new RegExp(`\\d\\s*/|/\\s*\\d|^签到|^CHECK\\s*-?\\s*IN|^${ARRIVED}\\s*\\d`);

export function parseRollCallReply(body: string): RollCallReply | null {
  const text = body
    .normalize('NFKC')
    .toUpperCase()
    .replace(/[。.!！,，]+$/u, '')
    .replace(/\s+/g, ' ')
    .trim();
  if (!text) return null;
  for (const form of COUNT_FORMS) {
    const m = form.exec(text);
    if (!m) continue;
    const letters = m.slice(1).filter((g) => g !== undefined && /^[A-Z]$/.test(g));
    const [accounted, expected] = m
      .slice(1)
      .filter((g) => g !== undefined && /^\d+$/.test(g))
      .map(Number) as [number, number];
    if (letters.length > 1) return { kind: 'invalid', reason: 'unreadable' };
    if (expected > MAX_HEADCOUNT) return { kind: 'invalid', reason: 'unreadable' };
    if (accounted > expected) return { kind: 'invalid', reason: 'more_than_expected', accounted, expected };
    return { kind: 'count', accounted, expected, point: letters[0] ?? null };
  }
  for (const form of CHECK_IN_FORMS) {
    const m = form.exec(text);
    if (m) return { kind: 'check_in', point: m[1] ?? null };
  }
  return ATTEMPT.test(text) ? { kind: 'invalid', reason: 'unreadable' } : null;
}
