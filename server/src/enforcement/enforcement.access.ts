import type { Role } from '@muster/contracts';

/** The zone reads every case; an enterprise's officers their own (the scope sees to that). */
export const ENFORCEMENT_READERS: Role[] = [
  'zone_admin',
  'commander',
  'inspector',
  'evaluator',
  'enterprise_officer',
];
/** Enforcement is the inspectors' work; the zone's administrators may act for them. */
export const ENFORCEMENT_WRITERS: Role[] = ['zone_admin', 'inspector'];
