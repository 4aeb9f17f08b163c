import type { NearestResourceView, ResourceView } from '@muster/contracts';
import { resourceAlert } from './resource-alert.js';
import type { Resource } from './resource.entity.js';

export function mapResource(r: Resource, today: string): ResourceView {
  return {
    id: r.id,
    enterpriseId: r.enterpriseId,
    type: r.type,
    name: r.name,
    model: r.model,
    quantity: r.quantity,
    unit: r.unit,
    status: r.status,
    dispatchIncidentId: r.dispatchIncidentId,
    custodian: r.custodian,
    custodianPhone: r.custodianPhone,
    location: { lat: r.lat, lng: r.lng },
    address: r.address,
    lastInspectedOn: r.lastInspectedOn,
    nextInspectionOn: r.nextInspectionOn,
    expiresOn: r.expiresOn,
    alert: resourceAlert(r, today),
    notes: r.notes,
    createdAt: r.createdAt.toISOString(),
    updatedAt: r.updatedAt.toISOString(),
  };
}

export function mapNearest(r: Resource, distanceM: number, today: string): NearestResourceView {
  return { ...mapResource(r, today), distanceM: Math.round(distanceM * 10) / 10 };
}
