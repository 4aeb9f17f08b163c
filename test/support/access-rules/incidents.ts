import type { Role } from '@muster/contracts';
import type { AccessRules } from './index.js';

const MEMBERS: Role[] = ['zone_admin', 'commander', 'inspector', 'evaluator', 'enterprise_officer'];
const ACTORS: Role[] = ['zone_admin', 'commander', 'enterprise_officer'];
const COMMAND: Role[] = ['zone_admin', 'commander'];
const FILERS: Role[] = ['enterprise_officer', 'commander', 'zone_admin'];

export const incidentRules: AccessRules = {
  'POST /api/incidents': FILERS,
  'GET /api/incidents': MEMBERS,
  'GET /api/incidents/statistics': MEMBERS,
  'GET /api/incidents/:id': MEMBERS,
  'POST /api/incidents/:id/reports': FILERS,
  'GET /api/incidents/:id/reports': MEMBERS,
  'GET /api/incidents/:id/reports/:reportId/pdf': MEMBERS,
  'POST /api/incidents/:id/status': COMMAND,
  'POST /api/incidents/:id/level': COMMAND,
  'GET /api/incidents/:id/suggested-plans': MEMBERS,
  'POST /api/incidents/:id/activate-level': COMMAND,
  'POST /api/incidents/:id/activate-level/preview': COMMAND,
  'GET /api/incidents/:id/events': MEMBERS,
  'GET /api/incidents/:id/activity.csv': MEMBERS,
  'GET /api/incidents/:id/summary': MEMBERS,
  'POST /api/incidents/:id/messages': MEMBERS,
  'GET /api/incidents/:id/tasks': MEMBERS,
  'POST /api/incidents/:id/tasks': ACTORS,
  'PATCH /api/incidents/:id/tasks/:taskId': ACTORS,
  'GET /api/incidents/:id/features': MEMBERS,
  'POST /api/incidents/:id/features': ACTORS,
  'PATCH /api/incidents/:id/features/:featureId': ACTORS,
  'DELETE /api/incidents/:id/features/:featureId': ACTORS,
  'GET /api/incidents/:id/dispatches': MEMBERS,
  'POST /api/incidents/:id/dispatches': ACTORS,
  'PATCH /api/incidents/:id/dispatches/:dispatchId': ACTORS,
  // The reporting chain: the enterprise records its own reports, the zone's commanders the zone's acts.
  'GET /api/incidents/:id/chain': MEMBERS,
  'POST /api/incidents/:id/chain/enterprise-report': ['enterprise_officer'],
  'POST /api/incidents/:id/chain/provincial': ['enterprise_officer'],
  'POST /api/incidents/:id/chain/onward': COMMAND,
  'POST /api/incidents/:id/chain/casualty-change': FILERS,
  'POST /api/incidents/:id/chain/investigation/report': COMMAND,
  'POST /api/incidents/:id/chain/investigation/extension': COMMAND,
  'POST /api/incidents/:id/chain/investigation/reply': COMMAND,
};
