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

/** The statuses a person sets in the register (by form or import). */
export const EDITABLE_RESOURCE_STATUSES = ['available', 'in_use', 'maintenance', 'expired'] as const;
export type EditableResourceStatus = (typeof EDITABLE_RESOURCE_STATUSES)[number];

/**
 * Every status; `dispatched` (en route) and `on_scene` are set only by dispatching the resource
 * from an incident room, and end when the dispatch is released or the incident closes.
 */
export const RESOURCE_STATUSES = [...EDITABLE_RESOURCE_STATUSES, 'dispatched', 'on_scene'] as const;
export type ResourceStatus = (typeof RESOURCE_STATUSES)[number];

/** Places, not things: a hydrant or a shelter is used where it is, never dispatched. */
export const FIXED_RESOURCE_TYPES: readonly ResourceType[] = [
  'fire_hydrant',
  'water_source',
  'shelter',
  'assembly_point',
];

export function isDispatchable(type: ResourceType): boolean {
  return !FIXED_RESOURCE_TYPES.includes(type);
}

/** A resource's status means it is out on an incident. */
export function isResourceOut(status: ResourceStatus): boolean {
  return status === 'dispatched' || status === 'on_scene';
}

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
  /** The incident it is dispatched to while `dispatched` or `on_scene`, else null. */
  dispatchIncidentId: string | null;
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

/**
 * One resource on the resources map, as few bytes as it takes to draw it:
 * `[id, type, status, alert, lat, lng]`. The rest is fetched when its popup opens.
 */
export type ResourceMapPoint = [
  id: string,
  type: ResourceType,
  status: ResourceStatus,
  alert: ResourceAlert,
  lat: number,
  lng: number,
];

/** Every resource in the caller's scope that matches the filters, in one answer. */
export interface ResourceMapResponse {
  items: ResourceMapPoint[];
  total: number;
}
