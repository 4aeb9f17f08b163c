import type { Role } from '@muster/contracts';
import type { AccessRules } from './index.js';

/** Zone roles read every plan; officers their enterprise's and the zone's. Responders read none. */
const READERS: Role[] = ['zone_admin', 'commander', 'inspector', 'evaluator', 'enterprise_officer'];
/** Plans, policies and responsibility lists are written by their owner: the zone's admins or the enterprise's officer. */
const WRITERS: Role[] = ['zone_admin', 'enterprise_officer'];

export const planRules: AccessRules = {
  'GET /api/plans': READERS,
  'GET /api/plans/suggest': READERS,
  'GET /api/plans/:id': READERS,
  'POST /api/plans': WRITERS,
  'PATCH /api/plans/:id': WRITERS,
  'DELETE /api/plans/:id': WRITERS,
  'POST /api/plans/:id/versions': WRITERS,
  'GET /api/plan-versions/:id': READERS,
  'PATCH /api/plan-versions/:id': WRITERS,
  'DELETE /api/plan-versions/:id': WRITERS,
  'POST /api/plan-versions/:id/submit': WRITERS,
  'POST /api/plan-versions/:id/return': WRITERS,
  'POST /api/plan-versions/:id/publish': WRITERS,
  'POST /api/plan-versions/:id/filing': WRITERS,
  'POST /api/plan-versions/:id/review': WRITERS,
  'POST /api/plan-versions/:id/signature': WRITERS,
  'POST /api/plan-versions/:id/neighbour-notice': WRITERS,
  'POST /api/plan-versions/:id/levels': WRITERS,
  'POST /api/plan-versions/:id/cards': WRITERS,
  'PATCH /api/plan-levels/:id': WRITERS,
  'DELETE /api/plan-levels/:id': WRITERS,
  'PATCH /api/disposal-cards/:id': WRITERS,
  'DELETE /api/disposal-cards/:id': WRITERS,
  'GET /api/policies': READERS,
  'GET /api/policies/:id': READERS,
  'GET /api/policies/:id/preview': READERS,
  'POST /api/policies': WRITERS,
  'PATCH /api/policies/:id': WRITERS,
  'DELETE /api/policies/:id': WRITERS,
  'GET /api/responsibility-lists': READERS,
  'GET /api/responsibility-lists/:owner': READERS,
  'PUT /api/responsibility-lists/:owner': WRITERS,
  'GET /api/responsibility-lists/:owner/xlsx': READERS,
};
