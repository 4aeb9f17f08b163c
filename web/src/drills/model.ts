import type {
  ActionMetric,
  ActionOutcome,
  InjectContent,
  InjectKind,
  RunInjectView,
  ScenarioClock,
  ScenarioDocument,
  ScenarioInject,
  ScenarioSetting,
} from '../contracts';
import { timeZoneOffsetMinutes } from '../lib/format';

/**
 * Pure rules of the drills pages: the scenario clock as people read it (T+mm:ss), the inject
 * timeline's order, and the server's field errors mapped back onto the editor's fields.
 */

const pad = (n: number) => String(n).padStart(2, '0');

/**
 * An inject's offset as the MSEL writes it: `T+mm:ss`. Minutes run past 59 (`T+75:00`) because
 * exercise planners count a scenario in minutes from its start, not in hours.
 */
export function formatOffset(seconds: number): string {
  const s = Math.max(0, Math.round(seconds));
  return `T+${pad(Math.floor(s / 60))}:${pad(s % 60)}`;
}

/**
 * Reads an offset typed by a planner: `T+mm:ss`, `mm:ss`, `h:mm:ss` or plain minutes (`12`),
 * with or without the `T+`. Null when it is not a time.
 */
export function parseOffset(input: string): number | null {
  const text = input.trim().replace(/^T\s*\+\s*/i, '');
  if (!text) return null;
  if (/^\d+$/.test(text)) return Number(text) * 60;
  const parts = text.split(':');
  if (parts.length < 2 || parts.length > 3 || parts.some((p) => !/^\d+$/.test(p))) return null;
  const nums = parts.map(Number);
  // The last two fields are minutes and seconds within their range; only the first may overflow.
  if (nums[nums.length - 1] > 59) return null;
  if (nums.length === 3 && nums[1] > 59) return null;
  return nums.length === 3 ? nums[0] * 3600 + nums[1] * 60 + nums[2] : nums[0] * 60 + nums[1];
}

/** The director's big clock: `T+hh:mm:ss`, so a long live drill reads the same as a short one. */
export function formatClock(seconds: number): string {
  const s = Math.max(0, Math.floor(seconds));
  return `T+${pad(Math.floor(s / 3600))}:${pad(Math.floor((s % 3600) / 60))}:${pad(s % 60)}`;
}

/** A span of seconds for metrics: `45 s`-style is left to the caller; this gives `m:ss`. */
export function formatSpan(seconds: number | null): string {
  if (seconds === null || !Number.isFinite(seconds)) return '—';
  const s = Math.max(0, Math.round(seconds));
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  return h > 0 ? `${h}:${pad(m)}:${pad(s % 60)}` : `${m}:${pad(s % 60)}`;
}

/**
 * Scenario seconds now. The clock is measured from when this browser received it rather than
 * from the server's `asOf`, so a skewed workstation clock cannot run the scenario ahead or behind.
 */
export function clockElapsed(clock: ScenarioClock, receivedAtMs: number, nowMs: number): number {
  if (!clock.running) return clock.elapsedSeconds;
  return clock.elapsedSeconds + Math.max(0, nowMs - receivedAtMs) / 1000;
}

/** Timeline order: by offset, equal offsets keeping the order they were given in. */
export function sortByOffset<T extends { offsetSeconds: number }>(items: readonly T[]): T[] {
  return items
    .map((item, i) => ({ item, i }))
    .sort((a, b) => a.item.offsetSeconds - b.item.offsetSeconds || a.i - b.i)
    .map((x) => x.item);
}

/**
 * Drag to reorder: the timeline's time slots stay where they are and the injects take them in
 * their new order. Moving the T+10:00 inject to the top makes it T+00:00 and pushes the ones it
 * passed down one slot each, so the list stays in clock order (the server keeps it so) and the
 * scenario's cadence does not change.
 */
export function reorderInjects(
  injects: readonly ScenarioInject[],
  from: number,
  to: number,
): ScenarioInject[] {
  if (from === to || from < 0 || to < 0 || from >= injects.length || to >= injects.length) {
    return [...injects];
  }
  const slots = injects.map((i) => i.offsetSeconds).sort((a, b) => a - b);
  const moved = [...injects];
  const [item] = moved.splice(from, 1);
  moved.splice(to, 0, item);
  return moved.map((inject, i) =>
    inject.offsetSeconds === slots[i] ? inject : { ...inject, offsetSeconds: slots[i] },
  );
}

/**
 * The server's 400 messages (`injects.2.offsetSeconds: must be ≥ 0`) by field path. A message
 * that names no field is kept under the empty path, for the form's general notice.
 */
