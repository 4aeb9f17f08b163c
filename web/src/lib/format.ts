/**
 * Formatting shared by pages. Times are shown in the zone's time zone, not the browser's: a
 * command post and a visiting auditor's laptop must read the same clock.
 */

/** A `tel:` link for a phone number as typed by people (spaces, dashes, brackets), or null. */
export function telHref(phone: string | null | undefined): string | null {
  if (!phone) return null;
  const trimmed = phone.trim();
  const digits = trimmed.replace(/[^\d]/g, '');
  if (digits.length < 3) return null;
  // Keep a leading + (E.164) and an extension marker; drop the punctuation people type.
  const [main, extension] = trimmed.split(/\s*(?:ext\.?|x|转|分机)\s*/i);
  const mainDigits = (main ?? '').replace(/[^\d]/g, '');
  const prefix = (main ?? '').trim().startsWith('+') ? '+' : '';
  const ext = extension ? extension.replace(/[^\d]/g, '') : '';
  return `tel:${prefix}${mainDigits}${ext ? `,${ext}` : ''}`;
}

export function formatDateTime(iso: string | null | undefined, language: string, timeZone: string): string {
  if (!iso) return '';
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat(language, {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
    hourCycle: 'h23',
  }).format(date);
}

/** Offset of `timeZone` from UTC at `instant`, in minutes (Asia/Shanghai: +480). */
export function timeZoneOffsetMinutes(instant: Date, timeZone: string): number {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
    hour: 'numeric',
    minute: 'numeric',
    second: 'numeric',
  }).formatToParts(instant);
  const get = (type: Intl.DateTimeFormatPartTypes) => Number(parts.find((p) => p.type === type)?.value ?? 0);
  const asUtc = Date.UTC(
    get('year'),
    get('month') - 1,
    get('day'),
    get('hour'),
    get('minute'),
    get('second'),
  );
  return Math.round((asUtc - Math.floor(instant.getTime() / 1000) * 1000) / 60_000);
}

/**
 * The instant a calendar day (`YYYY-MM-DD`, as a date input gives it) starts — or, with
 * `end`, its last millisecond — in the zone's time zone, as ISO 8601 UTC. Null for a bad date.
 */
export function zonedDayBoundary(day: string, timeZone: string, end = false): string | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
  if (!match) return null;
  const [, y, m, d] = match;
  const wallClock = end
    ? Date.UTC(Number(y), Number(m) - 1, Number(d), 23, 59, 59, 999)
    : Date.UTC(Number(y), Number(m) - 1, Number(d), 0, 0, 0, 0);
  if (Number.isNaN(wallClock)) return null;
  // Two passes settle the offset on days when it changes (daylight saving elsewhere).
  let instant = wallClock - timeZoneOffsetMinutes(new Date(wallClock), timeZone) * 60_000;
  instant = wallClock - timeZoneOffsetMinutes(new Date(instant), timeZone) * 60_000;
  return new Date(instant).toISOString();
}
