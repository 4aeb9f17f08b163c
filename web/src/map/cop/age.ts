/**
 * How old a responder's last shared position is, as a commander reads it on the map: "just now",
 * "4 min", "1 h 20 min", "2 d". A position older than `STALE_AFTER_MS` is drawn faded, since the
 * person has moved on from it.
 */
export const STALE_AFTER_MS = 15 * 60_000;

export type Age =
  | { unit: 'now' }
  | { unit: 'minutes'; minutes: number }
  | { unit: 'hours'; hours: number; minutes: number }
  | { unit: 'days'; days: number }
  | { unit: 'unknown' };

export function positionAge(locatedAt: string | null, now: number): Age {
  if (!locatedAt) return { unit: 'unknown' };
  const at = Date.parse(locatedAt);
  if (Number.isNaN(at)) return { unit: 'unknown' };
  // A phone's clock a little ahead of the server's is still "just now", never a negative age.
  const minutes = Math.floor(Math.max(0, now - at) / 60_000);
  if (minutes < 1) return { unit: 'now' };
  if (minutes < 60) return { unit: 'minutes', minutes };
  if (minutes < 24 * 60) return { unit: 'hours', hours: Math.floor(minutes / 60), minutes: minutes % 60 };
  return { unit: 'days', days: Math.floor(minutes / (24 * 60)) };
}

export function isStale(locatedAt: string | null, now: number): boolean {
  if (!locatedAt) return true;
  const at = Date.parse(locatedAt);
  return Number.isNaN(at) || now - at > STALE_AFTER_MS;
}

/** The age in the reader's language, short enough for a label beside a marker. */
export function formatAge(age: Age, language: string): string {
  const zh = !language.startsWith('en');
  switch (age.unit) {
    case 'now':
      return zh ? '刚刚' : 'just now';
    case 'minutes':
      return zh ? `${age.minutes} 分钟前` : `${age.minutes} min ago`;
    case 'hours':
      if (age.minutes === 0) return zh ? `${age.hours} 小时前` : `${age.hours} h ago`;
      return zh ? `${age.hours} 小时 ${age.minutes} 分钟前` : `${age.hours} h ${age.minutes} min ago`;
    case 'days':
      return zh ? `${age.days} 天前` : `${age.days} d ago`;
    case 'unknown':
      return zh ? '时间不详' : 'time unknown';
  }
}