export function fieldErrors(messages: readonly string[]): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const message of messages) {
    const match = /^([A-Za-z][\w]*(?:\.[\w]+)*): (.+)$/s.exec(message);
    const [path, problem] = match ? [match[1], match[2]] : ['', message];
    out.set(path, [...(out.get(path) ?? []), problem]);
  }
  return out;
}

/** The problems of one field, and of everything beneath it when `nested` (e.g. a whole inject). */
export function errorsAt(errors: Map<string, string[]>, path: string, nested = false): string[] {
  const out: string[] = [];
  for (const [key, problems] of errors) {
    if (key === path || (nested && key.startsWith(`${path}.`))) out.push(...problems);
  }
  return out;
}

/** An id for a new inject, action or objective: the prefix and the next free number. */
export function nextId(prefix: string, existing: Iterable<string>): string {
  let max = 0;
  const pattern = new RegExp(`^${prefix.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}-(\\d+)$`);
  for (const id of existing) {
    const match = pattern.exec(id);
    if (match) max = Math.max(max, Number(match[1]));
  }
  return `${prefix}-${max + 1}`;
}

/** Every id used by the scenario's injects and their expected actions (ids are one namespace). */
export function usedIds(doc: Pick<ScenarioDocument, 'injects' | 'objectives'>): string[] {
  return [
    ...doc.objectives.map((o) => o.id),
    ...doc.injects.flatMap((i) => [i.id, ...i.expectedActions.map((a) => a.id)]),
  ];
}

/** The content a new inject of this kind starts with; a map event starts at the scene. */
export function defaultContent(kind: InjectKind, setting: Pick<ScenarioSetting, 'location'>): InjectContent {
  switch (kind) {
    case 'message':
      return { text: '' };
    case 'incident_report':
      return {
        summary: '',
        casualties: { deaths: 0, missing: 0, seriousInjuries: 0, minorInjuries: 0 },
        directLossCny: 0,
      };
    case 'map_event':
      return {
        featureKind: 'hazard_zone',
        label: '',
        geometry: { type: 'Point', coordinates: [setting.location.lng, setting.location.lat] },
        radiusM: 200,
      };
    case 'resource_unavailable':
      return { resourceId: null, label: '' };
    case 'responder_unreachable':
      return { contactId: '', name: '' };
  }
}

export function emptyScenario(location: { lat: number; lng: number }): ScenarioDocument {
  return {
    title: '',
    form: 'tabletop',
    scope: 'single_function',
    planId: null,
    responseLevel: null,
    objectives: [],
    roles: [],
    teamIds: [],
    setting: {
      enterpriseId: null,
      category: 'fire',
      title: '',
      address: '',
      location,
      summary: '',
    },
    injects: [],
  };
}

/** The runs' injects the director still has to deal with, next first. */
export function upcomingInjects(injects: readonly RunInjectView[]): RunInjectView[] {
  return sortByOffset(injects.filter((i) => i.state === 'pending'));
}

export function outcomeCounts(actions: readonly ActionMetric[]): Record<ActionOutcome, number> {
  const counts: Record<ActionOutcome, number> = { met: 0, late: 0, missed: 0, pending: 0, not_released: 0 };
  for (const a of actions) counts[a.outcome]++;
  return counts;
}

/**
 * A wall-clock time typed in the zone (`YYYY-MM-DDTHH:mm`, as a datetime-local input gives it)
 * as ISO 8601 UTC; null when it is not such a time.
 */
export function zonedLocalToIso(value: string, timeZone: string): string | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/.exec(value);
  if (!match) return null;
  const [y, mo, d, h, mi] = match.slice(1).map(Number);
  if (mo < 1 || mo > 12 || d < 1 || d > 31 || h > 23 || mi > 59) return null;
  const wallClock = Date.UTC(y, mo - 1, d, h, mi);
  let instant = wallClock - timeZoneOffsetMinutes(new Date(wallClock), timeZone) * 60_000;
  instant = wallClock - timeZoneOffsetMinutes(new Date(instant), timeZone) * 60_000;
  return new Date(instant).toISOString();
}

/** The inverse, for an input's initial value: an instant as the zone's `YYYY-MM-DDTHH:mm`. */
export function isoToZonedLocal(iso: string, timeZone: string): string {
  const date = new Date(iso);
  const local = new Date(date.getTime() + timeZoneOffsetMinutes(date, timeZone) * 60_000);
  return local.toISOString().slice(0, 16);
}

/** A scenario file's name on download: its title, kept to characters every file system takes. */
export function exportFileName(title: string): string {
  const safe = title
    .trim()
    .replace(/[\\/:*?"<>|\s]+/g, '-')
    .replace(/-+/g, '-')
    .replace(/^-|-$/g, '');
  return `${safe || 'scenario'}.drill.json`;
}
