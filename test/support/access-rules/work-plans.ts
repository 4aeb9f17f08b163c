import type { Role } from '@muster/contracts';
import type { AccessRules } from './index.js';

const READERS: Role[] = ['zone_admin', 'commander', 'inspector', 'evaluator', 'enterprise_officer'];
const REVIEWERS: Role[] = ['zone_admin', 'inspector'];
const AUTHORS: Role[] = ['enterprise_officer'];

export const workPlanRules: AccessRules = {
  'GET /api/work-plan-templates': READERS,
  'GET /api/work-plan-templates/:id': READERS,
  'POST /api/work-plan-templates': ['zone_admin'],
  'PATCH /api/work-plan-templates/:id': ['zone_admin'],
  'POST /api/work-plan-templates/:id/publish': ['zone_admin'],
  'GET /api/work-plans/overview': READERS,
  'GET /api/work-plans/export': READERS,
  'POST /api/work-plans': AUTHORS,
  'GET /api/work-plans/:id': READERS,
  'GET /api/work-plans/:id/pdf': READERS,
  'PUT /api/work-plans/:id': AUTHORS,
  'POST /api/work-plans/:id/submit': AUTHORS,
  'POST /api/work-plans/:id/approve': REVIEWERS,
  'POST /api/work-plans/:id/return': REVIEWERS,
  'POST /api/work-plans/:id/progress': AUTHORS,
};
