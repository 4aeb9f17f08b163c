import type { Role } from '@muster/contracts';

/** Who works in an incident room: the zone's roles, and the officers of the incident's enterprise (scope). */
export const ROOM_MEMBERS: Role[] = [
  'zone_admin',
  'commander',
  'inspector',
  'evaluator',
  'enterprise_officer',
];
/** Who commands an incident: changes its status, level and plan. */
export const INCIDENT_COMMAND: Role[] = ['zone_admin', 'commander'];
/** Who files reports of an incident: the enterprise's officers and the zone's commanders. */
export const INCIDENT_FILERS: Role[] = ['enterprise_officer', 'commander', 'zone_admin'];
/** The enterprise's own acts of the reporting chain: only its officers (their scope is their enterprise). */
export const ENTERPRISE_REPORTERS: Role[] = ['enterprise_officer'];
