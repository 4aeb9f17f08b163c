import type { Role } from '@muster/contracts';
import type { AccessRules } from './index.js';

const ZONE: Role[] = ['zone_admin', 'commander', 'inspector', 'evaluator'];
const ADMIN: Role[] = ['zone_admin'];
const READERS: Role[] = [...ZONE, 'enterprise_officer'];

export const spotCheckRules: AccessRules = {
  'GET /api/spot-checks': ZONE,
  'POST /api/spot-checks': ADMIN,
  'GET /api/spot-checks/draws/:id/verify': ZONE,
  'GET /api/spot-checks/:id': ZONE,
  'PATCH /api/spot-checks/:id': ADMIN,
  'GET /api/spot-checks/:id/candidates': ZONE,
  'POST /api/spot-checks/:id/draw': ADMIN,
  'POST /api/spot-checks/:id/publish': ADMIN,
};

export const accountabilityRules: AccessRules = {
  'GET /api/accountability': READERS,
  'GET /api/accountability/findings': ADMIN,
  'GET /api/accountability/candidates': ADMIN,
  'POST /api/accountability': ADMIN,
  'GET /api/accountability/:id': READERS,
  'PATCH /api/accountability/:id': ADMIN,
  'POST /api/accountability/:id/decide': ADMIN,
  'POST /api/accountability/:id/carry-out': ADMIN,
  'POST /api/accountability/:id/withdraw': ADMIN,
};
