import type { SensitiveTargetView } from '@muster/contracts';
import type { SensitiveTarget } from './sensitive-target.entity.js';

export function mapSensitiveTarget(t: SensitiveTarget): SensitiveTargetView {
  return {
    id: t.id,
    kind: t.kind,
    name: t.name,
    address: t.address,
    location: { lat: t.lat, lng: t.lng },
    outline: t.outline,
    populationDay: t.populationDay,
    populationNight: t.populationNight,
    contactName: t.contactName,
    contactPhone: t.contactPhone,
    notes: t.notes,
    createdAt: t.createdAt.toISOString(),
    updatedAt: t.updatedAt.toISOString(),
  };
}
