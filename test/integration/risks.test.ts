import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import type {
  EnterpriseView,
  HazardDetailView,
  InspectionPlanView,
  InspectionRecordView,
  RiskInspectionPlansResult,
  RiskPointDetailView,
  RiskZoneStats,
} from '@muster/contracts';
import { Clock } from '../../server/src/common/clock.js';
import { creditCodeCheckChar } from '../../server/src/enterprises/credit-code.js';
import { ReminderScheduler } from '../../server/src/reminders/reminder-scheduler.js';
import { createTestApp, type TestApp } from '../support/app.js';

const withCheckChar = (first17: string) => first17 + creditCodeCheckChar(first17);
const midnight = (day: string) => new Date(`${day}T00:00:00+08:00`);

const point = (name: string, extra: Record<string, unknown> = {}) => ({
  name,
  kind: 'facility',
  place: '储运车间',
  post: '罐区操作工',
  location: { lat: 33.996, lng: 116.813 },
  hazards: [{ factor: '储罐泄漏', consequence: '火灾爆炸' }],
  measures: [
    { text: '液位高高联锁每月测试', level: 'company', person: '王建国', category: 'hazardous_chemicals' },
    { text: '防火堤排水阀常闭', level: 'team', person: '周海', category: 'fire' },
  ],
  emergencyActions: ['关闭紧急切断阀', '疏散人员'],
  ...extra,
});

