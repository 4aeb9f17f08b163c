import {
  GOVERNANCE_PLAN_FIELDS,
  type GovernancePlan,
  type HazardAction,
  type HazardEvaluation,
  type HazardLevel,
  type HazardResumption,
  type HazardStoppage,
  type HazardStatus,
  type Role,
} from '@muster/contracts';

/**
 * The closed loop of Order 16 as a pure function: given a hazard, who is acting and what they
 * bring, either the next status or the reason for refusal. The service loads and saves; every
 * rule about who may move a hazard where lives here, where it is tested exhaustively.
 */
export interface WorkflowHazard {
  status: HazardStatus;
  level: HazardLevel;
  enterpriseId: string;
  /** Who submitted the current rectification for acceptance. */
  submittedBy: string | null;
  measures: string | null;
  responsiblePerson: string | null;
  funds: string | null;
  deadline: string | null;
  contingencyPlanRef: string | null;
  contingencyPlanId: string | null;
  governancePlan: Partial<GovernancePlan> | null;
  stoppage?: HazardStoppage | null;
  evaluation?: HazardEvaluation | null;
  resumption?: HazardResumption | null;
}

export interface WorkflowActor {
  id: string;
  role: Role;
  enterpriseId: string | null;
}

export interface WorkflowInput {
  comment?: string | null;
  photoCount: number;
}

/** A refusal's `code`: a stable name for the console to word it by (see `ApiProblem`). */
export type WorkflowOutcome =
  { ok: true; to: HazardStatus } | { ok: false; status: 400 | 403 | 409; message: string; code?: string };

const TRANSITIONS: Record<HazardAction, { from: HazardStatus; to: HazardStatus }> = {
  start: { from: 'found', to: 'rectifying' },
  submit: { from: 'rectifying', to: 'submitted' },
  accept: { from: 'submitted', to: 'closed' },
  reject: { from: 'submitted', to: 'rectifying' },
  close_on_spot: { from: 'found', to: 'closed' },
};

const VERB: Record<HazardAction, string> = {
  start: 'start rectifying',
  submit: 'submit for acceptance',
  accept: 'accept',
  reject: 'reject',
  close_on_spot: 'close on the spot',
};

/** Roles that work a ledger; commanders and evaluators read it, responders never see it. */
const WORKERS: readonly Role[] = ['zone_admin', 'inspector', 'enterprise_officer'];

function refuse(status: 400 | 403 | 409, message: string, code?: string): WorkflowOutcome {
  return code ? { ok: false, status, message, code } : { ok: false, status, message };
}

/** Five in place (五落实) fields still missing before rectification can start. */
export function missingFiveInPlace(h: WorkflowHazard): string[] {
  const missing: string[] = [];
  if (!h.measures?.trim()) missing.push('measures');
  if (!h.responsiblePerson?.trim()) missing.push('responsiblePerson');
  if (h.funds === null || h.funds === undefined) missing.push('funds');
  if (!h.deadline) missing.push('deadline');
  if (h.level === 'major' && !h.contingencyPlanRef?.trim() && !h.contingencyPlanId) {
    missing.push('contingencyPlanRef');
  }
  return missing;
}

/** Governance plan contents still missing (only a major hazard needs the plan). */
export function missingGovernancePlan(plan: Partial<GovernancePlan> | null): string[] {
  return GOVERNANCE_PLAN_FIELDS.filter((f) => !plan?.[f]?.trim()).map((f) => `governancePlan.${f}`);
}

export function decide(
  h: WorkflowHazard,
  action: HazardAction,
  actor: WorkflowActor,
  input: WorkflowInput,
): WorkflowOutcome {
  const t = TRANSITIONS[action];
  if (!WORKERS.includes(actor.role)) {
    return refuse(403, `A ${actor.role} may read the ledger but not ${VERB[action]} a hazard`);
  }
  if (actor.role === 'enterprise_officer' && actor.enterpriseId !== h.enterpriseId) {
    return refuse(403, 'The hazard belongs to another enterprise');
  }
  if (h.status !== t.from) {
    return refuse(409, `Cannot ${VERB[action]} a hazard that is ${h.status}; it must be ${t.from}`);
  }
  const comment = input.comment?.trim() ?? '';

  switch (action) {
    case 'start': {
      const missing = missingFiveInPlace(h);
      if (missing.length) {
        return refuse(409, `Five in place incomplete before rectifying; missing: ${missing.join(', ')}`);
      }
      if (h.level === 'major') {
        const plan = missingGovernancePlan(h.governancePlan);
        if (plan.length) {
          return refuse(
            409,
            `A major hazard needs its governance plan before rectifying; missing: ${plan.join(', ')}`,
          );
        }
      }
      break;
    }
    case 'submit':
      if (!comment)
        return refuse(400, 'comment: describe the rectification done', 'hazard.rectificationRequired');
      break;
    case 'accept':
    case 'reject':
      if (h.level === 'major' && actor.role !== 'inspector') {
        return refuse(403, `Only a zone inspector may ${VERB[action]} the rectification of a major hazard`);
      }
      if (h.submittedBy === actor.id) {
        return refuse(403, `Nobody may ${VERB[action]} their own rectification`);
      }
      if (action === 'accept' && h.level === 'major') {
        const unmet = majorClosingUnmet(h);
        if (unmet) return unmet;
      }
      if (action === 'reject' && !comment) {
        return refuse(400, 'comment: give the reason for rejecting', 'hazard.reasonRequired');
      }
      break;
    case 'close_on_spot':
      if (h.level !== 'general') {
        return refuse(
          409,
          'Only a general hazard may be closed on the spot; a major one goes through the loop',
        );
      }
      if (input.photoCount < 1) {
        return refuse(400, 'photoIds: a photo of the fix is required', 'hazard.photoRequired');
      }
      break;
  }
  return { ok: true, to: t.to };
}

/**
 * Order 16 Art. 18: a finished major hazard fix is evaluated (by the unit's technical staff or a
 * qualified agency) before acceptance, and where production was stopped (Art. 16) the
 * regulator must have approved the application to resume before the hazard is closed.
 */
function majorClosingUnmet(h: WorkflowHazard): WorkflowOutcome | null {
  if (!h.evaluation) {
    return refuse(
      409,
      'evaluation: a major hazard is accepted only after the evaluation of its fix (Order 16 Art. 18)',
      'hazard.evaluationRequired',
    );
  }
  if (!h.evaluation.passed) {
    return refuse(
      409,
      'evaluation: the evaluation did not find the hazard eliminated (Order 16 Art. 18)',
      'hazard.evaluationFailed',
    );
  }
  if (h.stoppage && h.resumption?.decision !== 'approved') {
    return refuse(
      409,
      'resumption: production was stopped; the regulator must approve the application to resume first (Order 16 Art. 18)',
      'hazard.resumptionReviewRequired',
    );
  }
  return null;
}

/** The actions that would succeed now, for the console's buttons. */
export function allowedActions(h: WorkflowHazard, actor: WorkflowActor): HazardAction[] {
  const probe: WorkflowInput = { comment: 'x', photoCount: 1 };
  return (Object.keys(TRANSITIONS) as HazardAction[]).filter((a) => decide(h, a, actor, probe).ok);
}
