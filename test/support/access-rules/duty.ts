import type { AccessRules } from './index.js';

/** The zone's command reads the duty policy; only the zone admin changes it. */
export const dutyRules: AccessRules = {
  'GET /api/duty/policy': ['zone_admin', 'commander'],
  'PUT /api/duty/policy': ['zone_admin'],
};
