import { ROLES, type Role } from '@muster/contracts';
import type { AccessRules } from './index.js';

/** Zone roles read every ledger, officers their own; responders never see ledgers. */
const READERS: Role[] = ['zone_admin', 'commander', 'inspector', 'evaluator', 'enterprise_officer'];
/** Who records and works hazards, inspections and uploads. */
const WORKERS: Role[] = ['zone_admin', 'inspector', 'enterprise_officer'];
const ALL = [...ROLES];

export const hazardRules: AccessRules = {
  'GET /api/hazards': READERS,
  'POST /api/hazards': WORKERS,
  'GET /api/hazards/stats': READERS,
  'GET /api/hazards/map': READERS,
  'GET /api/hazards/export': READERS,
  'GET /api/hazards/reports/order16': READERS,
  'GET /api/hazards/notice': READERS,
  'GET /api/hazards/:id': READERS,
  'PUT /api/hazards/:id/stoppage': ['enterprise_officer', 'zone_admin'],
  'PUT /api/hazards/:id/evaluation': ['enterprise_officer', 'zone_admin'],
  'POST /api/hazards/:id/resumption': ['enterprise_officer', 'zone_admin'],
  'POST /api/hazards/:id/resumption/review': ['inspector'],
  'PUT /api/hazards/:id/supervision': ['inspector', 'zone_admin'],
  'DELETE /api/hazards/:id/supervision': ['inspector', 'zone_admin'],
  'PATCH /api/hazards/:id': WORKERS,
  'POST /api/hazards/:id/transitions': WORKERS,
  'POST /api/files': [...WORKERS, 'commander'],
  'GET /api/files/:id': READERS,
  'GET /api/files/:id/thumbnail': READERS,
  'GET /api/notifications': ALL,
  'GET /api/notifications/preferences': ALL,
  'PUT /api/notifications/preferences': ALL,
  'POST /api/notifications/read-all': ALL,
  'POST /api/notifications/:id/read': ALL,
  // Status callbacks of notification texts: public, but each must carry a valid X-Twilio-Signature.
  'GET /api/inspections/plans': READERS,
  'POST /api/inspections/plans': WORKERS,
  'GET /api/inspections/plans/:id': READERS,
  'PATCH /api/inspections/plans/:id': WORKERS,
  'GET /api/inspections/records': READERS,
  'POST /api/inspections/records': WORKERS,
  'GET /api/inspections/records/:id': READERS,
  'PATCH /api/inspections/records/:id': WORKERS,
  'POST /api/inspections/records/:id/complete': WORKERS,
  'POST /api/inspections/spot-checks': ['zone_admin', 'inspector'],
};
