import type { Role } from '@muster/contracts';

/** The zone's staff and, for their own people, enterprise officers. */
export const ACCOUNTABILITY_READERS: Role[] = [
  'zone_admin',
  'commander',
  'inspector',
  'evaluator',
  'enterprise_officer',
];
/** Holding people to account is the administrative committee's decision. */
export const ACCOUNTABILITY_WRITERS: Role[] = ['zone_admin'];
