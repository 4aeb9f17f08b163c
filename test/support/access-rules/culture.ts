import type { Role } from '@muster/contracts';
import type { AccessRules } from './index.js';

const READERS: Role[] = ['zone_admin', 'commander', 'inspector', 'evaluator', 'enterprise_officer'];
const ACTIVITY_WRITERS: Role[] = ['zone_admin', 'inspector', 'enterprise_officer'];
const APPLICANTS: Role[] = ['enterprise_officer'];
const REVIEWERS: Role[] = ['zone_admin', 'inspector'];
const DECIDERS: Role[] = ['zone_admin'];

export const cultureRules: AccessRules = {
  'GET /api/culture/activities': READERS,
  'GET /api/culture/activities/stats': READERS,
  'GET /api/culture/activities/:id': READERS,
  'POST /api/culture/activities': ACTIVITY_WRITERS,
  'PATCH /api/culture/activities/:id': ACTIVITY_WRITERS,
  'DELETE /api/culture/activities/:id': ACTIVITY_WRITERS,
  'GET /api/culture/criteria': READERS,
  'GET /api/culture/criteria/year': READERS,
  'PUT /api/culture/criteria/year': DECIDERS,
  'GET /api/culture/prerequisites': READERS,
  'GET /api/culture/applications': READERS,
  'GET /api/culture/applications/:id': READERS,
  'POST /api/culture/applications': APPLICANTS,
  'PUT /api/culture/applications/:id/items': APPLICANTS,
  'POST /api/culture/applications/:id/submit': APPLICANTS,
  'PUT /api/culture/applications/:id/review': REVIEWERS,
  'POST /api/culture/applications/:id/return': REVIEWERS,
  'POST /api/culture/applications/:id/decision': DECIDERS,
  'GET /api/culture/model-enterprises': READERS,
};
