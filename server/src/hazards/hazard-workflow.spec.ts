import { describe, expect, it } from '@jest/globals';
import {
  type HazardAction,
  type HazardLevel,
  type HazardStatus,
  HAZARD_ACTIONS,
  HAZARD_STATUSES,
  ROLES,
  type Role,
} from '@muster/contracts';
import { type WorkflowActor, type WorkflowHazard, allowedActions, decide } from './hazard-workflow.js';

const E1 = 'e1';
const plan = {
  objectives: '消除泄漏风险',
  methods: '更换法兰垫片',
  fundsAndMaterials: '5万元',
  responsible: '设备部',
  timeLimit: '30日',
  safetyMeasures: '停车检修，专项应急预案',
};

function hazard(over: Partial<WorkflowHazard> = {}): WorkflowHazard {
  return {
    status: 'found',
    level: 'general',
    enterpriseId: E1,
    submittedBy: null,
    measures: '更换',
    responsiblePerson: '张三',
    funds: '1000.00',
    deadline: '2026-12-31',
    contingencyPlanRef: null,
    contingencyPlanId: null,
    governancePlan: null,
    ...over,
  };
}

const actor = (
  role: Role,
  id = `u-${role}`,
  enterpriseId: string | null = role === 'enterprise_officer' ? E1 : null,
): WorkflowActor => ({
  id,
  role,
  enterpriseId,
});
const input = { comment: '已整改', photoCount: 1 };
const evaluation = {
  by: 'qualified_agency' as const,
  evaluator: '鄂尔多斯安全评价中心',
  date: '2026-11-20',
  passed: true,
  conclusion: '隐患已消除，联锁投用正常',
  reportFileId: null,
  recordedBy: 'u-enterprise_officer',
  recordedAt: '2026-11-20T08:00:00.000Z',
};
const stoppage = {
  scope: 'partial' as const,
  what: '气化车间3号炉',
  peopleWithdrawn: true,
  from: '2026-11-01',
  until: null,
  recordedBy: 'u-enterprise_officer',
  recordedAt: '2026-11-01T08:00:00.000Z',
};
const resumption = (decision: 'pending' | 'approved' | 'refused') => ({
  decision,
  note: '整改完成，申请恢复生产',
  appliedAt: '2026-11-21T08:00:00.000Z',
  appliedBy: 'u-enterprise_officer',
  reviewNote: decision === 'pending' ? null : '现场复查',
  reviewedAt: decision === 'pending' ? null : '2026-11-22T08:00:00.000Z',
  reviewedBy: decision === 'pending' ? null : 'u-inspector',
});

const FROM: Record<HazardAction, HazardStatus> = {
  start: 'found',
  submit: 'rectifying',
  accept: 'submitted',
  reject: 'submitted',
  close_on_spot: 'found',
};
const TO: Record<HazardAction, HazardStatus> = {
  start: 'rectifying',
  submit: 'submitted',
  accept: 'closed',
  reject: 'rectifying',
  close_on_spot: 'closed',
};

/** Who may take each action, by level: the table the product owner signs off. */
const MAY: Record<HazardLevel, Record<HazardAction, Role[]>> = {
  general: {
    start: ['zone_admin', 'inspector', 'enterprise_officer'],
    submit: ['zone_admin', 'inspector', 'enterprise_officer'],
    accept: ['zone_admin', 'inspector', 'enterprise_officer'],
    reject: ['zone_admin', 'inspector', 'enterprise_officer'],
    close_on_spot: ['zone_admin', 'inspector', 'enterprise_officer'],
  },
  major: {
    start: ['zone_admin', 'inspector', 'enterprise_officer'],
    submit: ['zone_admin', 'inspector', 'enterprise_officer'],
    accept: ['inspector'],
    reject: ['inspector'],
    close_on_spot: [],
  },
};

