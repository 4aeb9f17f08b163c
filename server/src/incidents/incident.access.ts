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
