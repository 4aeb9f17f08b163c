import { ROLES, type Role } from '@muster/contracts';
import type { AccessRules } from './index.js';

const ALL = [...ROLES];
export const ENTERPRISE_READERS: Role[] = [
  'zone_admin',
  'commander',
  'inspector',
  'evaluator',
  'enterprise_officer',
];

export const foundationRules: AccessRules = {
  'GET /health': 'public',
  'GET /health/jobs': 'public',
  'GET /metrics': 'public',
  'GET /api/config/public': 'public',
  'POST /api/auth/login': 'public',
  'GET /api/auth/me': ALL,
  'POST /api/auth/password': ALL,
  'GET /api/users': ['zone_admin'],
  'GET /api/users/:id': ['zone_admin'],
  'POST /api/users': ['zone_admin'],
  'PATCH /api/users/:id': ['zone_admin'],
  'POST /api/users/:id/deactivate': ['zone_admin'],
  'POST /api/users/:id/activate': ['zone_admin'],
  'POST /api/users/:id/reset-password': ['zone_admin'],
  'GET /api/audit': ['zone_admin'],
  'GET /api/enterprises': ENTERPRISE_READERS,
  'GET /api/enterprises/:id': ENTERPRISE_READERS,
  'POST /api/enterprises': ['zone_admin'],
  'PATCH /api/enterprises/:id': ['zone_admin', 'enterprise_officer'],
  'DELETE /api/enterprises/:id': ['zone_admin'],
};