describe('hazard workflow: every action by every role', () => {
  for (const level of ['general', 'major'] as const) {
    for (const action of HAZARD_ACTIONS) {
      for (const role of ROLES) {
        const allowed = MAY[level][action].includes(role);
        it(`${level} · ${action} · ${role} → ${allowed ? 'allowed' : 'refused'}`, () => {
          const h = hazard({
            level,
            status: FROM[action],
            submittedBy: 'someone-else',
            contingencyPlanRef: level === 'major' ? '专项预案 HX-03' : null,
            governancePlan: level === 'major' ? plan : null,
            evaluation: level === 'major' ? evaluation : null,
          });
          const out = decide(h, action, actor(role), input);
          if (allowed) expect(out).toEqual({ ok: true, to: TO[action] });
          else expect(out).toMatchObject({ ok: false, status: expect.any(Number) });
          if (!allowed)
            expect((out as { status: number }).status).toBe(
              level === 'major' && action === 'close_on_spot' && MAY.general[action].includes(role)
                ? 409
                : 403,
            );
        });
      }
    }
  }

  it('refuses every action from every wrong status with 409 naming both statuses', () => {
    for (const action of HAZARD_ACTIONS) {
      for (const status of HAZARD_STATUSES.filter((s) => s !== FROM[action])) {
        const out = decide(hazard({ status, submittedBy: 'x' }), action, actor('inspector'), input);
        expect(out).toEqual({ ok: false, status: 409, message: expect.stringContaining(`is ${status}`) });
        expect((out as { message: string }).message).toContain(`must be ${FROM[action]}`);
      }
    }
  });
});

describe('hazard workflow rules', () => {
  it('refuses an officer of another enterprise', () => {
    const out = decide(hazard(), 'start', actor('enterprise_officer', 'u9', 'e2'), input);
    expect(out).toMatchObject({ ok: false, status: 403 });
  });

  it('refuses self-acceptance and self-rejection, whoever the role', () => {
    for (const role of ['inspector', 'zone_admin', 'enterprise_officer'] as const) {
      const me = actor(role);
      const h = hazard({ status: 'submitted', submittedBy: me.id });
      expect(decide(h, 'accept', me, input)).toEqual({
        ok: false,
        status: 403,
        message: 'Nobody may accept their own rectification',
      });
      expect(decide(h, 'reject', me, input)).toMatchObject({ ok: false, status: 403 });
    }
  });

  it('does not let a major hazard start rectifying without its governance plan', () => {
    const h = hazard({ level: 'major', contingencyPlanRef: '专项预案', governancePlan: null });
    const out = decide(h, 'start', actor('enterprise_officer'), input);
    expect(out).toMatchObject({ ok: false, status: 409 });
    expect((out as { message: string }).message).toContain('governancePlan.objectives');
    const partial = decide(
      hazard({
        level: 'major',
        contingencyPlanRef: '专项预案',
        governancePlan: { ...plan, safetyMeasures: ' ' },
      }),
      'start',
      actor('enterprise_officer'),
      input,
    );
    expect((partial as { message: string }).message).toMatch(/missing: governancePlan\.safetyMeasures$/);
    expect(
      decide(
        hazard({ level: 'major', contingencyPlanRef: '专项预案', governancePlan: plan }),
        'start',
        actor('enterprise_officer'),
        input,
      ),
    ).toEqual({ ok: true, to: 'rectifying' });
  });

  it('names the missing five in place before rectifying', () => {
    const out = decide(
      hazard({ measures: null, deadline: null, funds: null }),
      'start',
      actor('inspector'),
      input,
    );
    expect(out).toEqual({
      ok: false,
      status: 409,
      message: 'Five in place incomplete before rectifying; missing: measures, funds, deadline',
    });
    const major = decide(
      hazard({ level: 'major', governancePlan: plan }),
      'start',
      actor('inspector'),
      input,
    );
    expect((major as { message: string }).message).toContain('contingencyPlanRef');
  });

  it('requires a reason to reject, a description to submit, a photo to close on the spot', () => {
    const none = { comment: '  ', photoCount: 0 };
    expect(
      decide(hazard({ status: 'submitted', submittedBy: 'x' }), 'reject', actor('inspector'), none),
    ).toEqual({
      ok: false,
      status: 400,
      message: 'comment: give the reason for rejecting',
      code: 'hazard.reasonRequired',
    });
    expect(
      decide(hazard({ status: 'rectifying' }), 'submit', actor('enterprise_officer'), none),
    ).toMatchObject({
      status: 400,
      message: expect.stringMatching(/^comment: /),
      code: 'hazard.rectificationRequired',
    });
    expect(decide(hazard(), 'close_on_spot', actor('enterprise_officer'), none)).toMatchObject({
      status: 400,
      message: expect.stringMatching(/^photoIds: /),
      code: 'hazard.photoRequired',
    });
  });

  it('offers the buttons that would work', () => {
    expect(allowedActions(hazard(), actor('enterprise_officer'))).toEqual(['start', 'close_on_spot']);
    expect(
      allowedActions(
        hazard({ status: 'submitted', submittedBy: 'u-enterprise_officer' }),
        actor('enterprise_officer'),
      ),
    ).toEqual([]);
    expect(
      allowedActions(hazard({ status: 'submitted', level: 'major', submittedBy: 'x' }), actor('inspector')),
    ).toEqual(['reject']);
    expect(
      allowedActions(
        hazard({ status: 'submitted', level: 'major', submittedBy: 'x', evaluation }),
        actor('inspector'),
      ),
    ).toEqual(['accept', 'reject']);
    expect(allowedActions(hazard(), actor('commander'))).toEqual([]);
  });
});

