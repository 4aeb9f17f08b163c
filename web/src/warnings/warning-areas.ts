import type { MapFeatureView, ThreatZone, TypedRoomEvent } from '../contracts';
import type { AreaChoice } from './api';

/** An area the commander can warn: a drawn polygon or circle of the room, or a computed threat zone. */
export interface AreaOption {
  key: string;
  label: string;
  kind: 'feature' | 'threat_zone';
  area: AreaChoice;
}

/** The room's hazard zones and cordons (polygons or circles), then every model's zones, worst first. */
export function areaOptions(features: MapFeatureView[] | undefined, events: TypedRoomEvent[]): AreaOption[] {
  const out: AreaOption[] = [];
  for (const f of features ?? []) {
    const isArea = f.geometry.type === 'Polygon' || (f.geometry.type === 'Point' && f.radiusM);
    if (!isArea || (f.kind !== 'hazard_zone' && f.kind !== 'cordon')) continue;
    out.push({ key: `f:${f.id}`, label: f.label, kind: 'feature', area: { featureId: f.id } });
  }
  for (const e of events) {
    if (e.type !== 'consequence.modelled') continue;
    const zones: ThreatZone[] = [...e.payload.zones].sort((a, b) => a.rank - b.rank);
    for (const z of zones)
      out.push({
        key: `z:${z.id}`,
        label: `${e.payload.title} · ${z.level}`,
        kind: 'threat_zone',
        area: { threatZoneId: z.id },
      });
  }
  return out;
}

/** The room's assembly points, for "evacuate to". */
export function assemblyPoints(features: MapFeatureView[] | undefined): MapFeatureView[] {
  return (features ?? []).filter((f) => f.kind === 'assembly_point' && f.geometry.type === 'Point');
}
