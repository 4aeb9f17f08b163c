import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import pg from 'pg';
import type { AnySheetSummary, AnySheetView, SchemeView, SheetSummary, SheetView } from '@muster/contracts';
import { Clock } from '../../server/src/common/clock.js';
import { creditCodeCheckChar } from '../../server/src/enterprises/credit-code.js';
import { ReminderScheduler } from '../../server/src/reminders/reminder-scheduler.js';
import { createTestApp, type TestApp } from '../support/app.js';

/** "Now": 1 December 2026, 10:00 in Shanghai; the schemes assess 2026. */
const NOW = new Date('2026-12-01T02:00:00Z');

const manual = (weight: number) => ({
  group: '现场检查',
  name: '现场检查评分',
  metric: 'manual',
  rule: 'manual',
  weight,
  evidence: 'files',
});

/** The supporting pillars' indicators; the comments give each enterprise's points. */
const ENTERPRISE_INDICATORS = [
  // P 6.67 (2 of the 3 people owing hours met them) · Q 10 (nobody owes hours)
  {
    group: '安全培训',
    name: '培训学时达标率',
    metric: 'training_coverage',
    rule: 'proportional',
    weight: 10,
    evidence: 'records',
  },
  // P 2 (one certificate expired, one review overdue: 4 points each) · Q 10
  {
    group: '安全培训',
    name: '特种作业人员持证上岗',
    metric: 'operation_certificates',
    rule: 'deduct',
    weight: 10,
    param: 4,
    evidence: 'records',
  },
  // P 10 (700,000 set aside of 675,000 required) · Q 0 (40,000 of 50,000)
  {
    group: '安全投入',
    name: '安全生产费用足额提取',
    metric: 'safety_funds',
    rule: 'target',
    weight: 10,
    param: 1,
    evidence: 'records',
  },
  manual(70),
];

/** A department's duties, over the enterprises of the industries it supervises. */
const DEPARTMENT_INDICATORS = [
  // 一科 (P) 15: one of two inspections due done · 二科 (Q) and the office 30: none due
  {
    group: '监管履职',
    name: '监管企业检查完成率',
    metric: 'supervised_inspections',
    rule: 'proportional',
    weight: 30,
    evidence: 'records',
  },
  // All 20: P's one major hazard closed; nothing major elsewhere
  {
    group: '监管履职',
    name: '重大隐患督办销号',
    metric: 'supervised_major_hazards',
    rule: 'target',
    weight: 20,
    param: 1,
    evidence: 'records',
  },
  // 一科 15 (one overdue at P, 5 points each) · the others 20
  {
    group: '监管履职',
    name: '逾期未整改隐患',
    metric: 'supervised_overdue_hazards',
    rule: 'deduct',
    weight: 20,
    param: 5,
    evidence: 'records',
  },
  manual(30),
];

