import type { Role } from '@muster/contracts';
import type { AccessRules } from './index.js';

const ZONE: Role[] = ['zone_admin', 'commander', 'inspector', 'evaluator'];
/** Officers read their own sheet of a published year; responders see no assessment. */
const READERS: Role[] = [...ZONE, 'enterprise_officer'];

export const assessmentRules: AccessRules = {
  'GET /api/assessments/schemes': READERS,
  'POST /api/assessments/schemes': ['zone_admin'],
  'GET /api/assessments/schemes/:id': READERS,
  'PUT /api/assessments/schemes/:id': ['zone_admin'],
  'POST /api/assessments/schemes/:id/compute': ['zone_admin', 'inspector'],
  'POST /api/assessments/schemes/:id/publish': ['zone_admin'],
  'GET /api/assessments/schemes/:id/sheets': READERS,
  'GET /api/assessments/schemes/:id/notices': ZONE,
  'POST /api/assessments/schemes/:id/notices': ['zone_admin'],
  'GET /api/assessments/notices/:id/pdf': ZONE,
  'GET /api/assessments/sheets/:id': READERS,
  'PUT /api/assessments/sheets/:id/scores/:indicatorId': ['inspector', 'zone_admin'],
  'POST /api/assessments/sheets/:id/objections': ['enterprise_officer'],
  'PUT /api/assessments/objections/:id/reply': ['zone_admin'],
  'GET /api/cockpit': ZONE,
};
