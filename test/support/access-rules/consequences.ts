import type { Role } from '@muster/contracts';
import type { AccessRules } from './index.js';

const MEMBERS: Role[] = ['zone_admin', 'commander', 'inspector', 'evaluator', 'enterprise_officer'];
/** As drawing on the room's map. */
const ACTORS: Role[] = ['zone_admin', 'commander', 'enterprise_officer'];

export const consequenceRules: AccessRules = {
  'GET /api/incidents/:id/consequences': MEMBERS,
  'POST /api/incidents/:id/consequences': ACTORS,
};
