import type { Role } from '@muster/contracts';
import { assessmentRules } from './assessments.js';
import { consequenceRules } from './consequences.js';
import { enforcementRules } from './enforcement.js';
import { directoryRules } from './directory.js';
import { drillRules } from './drills.js';
import { dutyRules } from './duty.js';
import { drillEvaluationRules } from './drills-evaluation.js';
import { calloutRules } from './callouts.js';
import { foundationRules } from './foundation.js';
import { hazardRules } from './hazards.js';
import { incidentRules } from './incidents.js';
import { monitoringRules } from './monitoring.js';
import { planRules } from './plans.js';
import { portalRules } from './portal.js';
import { resourceRules } from './resources.js';
import { riskRules } from './risks.js';
import { rollCallRules } from './rollcall.js';
import { warningRules } from './warnings.js';
import { safetyFundRules, trainingRules } from './training.js';
import { cultureRules } from './culture.js';
import { accountabilityRules, spotCheckRules } from './supervision.js';
import { workPlanRules } from './work-plans.js';
import { organisationRules } from './organisation.js';
import { responsibilityStatementRules } from './responsibility-statements.js';

export type AccessRules = Record<string, Role[] | 'public'>;

/**
 * The expected access rule of every route, one file per domain. A route that exists but is
 * missing here fails the authorization matrix: adding a route means deciding who may call it.
 */
export const EXPECTED: AccessRules = {
  ...foundationRules,
  ...directoryRules,
  ...resourceRules,
  ...incidentRules,
  ...hazardRules,
  ...planRules,
  ...calloutRules,
  ...drillRules,
  ...drillEvaluationRules,
  ...dutyRules,
  ...consequenceRules,
  ...riskRules,
  ...rollCallRules,
  ...warningRules,
  ...monitoringRules,
  ...trainingRules,
  ...safetyFundRules,
  ...assessmentRules,
  ...cultureRules,
  ...portalRules,
  ...spotCheckRules,
  ...accountabilityRules,
  ...workPlanRules,
  ...enforcementRules,
  ...organisationRules,
  ...responsibilityStatementRules,
};
