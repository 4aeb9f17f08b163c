import type { Role } from '@muster/contracts';
import type { AccessRules } from './index.js';

/** Zone roles read every register, officers their own; responders never see it. */
const READERS: Role[] = ['zone_admin', 'commander', 'inspector', 'evaluator', 'enterprise_officer'];
/** Who records and assesses risk points. */
const WRITERS: Role[] = ['zone_admin', 'inspector', 'enterprise_officer'];

export const riskRules: AccessRules = {
  'GET /api/risks/points': READERS,
  'GET /api/risks/map': READERS,
  'GET /api/risks/stats': READERS,
  'GET /api/risks/card': READERS,
  'GET /api/risks/card/pdf': READERS,
  'GET /api/risks/points/:id': READERS,
  'POST /api/risks/points': WRITERS,
  'PATCH /api/risks/points/:id': WRITERS,
  'DELETE /api/risks/points/:id': WRITERS,
  'POST /api/risks/points/:id/assessments': WRITERS,
  'POST /api/risks/enterprises/:id/inspection-plans': WRITERS,
};
