import { ROLES, type Role } from '@muster/contracts';
import type { AccessRules } from './index.js';

const CALLERS: Role[] = ['zone_admin', 'commander', 'enterprise_officer'];
const WATCHERS: Role[] = ['zone_admin', 'commander', 'inspector', 'evaluator', 'enterprise_officer'];

export const calloutRules: AccessRules = {
  'POST /api/incidents/:id/callouts': CALLERS,
  'GET /api/incidents/:id/callouts': WATCHERS,
  'GET /api/callouts/:id': WATCHERS,
  'GET /api/incidents/:id/responder-positions': WATCHERS,
  'GET /api/responder-positions': WATCHERS,
  'POST /api/callouts/:id/cancel': CALLERS,
  'POST /api/callouts/preview': CALLERS,
  'POST /api/incidents/:id/callouts/delivery-preview': CALLERS,
  // Anyone may be paged; each reads and answers only the rows naming their own linked contacts.
  'GET /api/me/callouts': [...ROLES],
  'POST /api/me/callouts/:id/answer': [...ROLES],
  // The signed link is the responder's credential.
  'GET /api/respond/:token': 'public',
  'POST /api/respond/:token': 'public',
  // Twilio's webhooks: public routes, but each request must carry a valid X-Twilio-Signature (the
  // status callbacks are served ahead of Nest by StatusCallbacks, checked the same way).
  'POST /webhooks/twilio/sms': 'public',
  'POST /webhooks/twilio/voice': 'public',
  'POST /webhooks/twilio/voice/gather': 'public',
  'GET /api/admin/providers': ['zone_admin'],
  // Tencent Cloud's pushes: public routes, but each request must carry a valid Sign of its body.
  'POST /webhooks/tencent/sms-status': 'public',
  'POST /webhooks/tencent/sms-reply': 'public',
  'POST /webhooks/tencent/voice': 'public',
  // The job queues behind the call-outs: a retry re-sends pages, so only the zone admin.
  'GET /api/admin/queues': ['zone_admin'],
  'GET /api/admin/queues/:name/jobs': ['zone_admin'],
  'POST /api/admin/queues/:name/jobs/:jobId/retry': ['zone_admin'],
};
