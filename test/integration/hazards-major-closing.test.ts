import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import pg from 'pg';
import type {
  HazardDetailView,
  HazardNoticeView,
  HazardView,
  NotificationView,
  Role,
} from '@muster/contracts';
import { createTestApp, type TestApp } from '../support/app.js';

/**
 * Closing a major hazard (SAWS Order 16 Art. 14, 16, 18), its listed supervision, and the
 * workplace notice to employees (Work Safety Law Art. 41), through the REST API.
 */
const plan = {
  objectives: '消除氯化釜超温超压风险',
  methods: '增设紧急切断阀并实现联锁',
  fundsAndMaterials: '专项资金26万元',
  responsible: '生产部 赵立新',
  timeLimit: '60日',
  safetyMeasures: '停釜检修，执行氯气泄漏专项应急预案',
};
const harmAnalysis = '氯化反应失控可致氯气泄漏，影响下风向企业；需停釜改造，整改难度大';

function major(over: Record<string, unknown> = {}) {
  return {
    place: '氯化反应釜区',
    category: 'hazardous_chemicals',
    description: '氯化釜温度压力与进料切断未联锁',
    level: 'major',
    source: 'self_inspection',
    measures: '增设进料紧急切断阀并联锁',
    responsiblePerson: '赵立新',
    funds: '260000.00',
    deadline: '2099-12-31',
    contingencyPlanRef: '氯气泄漏专项应急预案',
    governancePlan: plan,
    harmAnalysis,
    ...over,
  };
}

const codeOf = (res: { body: { problems?: { code: string }[] } }) => res.body.problems?.[0]?.code;

const evaluation = {
  by: 'qualified_agency',
  evaluator: '皖北安全评价中心',
  date: '2026-01-10',
  passed: true,
  conclusion: '联锁试验合格，隐患已消除',
};

