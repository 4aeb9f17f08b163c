import type { Role } from '@muster/contracts';
import type { AccessRules } from './index.js';

const ZONE: Role[] = ['zone_admin', 'commander', 'inspector', 'evaluator'];
const OFFICE: Role[] = ['zone_admin'];
const WORKERS: Role[] = ['zone_admin', 'commander', 'inspector'];
const ORG_READERS: Role[] = [...ZONE, 'enterprise_officer'];
const ORG_WRITERS: Role[] = ['zone_admin', 'enterprise_officer'];

export const organisationRules: AccessRules = {
  'GET /api/leading-group/members': ZONE,
  'POST /api/leading-group/members': OFFICE,
  'POST /api/leading-group/members/:id/change': OFFICE,
  'POST /api/leading-group/members/:id/end': OFFICE,
  'GET /api/leading-group/meetings': ZONE,
  'GET /api/leading-group/meetings/:id': ZONE,
  'POST /api/leading-group/meetings': OFFICE,
  'PATCH /api/leading-group/meetings/:id': OFFICE,
  'POST /api/leading-group/meetings/:id/decisions': OFFICE,
  'GET /api/leading-group/decisions': ZONE,
  'GET /api/leading-group/decisions/:id': ZONE,
  // Verifying and sending back are the office's: the service refuses them to the others (403).
  'POST /api/leading-group/decisions/:id/actions': WORKERS,
  'GET /api/safety-orgs': ORG_READERS,
  'GET /api/safety-orgs/:id': ORG_READERS,
  'PUT /api/safety-orgs/:id': ORG_WRITERS,
};
