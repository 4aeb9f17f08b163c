import type { Role } from '@muster/contracts';
import type { AccessRules } from './index.js';

const READERS: Role[] = ['zone_admin', 'commander', 'inspector', 'evaluator', 'enterprise_officer'];
const CONTROL: Role[] = ['zone_admin', 'commander'];

export const drillRules: AccessRules = {
  'GET /api/drills/scenarios': READERS,
  'POST /api/drills/scenarios': CONTROL,
  'POST /api/drills/scenarios/import': CONTROL,
  'GET /api/drills/scenarios/:id': READERS,
  'PUT /api/drills/scenarios/:id': CONTROL,
  'DELETE /api/drills/scenarios/:id': CONTROL,
  'GET /api/drills/scenarios/:id/versions': READERS,
  'GET /api/drills/scenarios/:id/versions/:version': READERS,
  'POST /api/drills/scenarios/:id/copy': CONTROL,
  'GET /api/drills/scenarios/:id/export': READERS,
  'GET /api/drills/runs': READERS,
  'GET /api/drills/runs/staff': CONTROL,
  'POST /api/drills/runs': CONTROL,
  'GET /api/drills/runs/:id': READERS,
  'GET /api/drills/runs/:id/metrics': READERS,
  'PUT /api/drills/runs/:id/roster': CONTROL,
  'POST /api/drills/runs/:id/start': CONTROL,
  'POST /api/drills/runs/:id/pause': CONTROL,
  'POST /api/drills/runs/:id/resume': CONTROL,
  'POST /api/drills/runs/:id/end': CONTROL,
  'POST /api/drills/runs/:id/cancel': CONTROL,
  // The enterprise reports its own drills (MEM Order 2 Art. 33); the zone may record one it was sent.
  'GET /api/drills/plan': READERS,
  'POST /api/drills/plan': ['zone_admin', 'enterprise_officer'],
  'DELETE /api/drills/plan/:id': ['zone_admin', 'enterprise_officer'],
  'PUT /api/drills/runs/:id/department-report': ['zone_admin', 'commander', 'enterprise_officer'],
  'POST /api/drills/runs/:id/injects': CONTROL,
  'POST /api/drills/runs/:id/injects/:injectId/release': CONTROL,
  'POST /api/drills/runs/:id/injects/:injectId/skip': CONTROL,
};
