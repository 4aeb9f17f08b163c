import type { Role } from '@muster/contracts';
import type { AccessRules } from './index.js';

const READERS: Role[] = ['zone_admin', 'commander', 'inspector', 'evaluator', 'enterprise_officer'];
const WRITERS: Role[] = ['zone_admin', 'inspector'];

export const enforcementRules: AccessRules = {
  'GET /api/enforcement/cases': READERS,
  'GET /api/enforcement/cases/:id': READERS,
  'POST /api/enforcement/cases': WRITERS,
  'POST /api/enforcement/cases/:id/inspection-record': WRITERS,
  'POST /api/enforcement/cases/:id/rectification-order': WRITERS,
  'POST /api/enforcement/cases/:id/onsite-measures': WRITERS,
  'POST /api/enforcement/cases/:id/recheck-opinion': WRITERS,
  'POST /api/enforcement/cases/:id/filing': WRITERS,
  'POST /api/enforcement/cases/:id/penalty-notice': WRITERS,
  'POST /api/enforcement/cases/:id/statement': WRITERS,
  'POST /api/enforcement/cases/:id/penalty-decision': WRITERS,
  'POST /api/enforcement/cases/:id/closing': WRITERS,
  'POST /api/enforcement/cases/:id/disclose': WRITERS,
  'GET /api/enforcement/instruments/:id/pdf': READERS,
};
