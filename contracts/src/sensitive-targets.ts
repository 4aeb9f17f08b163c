/**
 * Sensitive targets (敏感目标): the places around the zone a release endangers most — where
 * many people, or people who cannot leave by themselves, are, and the water people drink.
 * Kept by the zone; read by everyone who plans or runs a response.
 */
import type { GeoPoint } from './api.js';

export const SENSITIVE_TARGET_KINDS = [
  'school',
  'kindergarten',
  'hospital',
  'residential',
  'village',
  'nursing_home',
  'market',
  'water_source',
] as const;
export type SensitiveTargetKind = (typeof SENSITIVE_TARGET_KINDS)[number];

/** A closed GeoJSON polygon ring set, positions as [lng, lat]. */
export interface SensitiveTargetOutline {
  type: 'Polygon';
  coordinates: number[][][];
}

export interface SensitiveTargetView {
  id: string;
  kind: SensitiveTargetKind;
  name: string;
  address: string;
  /** Where it is; for a target with an outline, a point inside it (the label's place). */
  location: GeoPoint;
  outline: SensitiveTargetOutline | null;
  /** People there by day (pupils, staff, patients, shoppers) and by night (residents, in-patients). */
  populationDay: number;
  populationNight: number;
  contactName: string;
  /** E.164; the number a warning is sent to. */
  contactPhone: string | null;
  notes: string;
  createdAt: string;
  updatedAt: string;
}
