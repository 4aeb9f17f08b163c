import type { Role } from '@muster/contracts';
import type { AccessRules } from './index.js';

const READERS: Role[] = ['zone_admin', 'commander', 'inspector', 'evaluator', 'enterprise_officer'];
/** The register is the zone's to keep. */
const KEEPERS: Role[] = ['zone_admin', 'commander', 'inspector'];
const ROOM: Role[] = ['zone_admin', 'commander', 'inspector', 'evaluator', 'enterprise_officer'];
/** Warning the public is the commander's decision. */
const COMMAND: Role[] = ['zone_admin', 'commander'];

export const warningRules: AccessRules = {
  'GET /api/sensitive-targets': READERS,
  'GET /api/sensitive-targets/map': READERS,
  'GET /api/sensitive-targets/export': READERS,
  'POST /api/sensitive-targets/import': KEEPERS,
  'GET /api/sensitive-targets/:id': READERS,
  'POST /api/sensitive-targets': KEEPERS,
  'PATCH /api/sensitive-targets/:id': KEEPERS,
  'DELETE /api/sensitive-targets/:id': KEEPERS,
  'POST /api/incidents/:id/warnings/preview': COMMAND,
  'POST /api/incidents/:id/warnings': COMMAND,
  'GET /api/incidents/:id/warnings': ROOM,
  'GET /api/warnings/:id': ROOM,
  'POST /api/warnings/:id/update': COMMAND,
  'POST /api/warnings/:id/cancel': COMMAND,
  'GET /cap/alerts.atom': 'public',
  'GET /cap/alerts/:file': 'public',
};
