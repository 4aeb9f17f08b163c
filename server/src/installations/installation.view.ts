import { assessInstallation, type InstallationView } from '@muster/contracts';
import type { Installation } from './installation.entity.js';

export function mapInstallation(i: Installation, enterpriseName: string): InstallationView {
  return {
    id: i.id,
    enterpriseId: i.enterpriseId,
    enterpriseName,
    code: i.code,
    name: i.name,
    kind: i.kind,
    location: i.lat !== null && i.lng !== null ? { lat: i.lat, lng: i.lng } : null,
    peopleExposed: i.peopleExposed,
    chemicals: i.chemicals,
    responsible: i.responsible,
    // Recomputed from the chemicals rather than read back: the breakdown shows the table's
    // figures as they are now, and the stored columns serve lists and the map.
    assessment: assessInstallation(i.chemicals, i.peopleExposed),
    updatedAt: i.updatedAt.toISOString(),
  };
}
