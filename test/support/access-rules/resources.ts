import type { Role } from '@muster/contracts';
import type { AccessRules } from './index.js';

const READERS: Role[] = ['zone_admin', 'commander', 'inspector', 'evaluator', 'enterprise_officer'];
const WRITERS: Role[] = ['zone_admin', 'commander', 'enterprise_officer'];

export const resourceRules: AccessRules = {
  'GET /api/resources': READERS,
  'GET /api/resources/map': READERS,
  'GET /api/resources/nearest': READERS,
  'GET /api/resources/export': READERS,
  'POST /api/resources/import': WRITERS,
  'GET /api/resources/:id': READERS,
  'POST /api/resources': WRITERS,
  'PATCH /api/resources/:id': WRITERS,
  'DELETE /api/resources/:id': WRITERS,
};
