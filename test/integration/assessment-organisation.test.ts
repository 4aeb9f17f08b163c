import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type {
  EnterpriseStatementSummary,
  SafetyOrgView,
  SchemeView,
  SheetSummary,
  SheetView,
  WorkPlanOverview,
} from '@muster/contracts';
import { createTestApp, type TestApp } from '../support/app.js';

const indicator = (name: string, metric: string, rule: string, weight: number, param?: number) => ({
  group: '基础管理',
  name,
  metric,
  rule,
  weight,
  ...(param !== undefined && { param }),
  evidence: 'records',
});

/**
 * The plan's organisational pillars on the assessment sheet: the safety office, the signed
 * responsibility statements and the implementation plan, each scored from the same figures the
 * domain's own page shows for the demo zone.
 */
describe('assessment of the safety office, the statements and the implementation plan', () => {
  let t: TestApp;
  let admin: { Authorization: string };

  beforeAll(async () => {
    t = await createTestApp();
    admin = { Authorization: `Bearer ${await t.token('zone_admin')}` };
  }, 120_000);

  afterAll(async () => {
    await t?.close();
  });

  it('scores each enterprise as the safety-office list, the duty overview and the plan matrix show it', async () => {
    const year = Number(
      new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric' }).format(new Date()),
    );
    const scheme = (
      await t.http
        .post('/api/assessments/schemes')
        .set(admin)
        .send({
          year,
          title: `${year}年度基础管理考核`,
          objectionDays: 10,
          indicators: [
            indicator('安全管理机构和人员配备', 'safety_office', 'target', 10, 1),
            indicator('岗位责任书签订率', 'responsibility_statements', 'proportional', 10),
            indicator('实施方案按时报送', 'work_plan', 'deduct', 10, 2),
            { ...indicator('现场检查', 'manual', 'manual', 70), evidence: 'files' },
          ],
        })
        .expect(201)
    ).body as SchemeView;
    const ranking = (
      await t.http.post(`/api/assessments/schemes/${scheme.id}/compute`).set(admin).expect(201)
    ).body as SheetSummary[];

    const orgs = (await t.http.get('/api/safety-orgs').set(admin).expect(200)).body as SafetyOrgView[];
    const duties = (await t.http.get('/api/responsibility-statements/enterprises').set(admin).expect(200))
      .body as EnterpriseStatementSummary[];
    const plans = (await t.http.get(`/api/work-plans/overview?year=${year}`).set(admin).expect(200))
      .body as WorkPlanOverview;
    // The demo zone has one of each kind to tell apart: met and flagged offices, signed and
    // pending statements, a plan approved with a late quarter.
    expect(orgs.some((o) => o.status.met) && orgs.some((o) => !o.status.met)).toBe(true);
    expect(duties.some((d) => d.required > 0 && d.signed < d.required)).toBe(true);
    expect(plans.rows.some((r) => r.quarters.some((q) => q.state === 'late'))).toBe(true);

    for (const line of ranking) {
      const sheet = (await t.http.get(`/api/assessments/sheets/${line.id}`).set(admin).expect(200))
        .body as SheetView;
      const [office, statements, plan] = sheet.scores;
      const org = orgs.find((o) => o.enterpriseId === line.enterpriseId);
      const expectedProblems = org ? org.status.problems : ['industry_unknown'];
      expect({ name: line.enterpriseName, points: office!.points, items: office!.evidence?.items }).toEqual({
        name: line.enterpriseName,
        points: org?.status.met ? 10 : 0,
        items: expectedProblems,
      });

      const duty = duties.find((d) => d.enterpriseId === line.enterpriseId) ?? { signed: 0, required: 0 };
      expect({ name: line.enterpriseName, points: statements!.points }).toEqual({
        name: line.enterpriseName,
        points: duty.required ? Math.round((1000 * duty.signed) / duty.required) / 100 : 10,
      });

      const row = plans.rows.find((r) => r.enterpriseId === line.enterpriseId);
      const quartersMissed = (row?.quarters ?? []).filter((q) => q.state === 'late' || q.state === 'missing');
      const planOwed =
        plans.template?.status === 'published' &&
        (row?.firstSubmittedAt != null ||
          new Date().toISOString().slice(0, 10) > plans.template.submissionDeadline);
      const planMissed = planOwed && (row?.firstSubmittedAt == null || row.submittedLate) ? 1 : 0;
      expect({ name: line.enterpriseName, points: plan!.points }).toEqual({
        name: line.enterpriseName,
        points: Math.max(0, 10 - 2 * (quartersMissed.length + planMissed)),
      });
    }
  });
});
