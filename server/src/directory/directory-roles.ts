import type { Role } from '@muster/contracts';

/** Everyone who plans or runs a response reads the directory; responders see only their call-outs. */
export const DIRECTORY_READERS: Role[] = [
  'zone_admin',
  'commander',
  'inspector',
  'evaluator',
  'enterprise_officer',
];
/** Zone admins and commanders keep the zone's directory; officers keep their enterprise's. */
export const DIRECTORY_WRITERS: Role[] = ['zone_admin', 'commander', 'enterprise_officer'];
