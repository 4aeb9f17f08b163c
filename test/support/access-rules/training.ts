import type { Role } from '@muster/contracts';
import type { AccessRules } from './index.js';

const READERS: Role[] = ['zone_admin', 'commander', 'inspector', 'evaluator', 'enterprise_officer'];
const ORGANISERS: Role[] = ['zone_admin', 'commander', 'inspector', 'enterprise_officer'];
const FUND_WRITERS: Role[] = ['zone_admin', 'enterprise_officer'];

export const trainingRules: AccessRules = {
  'GET /api/training/sessions': READERS,
  'GET /api/training/sessions/:id': READERS,
  'POST /api/training/sessions': ORGANISERS,
  'PATCH /api/training/sessions/:id': ORGANISERS,
  'DELETE /api/training/sessions/:id': ORGANISERS,
  'POST /api/training/sessions/:id/attendance': ORGANISERS,
  'GET /api/training/people': READERS,
  'GET /api/training/people/:id': READERS,
  'PUT /api/training/people/:id': ORGANISERS,
  'GET /api/training/certificates/lapsing': READERS,
  // The session's link is the credential; the number says who signs.
  'GET /api/training-sign-in/:token': 'public',
  'POST /api/training-sign-in/:token': 'public',
};

export const safetyFundRules: AccessRules = {
  'GET /api/safety-funds': READERS,
  'GET /api/safety-funds/export': READERS,
  'GET /api/safety-funds/enterprises/:id': READERS,
  'PUT /api/safety-funds/enterprises/:id': FUND_WRITERS,
  'POST /api/safety-funds/spends': FUND_WRITERS,
  'DELETE /api/safety-funds/spends/:id': FUND_WRITERS,
};
