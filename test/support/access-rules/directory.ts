import type { Role } from '@muster/contracts';
import type { AccessRules } from './index.js';

const READERS: Role[] = ['zone_admin', 'commander', 'inspector', 'evaluator', 'enterprise_officer'];
const WRITERS: Role[] = ['zone_admin', 'commander', 'enterprise_officer'];

export const directoryRules: AccessRules = {
  'GET /api/contacts': READERS,
  'GET /api/contacts/export': READERS,
  'POST /api/contacts/import': WRITERS,
  'GET /api/contacts/:id': READERS,
  'POST /api/contacts': WRITERS,
  'PATCH /api/contacts/:id': WRITERS,
  'DELETE /api/contacts/:id': WRITERS,
  'GET /api/teams': READERS,
  'GET /api/teams/:id': READERS,
  'POST /api/teams': WRITERS,
  'PATCH /api/teams/:id': WRITERS,
  'DELETE /api/teams/:id': WRITERS,
  'GET /api/rotations': READERS,
  'GET /api/rotations/:id': READERS,
  'GET /api/rotations/:id/on-call': READERS,
  'GET /api/rotations/:id/schedule': READERS,
  'POST /api/rotations': WRITERS,
  'PATCH /api/rotations/:id': WRITERS,
  'DELETE /api/rotations/:id': WRITERS,
  'POST /api/rotations/:id/overrides': WRITERS,
  'DELETE /api/rotations/:id/overrides/:overrideId': WRITERS,
};