describe('major hazards (SAWS Order 16 Art. 14, 16, 18; Work Safety Law Art. 41)', () => {
  let t: TestApp;
  let sql: pg.Client;
  const auth = async (role: Role | 'officer2') => ({ Authorization: `Bearer ${await t.token(role)}` });

  beforeAll(async () => {
    t = await createTestApp();
    sql = new pg.Client({ connectionString: t.db.url });
    await sql.connect();
  });
  afterAll(async () => {
    await sql.end();
    await t.close();
  });

  async function create(body: Record<string, unknown>, role: Role | 'officer2' = 'enterprise_officer') {
    const res = await t.http
      .post('/api/hazards')
      .set(await auth(role))
      .send(body);
    expect(res.status).toBe(201);
    return res.body as HazardDetailView;
  }
  async function act(role: Role | 'officer2', id: string, action: string) {
    return t.http
      .post(`/api/hazards/${id}/transitions`)
      .set(await auth(role))
      .send({ action, comment: '已按治理方案完成整改' });
  }
  async function put(role: Role | 'officer2', path: string, body: object) {
    return t.http
      .put(path)
      .set(await auth(role))
      .send(body);
  }
  async function post(role: Role | 'officer2', path: string, body: object) {
    return t.http
      .post(path)
      .set(await auth(role))
      .send(body);
  }
  async function inbox(role: Role): Promise<NotificationView[]> {
    const res = await t.http.get('/api/notifications?pageSize=200').set(await auth(role));
    return res.body.items as NotificationView[];
  }
  /** A major hazard whose fix has been submitted for acceptance. */
  async function submittedMajor(over: Record<string, unknown> = {}): Promise<HazardDetailView> {
    const h = await create(major(over));
    expect((await act('enterprise_officer', h.id, 'start')).status).toBe(200);
    expect((await act('enterprise_officer', h.id, 'submit')).status).toBe(200);
    return h;
  }

  it('Order 16 Art. 14: a major hazard report without the harm and difficulty analysis is a 400 naming it', async () => {
    const res = await post('enterprise_officer', '/api/hazards', major({ harmAnalysis: '  ' }));
    expect(res.status).toBe(400);
    expect(res.body.message).toEqual([expect.stringMatching(/^harmAnalysis: /)]);
    expect(res.body.problems).toEqual([
      expect.objectContaining({ code: 'hazard.harmAnalysisRequired', field: 'harmAnalysis' }),
    ]);
    // A general hazard needs none; making it major later asks for it.
    const general = await create(major({ level: 'general', harmAnalysis: null, governancePlan: null }));
    const upgrade = await t.http
      .patch(`/api/hazards/${general.id}`)
      .set(await auth('enterprise_officer'))
      .send({ level: 'major' });
    expect(upgrade.status).toBe(400);
    expect(upgrade.body.message).toEqual([expect.stringMatching(/^harmAnalysis: /)]);
    const withAnalysis = await t.http
      .patch(`/api/hazards/${general.id}`)
      .set(await auth('enterprise_officer'))
      .send({ level: 'major', harmAnalysis });
    expect(withAnalysis.status).toBe(200);
    expect(withAnalysis.body.harmAnalysis).toBe(harmAnalysis);
  });

  it('Order 16 Art. 14: an inspection failure recorded as major needs the analysis too, named by its item', async () => {
    const officer = await auth('enterprise_officer');
    const plan = await t.http
      .post('/api/inspections/plans')
      .set(officer)
      .send({
        title: '氯化工段专项自查',
        kind: 'self_inspection',
        frequency: 'once',
        startsOn: '2026-01-01',
        checklist: [{ text: '氯化釜联锁投用', category: 'hazardous_chemicals' }],
      });
    expect(plan.status).toBe(201);
    const record = await t.http.post('/api/inspections/records').set(officer).send({ planId: plan.body.id });
    const failure = { itemId: 'c1', result: 'fail', note: '联锁旁路', place: '氯化工段', level: 'major' };
    const without = await t.http
      .post(`/api/inspections/records/${record.body.id}/complete`)
      .set(officer)
      .send({ items: [failure] });
    expect(without.status).toBe(400);
    expect(without.body.message).toEqual([expect.stringMatching(/^items\.c1\.harmAnalysis: /)]);
    const done = await t.http
      .post(`/api/inspections/records/${record.body.id}/complete`)
      .set(officer)
      .send({ items: [{ ...failure, harmAnalysis }] });
    expect(done.status).toBe(200);
    const hazardId = done.body.items[0].hazardId as string;
    const hazard = await t.http.get(`/api/hazards/${hazardId}`).set(officer);
    expect(hazard.body).toMatchObject({ level: 'major', harmAnalysis });
  });

  it('Order 16 Art. 18: a major hazard cannot close without the evaluation of its fix', async () => {
    const h = await submittedMajor();
    const early = await act('inspector', h.id, 'accept');
    expect(early.status).toBe(409);
    expect(codeOf(early)).toBe('hazard.evaluationRequired');

    // The enterprise records its own evaluation; the regulator does not record it for it,
    // and another enterprise cannot see the hazard at all.
    expect((await put('inspector', `/api/hazards/${h.id}/evaluation`, evaluation)).status).toBe(403);
    expect((await put('officer2', `/api/hazards/${h.id}/evaluation`, evaluation)).status).toBe(404);
    const missing = await put('enterprise_officer', `/api/hazards/${h.id}/evaluation`, {
      ...evaluation,
      evaluator: undefined,
    });
    expect(missing.status).toBe(400);
    expect(missing.body.message.join(' ')).toContain('evaluator');

    const failed = await put('enterprise_officer', `/api/hazards/${h.id}/evaluation`, {
      ...evaluation,
      passed: false,
      conclusion: '联锁响应时间不满足要求',
    });
    expect(failed.status).toBe(200);
    expect(codeOf(await act('inspector', h.id, 'accept'))).toBe('hazard.evaluationFailed');

    const passed = await put('enterprise_officer', `/api/hazards/${h.id}/evaluation`, evaluation);
    expect(passed.status).toBe(200);
    expect(passed.body.evaluation).toMatchObject({ ...evaluation, reportFileId: null });
    expect(passed.body.allowedActions).toEqual([]);
    const closed = await act('inspector', h.id, 'accept');
    expect(closed.status).toBe(200);
    expect(closed.body.status).toBe('closed');
    expect(closed.body.history.map((s: { action: string }) => s.action)).toEqual([
      'create',
      'start',
      'submit',
      'evaluation',
      'evaluation',
      'accept',
    ]);
    const audit = await sql.query<{ action: string }>(
      `SELECT action FROM audit_log WHERE entity = 'hazard' AND entity_id = $1 ORDER BY id`,
      [h.id],
    );
    expect(audit.rows.map((r) => r.action)).toEqual([
      'hazard.created',
      'hazard.start',
      'hazard.submit',
      'hazard.evaluation_recorded',
      'hazard.evaluation_recorded',
      'hazard.accept',
    ]);
  });

  it('Order 16 Art. 16, 18: with production stopped, not without the approved resumption review; a refusal keeps it open', async () => {
    const h = await create(major());
    const stopped = await put('enterprise_officer', `/api/hazards/${h.id}/stoppage`, {
      scope: 'partial',
      what: '1#、2#氯化釜',
      peopleWithdrawn: true,
      from: '2026-01-02',
    });
    expect(stopped.status).toBe(200);
    expect(stopped.body.stoppage).toMatchObject({ scope: 'partial', what: '1#、2#氯化釜', until: null });
    const badScope = await put('enterprise_officer', `/api/hazards/${h.id}/stoppage`, {
      scope: 'some',
      what: 'x',
      peopleWithdrawn: true,
      from: '2026-01-02',
    });
    expect(badScope.status).toBe(400);
    expect(badScope.body.message.join(' ')).toContain('scope');

    await act('enterprise_officer', h.id, 'start');
    // Applying to resume before the evaluation is refused.
    const tooSoon = await post('enterprise_officer', `/api/hazards/${h.id}/resumption`, { note: '申请复产' });
    expect(tooSoon.status).toBe(409);
    await put('enterprise_officer', `/api/hazards/${h.id}/evaluation`, evaluation);
    await act('enterprise_officer', h.id, 'submit');
    expect(codeOf(await act('inspector', h.id, 'accept'))).toBe('hazard.resumptionReviewRequired');

    const inspectorBefore = (await inbox('inspector')).length;
    const applied = await post('enterprise_officer', `/api/hazards/${h.id}/resumption`, {
      note: '联锁已投用，申请恢复1#、2#氯化釜生产',
    });
    expect(applied.status).toBe(200);
    expect(applied.body.resumption).toMatchObject({ decision: 'pending' });
    const toInspector = await inbox('inspector');
    expect(toInspector.length).toBe(inspectorBefore + 1);
    expect(toInspector[0]).toMatchObject({ kind: 'hazard.resumption_applied', entityId: h.id });
    expect((await act('inspector', h.id, 'accept')).status).toBe(409);

    // Only a zone inspector reviews; the enterprise cannot approve itself.
    const self = await post('enterprise_officer', `/api/hazards/${h.id}/resumption/review`, {
      decision: 'approve',
      note: '自行同意',
    });
    expect(self.status).toBe(403);
    const noNote = await post('inspector', `/api/hazards/${h.id}/resumption/review`, { decision: 'refuse' });
    expect(noNote.status).toBe(400);
    expect(noNote.body.message.join(' ')).toContain('note');

    const refused = await post('inspector', `/api/hazards/${h.id}/resumption/review`, {
      decision: 'refuse',
      note: '联锁试验记录缺失，暂不同意复产',
    });
    expect(refused.status).toBe(200);
    expect(refused.body).toMatchObject({ status: 'submitted', resumption: { decision: 'refused' } });
    expect((await inbox('enterprise_officer'))[0]).toMatchObject({
      kind: 'hazard.resumption_refused',
      entityId: h.id,
    });
    const stillOpen = await act('inspector', h.id, 'accept');
    expect(stillOpen.status).toBe(409);
    expect(codeOf(stillOpen)).toBe('hazard.resumptionReviewRequired');
    expect((await sql.query('SELECT status FROM hazard WHERE id = $1', [h.id])).rows[0].status).toBe(
      'submitted',
    );

    // Apply again; approved, the stoppage ends today and the hazard can be accepted.
    expect(
      (await post('enterprise_officer', `/api/hazards/${h.id}/resumption`, { note: '已补充联锁试验记录' }))
        .status,
    ).toBe(200);
    const approved = await post('inspector', `/api/hazards/${h.id}/resumption/review`, {
      decision: 'approve',
      note: '现场复查合格，同意恢复生产',
    });
    expect(approved.status).toBe(200);
    expect(approved.body.resumption).toMatchObject({
      decision: 'approved',
      reviewNote: '现场复查合格，同意恢复生产',
    });
    expect(approved.body.stoppage.until).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    const closed = await act('inspector', h.id, 'accept');
    expect(closed.status).toBe(200);
    expect(closed.body.status).toBe('closed');
    const audit = await sql.query<{ action: string }>(
      `SELECT action FROM audit_log WHERE entity = 'hazard' AND entity_id = $1 AND action LIKE 'hazard.resumption%' ORDER BY id`,
      [h.id],
    );
    expect(audit.rows.map((r) => r.action)).toEqual([
      'hazard.resumption_applied',
      'hazard.resumption_reviewed',
      'hazard.resumption_applied',
      'hazard.resumption_reviewed',
    ]);
  });

  it('Order 16 Art. 18: a general hazard still closes as before, and has no major-hazard steps', async () => {
    const h = await create(major({ level: 'general', harmAnalysis: null, governancePlan: null }));
    await act('enterprise_officer', h.id, 'start');
    await act('enterprise_officer', h.id, 'submit');
    const stop = await put('enterprise_officer', `/api/hazards/${h.id}/stoppage`, {
      scope: 'whole',
      what: '全厂',
      peopleWithdrawn: true,
      from: '2026-01-02',
    });
    expect(stop.status).toBe(409);
    const closed = await act('officer2', h.id, 'accept');
    expect(closed.status).toBe(404);
    const accepted = await act('zone_admin', h.id, 'accept');
    expect(accepted.status).toBe(200);
    expect(accepted.body.status).toBe('closed');
  });

  it('Order 16: the listed-supervision flag (挂牌督办) shows on the ledger and the map', async () => {
    const h = await create(major({ place: '挂牌督办测试点' }));
    const byOfficer = await put('enterprise_officer', `/api/hazards/${h.id}/supervision`, {
      body: '园区应急管理局',
      deadline: '2099-06-30',
    });
    expect(byOfficer.status).toBe(403);
    const bad = await put('inspector', `/api/hazards/${h.id}/supervision`, { body: '园区应急管理局' });
    expect(bad.status).toBe(400);
    expect(bad.body.message.join(' ')).toContain('deadline');
    const listed = await put('inspector', `/api/hazards/${h.id}/supervision`, {
      body: '园区应急管理局',
      deadline: '2099-06-30',
    });
    expect(listed.status).toBe(200);
    expect((await inbox('enterprise_officer'))[0]).toMatchObject({
      kind: 'hazard.listed_supervision',
      entityId: h.id,
    });

    const ledger = await t.http.get('/api/hazards?pageSize=500').set(await auth('commander'));
    const row = (ledger.body.items as HazardView[]).find((x) => x.id === h.id)!;
    expect(row.listedSupervision).toMatchObject({ body: '园区应急管理局', deadline: '2099-06-30' });
    const map = await t.http.get('/api/hazards/map').set(await auth('commander'));
    const marker = map.body.features.find((f: { id: string }) => f.id === h.id);
    expect(marker.properties).toMatchObject({
      listedSupervision: { body: '园区应急管理局', deadline: '2099-06-30' },
    });

    const lifted = await t.http.delete(`/api/hazards/${h.id}/supervision`).set(await auth('inspector'));
    expect(lifted.status).toBe(200);
    expect(lifted.body.listedSupervision).toBeNull();
  });

  it('Work Safety Law Art. 41: the notice lists the open hazards and their measures to the enterprise’s own staff', async () => {
    const open = await create(major({ place: '告知测试-氯化釜', description: '告知测试-未联锁' }));
    const done = await create(
      major({ level: 'general', place: '告知测试-已销号', harmAnalysis: null, governancePlan: null }),
    );
    await act('enterprise_officer', done.id, 'start');
    await act('enterprise_officer', done.id, 'submit');
    await act('zone_admin', done.id, 'accept');
    const theirs = await create({ ...major({ place: '告知测试-他企业' }) }, 'officer2');

    const mine = await t.http.get('/api/hazards/notice').set(await auth('enterprise_officer'));
    expect(mine.status).toBe(200);
    const notice = mine.body as HazardNoticeView;
    expect(notice.enterpriseName).toBeTruthy();
    expect(notice.date).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    const places = notice.items.map((i) => i.place);
    expect(places).toContain('告知测试-氯化釜');
    expect(places).not.toContain('告知测试-已销号');
    expect(places).not.toContain('告知测试-他企业');
    expect(notice.items.find((i) => i.place === '告知测试-氯化釜')).toMatchObject({
      code: open.code,
      description: '告知测试-未联锁',
      measures: '增设进料紧急切断阀并联锁',
      responsiblePerson: '赵立新',
      deadline: '2099-12-31',
    });

    // Another enterprise's officer cannot read it; zone users name the enterprise.
    const foreign = await t.http
      .get(`/api/hazards/notice?enterpriseId=${open.enterpriseId}`)
      .set(await auth('officer2'));
    expect(foreign.status).toBe(403);
    const zone = await t.http.get('/api/hazards/notice').set(await auth('inspector'));
    expect(zone.status).toBe(400);
    expect(zone.body.message).toEqual(['enterpriseId: required']);
    const theirsByZone = await t.http
      .get(`/api/hazards/notice?enterpriseId=${theirs.enterpriseId}`)
      .set(await auth('inspector'));
    expect(theirsByZone.body.items.map((i: { place: string }) => i.place)).toContain('告知测试-他企业');
  });
});
