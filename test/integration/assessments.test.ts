import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import pg from 'pg';
import type { NoticeView, SchemeView, SheetSummary, SheetView } from '@muster/contracts';
import { Clock } from '../../server/src/common/clock.js';
import { creditCodeCheckChar } from '../../server/src/enterprises/credit-code.js';
import { createTestApp, type TestApp } from '../support/app.js';
import { binary, pdfText } from '../support/pdf.js';

/** "Now": 1 December 2026, 10:00 in Shanghai; the scheme assesses 2026. */
const NOW = new Date('2026-12-01T02:00:00Z');

/** Weights add up to 100; the comments give each indicator's points per enterprise below. */
const INDICATORS = [
  // A 15 (1/1 closed) · B 0 (1/2 under the 100 % target) · C, D 15 (no major hazard)
  {
    group: '隐患治理',
    name: '重大隐患整改率',
    metric: 'major_hazard_rectification',
    rule: 'target',
    weight: 15,
    param: 1,
  },
  // A 15 (3/3) · B 11.25 (3/4) · C, D 15 (none closed with a deadline)
  {
    group: '隐患治理',
    name: '隐患按期整改率',
    metric: 'on_time_rectification',
    rule: 'proportional',
    weight: 15,
  },
  // A 10 · B 8 (one overdue, 2 points each) · C, D 10
  {
    group: '隐患治理',
    name: '逾期未整改隐患',
    metric: 'overdue_hazards',
    rule: 'deduct',
    weight: 10,
    param: 2,
  },
  // A, B, D 10 (no plan, no duty) · C 0 (its only duty overdue)
  { group: '应急演练', name: '演练义务履行', metric: 'drill_duties', rule: 'proportional', weight: 10 },
  // A, D 10 (no incident) · B 5 (one late report) · C 10 (on time)
  {
    group: '事故报告',
    name: '事故按时报告',
    metric: 'reports_on_time',
    rule: 'deduct',
    weight: 10,
    param: 5,
  },
  // A, C, D 20 (no ordinary incident) · B 15 (one ordinary); C's relatively serious one vetoes the sheet
  {
    group: '事故控制',
    name: '事故起数',
    metric: 'incidents',
    rule: 'deduct',
    weight: 20,
    param: 5,
    veto: true,
  },
  // No alarms anywhere: full points
  { group: '监测预警', name: '报警响应时长', metric: 'alarm_handling', rule: 'limit', weight: 5, param: 30 },
  // By the inspector: A 14 · B 12 · C 15 · D 0
  {
    group: '现场检查',
    name: '安全管理现场评分',
    metric: 'manual',
    rule: 'manual',
    weight: 15,
    evidence: 'files',
  },
].map((i) => ({ evidence: 'records', ...i }));

const MANUAL: Record<'A' | 'B' | 'C' | 'D', number> = { A: 14, B: 12, C: 15, D: 0 };

