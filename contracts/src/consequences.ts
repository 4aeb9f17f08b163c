/**
 * What a consequence model run leaves in the room: the zones where its threshold levels are
 * exceeded. The models themselves and their inputs belong to the consequence module; warnings
 * and the map only need the zones, so these shapes are shared.
 */
export const CONSEQUENCE_MODELS = ['plume', 'puff', 'pool_fire', 'vce'] as const;
export type ConsequenceModel = (typeof CONSEQUENCE_MODELS)[number];

/** A closed GeoJSON polygon, positions as [lng, lat]. */
export interface ThreatZoneGeometry {
  type: 'Polygon';
  coordinates: number[][][];
}

export interface ThreatZone {
  /** Unique in the room: the run's id and the level. */
  id: string;
  modelRunId: string;
  model: ConsequenceModel;
  /** The threshold the zone exceeds, as a code (`AEGL-3`, `ERPG-2`, `kw_37_5`, `overpressure_death`…). */
  level: string;
  /** 1 is the most dangerous zone of its run. */
  rank: number;
  geometry: ThreatZoneGeometry;
  /** How far the zone reaches from the source (downwind, or its radius), m. */
  extentM?: number;
  /** A plume's or puff's widest crosswind extent, m. */
  widthM?: number;
  /** The value the level stands for (absent for a radius given by its own formula). */
  threshold?: { value: number; unit: 'ppm' | 'kW/m2' | 'Pa' };
  /** Seconds after the release the gas reaches the zone's far end (dispersion models). */
  arrivalSeconds?: number;
  /** The zone reached the model's distance limit and was cut there. */
  truncated?: boolean;
}

/** A model run of an incident room: what was typed, what came out, who ran it and when. */
export interface ConsequenceRunView {
  id: string;
  incidentId: string;
  model: ConsequenceModel;
  title: string;
  /** The checked inputs (`ModelInputs`), so the console can read any point of the run. */
  inputs: Record<string, unknown>;
  /** Worst first. */
  zones: ThreatZone[];
  createdAt: string;
  createdBy: { id: string | null; name: string };
}