describe('assessment of the supporting pillars, of zone departments, and its notifications', () => {
  let t: TestApp;
  let sql: pg.Client;
  let admin: { Authorization: string };
  let inspector: { Authorization: string };
  let officer: { Authorization: string };
  let officerId: string;
  let officerEnterprise: string;
  let adminIds: string[];
  const ent = { P: '', Q: '' };

  const contact = async (enterpriseId: string, name: string, certifications: object[] = []) =>
    (
      await sql.query<{ id: string }>(
        `INSERT INTO contact (enterprise_id, name, organization, post, certifications)
         VALUES ($1, $2, '生产部', '操作工', $3) RETURNING id`,
        [enterpriseId, name, JSON.stringify(certifications)],
      )
    ).rows[0]!.id;
  const trained = async (enterpriseId: string, name: string, role: string, hours: number) => {
    const id = await contact(enterpriseId, name);
    await sql.query(
      `INSERT INTO training_profile (contact_id, enterprise_id, role, started_on) VALUES ($1, $2, $3, '2019-05-01')`,
      [id, enterpriseId, role],
    );
    if (hours > 0) {
      const session = await sql.query<{ id: string }>(
        `INSERT INTO training_session (enterprise_id, kind, title, trainer, starts_at, hours, content, sign_in_token)
         VALUES ($1, 'class', '年度再培训', '王工', '2026-04-10T01:00:00Z', $2, '安全生产法', gen_random_uuid()::text)
         RETURNING id`,
        [enterpriseId, hours],
      );
      await sql.query(
        `INSERT INTO training_attendance (session_id, contact_id, enterprise_id, hours, method)
         VALUES ($1, $2, $3, $4, 'organiser')`,
        [session.rows[0]!.id, id, enterpriseId, hours],
      );
    }
  };
  const hazard = (
    enterpriseId: string,
    level: string,
    status: string,
    deadline: string,
    closedAt: string | null,
  ) =>
    sql.query(
      `INSERT INTO hazard (enterprise_id, place, category, description, level, source, found_by, found_at,
                           deadline, status, closed_at, reported_to_zone_at)
       VALUES ($1, '考核测试部位', 'fire', '考核测试', $2, 'self_inspection', '测试员', '2026-03-01T02:00:00Z', $3, $4, $5,
               '2026-03-01T02:00:00Z')`,
      [enterpriseId, level, deadline, status, closedAt],
    );
  const inspection = (enterpriseId: string, dueOn: string, dueBy: string, status: string) =>
    sql.query(
      `INSERT INTO inspection_record (kind, enterprise_id, inspector, due_on, due_by, status, completed_at)
       VALUES ('spot_check', $1, '监管员', $2, $3, $4, CASE WHEN $4::text = 'completed' THEN now() END)`,
      [enterpriseId, dueOn, dueBy, status],
    );
  /** In-app notifications of one kind, per user. */
  const notified = async (kind: string) =>
    (
      await sql.query<{ user_id: string; params: Record<string, unknown> }>(
        `SELECT user_id, params FROM notification WHERE kind = $1 ORDER BY user_id`,
        [kind],
      )
    ).rows;

  beforeAll(async () => {
    t = await createTestApp();
    admin = { Authorization: `Bearer ${await t.token('zone_admin')}` };
    inspector = { Authorization: `Bearer ${await t.token('inspector')}` };
    officer = { Authorization: `Bearer ${await t.token('enterprise_officer')}` };
    const me = await t.login('officer1@muster.test');
    officerId = me.user.id;
    officerEnterprise = me.user.enterpriseId!;
    sql = new pg.Client({ connectionString: t.db.url });
    await sql.connect();
    adminIds = (
      await sql.query<{ id: string }>(
        `SELECT id FROM app_user WHERE role = 'zone_admin' AND active ORDER BY id`,
      )
    ).rows.map((r) => r.id);
    for (const [key, serial, industry] of [
      ['P', 92001, '测试化工'],
      ['Q', 92002, '测试纺织'],
    ] as const) {
      const first17 = `91340602MA2T${serial}`;
      const res = await t.http
        .post('/api/enterprises')
        .set(admin)
        .send({
          name: `支撑考核企业${key}`,
          creditCode: first17 + creditCodeCheckChar(first17),
          industry,
          riskClass: 'medium',
          address: '杜集经济开发区测试路',
          location: { lat: 33.99, lng: 116.83 },
          legalRepresentative: '甲',
          safetyLead: '乙',
          dutyPhone: '0561-3000000',
        });
      expect(res.status).toBe(201);
      ent[key] = res.body.id;
    }
    // Training, general industry, in post since 2019: managers and principals owe 12 refresher
    // hours, other employees none.
    await trained(ent.P, '培训达标甲', 'safety_manager', 12);
    await trained(ent.P, '培训不足乙', 'safety_manager', 8);
    await trained(ent.P, '普通员工丙', 'employee', 0);
    await trained(ent.P, '主要负责人丁', 'principal', 12.5);
    // Special operation certificates on 1 December 2026.
    await contact(ent.P, '电工戊', [
      {
        name: '特种作业操作证',
        number: 'T1',
        expiresOn: null,
        operationType: '电工作业',
        issuedOn: '2024-03-01',
      },
      {
        name: '特种作业操作证',
        number: 'T2',
        expiresOn: null,
        operationType: '焊接与热切割作业',
        issuedOn: '2022-06-01',
      },
    ]);
    await contact(ent.P, '司炉己', [
      {
        name: '特种作业操作证',
        number: 'T3',
        expiresOn: '2026-01-01',
        operationType: '司炉作业',
        issuedOn: '2020-01-01',
        reviewedOn: '2023-01-02',
      },
    ]);
    await contact(ent.Q, '电工庚', [
      {
        name: '特种作业操作证',
        number: 'T4',
        expiresOn: null,
        operationType: '电工作业',
        issuedOn: '2025-01-01',
      },
    ]);
    // Safety funds for 2026: P dangerous goods on 20 million (4.5 % of the first 10, 2.25 % of the
    // next: 675,000); Q general freight on 5 million (1 %: 50,000).
    await sql.query(
      `INSERT INTO safety_fund_year (enterprise_id, year, industry, prior_revenue, set_aside)
       VALUES ($1, 2026, 'dangerous_goods', 20000000, 700000), ($2, 2026, 'transport_general', 5000000, 40000)`,
      [ent.P, ent.Q],
    );
    // P's hazards and the zone's spot checks there: one done, one missed, one not yet due.
    await hazard(ent.P, 'major', 'closed', '2026-04-30', '2026-04-01T02:00:00Z');
    await hazard(ent.P, 'general', 'found', '2026-10-31', null);
    await inspection(ent.P, '2026-06-01', '2026-06-30', 'completed');
    await inspection(ent.P, '2026-09-01', '2026-09-30', 'open');
    await inspection(ent.P, '2026-12-01', '2026-12-20', 'open');
    jest.spyOn(t.get(Clock), 'now').mockReturnValue(NOW);
  });
  afterAll(async () => {
    jest.restoreAllMocks();
    await sql.end();
    await t.close();
  });

  let scheme: SchemeView;
  const sheetOf = (ranking: AnySheetSummary[], key: keyof typeof ent) =>
    ranking.find((s) => s.enterpriseId === ent[key])!;

  it('scores training coverage, certificates and safety funds through their domains’ rules', async () => {
    const misfit = await t.http
      .post('/api/assessments/schemes')
      .set(admin)
      .send({
        year: 2026,
        title: '错配方案',
        objectionDays: 10,
        indicators: [{ ...DEPARTMENT_INDICATORS[0], weight: 30 }, manual(70)],
      })
      .expect(400);
    expect(misfit.body.message).toEqual([
      'indicators.0.metric: supervised_inspections does not measure enterprises',
    ]);

    scheme = (
      await t.http
        .post('/api/assessments/schemes')
        .set(admin)
        .send({ year: 2026, title: '2026年度企业考核', objectionDays: 10, indicators: ENTERPRISE_INDICATORS })
        .expect(201)
    ).body as SchemeView;
    expect(scheme.subject).toBe('enterprise');
    const ranking = (
      await t.http.post(`/api/assessments/schemes/${scheme.id}/compute`).set(admin).expect(201)
    ).body as SheetSummary[];
    const sheet = async (key: keyof typeof ent) =>
      (
        await t.http
          .get(`/api/assessments/sheets/${sheetOf(ranking, key).id}`)
          .set(admin)
          .expect(200)
      ).body as SheetView;

    const p = await sheet('P');
    expect(p.scores.map((s) => s.points)).toEqual([6.67, 2, 10, null]);
    expect(p.scores[0]!.evidence).toEqual({
      numerator: 2,
      denominator: 3,
      count: 1,
      items: ['培训不足乙:4'],
    });
    expect(p.scores[1]!.evidence).toMatchObject({ numerator: 1, denominator: 3, count: 2 });
    expect([...p.scores[1]!.evidence!.items!].sort()).toEqual(
      ['电工戊:焊接与热切割作业:review_overdue', '司炉己:司炉作业:expired'].sort(),
    );
    expect(p.scores[2]!.evidence).toEqual({ numerator: 700000, denominator: 675000 });

    const q = await sheet('Q');
    expect(q.scores.map((s) => s.points)).toEqual([10, 10, 0, null]);
    expect(q.scores[0]!.evidence).toMatchObject({ numerator: 0, denominator: 0 });
    expect(q.scores[2]!.evidence).toEqual({ numerator: 40000, denominator: 50000 });
  });

  it('tells each enterprise’s officers their result once when the year is published', async () => {
    const all = (await t.http.get(`/api/assessments/schemes/${scheme.id}/sheets`).set(admin).expect(200))
      .body as SheetSummary[];
    for (const s of all) {
      await t.http
        .put(`/api/assessments/sheets/${s.id}/scores/${scheme.indicators[3]!.id}`)
        .set(inspector)
        .send({ points: 60, note: '现场检查' })
        .expect(200);
    }
    expect(await notified('assessment.published')).toEqual([]);
    await t.http.post(`/api/assessments/schemes/${scheme.id}/publish`).set(admin).expect(201);
    await t.http.post(`/api/assessments/schemes/${scheme.id}/publish`).set(admin).expect(409);

    const mine = all.find((s) => s.enterpriseId === officerEnterprise)!;
    const published = (await t.http.get(`/api/assessments/sheets/${mine.id}`).set(admin).expect(200))
      .body as SheetView;
    const toOfficer = (await notified('assessment.published')).filter((n) => n.user_id === officerId);
    expect(toOfficer).toEqual([
      {
        user_id: officerId,
        params: {
          year: 2026,
          enterprise: published.enterpriseName,
          total: published.total,
          band: published.band,
          rank: published.rank,
          until: '2026-12-11',
        },
      },
    ]);
    // Only officers hear of it, and only of their own enterprise.
    const recipients = await sql.query<{ role: string; enterprise_id: string | null; sheet: string }>(
      `SELECT u.role, u.enterprise_id, n.entity_id AS sheet FROM notification n JOIN app_user u ON u.id = n.user_id
        WHERE n.kind = 'assessment.published'`,
    );
    const sheetEnterprise = new Map(all.map((s) => [s.id, s.enterpriseId]));
    for (const r of recipients.rows) {
      expect(r.role).toBe('enterprise_officer');
      expect(sheetEnterprise.get(r.sheet)).toBe(r.enterprise_id);
    }
    const inbox = await t.http.get('/api/notifications').set(officer).expect(200);
    expect(JSON.stringify(inbox.body)).toContain('2026年度安全生产监督考核结果已公布');
  });

  it('tells the zone’s reviewers of an objection and the officer of the reply, once each', async () => {
    const [mine] = (await t.http.get(`/api/assessments/schemes/${scheme.id}/sheets`).set(officer).expect(200))
      .body as SheetSummary[];
    const filed = (
      await t.http
        .post(`/api/assessments/sheets/${mine!.id}/objections`)
        .set(officer)
        .send({ text: '培训学时已补录，请复核' })
        .expect(201)
    ).body as SheetView;
    const filedTo = await notified('assessment.objection_filed');
    expect(filedTo.map((n) => n.user_id)).toEqual(adminIds);
    expect(filedTo[0]!.params).toEqual({
      year: 2026,
      enterprise: mine!.enterpriseName,
      text: '培训学时已补录，请复核',
    });

    // Unanswered two days before the period ends: the reviewers are reminded, once.
    const scheduler = t.get(ReminderScheduler);
    jest.spyOn(t.get(Clock), 'now').mockReturnValue(new Date('2026-12-08T02:00:00Z'));
    await scheduler.scan(['assessment-objection']);
    await scheduler.scan(['assessment-objection']);
    const reminded = await notified('assessment.objection_unanswered');
    expect(reminded.map((n) => n.user_id)).toEqual(adminIds);
    expect(reminded[0]!.params).toMatchObject({ deadline: '2026-12-11', days: 3 });
    jest.spyOn(t.get(Clock), 'now').mockReturnValue(NOW);

    await t.http
      .put(`/api/assessments/objections/${filed.objections[0]!.id}/reply`)
      .set(admin)
      .send({ reply: '经复核，学时记录已计入，维持评分' })
      .expect(200);
    await t.http
      .put(`/api/assessments/objections/${filed.objections[0]!.id}/reply`)
      .set(admin)
      .send({ reply: '再答复' })
      .expect(409);
    expect(await notified('assessment.objection_replied')).toEqual([
      {
        user_id: officerId,
        params: { year: 2026, enterprise: mine!.enterpriseName, reply: '经复核，学时记录已计入，维持评分' },
      },
    ]);
    expect(await notified('assessment.objection_filed')).toHaveLength(adminIds.length);

    // Answered: the last day's reminder is not owed.
    jest.spyOn(t.get(Clock), 'now').mockReturnValue(new Date('2026-12-11T02:00:00Z'));
    await scheduler.scan(['assessment-objection']);
    expect(await notified('assessment.objection_unanswered')).toHaveLength(adminIds.length);
    jest.spyOn(t.get(Clock), 'now').mockReturnValue(NOW);
  });

  it('assesses the zone’s departments against their duty lists, for zone users only', async () => {
    await t.http
      .put('/api/responsibility-lists/zone')
      .set(admin)
      .send({
        entries: [
          {
            kind: 'supervision',
            unit: '测试监管一科',
            post: '科长',
            industries: ['测试化工'],
            duties: ['负责化工企业日常检查'],
          },
          {
            kind: 'supervision',
            unit: '测试监管二科',
            post: '科长',
            industries: ['测试纺织'],
            duties: ['纺织企业检查'],
          },
          { kind: 'department', unit: '测试办公室', post: '主任', industries: [], duties: ['后勤保障'] },
        ],
      })
      .expect(200);
    const refused = await t.http
      .post('/api/assessments/schemes')
      .set(admin)
      .send({
        year: 2026,
        subject: 'department',
        title: '错配',
        objectionDays: 10,
        indicators: [{ ...ENTERPRISE_INDICATORS[0], weight: 30 }, manual(70)],
      })
      .expect(400);
    expect(refused.body.message).toEqual([
      'indicators.0.metric: training_coverage does not measure departments',
    ]);

    const departments = (
      await t.http
        .post('/api/assessments/schemes')
        .set(admin)
        .send({
          year: 2026,
          subject: 'department',
          title: '2026年度部门监管履职考核',
          objectionDays: 10,
          indicators: DEPARTMENT_INDICATORS,
        })
        .expect(201)
    ).body as SchemeView;
    expect(departments.subject).toBe('department');
    const ranking = (
      await t.http.post(`/api/assessments/schemes/${departments.id}/compute`).set(inspector).expect(201)
    ).body as AnySheetSummary[];
    expect(ranking.map((s) => [s.department, s.enterpriseId]).sort()).toEqual([
      ['测试办公室', null],
      ['测试监管一科', null],
      ['测试监管二科', null],
    ]);
    const byName = new Map(ranking.map((s) => [s.department!, s]));
    const sheet = async (name: string) =>
      (
        await t.http
          .get(`/api/assessments/sheets/${byName.get(name)!.id}`)
          .set(admin)
          .expect(200)
      ).body as AnySheetView;
    const first = await sheet('测试监管一科');
    expect(first.scores.map((s) => s.points)).toEqual([15, 20, 15, null]);
    expect(first.scores[0]!.evidence).toEqual({
      numerator: 1,
      denominator: 2,
      count: 1,
      items: ['支撑考核企业P:2026-09-30'],
    });
    expect(first.duties).toEqual(['负责化工企业日常检查']);
    expect((await sheet('测试监管二科')).scores.map((s) => s.points)).toEqual([30, 20, 20, null]);
    expect((await sheet('测试办公室')).scores.map((s) => s.points)).toEqual([30, 20, 20, null]);

    for (const [name, points] of [
      ['测试监管一科', 28],
      ['测试监管二科', 20],
      ['测试办公室', 25],
    ] as const) {
      await t.http
        .put(`/api/assessments/sheets/${byName.get(name)!.id}/scores/${departments.indicators[3]!.id}`)
        .set(inspector)
        .send({ points, note: '履职检查' })
        .expect(200);
    }
    const before = (await notified('assessment.published')).length;
    await t.http.post(`/api/assessments/schemes/${departments.id}/publish`).set(admin).expect(201);
    const published = (
      await t.http.get(`/api/assessments/schemes/${departments.id}/sheets`).set(inspector).expect(200)
    ).body as AnySheetSummary[];
    expect(published.map((s) => [s.department, s.total, s.band, s.rank])).toEqual([
      ['测试办公室', 95, 'excellent', 1],
      ['测试监管二科', 90, 'excellent', 2],
      ['测试监管一科', 78, 'pass', 3],
    ]);
    // No enterprise hears of the departments' results, nor sees them.
    expect(await notified('assessment.published')).toHaveLength(before);
    expect(
      (await t.http.get(`/api/assessments/schemes/${departments.id}/sheets`).set(officer).expect(200)).body,
    ).toEqual([]);
    await t.http.get(`/api/assessments/schemes/${departments.id}`).set(officer).expect(404);
    const listed = (await t.http.get('/api/assessments/schemes').set(officer).expect(200))
      .body as SchemeView[];
    expect(listed.map((s) => s.id)).toEqual([scheme.id]);
    await t.http.get(`/api/assessments/sheets/${published[0]!.id}`).set(officer).expect(404);
    await t.http
      .post(`/api/assessments/sheets/${published[0]!.id}/objections`)
      .set(officer)
      .send({ text: '不是企业的' })
      .expect(404);
    const notice = await t.http
      .post(`/api/assessments/schemes/${departments.id}/notices`)
      .set(admin)
      .send({ kind: 'commendation' })
      .expect(409);
    expect(notice.body.problems[0].code).toBe('assessment.noticesNameEnterprises');
    // The dashboard's ranking stays the enterprises'.
    const cockpit = await t.http.get('/api/cockpit').set(admin).expect(200);
    expect(cockpit.body.ranking.items.map((i: { enterpriseName: string }) => i.enterpriseName)).not.toContain(
      '测试办公室',
    );
    // Frozen like the enterprises' year.
    await t.http.post(`/api/assessments/schemes/${departments.id}/compute`).set(admin).expect(409);
  });
});
