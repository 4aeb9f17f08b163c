import type { HazardCategory, HazardLevel, HazardListedSupervision, HazardStatus } from '../contracts';

/** `GET /api/hazards/map`: open hazards as GeoJSON points ([lng, lat]). */
export interface HazardFeatureCollection {
  type: 'FeatureCollection';
  features: {
    type: 'Feature';
    id: string;
    geometry: { type: 'Point'; coordinates: [number, number] };
    properties: {
      id: string;
      code: string;
      enterpriseId: string;
      enterpriseName: string;
      place: string;
      category: HazardCategory;
      level: HazardLevel;
      status: HazardStatus;
      deadline: string | null;
      overdue: boolean;
      located: boolean;
      listedSupervision: HazardListedSupervision | null;
    };
  }[];
}

export interface HazardMarker {
  id: string;
  code: string;
  position: [number, number];
  level: HazardLevel;
  status: HazardStatus;
  overdue: boolean;
  label: string;
  deadline: string | null;
  /** 挂牌督办, drawn as a double ring around the marker. */
  listed: HazardListedSupervision | null;
}

/** Red for major, amber for general; an overdue hazard gets a dark ring whatever its level. */
export const HAZARD_COLORS: Record<HazardLevel, string> = { major: '#c62828', general: '#ef8f00' };

/**
 * Features → markers. Several hazards placed at the same enterprise site (no point of their own)
 * would hide each other, so those are fanned out on a small ring around the site.
 */
export function toHazardMarkers(fc: HazardFeatureCollection): HazardMarker[] {
  const bySpot = new Map<string, number>();
  return fc.features.map((f) => {
    const [lng, lat] = f.geometry.coordinates;
    let position: [number, number] = [lat, lng];
    if (!f.properties.located) {
      const key = `${lat.toFixed(6)},${lng.toFixed(6)}`;
      const n = bySpot.get(key) ?? 0;
      bySpot.set(key, n + 1);
      const angle = (n * 2 * Math.PI) / 6;
      const radius = 0.00025 * (1 + Math.floor(n / 6));
      position = [lat + radius * Math.sin(angle), lng + radius * Math.cos(angle)];
    }
    return {
      id: f.properties.id,
      code: f.properties.code,
      position,
      level: f.properties.level,
      status: f.properties.status,
      overdue: f.properties.overdue,
      label: `${f.properties.enterpriseName} · ${f.properties.place}`,
      deadline: f.properties.deadline,
      listed: f.properties.listedSupervision ?? null,
    };
  });
}
