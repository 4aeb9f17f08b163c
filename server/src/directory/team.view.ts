import type { TeamView } from '@muster/contracts';
import type { Team } from './team.entity.js';

export function mapTeam(t: Team): TeamView {
  return {
    id: t.id,
    enterpriseId: t.enterpriseId,
    name: t.name,
    type: t.type,
    leaderContactId: t.leaderContactId,
    memberContactIds: t.memberContactIds ?? [],
    base: t.baseLat === null || t.baseLng === null ? null : { lat: t.baseLat, lng: t.baseLng },
    baseAddress: t.baseAddress,
    readiness: t.readiness,
    notes: t.notes,
    createdAt: t.createdAt.toISOString(),
    updatedAt: t.updatedAt.toISOString(),
  };
}
