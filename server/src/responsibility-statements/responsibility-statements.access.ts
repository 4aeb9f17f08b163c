import { ROLES, type Role } from '@muster/contracts';

/** Everyone who reads the directory and the responsibility lists reads who holds and signed what. */
export const STATEMENT_READERS: Role[] = [
  'zone_admin',
  'commander',
  'inspector',
  'evaluator',
  'enterprise_officer',
];
/** An enterprise keeps its own posts, statements and duty records; the zone's administrator may help. */
export const STATEMENT_WRITERS: Role[] = ['zone_admin', 'enterprise_officer'];
/** Anyone with an account may hold a post and sign its statement in the console. */
export const STATEMENT_SIGNERS: Role[] = [...ROLES];
