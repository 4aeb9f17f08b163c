import type { Role } from '@muster/contracts';
import type { AccessRules } from './index.js';

const READERS: Role[] = ['zone_admin', 'commander', 'inspector', 'evaluator', 'enterprise_officer'];
const COMMAND: Role[] = ['zone_admin', 'commander'];
const REPORTERS: Role[] = ['zone_admin', 'commander', 'enterprise_officer'];

export const rollCallRules: AccessRules = {
  'GET /api/incidents/:id/roll-calls': READERS,
  'GET /api/incidents/:id/roll-calls/candidates': COMMAND,
  'POST /api/incidents/:id/roll-calls': COMMAND,
  'GET /api/roll-calls/by-link/:token': 'public',
  'POST /api/roll-calls/by-link/:token/check-in': 'public',
  'GET /api/roll-calls/mine': ['enterprise_officer', 'responder'],
  'POST /api/roll-calls/:id/counts': REPORTERS,
  'POST /api/roll-calls/:id/check-ins': ['zone_admin', 'commander', 'responder'],
  'POST /api/roll-calls/:id/missing': REPORTERS,
  'DELETE /api/roll-calls/:id/missing/:personId': REPORTERS,
  'POST /api/roll-calls/:id/close': COMMAND,
};
