import type { Role } from '@muster/contracts';
import type { AccessRules } from './index.js';

/** Zone roles read every run's report; officers their enterprise's. Responders read none. */
const READERS: Role[] = ['zone_admin', 'commander', 'inspector', 'evaluator', 'enterprise_officer'];
/** Evaluation is for the drill's evaluators (those on its roster) and its commanders. */
const EVALUATORS: Role[] = ['zone_admin', 'commander', 'evaluator'];
/** The after-action review (summary, improvement items) is written by the zone's command. */
const REVIEWERS: Role[] = ['zone_admin', 'commander'];

export const drillEvaluationRules: AccessRules = {
  'GET /api/drills/runs/:id/observations': EVALUATORS,
  'POST /api/drills/runs/:id/observations': EVALUATORS,
  'GET /api/drills/runs/:id/evaluations': EVALUATORS,
  'PUT /api/drills/runs/:id/evaluations/mine': EVALUATORS,
  'PUT /api/drills/runs/:id/summary': REVIEWERS,
  'POST /api/drills/runs/:id/improvements': REVIEWERS,
  'GET /api/drills/improvements': READERS,
  'POST /api/drills/improvements/:id/complete': [...REVIEWERS, 'enterprise_officer'],
  'GET /api/drills/runs/:id/report': READERS,
  'GET /api/drills/compliance': READERS,
};
