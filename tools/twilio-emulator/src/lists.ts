/**
 * `GET Messages.json` and `GET Calls.json`: filtered, newest first, answered as Twilio pages
 * (`next_page_uri`, `page`, `page_size`, `uri`, `first_page_uri`, `previous_page_uri`, `start`, `end`).
 */
import { callJson, messageJson, type Call, type Message } from './resources.js';
import { RestError } from './rest-errors.js';
import type { EmulatorState } from './state.js';

/**
 * A date filter's range in ms. `day`: the whole UTC day of the value (the exact `DateSent=`
 * filter matches a date, as Twilio documents it, even when the SDK sends a date-time);
 * otherwise a date-only value covers its day and a date-time its second.
 */
function parseDateFilter(
  name: string,
  value: string | null,
  day = false,
): { from: number; to: number } | null {
  if (value === null || value === '') return null;
  const dateOnly = /^\d{4}-\d{2}-\d{2}$/.test(value);
  const t = Date.parse(dateOnly ? `${value}T00:00:00Z` : value);
  if (Number.isNaN(t)) throw new RestError(400, 20001, `Invalid ${name}: ${value}`);
  if (dateOnly || day) {
    const start = Math.floor(t / 86_400_000) * 86_400_000;
    return { from: start, to: start + 86_400_000 - 1 };
  }
  const second = Math.floor(t / 1000) * 1000;
  return { from: second, to: second + 999 };
}

/**
 * A Twilio list page, newest first. `PageToken` (`PA` + the last sid of the previous page)
 * keeps paging stable while new records arrive; `Page` alone pages by offset.
 */
function listPage<T extends { seq: number; sid: string }>(
  key: 'messages' | 'calls',
  path: string,
  query: URLSearchParams,
  newestFirst: T[],
  toJson: (t: T) => Record<string, unknown>,
): Record<string, unknown> {
  const pageSize = Math.min(1000, Math.max(1, Number(query.get('PageSize') ?? 50) || 50));
  const page = Math.max(0, Number(query.get('Page') ?? 0) || 0);
  const token = query.get('PageToken');
  let start = page * pageSize;
  if (token && token.startsWith('PA')) {
    const afterSid = token.slice(2);
    const idx = newestFirst.findIndex((r) => r.sid === afterSid);
    start = idx >= 0 ? idx + 1 : start;
  }
  const items = newestFirst.slice(start, start + pageSize);
  const filters = new URLSearchParams();
  for (const [k, v] of query) if (k !== 'PageSize' && k !== 'Page' && k !== 'PageToken') filters.append(k, v);
  const uriWith = (extra: Record<string, string>): string => {
    const q = new URLSearchParams(filters);
    for (const [k, v] of Object.entries(extra)) q.set(k, v);
    return `${path}?${q.toString()}`;
  };
  const more = start + pageSize < newestFirst.length;
  return {
    [key]: items.map(toJson),
    end: start + Math.max(0, items.length - 1),
    first_page_uri: uriWith({ PageSize: String(pageSize), Page: '0' }),
    next_page_uri:
      more && items.length
        ? uriWith({
            PageSize: String(pageSize),
            Page: String(page + 1),
            PageToken: `PA${items[items.length - 1].sid}`,
          })
        : null,
    page,
    page_size: pageSize,
    previous_page_uri: page > 0 ? uriWith({ PageSize: String(pageSize), Page: String(page - 1) }) : null,
    start,
    uri: uriWith({
      PageSize: String(pageSize),
      Page: String(page),
      ...(token ? { PageToken: token } : {}),
    }),
  };
}

/** `To`, `From`, `DateSent`, `DateSent<`, `DateSent>`, and paging. */
export function listMessages(
  state: EmulatorState,
  path: string,
  query: URLSearchParams,
): Record<string, unknown> {
  const to = query.get('To');
  const from = query.get('From');
  const exact = parseDateFilter('DateSent', query.get('DateSent'), true);
  const before = parseDateFilter('DateSent<', query.get('DateSent<'));
  const after = parseDateFilter('DateSent>', query.get('DateSent>'));
  const source = to ? (state.messagesByTo.get(to) ?? []) : [...state.messages.values()];
  const out: Message[] = [];
  for (let i = source.length - 1; i >= 0; i--) {
    const m = source[i];
    if (!state.messages.has(m.sid)) continue;
    if (from && m.from !== from) continue;
    // Not yet sent (queued): filtered by its creation time, so a reconciliation never misses it.
    const t = +(m.dateSent ?? m.dateCreated);
    if (exact && (t < exact.from || t > exact.to)) continue;
    if (before && t > before.to) continue;
    if (after && t < after.from) continue;
    out.push(m);
  }
  return listPage('messages', path, query, out, messageJson);
}

/** `To`, `From`, `Status`, `StartTime`, `StartTime<`, `StartTime>`, and paging. */
export function listCalls(
  state: EmulatorState,
  path: string,
  query: URLSearchParams,
): Record<string, unknown> {
  const to = query.get('To');
  const from = query.get('From');
  const status = query.get('Status');
  const exact = parseDateFilter('StartTime', query.get('StartTime'), true);
  const before = parseDateFilter('StartTime<', query.get('StartTime<'));
  const after = parseDateFilter('StartTime>', query.get('StartTime>'));
  const out: Call[] = [];
  const all = [...state.calls.values()];
  for (let i = all.length - 1; i >= 0; i--) {
    const c = all[i].call;
    if (to && c.to !== to) continue;
    if (from && c.from !== from) continue;
    if (status && c.status !== status) continue;
    const t = +(c.startTime ?? c.dateCreated);
    if (exact && (t < exact.from || t > exact.to)) continue;
    if (before && t > before.to) continue;
    if (after && t < after.from) continue;
    out.push(c);
  }
  return listPage('calls', path, query, out, callJson);
}
