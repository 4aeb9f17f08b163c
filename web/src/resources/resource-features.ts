import type {
  ResourceAlert,
  ResourceMapPoint,
  ResourceStatus,
  ResourceType,
  ResourceView,
} from '../contracts';
import type { Language } from '../i18n';

/**
 * Data → map mapping for the resource layer, kept pure so it is tested without a browser:
 * which resources pass the filter, and how each is drawn (colour by type, a ring by alert).
 */
export interface ResourceFilter {
  types: ReadonlySet<ResourceType>;
  statuses: ReadonlySet<ResourceStatus>;
}

export interface ResourceMarker {
  id: string;
  position: [number, number];
  type: ResourceType;
  alert: ResourceAlert;
  status: ResourceStatus;
}

/**
 * One colour and a short glyph per type, legible on the pale basemap and to colour-blind eyes;
 * the glyph is a word of the reader's language (a Chinese character, an English initial).
 */
export const RESOURCE_STYLE: Record<ResourceType, { color: string; glyph: Record<Language, string> }> = {
  fire_hydrant: { color: '#d7263d', glyph: { 'zh-CN': '栓', en: 'H' } },
  fire_extinguisher: { color: '#f46036', glyph: { 'zh-CN': '灭', en: 'Ex' } },
  water_source: { color: '#1b98e0', glyph: { 'zh-CN': '水', en: 'W' } },
  warehouse: { color: '#6a4c93', glyph: { 'zh-CN': '库', en: 'St' } },
  supplies: { color: '#8d6a9f', glyph: { 'zh-CN': '物', en: 'Su' } },
  equipment: { color: '#2e4057', glyph: { 'zh-CN': '装', en: 'Eq' } },
  protective_gear: { color: '#4f6d7a', glyph: { 'zh-CN': '防', en: 'PP' } },
  vehicle: { color: '#c0392b', glyph: { 'zh-CN': '车', en: 'V' } },
  team_base: { color: '#a4161a', glyph: { 'zh-CN': '队', en: 'T' } },
  shelter: { color: '#2a9d8f', glyph: { 'zh-CN': '避', en: 'Sh' } },
  assembly_point: { color: '#3a7d44', glyph: { 'zh-CN': '集', en: 'A' } },
  medical_point: { color: '#e63946', glyph: { 'zh-CN': '医', en: '+' } },
};

export function passesFilter(r: Pick<ResourceView, 'type' | 'status'>, f: ResourceFilter): boolean {
  return f.types.has(r.type) && f.statuses.has(r.status);
}

/** The map's compact points (`[id, type, status, alert, lat, lng]`) that pass the filter, as markers. */
export function toResourceMarkers(points: readonly ResourceMapPoint[], f: ResourceFilter): ResourceMarker[] {
  const out: ResourceMarker[] = [];
  for (const [id, type, status, alert, lat, lng] of points) {
    if (f.types.has(type) && f.statuses.has(status))
      out.push({ id, position: [lat, lng], type, alert, status });
  }
  return out;
}

/** Count per type of what is shown, for the filter panel. */
export function countByType(points: readonly ResourceMapPoint[]): Partial<Record<ResourceType, number>> {
  const out: Partial<Record<ResourceType, number>> = {};
  for (const [, type] of points) out[type] = (out[type] ?? 0) + 1;
  return out;
}

/** "850 m" below a kilometre, "1.2 km" above: the way distances are read out on a radio. */
export function formatDistance(m: number): string {
  if (m < 1000) return `${Math.round(m)} m`;
  return `${(m / 1000).toFixed(m < 10_000 ? 1 : 0)} km`;
}

/** The marker's HTML: a coloured disc with the type's glyph, ringed when expiring or expired. */
export function markerHtml(m: Pick<ResourceMarker, 'type' | 'alert' | 'status'>, lang: Language): string {
  const { color, glyph } = RESOURCE_STYLE[m.type];
  const classes = ['resource-pin', `resource-pin--${m.alert}`, `resource-pin--${m.status}`].join(' ');
  return `<span class="${classes}" style="--pin:${color}">${glyph[lang]}</span>`;
}