describe('yearly assessment from a hand-built ledger', () => {
  let t: TestApp;
  let sql: pg.Client;
  let admin: { Authorization: string };
  let inspector: { Authorization: string };
  let officer: { Authorization: string };
  let scheme: SchemeView;
  let officerEnterprise: string;
  const ent: Record<'A' | 'B' | 'C' | 'D', string> = { A: '', B: '', C: '', D: '' };
  const sheetOf: Record<string, SheetSummary> = {};
  const clock = () => jest.spyOn(t.get(Clock), 'now');

  const hazard = (
    key: keyof typeof ent,
    level: string,
    status: string,
    deadline: string | null,
    closedAt: string | null,
  ) =>
    sql.query(
      `INSERT INTO hazard (enterprise_id, place, category, description, level, source, found_by, found_at,
                           deadline, status, closed_at, reported_to_zone_at)
       VALUES ($1, '考核测试部位', 'fire', '考核测试', $2, 'self_inspection', '测试员', '2026-03-01T02:00:00Z', $3, $4, $5,
               '2026-03-01T02:00:00Z')`,
      [ent[key], level, deadline, status, closedAt],
    );
  const incident = (key: keyof typeof ent, severity: string, occurredAt: string, reportedAt: string) =>
    sql.query(
      `INSERT INTO incident (enterprise_id, title, category, occurred_at, reported_at, lat, lng, address, summary,
                             reporter_name, reporter_phone, severity, is_drill, last_seq, status)
       VALUES ($1, '考核测试事故', 'fire', $2, $3, 33.95, 116.8, '测试车间', '测试', '测试员', '13800000000', $4,
               false, 0, 'closed')`,
      [ent[key], occurredAt, reportedAt, severity],
    );

  beforeAll(async () => {
    t = await createTestApp();
    admin = { Authorization: `Bearer ${await t.token('zone_admin')}` };
    inspector = { Authorization: `Bearer ${await t.token('inspector')}` };
    officer = { Authorization: `Bearer ${await t.token('enterprise_officer')}` };
    officerEnterprise = (await t.login('officer1@muster.test')).user.enterpriseId!;
    sql = new pg.Client({ connectionString: t.db.url });
    await sql.connect();
    for (const [key, serial] of [
      ['A', 91001],
      ['B', 91002],
      ['C', 91003],
      ['D', 91004],
    ] as const) {
      const first17 = `91340602MA2T${serial}`;
      const res = await t.http
        .post('/api/enterprises')
        .set(admin)
        .send({
          name: `考核测试企业${key}`,
          creditCode: first17 + creditCodeCheckChar(first17),
          industry: '测试',
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
    // A: its major hazard closed; two general ones closed by their deadlines.
    await hazard('A', 'major', 'closed', '2026-04-30', '2026-04-01T02:00:00Z');
    await hazard('A', 'general', 'closed', '2026-04-30', '2026-04-20T02:00:00Z');
    await hazard('A', 'general', 'closed', '2026-05-31', '2026-05-31T15:00:00Z');
    // B: one of two major hazards closed (on time); of four closed with a deadline, one late; one overdue.
    await hazard('B', 'major', 'closed', '2026-06-30', '2026-06-01T02:00:00Z');
    await hazard('B', 'major', 'rectifying', '2026-12-31', null);
    await hazard('B', 'general', 'closed', '2026-06-30', '2026-06-02T02:00:00Z');
    await hazard('B', 'general', 'closed', '2026-06-30', '2026-06-03T02:00:00Z');
    await hazard('B', 'general', 'closed', '2026-06-30', '2026-07-05T02:00:00Z');
    await hazard('B', 'general', 'found', '2026-10-31', null);
    // B: an ordinary fire reported two hours after it started (the hour of Decree 493 Art. 9 missed).
    await incident('B', 'ordinary', '2026-05-10T02:00:00Z', '2026-05-10T04:00:00Z');
    // C: a relatively serious accident reported in time, and a drill duty never met.
    await incident('C', 'relatively_serious', '2026-08-10T02:00:00Z', '2026-08-10T02:30:00Z');
    const plan = await sql.query(
      `INSERT INTO plan (enterprise_id, type, title, incident_categories)
       VALUES ($1, 'comprehensive', '考核测试综合预案', '{fire}') RETURNING id`,
      [ent.C],
    );
    await sql.query(
      `INSERT INTO plan_version (plan_id, number, status, published_at) VALUES ($1, 1, 'published', '2024-06-01T02:00:00Z')`,
      [plan.rows[0].id],
    );
    clock().mockReturnValue(NOW);
  });
  afterAll(async () => {
    jest.restoreAllMocks();
    await sql.end();
    await t.close();
  });

  it('refuses a scheme whose weights do not add up or whose rule does not fit its measure', async () => {
    const bad = await t.http
      .post('/api/assessments/schemes')
      .set(admin)
      .send({
        year: 2026,
        title: '错误方案',
        objectionDays: 10,
        indicators: [{ ...INDICATORS[0], rule: 'limit' }, INDICATORS[1]],
      })
      .expect(400);
    expect(bad.body.message).toEqual(
      expect.arrayContaining([
        'indicators.0.rule: major_hazard_rectification is scored by target or proportional',
        'indicators: the weights add up to 30, not 100',
      ]),
    );
    await t.http
      .post('/api/assessments/schemes')
      .set(inspector)
      .send({ year: 2026, title: 'x', objectionDays: 10, indicators: INDICATORS })
      .expect(403);
  });

  it('scores every enterprise from the records, with the evidence behind each point', async () => {
    scheme = (
      await t.http
        .post('/api/assessments/schemes')
        .set(admin)
        .send({
          year: 2026,
          title: '2026年度企业安全生产监督考核方案',
          objectionDays: 10,
          indicators: INDICATORS,
        })
        .expect(201)
    ).body as SchemeView;
    await t.http
      .post('/api/assessments/schemes')
      .set(admin)
      .send({ year: 2026, title: '重复', objectionDays: 10, indicators: INDICATORS })
      .expect(409);
    // Before publication an officer sees nothing of the year.
    expect(
      (await t.http.get(`/api/assessments/schemes/${scheme.id}/sheets`).set(officer).expect(200)).body,
    ).toEqual([]);

    const ranking = (
      await t.http.post(`/api/assessments/schemes/${scheme.id}/compute`).set(inspector).expect(201)
    ).body as SheetSummary[];
    for (const s of ranking) sheetOf[s.enterpriseId] = s;
    const points = async (key: keyof typeof ent) => {
      const sheet = (
        await t.http.get(`/api/assessments/sheets/${sheetOf[ent[key]]!.id}`).set(admin).expect(200)
      ).body as SheetView;
      return { sheet, points: sheet.scores.map((s) => s.points) };
    };

    const a = await points('A');
    expect(a.points).toEqual([15, 15, 10, 10, 10, 20, 5, null]);
    expect(a.sheet.scores[0]!.evidence).toEqual({ numerator: 1, denominator: 1 });
    expect(a.sheet.scores[1]!.evidence).toEqual({ numerator: 3, denominator: 3 });

    const b = await points('B');
    expect(b.points).toEqual([0, 11.25, 8, 10, 5, 15, 5, null]);
    expect(b.sheet.scores[0]!.evidence).toEqual({ numerator: 1, denominator: 2 });
    expect(b.sheet.scores[1]!.evidence).toEqual({ numerator: 3, denominator: 4 });
    expect(b.sheet.scores[2]!.evidence).toEqual({ count: 1 });
    expect(b.sheet.scores[4]!.evidence).toEqual({ numerator: 0, denominator: 1, count: 1 });
    expect(b.sheet.scores[5]!.evidence).toEqual({ count: 1, bySeverity: { ordinary: 1 } });

    const c = await points('C');
    expect(c.points).toEqual([15, 15, 10, 0, 10, 20, 5, null]);
    expect(c.sheet.scores[3]!.evidence).toMatchObject({ numerator: 0, denominator: 1, count: 1 });
    expect(c.sheet.vetoed).toBe(true);
    expect(c.sheet.total).toBe(0);
    expect(c.sheet.band).toBe('fail');

    expect((await points('D')).points).toEqual([15, 15, 10, 10, 10, 20, 5, null]);
    expect(a.sheet.unscored).toBe(1);
  });

  it('takes the inspector’s manual points with a note and evidence, within the weight', async () => {
    const manual = scheme.indicators[7]!;
    const upload = await t.http
      .post('/api/files')
      .set(inspector)
      .attach('file', Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n'), '现场检查记录.pdf')
      .expect(201);
    const url = (key: keyof typeof ent) =>
      `/api/assessments/sheets/${sheetOf[ent[key]]!.id}/scores/${manual.id}`;
    const tooMany = await t.http.put(url('A')).set(inspector).send({ points: 16, note: '超出' }).expect(400);
    expect(tooMany.body.message).toEqual(["points: at most the indicator's weight, 15"]);
    await t.http
      .put(`/api/assessments/sheets/${sheetOf[ent.A]!.id}/scores/${scheme.indicators[0]!.id}`)
      .set(inspector)
      .send({ points: 1, note: '系统指标' })
      .expect(400);
    await t.http.put(url('A')).set(officer).send({ points: 1, note: 'x' }).expect(403);
    const a = (
      await t.http
        .put(url('A'))
        .set(inspector)
        .send({ points: MANUAL.A, note: '现场检查台账齐全', fileIds: [upload.body.id] })
        .expect(200)
    ).body as SheetView;
    expect(a.scores[7]).toMatchObject({
      points: 14,
      note: '现场检查台账齐全',
      files: [{ name: '现场检查记录.pdf' }],
    });
    expect(a.total).toBe(99);
    expect(a.band).toBe('excellent');
    for (const key of ['B', 'C', 'D'] as const) {
      await t.http.put(url(key)).set(inspector).send({ points: MANUAL[key], note: '现场检查' }).expect(200);
    }
  });

  it('will not publish while a manual point is missing, then publishes bands and ranking', async () => {
    const refused = await t.http.post(`/api/assessments/schemes/${scheme.id}/publish`).set(admin).expect(409);
    expect(refused.body.problems[0].code).toBe('assessment.unscored');
    // The demo zone's enterprises are on the sheet too: the inspector gives them no manual points,
    // which keeps them below A (at most 85 from the records).
    const all = (await t.http.get(`/api/assessments/schemes/${scheme.id}/sheets`).set(admin).expect(200))
      .body as SheetSummary[];
    for (const s of all.filter((s) => s.unscored > 0)) {
      await t.http
        .put(`/api/assessments/sheets/${s.id}/scores/${scheme.indicators[7]!.id}`)
        .set(inspector)
        .send({ points: 0, note: '现场检查' })
        .expect(200);
    }
    const published = (
      await t.http.post(`/api/assessments/schemes/${scheme.id}/publish`).set(admin).expect(201)
    ).body as SchemeView;
    expect(published.status).toBe('published');
    expect(published.objectionsUntil).toBe('2026-12-11');

    const ranking = (await t.http.get(`/api/assessments/schemes/${scheme.id}/sheets`).set(admin).expect(200))
      .body as SheetSummary[];
    const line = (key: keyof typeof ent) => ranking.find((s) => s.enterpriseId === ent[key])!;
    expect([line('A').total, line('A').band, line('A').rank]).toEqual([99, 'excellent', 1]);
    expect([line('B').total, line('B').band]).toEqual([66.25, 'pass']);
    expect([line('C').total, line('C').band, line('C').vetoed]).toEqual([0, 'fail', true]);
    expect([line('D').total, line('D').band]).toEqual([85, 'good']);
    // Competition ranking: each place is one more than the number of sheets ahead of it; the
    // vetoed sheet is behind every other.
    for (const s of ranking) {
      const key = (x: SheetSummary) => (x.vetoed ? -1 : x.total);
      expect(s.rank).toBe(1 + ranking.filter((o) => key(o) > key(s)).length);
    }
    expect(line('C').rank).toBe(Math.max(...ranking.map((s) => s.rank)));
    expect(line('D').rank).toBeLessThan(line('B').rank);
  });

  it('keeps the published year as published when later records arrive', async () => {
    const before = (await t.http.get(`/api/assessments/schemes/${scheme.id}/sheets`).set(admin).expect(200))
      .body;
    const sheetA = (await t.http.get(`/api/assessments/sheets/${sheetOf[ent.A]!.id}`).set(admin).expect(200))
      .body;
    await hazard('A', 'major', 'found', '2026-11-01', null);
    await incident('A', 'serious', '2026-11-20T02:00:00Z', '2026-11-20T06:00:00Z');
    await incident('D', 'ordinary', '2026-11-21T02:00:00Z', '2026-11-21T02:10:00Z');
    expect(
      (await t.http.get(`/api/assessments/schemes/${scheme.id}/sheets`).set(admin).expect(200)).body,
    ).toEqual(before);
    expect(
      (await t.http.get(`/api/assessments/sheets/${sheetOf[ent.A]!.id}`).set(admin).expect(200)).body,
    ).toEqual(sheetA);
    const again = await t.http.post(`/api/assessments/schemes/${scheme.id}/compute`).set(admin).expect(409);
    expect(again.body.problems[0].code).toBe('assessment.published');
    await t.http
      .put(`/api/assessments/sheets/${sheetOf[ent.A]!.id}/scores/${scheme.indicators[7]!.id}`)
      .set(inspector)
      .send({ points: 1, note: '改分' })
      .expect(409);
    await t.http
      .put(`/api/assessments/schemes/${scheme.id}`)
      .set(admin)
      .send({ year: 2026, title: '改方案', objectionDays: 10, indicators: INDICATORS })
      .expect(409);
  });

  it('shows an officer its own sheet only, takes its objection in the period and records the reply', async () => {
    const mine = (await t.http.get(`/api/assessments/schemes/${scheme.id}/sheets`).set(officer).expect(200))
      .body as SheetSummary[];
    expect(mine.map((s) => s.enterpriseId)).toEqual([officerEnterprise]);
    await t.http.get(`/api/assessments/sheets/${sheetOf[ent.A]!.id}`).set(officer).expect(404);
    await t.http
      .post(`/api/assessments/sheets/${sheetOf[ent.A]!.id}/objections`)
      .set(officer)
      .send({ text: '不是我们的' })
      .expect(404);

    const sheetId = mine[0]!.id;
    const filed = (
      await t.http
        .post(`/api/assessments/sheets/${sheetId}/objections`)
        .set(officer)
        .send({ text: '现场检查得分偏低，已于11月完成整改' })
        .expect(201)
    ).body as SheetView;
    expect(filed.objectionOpen).toBe(true);
    const objection = filed.objections[0]!;
    expect(objection).toMatchObject({ text: '现场检查得分偏低，已于11月完成整改', reply: null });
    expect(objection.filedBy).toContain('李志强');

    await t.http
      .put(`/api/assessments/objections/${objection.id}/reply`)
      .set(officer)
      .send({ reply: 'x' })
      .expect(403);
    const replied = (
      await t.http
        .put(`/api/assessments/objections/${objection.id}/reply`)
        .set(admin)
        .send({ reply: '经复核，维持原评分' })
        .expect(200)
    ).body as SheetView;
    expect(replied.objections[0]).toMatchObject({
      reply: '经复核，维持原评分',
      repliedBy: expect.any(String),
    });
    await t.http
      .put(`/api/assessments/objections/${objection.id}/reply`)
      .set(admin)
      .send({ reply: '再答复' })
      .expect(409);

    // The period ends with 11 December (zone-local): the 12th is too late.
    clock().mockReturnValue(new Date('2026-12-11T15:59:00Z'));
    await t.http
      .post(`/api/assessments/sheets/${sheetId}/objections`)
      .set(officer)
      .send({ text: '最后一天' })
      .expect(201);
    clock().mockReturnValue(new Date('2026-12-11T16:00:00Z'));
    const late = await t.http
      .post(`/api/assessments/sheets/${sheetId}/objections`)
      .set(officer)
      .send({ text: '已过期限' })
      .expect(409);
    expect(late.body.problems[0].code).toBe('assessment.objectionClosed');
    clock().mockReturnValue(NOW);

    const audit = await sql.query(
      `SELECT action FROM audit_log WHERE action LIKE 'assessment.objection%' ORDER BY id`,
    );
    expect(audit.rows.map((r) => r.action)).toEqual([
      'assessment.objection_filed',
      'assessment.objection_replied',
      'assessment.objection_filed',
    ]);
  });

  it('issues numbered commendation and criticism notices whose PDFs name the enterprises', async () => {
    const issue = (body: object) =>
      t.http.post(`/api/assessments/schemes/${scheme.id}/notices`).set(admin).send(body);
    const praise = (await issue({ kind: 'commendation' }).expect(201)).body as NoticeView;
    expect(praise.documentNo).toBe('杜集开发区考核表彰〔2026〕1号');
    expect(praise.enterprises.map((e) => e.id)).toEqual([ent.A]);
    const criticism = (await issue({ kind: 'criticism' }).expect(201)).body as NoticeView;
    expect(criticism.documentNo).toBe('杜集开发区考核通报〔2026〕1号');
    expect(criticism.enterprises.map((e) => e.id)).toContain(ent.C);
    expect(criticism.enterprises.every((e) => e.band === 'fail')).toBe(true);
    const second = (await issue({ kind: 'commendation', enterpriseIds: [ent.D] }).expect(201))
      .body as NoticeView;
    expect(second.documentNo).toBe('杜集开发区考核表彰〔2026〕2号');
    const stranger = '00000000-0000-4000-8000-000000000000';
    expect((await issue({ kind: 'criticism', enterpriseIds: [stranger] }).expect(400)).body.message).toEqual([
      `enterpriseIds: ${stranger} has no sheet in this assessment`,
    ]);

    const pdf = async (id: string) => {
      const res = await t.http
        .get(`/api/assessments/notices/${id}/pdf`)
        .set(admin)
        .buffer(true)
        .parse(binary)
        .expect(200);
      expect(res.headers['content-type']).toBe('application/pdf');
      return pdfText(res.body as Buffer);
    };
    const praiseText = await pdf(praise.id);
    expect(praiseText).toContain('杜集经济开发区管理委员会');
    expect(praiseText).toContain('杜集开发区考核表彰〔2026〕1号');
    expect(praiseText).toContain('关于表彰2026年度安全生产监督考核优秀企业的通报');
    expect(praiseText).toContain('考核测试企业A（考核得分99分，等次：优秀）');
    expect(praiseText).toContain('2026年12月1日');
    const criticismText = await pdf(criticism.id);
    expect(criticismText).toContain('关于2026年度安全生产监督考核不合格企业的通报批评');
    expect(criticismText).toContain('考核测试企业C（考核得分0分，等次：不合格）');
    expect(criticismText).not.toContain('考核测试企业A');
    await t.http.get(`/api/assessments/notices/${praise.id}/pdf`).set(officer).expect(403);
  });
});
