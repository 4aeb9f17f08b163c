import type { RotationOverrideView, RotationView } from '@muster/contracts';
import type { Rotation, RotationOverride } from './rotation.entity.js';

export function mapOverride(o: RotationOverride): RotationOverrideView {
  return {
    id: o.id,
    contactId: o.contactId,
    startsAt: o.startsAt.toISOString(),
    endsAt: o.endsAt.toISOString(),
    reason: o.reason,
  };
}

export function mapRotation(r: Rotation, timeZone: string): RotationView {
  return {
    id: r.id,
    enterpriseId: r.enterpriseId,
    name: r.name,
    memberContactIds: r.memberContactIds ?? [],
    shiftHours: r.shiftHours,
    handoffTime: r.handoffTime,
    startDate: r.startDate,
    timeZone,
    overrides: (r.overrides ?? []).map(mapOverride),
    notes: r.notes,
    createdAt: r.createdAt.toISOString(),
    updatedAt: r.updatedAt.toISOString(),
  };
}
