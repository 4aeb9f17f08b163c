import type { Role } from '@muster/contracts';

/** The leading group is the 管委会's: every zone role follows it, enterprises do not. */
export const GROUP_READERS: Role[] = ['zone_admin', 'commander', 'inspector', 'evaluator'];
/** The group's office keeps its roster, meetings and decisions: the zone's administrators. */
export const GROUP_OFFICE: Role[] = ['zone_admin'];
/** Who reports on a decision's progress: the zone's staff the departments work through. */
export const DECISION_WORKERS: Role[] = ['zone_admin', 'commander', 'inspector'];
/** The zone follows every enterprise's safety organisation; an officer sees their own. */
export const SAFETY_ORG_READERS: Role[] = [
  'zone_admin',
  'commander',
  'inspector',
  'evaluator',
  'enterprise_officer',
];
/** An enterprise reports its own; the zone's administrators correct it. */
export const SAFETY_ORG_WRITERS: Role[] = ['zone_admin', 'enterprise_officer'];
