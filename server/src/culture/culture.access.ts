import type { Role } from '@muster/contracts';

/** The zone's staff follow every enterprise's culture work; an officer sees their own. */
export const CULTURE_READERS: Role[] = [
  'zone_admin',
  'commander',
  'inspector',
  'evaluator',
  'enterprise_officer',
];
/** Who records publicity activities: the enterprises their own, the zone's staff the zone's. */
export const ACTIVITY_WRITERS: Role[] = ['zone_admin', 'inspector', 'enterprise_officer'];
/** The enterprise applies for the title itself. */
export const APPLICANTS: Role[] = ['enterprise_officer'];
/** The zone's committee reviews applications; its administrators publish criteria and decide. */
export const REVIEWERS: Role[] = ['zone_admin', 'inspector'];
export const DECIDERS: Role[] = ['zone_admin'];
