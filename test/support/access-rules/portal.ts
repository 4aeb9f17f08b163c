import type { Role } from '@muster/contracts';
import type { AccessRules } from './index.js';

const AUTHORS: Role[] = ['zone_admin', 'commander', 'inspector'];
const REVIEWERS: Role[] = ['zone_admin'];

export const portalRules: AccessRules = {
  'GET /api/portal/articles': AUTHORS,
  'GET /api/portal/articles/:id': AUTHORS,
  'POST /api/portal/articles': AUTHORS,
  'PATCH /api/portal/articles/:id': AUTHORS,
  'POST /api/portal/articles/:id/submit': AUTHORS,
  'POST /api/portal/articles/:id/approve': REVIEWERS,
  'POST /api/portal/articles/:id/reject': REVIEWERS,
  'POST /api/portal/articles/:id/withdraw': REVIEWERS,
  // What the zone publishes, for anyone.
  'GET /public': 'public',
  'GET /public/feed.atom': 'public',
  'GET /public/:section/feed.atom': 'public',
  'GET /public/:section': 'public',
  'GET /public/:section/:id': 'public',
  'GET /public/:section/:id/files/:fileId': 'public',
};