describe('closing a major hazard (SAWS Order 16 Art. 16, 18)', () => {
  const submitted = (over: Partial<WorkflowHazard> = {}) =>
    hazard({ level: 'major', status: 'submitted', submittedBy: 'x', governancePlan: plan, ...over });
  const inspector = actor('inspector');

  it('Order 16 Art. 18: a major hazard cannot be accepted without the evaluation of its fix', () => {
    expect(decide(submitted(), 'accept', inspector, input)).toMatchObject({
      ok: false,
      status: 409,
      code: 'hazard.evaluationRequired',
    });
    expect(decide(submitted({ evaluation }), 'accept', inspector, input)).toEqual({ ok: true, to: 'closed' });
  });

  it('Order 16 Art. 18: an evaluation that did not find the hazard eliminated does not close it', () => {
    expect(
      decide(submitted({ evaluation: { ...evaluation, passed: false } }), 'accept', inspector, input),
    ).toMatchObject({ ok: false, status: 409, code: 'hazard.evaluationFailed' });
  });

  it('Order 16 Art. 16, 18: with production stopped, not without the approved resumption review', () => {
    const stopped = { evaluation, stoppage };
    expect(decide(submitted(stopped), 'accept', inspector, input)).toMatchObject({
      ok: false,
      code: 'hazard.resumptionReviewRequired',
    });
    for (const decision of ['pending', 'refused'] as const) {
      expect(
        decide(submitted({ ...stopped, resumption: resumption(decision) }), 'accept', inspector, input),
      ).toMatchObject({ ok: false, status: 409, code: 'hazard.resumptionReviewRequired' });
    }
    expect(
      decide(submitted({ ...stopped, resumption: resumption('approved') }), 'accept', inspector, input),
    ).toEqual({ ok: true, to: 'closed' });
  });

  it('Order 16 Art. 18: a general hazard still closes without an evaluation, as before', () => {
    const general = hazard({ status: 'submitted', submittedBy: 'x' });
    expect(decide(general, 'accept', actor('enterprise_officer'), input)).toEqual({ ok: true, to: 'closed' });
  });
});
