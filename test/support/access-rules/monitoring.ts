import type { AccessRules } from './index.js';

const READERS = ['zone_admin', 'commander', 'inspector', 'evaluator', 'enterprise_officer'] as const;
const EDITORS = ['zone_admin', 'inspector', 'enterprise_officer'] as const;
const HANDLERS = ['zone_admin', 'commander', 'inspector', 'enterprise_officer'] as const;

/**
 * The register of major hazard installations and its monitoring: zone roles and the enterprise's
 * officers read it; the enterprise and the zone's inspectors keep it; the duty roles and the
 * enterprise's officers handle alarms; gateways post readings with their key alone.
 */
export const monitoringRules: AccessRules = {
  'GET /api/installations': [...READERS],
  'GET /api/installations/gb18218': [...READERS],
  'GET /api/installations/exposure/:enterpriseId': [...READERS],
  'GET /api/installations/:id': [...READERS],
  'POST /api/installations': [...EDITORS],
  'PATCH /api/installations/:id': [...EDITORS],
  'GET /api/installations/:id/points': [...READERS],
  'POST /api/installations/:id/points': [...EDITORS],
  'GET /api/points/:id': [...READERS],
  'PATCH /api/points/:id': [...EDITORS],
  'GET /api/points/:id/readings': [...READERS],
  'GET /api/enterprises/:id/ingest-key': ['zone_admin', 'enterprise_officer'],
  'POST /api/enterprises/:id/ingest-key': ['zone_admin', 'enterprise_officer'],
  'GET /api/alarms': [...READERS],
  'GET /api/alarms/statistics': [...READERS],
  'GET /api/alarms/installation-states': [...READERS],
  'GET /api/alarms/:id': [...READERS],
  'POST /api/alarms/:id/acknowledge': [...HANDLERS],
  'POST /api/alarms/:id/dispose': [...HANDLERS],
  'POST /api/alarms/:id/close': [...HANDLERS],
  'POST /api/alarms/:id/hazard': ['zone_admin', 'inspector', 'enterprise_officer'],
  'POST /ingest/readings': 'public',
};
