import { ROLES, type Role } from '@muster/contracts';
import type { AccessRules } from './index.js';

const READERS: Role[] = ['zone_admin', 'commander', 'inspector', 'evaluator', 'enterprise_officer'];
const WRITERS: Role[] = ['zone_admin', 'enterprise_officer'];
/** Anyone with an account may hold a post and sign its statement. */
const SIGNERS: Role[] = [...ROLES];

export const responsibilityStatementRules: AccessRules = {
  'GET /api/responsibility-statements/enterprises': READERS,
  'GET /api/responsibility-statements/enterprises/:id': READERS,
  'GET /api/responsibility-statements/mine': SIGNERS,
  'GET /api/responsibility-statements/posts/:id': READERS,
  'PUT /api/responsibility-statements/posts/:id/holders': WRITERS,
  'POST /api/responsibility-statements/posts/:id/versions': WRITERS,
  'POST /api/responsibility-statements/posts/:id/duty-records': WRITERS,
  'GET /api/responsibility-statements/duty-records': READERS,
  'GET /api/responsibility-statements/versions/:id': READERS,
  'POST /api/responsibility-statements/versions/:id/sign': SIGNERS,
  'GET /api/responsibility-statements/people/:id': READERS,
  // The personal link is the credential; the name and the phone's last digits confirm who signs.
  'GET /api/statement-signing/:token': 'public',
  'POST /api/statement-signing/:token': 'public',
};
