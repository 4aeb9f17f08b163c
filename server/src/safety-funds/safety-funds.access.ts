import type { Role } from '@muster/contracts';

/** The zone's staff follow every enterprise's funds; an officer sees their own. */
export const FUND_READERS: Role[] = [
  'zone_admin',
  'commander',
  'inspector',
  'evaluator',
  'enterprise_officer',
];
/** An enterprise keeps its own ledger; the zone's administrators correct it. */
export const FUND_WRITERS: Role[] = ['zone_admin', 'enterprise_officer'];
