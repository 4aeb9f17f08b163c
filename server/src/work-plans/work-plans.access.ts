import type { Role } from '@muster/contracts';

/** The zone's staff follow every enterprise's plan; an officer reads their own. */
export const WORK_PLAN_READERS: Role[] = [
  'zone_admin',
  'commander',
  'inspector',
  'evaluator',
  'enterprise_officer',
];
/** The zone's safety staff review the plans. */
export const WORK_PLAN_REVIEWERS: Role[] = ['zone_admin', 'inspector'];
/** An enterprise writes, submits and reports on its own plan. */
export const WORK_PLAN_AUTHORS: Role[] = ['enterprise_officer'];
