/** Emergency resources (应急资源): supplies, equipment, vehicles and places, on the map. */
import type { GeoPoint } from './api.js';

export const RESOURCE_TYPES = [
  'supplies',
  'equipment',
  'vehicle',
  'team_base',
  'shelter',
  'medical_point',
  'fire_hydrant',
  'water_source',
  'warehouse',
  'fire_extinguisher',
  'protective_gear',
  'assembly_point',
] as const;
export type ResourceType = (typeof RESOURCE_TYPES)[number];

export const RESOURCE_STATUSES = ['available', 'in_use', 'maintenance', 'expired'] as const;
export type ResourceStatus = (typeof RESOURCE_STATUSES)[number];

/** Days before an expiry or inspection date from which a resource is flagged as expiring. */
export const EXPIRY_WARNING_DAYS = 30;

/** `ok`, due within EXPIRY_WARNING_DAYS, or past its expiry / inspection date. */
export type ResourceAlert = 'ok' | 'expiring' | 'expired';

export interface ResourceView {
  id: string;
  enterpriseId: string | null;
  type: ResourceType;
  name: string;
  model: string;
  quantity: number;
  unit: string;
  status: ResourceStatus;
  custodian: string;
  /** E.164, or null when no phone is kept. */
  custodianPhone: string | null;
  location: GeoPoint;
  address: string;
  /** YYYY-MM-DD dates, null when not applicable. */
  lastInspectedOn: string | null;
  nextInspectionOn: string | null;
  expiresOn: string | null;
  /** Computed in the zone's time zone on the day of the request. */
  alert: ResourceAlert;
  notes: string;
  createdAt: string;
  updatedAt: string;
}

export interface NearestResourceView extends ResourceView {
  /** Great-circle distance from the query point, metres. */
  distanceM: number;
}

export interface NearestResourcesResponse {
  items: NearestResourceView[];
}