describe('risk register (dual prevention)', () => {
  let t: TestApp;
  let sql: pg.Client;
  const auth = async (role: Parameters<TestApp['token']>[0]) => ({
    Authorization: `Bearer ${await t.token(role)}`,
  });

  beforeAll(async () => {
    t = await createTestApp();
    sql = new pg.Client({ connectionString: t.db.url });
    await sql.connect();
    // The first test file of a run migrates and seeds the template database.
  }, 300_000);
  afterAll(async () => {
    jest.restoreAllMocks();
    await sql?.end();
    await t?.close();
  });

  it('seeds the demo register consistent with the recorded classes', async () => {
    const enterprises = (await t.http.get('/api/enterprises?pageSize=100').set(await auth('inspector'))).body
      .items as EnterpriseView[];
    expect(enterprises.length).toBeGreaterThan(5);
    for (const e of enterprises) {
      const worst = await sql.query<{ grade: string | null }>(
        `SELECT grade FROM risk_point WHERE enterprise_id = $1
          ORDER BY CASE grade WHEN 'major' THEN 4 WHEN 'high' THEN 3 WHEN 'medium' THEN 2 ELSE 1 END DESC LIMIT 1`,
        [e.id],
      );
      if (!worst.rows.length) continue;
      expect({ name: e.name, grade: worst.rows[0]!.grade }).toEqual({ name: e.name, grade: e.riskClass });
      expect(e.riskClassSource).toBe('risk_points');
    }
  });

  it('derives the enterprise grade from its worst assessed point', async () => {
    const admin = await auth('zone_admin');
    const inspector = await auth('inspector');
    const created = await t.http
      .post('/api/enterprises')
      .set(admin)
      .send({
        name: '淮北风险测试化工有限公司',
        creditCode: withCheckChar(`91340600MA${randomBytes(4).toString('hex').toUpperCase().slice(0, 7)}`),
        industry: '精细化工',
        riskClass: 'medium',
        address: '杜集经济开发区测试路1号',
        location: { lat: 33.99, lng: 116.82 },
        legalRepresentative: '周伟',
        safetyLead: '孙莉',
        dutyPhone: '0561-3100000',
      });
    expect(created.status).toBe(201);
    const enterpriseId = created.body.id as string;
    const enterprise = async () =>
      (await t.http.get(`/api/enterprises/${enterpriseId}`).set(admin)).body as EnterpriseView;
    expect(await enterprise()).toMatchObject({ riskClass: 'medium', riskClassSource: 'recorded' });

    const a = await t.http.post('/api/risks/points').set(inspector).send(point('二号罐区', { enterpriseId }));
    expect(a.status).toBe(201);
    // Recorded, not assessed: the recorded class stands.
    expect(await enterprise()).toMatchObject({ riskClass: 'medium', riskClassSource: 'recorded' });

    const assessA = await t.http
      .post(`/api/risks/points/${a.body.id}/assessments`)
      .set(inspector)
      .send({ method: 'matrix', l: 2, s: 3 });
    expect(assessA.status).toBe(201);
    expect(assessA.body).toMatchObject({ grade: 'low', score: 6, method: 'matrix' });
    expect(await enterprise()).toMatchObject({ riskClass: 'low', riskClassSource: 'risk_points' });

    const b = await t.http.post('/api/risks/points').set(inspector).send(point('氯化工序', { enterpriseId }));
    const assessB = await t.http
      .post(`/api/risks/points/${b.body.id}/assessments`)
      .set(inspector)
      .send({ method: 'lec', l: 3, e: 6, c: 40, note: '新增氯化工艺' });
    expect(assessB.body).toMatchObject({ grade: 'major', score: 720 });
    expect((await enterprise()).riskClass).toBe('major');

    // While the points decide, the class is not typed in.
    const typed = await t.http
      .patch(`/api/enterprises/${enterpriseId}`)
      .set(admin)
      .send({ riskClass: 'low' });
    expect(typed.status).toBe(409);
    expect(typed.body.problems[0].code).toBe('enterprise.risk_class_derived');

    // Bad factors name the field.
    const bad = await t.http
      .post(`/api/risks/points/${b.body.id}/assessments`)
      .set(inspector)
      .send({ method: 'lec', l: 4, e: 6 });
    expect(bad.status).toBe(400);
    expect(bad.body.message).toEqual(['l: must be one of 0.1, 0.2, 0.5, 1, 3, 6, 10', 'c: required for lec']);

    const reassessed = await t.http
      .post(`/api/risks/points/${b.body.id}/assessments`)
      .set(inspector)
      .send({ method: 'matrix', l: 3, s: 3 });
    expect(reassessed.body.grade).toBe('medium');
    expect((reassessed.body as RiskPointDetailView).assessments.map((x) => x.grade)).toEqual([
      'medium',
      'major',
    ]);
    expect((await enterprise()).riskClass).toBe('medium');

    expect((await t.http.delete(`/api/risks/points/${b.body.id}`).set(inspector)).status).toBe(204);
    expect((await enterprise()).riskClass).toBe('low');
    // The last point gone: the class stays as it was and is the zone's to record again.
    expect((await t.http.delete(`/api/risks/points/${a.body.id}`).set(inspector)).status).toBe(204);
    expect(await enterprise()).toMatchObject({ riskClass: 'low', riskClassSource: 'recorded' });
    expect(
      (await t.http.patch(`/api/enterprises/${enterpriseId}`).set(admin).send({ riskClass: 'high' })).status,
    ).toBe(200);

    const audited = await sql.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM audit_log WHERE action = 'enterprise.risk_class_derived' AND entity_id = $1`,
      [enterpriseId],
    );
    expect(audited.rows[0]!.n).toBe(5);
  });

  it('turns control measures into checklist items; a failed one raises a hazard linked to the risk', async () => {
    const officer = await auth('enterprise_officer');
    const created = await t.http.post('/api/risks/points').set(officer).send(point('苯储罐'));
    expect(created.status).toBe(201);
    const id = created.body.id as string;
    const [interlock, dike] = (created.body as RiskPointDetailView).measures;
    await t.http
      .post(`/api/risks/points/${id}/assessments`)
      .set(officer)
      .send({ method: 'lec', l: 3, e: 6, c: 40 });
    const enterpriseId = created.body.enterpriseId as string;

    const generated = await t.http
      .post(`/api/risks/enterprises/${enterpriseId}/inspection-plans`)
      .set(officer)
      .send({});
    expect(generated.status).toBe(201);
    const result = generated.body as RiskInspectionPlansResult;
    const major = result.plans.find((p) => p.grade === 'major')!;
    expect(major.frequency).toBe('daily');
    const plan = (await t.http.get(`/api/inspections/plans/${major.planId}`).set(officer))
      .body as InspectionPlanView;
    expect(plan).toMatchObject({ kind: 'self_inspection', frequency: 'daily', enterpriseId, active: true });
    const items = plan.checklist.filter((c) => c.riskPointId === id);
    expect(items.map((c) => c.measureId)).toEqual([interlock!.id, dike!.id]);
    expect(items[0]!.text).toContain('液位高高联锁每月测试');

    // Generating again updates the same plans.
    const again = (
      await t.http.post(`/api/risks/enterprises/${enterpriseId}/inspection-plans`).set(officer).send({})
    ).body as RiskInspectionPlansResult;
    expect(again.plans.map((p) => p.planId).sort()).toEqual(result.plans.map((p) => p.planId).sort());

    const record = await t.http.post('/api/inspections/records').set(officer).send({ planId: major.planId });
    expect(record.status).toBe(201);
    const answers = (record.body as InspectionRecordView).items.map((i) =>
      i.itemId === interlock!.id
        ? { itemId: i.itemId, result: 'fail', note: '联锁旁路未恢复', place: '苯罐区', level: 'general' }
        : { itemId: i.itemId, result: 'pass' },
    );
    const done = await t.http
      .post(`/api/inspections/records/${record.body.id}/complete`)
      .set(officer)
      .send({ items: answers });
    expect(done.status).toBe(200);
    const failed = (done.body as InspectionRecordView).items.filter((i) => i.hazardId);
    expect(failed).toHaveLength(1);

    const hazard = (await t.http.get(`/api/hazards/${failed[0]!.hazardId}`).set(officer))
      .body as HazardDetailView;
    expect(hazard.riskPointId).toBe(id);
    expect(hazard.description).toContain('联锁旁路未恢复');

    const detail = (await t.http.get(`/api/risks/points/${id}`).set(officer)).body as RiskPointDetailView;
    expect(detail.openHazardCount).toBe(1);
    expect(detail.openHazards.map((h) => h.id)).toEqual([hazard.id]);

    // Another enterprise's officer sees neither the point nor its card.
    const other = await auth('officer2');
    expect((await t.http.get(`/api/risks/points/${id}`).set(other)).status).toBe(404);
    expect(
      (await t.http.get('/api/risks/card').query({ enterpriseId, post: '罐区操作工' }).set(other)).status,
    ).toBe(404);

    // Regraded low, the measures move to the quarterly plan.
    await t.http
      .post(`/api/risks/points/${id}/assessments`)
      .set(officer)
      .send({ method: 'matrix', l: 1, s: 2 });
    const moved = (
      await t.http.post(`/api/risks/enterprises/${enterpriseId}/inspection-plans`).set(officer).send({})
    ).body as RiskInspectionPlansResult;
    const low = moved.plans.find((p) => p.grade === 'low')!;
    expect(low.frequency).toBe('quarterly');
    const lowPlan = (await t.http.get(`/api/inspections/plans/${low.planId}`).set(officer))
      .body as InspectionPlanView;
    expect(lowPlan.checklist.filter((c) => c.riskPointId === id)).toHaveLength(2);
    const majorPlan = (await t.http.get(`/api/inspections/plans/${major.planId}`).set(officer))
      .body as InspectionPlanView;
    expect(majorPlan.checklist.some((c) => c.riskPointId === id)).toBe(false);

    const card = await t.http.get('/api/risks/card').query({ enterpriseId, post: '罐区操作工' }).set(officer);
    expect(card.status).toBe(200);
    expect(card.body.points.map((p: { name: string }) => p.name)).toContain('苯储罐');
  });

  it('counts the zone’s risks by grade, industry and enterprise, with the quarterly trend', async () => {
    const stats = (await t.http.get('/api/risks/stats').set(await auth('inspector'))).body as RiskZoneStats;
    const { rows } = await sql.query<{ grade: string | null; n: number }>(
      'SELECT grade, count(*)::int AS n FROM risk_point GROUP BY grade',
    );
    for (const r of rows)
      expect(stats.total[(r.grade ?? 'unassessed') as keyof typeof stats.total]).toBe(r.n);
    expect(stats.byQuarter).toHaveLength(4);
    expect(stats.byIndustry.find((i) => i.industry === '煤化工')!.counts.major).toBeGreaterThan(0);
    // The demo's chlorine store was 较大 two quarters back and 重大 since its last assessment.
    const now = stats.byQuarter[3]!.counts;
    expect(now.major).toBe(rows.find((r) => r.grade === 'major')?.n ?? 0);
    expect(stats.byQuarter[1]!.counts.major).toBeLessThan(now.major);
    const officerStats = (await t.http.get('/api/risks/stats').set(await auth('officer2')))
      .body as RiskZoneStats;
    expect(officerStats.byEnterprise).toHaveLength(1);
    const map = await t.http.get('/api/risks/map').set(await auth('commander'));
    expect(map.body.length).toBeGreaterThan(10);
  });

  it('reminds of a reassessment 30 and 7 days before and once overdue, each once', async () => {
    const officer = await auth('enterprise_officer');
    const created = await t.http
      .post('/api/risks/points')
      .set(officer)
      .send(point('提醒测试风险点', { post: null }));
    const id = created.body.id as string;
    const assessed = await t.http
      .post(`/api/risks/points/${id}/assessments`)
      .set(officer)
      .send({ method: 'matrix', l: 3, s: 3, nextAssessmentOn: '2031-06-30' });
    expect(assessed.body.nextAssessmentOn).toBe('2031-06-30');
    const officerId = (await t.login('officer1@muster.test')).user.id;
    const mine = async () =>
      (
        await sql.query<{ kind: string; n: number }>(
          `SELECT kind, count(*)::int AS n FROM notification WHERE entity_id = $1 AND user_id = $2 GROUP BY kind ORDER BY kind`,
          [id, officerId],
        )
      ).rows;
    const clock = t.get(Clock);
    const scheduler = t.get(ReminderScheduler);
    const at = async (instant: Date) => {
      jest.spyOn(clock, 'now').mockReturnValue(instant);
      await scheduler.scan(['risk_point']);
    };
    await at(new Date(midnight('2031-05-31').getTime() - 1000));
    expect(await mine()).toEqual([]);
    await at(midnight('2031-05-31'));
    await at(midnight('2031-05-31'));
    expect(await mine()).toEqual([{ kind: 'risk.reassessment_due', n: 1 }]);
    await at(midnight('2031-06-23'));
    await at(midnight('2031-06-25'));
    expect(await mine()).toEqual([{ kind: 'risk.reassessment_due', n: 2 }]);
    await at(midnight('2031-07-01'));
    await at(midnight('2031-07-02'));
    expect(await mine()).toEqual([
      { kind: 'risk.reassessment_due', n: 2 },
      { kind: 'risk.reassessment_overdue', n: 1 },
    ]);
    jest.restoreAllMocks();
  });
});
