import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import pg from 'pg';
import { Clock } from '../../server/src/common/clock.js';
import type {
  DrillReport,
  EvaluationView,
  ImprovementItemView,
  ObservationView,
  RunSummaryText,
  ScenarioDocument,
  ListResponse,
} from '@muster/contracts';
import { createTestApp, type TestApp } from '../support/app.js';

/** The drill started at 10:00 on 20 May 2026 in the zone. */
const T0 = Date.parse('2026-05-20T02:00:00Z');
const at = (seconds: number) => new Date(T0 + seconds * 1000);

const DOCUMENT: ScenarioDocument = {
  title: '液氯泄漏综合演练',
  form: 'live',
  scope: 'comprehensive',
  planId: null,
  responseLevel: null,
  objectives: [{ id: 'o1', text: '5分钟内完成危化品救援队集结' }],
  roles: ['总指挥'],
  teamIds: [],
  setting: {
    enterpriseId: null,
    category: 'hazardous_chemical_leak',
    title: '液氯储罐泄漏',
    address: '气化车间',
    location: { lat: 33.95, lng: 116.8 },
    summary: '液氯储罐阀门泄漏',
  },
  injects: [],
};

describe('drill evaluation and after-action report', () => {
  let t: TestApp;
  let sql: pg.Client;
  let admin: string;
  let commander: string;
  let evaluator: string;
  let outsider: string;
  let officer1: string;
  let officer2: string;
  let coalchem: string;
  let runId: string;
  let scheduledRunId: string;
  let clock: { mockReturnValue(now: Date): unknown };

  const api = (token: string) => ({
    get: (path: string) => t.http.get(path).set('Authorization', `Bearer ${token}`),
    post: (path: string, body: object = {}) =>
      t.http.post(path).set('Authorization', `Bearer ${token}`).send(body),
    put: (path: string, body: object) => t.http.put(path).set('Authorization', `Bearer ${token}`).send(body),
  });

  /**
   * A run written straight to the database (the run service's own tests cover scheduling and
   * the clock): running since T0, its drill room holding three events, the demo evaluator on
   * its roster.
   */
  async function seedRun(): Promise<void> {
    const director = (await t.login('commander@muster.test')).user.id;
    const evaluatorId = (await t.login('evaluator@muster.test')).user.id;
    const scenario = await sql.query(
      `INSERT INTO drill_scenario (enterprise_id, title, document) VALUES ($1, $2, $3) RETURNING id`,
      [
        coalchem,
        DOCUMENT.title,
        JSON.stringify({ ...DOCUMENT, setting: { ...DOCUMENT.setting, enterpriseId: coalchem } }),
      ],
    );
    const scenarioId = scenario.rows[0].id as string;
    const incident = await sql.query(
      `INSERT INTO incident (enterprise_id, title, category, occurred_at, lat, lng, address, summary,
                             reporter_name, reporter_phone, severity, is_drill, last_seq)
       VALUES ($1, '【演练】液氯储罐泄漏', 'hazardous_chemical_leak', $2, 33.95, 116.8, '气化车间',
               '液氯储罐阀门泄漏', '李志强', '13800000000', 'ordinary', true, 3) RETURNING id`,
      [coalchem, at(0)],
    );
    const incidentId = incident.rows[0].id as string;
    const system = JSON.stringify({ id: null, name: 'system', role: 'system' });
    const events: [number, string, object, number][] = [
      [1, 'drill.started', { runId: null, title: DOCUMENT.title }, 0],
      [2, 'message', { text: '危化品救援队已集结' }, 60],
      [3, 'callout.started', { message: '液氯泄漏，立即集结', recipients: 4 }, 90],
    ];
    for (const [seq, type, payload, seconds] of events) {
      await sql.query(
        `INSERT INTO room_event (incident_id, seq, type, payload, actor, at) VALUES ($1, $2, $3, $4, $5, $6)`,
        [incidentId, seq, type, JSON.stringify(payload), system, at(seconds)],
      );
    }
    const run = await sql.query(
      `INSERT INTO drill_run (scenario_id, scenario_version, document, enterprise_id, plan_type, status,
                              scheduled_for, director_id, incident_id, started_at, elapsed_ms, clock_started_at)
       SELECT id, version, document, enterprise_id, 'comprehensive', 'running', $2, $3, $4, $2, 0, $2
         FROM drill_scenario WHERE id = $1 RETURNING id`,
      [scenarioId, at(0), director, incidentId],
    );
    runId = run.rows[0].id as string;
    await sql.query(`INSERT INTO drill_participant (run_id, kind, user_id) VALUES ($1, 'evaluator', $2)`, [
      runId,
      evaluatorId,
    ]);
    const scheduled = await sql.query(
      `INSERT INTO drill_run (scenario_id, scenario_version, document, enterprise_id, status, scheduled_for, director_id)
       SELECT id, version, document, enterprise_id, 'scheduled', $2, $3 FROM drill_scenario WHERE id = $1 RETURNING id`,
      [scenarioId, at(86_400), director],
    );
    scheduledRunId = scheduled.rows[0].id as string;
    await sql.query(`INSERT INTO drill_participant (run_id, kind, user_id) VALUES ($1, 'evaluator', $2)`, [
      scheduledRunId,
      evaluatorId,
    ]);
  }

  beforeAll(async () => {
    t = await createTestApp();
    sql = new pg.Client({ connectionString: t.db.url });
    await sql.connect();
    admin = await t.token('zone_admin');
    commander = await t.token('commander');
    evaluator = await t.token('evaluator');
    officer2 = await t.token('officer2');
    const o1 = await t.login('officer1@muster.test');
    officer1 = o1.accessToken;
    coalchem = o1.user.enterpriseId!;
    // A second evaluator, not on the run's roster, signing in with the demo password.
    await sql.query(
      `INSERT INTO app_user (email, name, password_hash, role)
       SELECT 'evaluator2@muster.test', '钱评估 (外请专家)', password_hash, 'evaluator'
         FROM app_user WHERE email = 'evaluator@muster.test'`,
    );
    outsider = (await t.login('evaluator2@muster.test')).accessToken;
    await seedRun();
    clock = jest.spyOn(t.get(Clock), 'now').mockReturnValue(at(125));
  });

  afterAll(async () => {
    await sql?.end();
    await t?.close();
  });

  describe('observations', () => {
    it('lets a roster evaluator tag a room event, on the scenario clock', async () => {
      const res = await api(evaluator).post(`/api/drills/runs/${runId}/observations`, {
        kind: 'strength',
        text: '救援队集结迅速',
        eventSeq: 2,
      });
      expect(res.status).toBe(201);
      const o = res.body as ObservationView;
      expect(o).toMatchObject({
        runId,
        kind: 'strength',
        text: '救援队集结迅速',
        eventSeq: 2,
        scenarioSeconds: 125,
        evaluatorName: '赵勇 (演练评估员)',
      });
      const audit = await sql.query(`SELECT action FROM audit_log WHERE entity_id = $1`, [o.id]);
      expect(audit.rows).toEqual([{ action: 'drill_observation.created' }]);
    });

    it('refuses an evaluator who is not on the roster, and lets the commander tag', async () => {
      const refused = await api(outsider).post(`/api/drills/runs/${runId}/observations`, {
        kind: 'improvement',
        text: '不在名单中',
      });
      expect(refused.status).toBe(403);
      clock.mockReturnValue(at(190));
      const res = await api(commander).post(`/api/drills/runs/${runId}/observations`, {
        kind: 'improvement',
        text: '警戒区划定偏晚',
      });
      expect(res.status).toBe(201);
      expect(res.body).toMatchObject({ eventSeq: null, scenarioSeconds: 190 });
    });

    it('keeps the scenario time still while the clock is paused', async () => {
      await sql.query(
        `UPDATE drill_run SET status = 'paused', elapsed_ms = 200000, clock_started_at = NULL WHERE id = $1`,
        [runId],
      );
      clock.mockReturnValue(at(900));
      const res = await api(evaluator).post(`/api/drills/runs/${runId}/observations`, {
        kind: 'improvement',
        text: '通信中断时未启用备用频道',
      });
      expect(res.status).toBe(201);
      expect(res.body.scenarioSeconds).toBe(200);
      // Resumed at T+900 s wall time with 200 s on the clock: at T+960 s the scenario reads 260 s.
      await sql.query(`UPDATE drill_run SET status = 'running', clock_started_at = $2 WHERE id = $1`, [
        runId,
        at(900),
      ]);
      clock.mockReturnValue(at(960));
    });

    it('names the bad field in a 400', async () => {
      const noEvent = await api(evaluator).post(`/api/drills/runs/${runId}/observations`, {
        kind: 'strength',
        text: 'x',
        eventSeq: 99,
      });
      expect(noEvent.status).toBe(400);
      expect(noEvent.body.message).toEqual(['eventSeq: the drill room has no event 99']);
      const bad = await api(evaluator).post(`/api/drills/runs/${runId}/observations`, {
        kind: 'praise',
        text: '',
      });
      expect(bad.status).toBe(400);
      expect(bad.body.message).toEqual(
        expect.arrayContaining([expect.stringMatching(/^kind: /), expect.stringMatching(/^text: /)]),
      );
    });

    it('refuses to evaluate a run that has not started', async () => {
      const res = await api(evaluator).post(`/api/drills/runs/${scheduledRunId}/observations`, {
        kind: 'strength',
        text: '尚未开始',
      });
      expect(res.status).toBe(409);
    });

    it('lists the run’s observations in scenario order', async () => {
      const res = await api(evaluator).get(`/api/drills/runs/${runId}/observations`);
      expect(res.status).toBe(200);
      expect((res.body as ObservationView[]).map((o) => o.scenarioSeconds)).toEqual([125, 190, 200]);
    });
  });

  describe('evaluation forms', () => {
    const scores = (response: number, command: number) => [
      { dimension: 'response_speed', score: response, comment: '集结较快' },
      { dimension: 'command_coordination', score: command },
    ];

    it('keeps one form per evaluator, replaced on the next save', async () => {
      const first = await api(evaluator).put(`/api/drills/runs/${runId}/evaluations/mine`, {
        scores: scores(3, 4),
        overall: '初评',
      });
      expect(first.status).toBe(200);
      const second = await api(evaluator).put(`/api/drills/runs/${runId}/evaluations/mine`, {
        scores: scores(4, 4),
        overall: '总体良好',
      });
      expect(second.status).toBe(200);
      const form = second.body as EvaluationView;
      // Scores come back in dimension order, whatever order they were sent in.
      expect(form.scores).toEqual([
        { dimension: 'command_coordination', score: 4, comment: '' },
        { dimension: 'response_speed', score: 4, comment: '集结较快' },
      ]);
      expect(form.overall).toBe('总体良好');
      const rows = await sql.query(`SELECT count(*)::int AS n FROM drill_evaluation WHERE run_id = $1`, [
        runId,
      ]);
      expect(rows.rows[0].n).toBe(1);
      const audit = await sql.query(
        `SELECT action FROM audit_log WHERE entity = 'drill_evaluation' AND entity_id = $1 ORDER BY id`,
        [runId],
      );
      expect(audit.rows.map((r) => r.action)).toEqual([
        'drill_evaluation.created',
        'drill_evaluation.updated',
      ]);
    });

    it('adds the commander’s own form beside it, and refuses an evaluator off the roster', async () => {
      const res = await api(commander).put(`/api/drills/runs/${runId}/evaluations/mine`, {
        scores: [...scores(5, 2), { dimension: 'communications', score: 3 }],
      });
      expect(res.status).toBe(200);
      expect(
        (await api(outsider).put(`/api/drills/runs/${runId}/evaluations/mine`, { scores: scores(1, 1) }))
          .status,
      ).toBe(403);
      const forms = (await api(evaluator).get(`/api/drills/runs/${runId}/evaluations`))
        .body as EvaluationView[];
      expect(forms.map((f) => f.evaluatorName).sort()).toEqual(['李卫东 (应急指挥)', '赵勇 (演练评估员)']);
    });

    it('names the bad score in a 400', async () => {
      const outOfRange = await api(evaluator).put(`/api/drills/runs/${runId}/evaluations/mine`, {
        scores: [{ dimension: 'response_speed', score: 6 }],
      });
      expect(outOfRange.status).toBe(400);
      expect(outOfRange.body.message).toEqual(['scores.0.score: must not be greater than 5']);
      const twice = await api(evaluator).put(`/api/drills/runs/${runId}/evaluations/mine`, {
        scores: [
          { dimension: 'response_speed', score: 4 },
          { dimension: 'response_speed', score: 2 },
        ],
      });
      expect(twice.status).toBe(400);
      expect(twice.body.message).toEqual(['scores.1.dimension: response_speed is scored twice']);
      const unknown = await api(evaluator).put(`/api/drills/runs/${runId}/evaluations/mine`, {
        scores: [{ dimension: 'morale', score: 4 }],
      });
      expect(unknown.status).toBe(400);
      expect(unknown.body.message[0]).toMatch(/^scores\.0\.dimension: /);
    });
  });

  describe('summary and improvement items', () => {
    let early: ImprovementItemView;
    let late: ImprovementItemView;

    it('saves the summary text', async () => {
      const res = await api(commander).put(`/api/drills/runs/${runId}/summary`, {
        problems: '警戒区划定偏晚',
        lessons: '提前预置警戒器材',
      });
      expect(res.status).toBe(200);
      expect(res.body as RunSummaryText).toEqual({ problems: '警戒区划定偏晚', lessons: '提前预置警戒器材' });
      expect((await api(evaluator).put(`/api/drills/runs/${runId}/summary`, res.body)).status).toBe(403);
    });

    it('creates items owned by the drilled enterprise, refusing a due date already past', async () => {
      const past = await api(commander).post(`/api/drills/runs/${runId}/improvements`, {
        title: '补充堵漏器材',
        owner: '设备科',
        dueOn: '2026-05-19',
      });
      expect(past.status).toBe(400);
      expect(past.body.message).toEqual(['dueOn: must not be before today (2026-05-20)']);
      const invalid = await api(commander).post(`/api/drills/runs/${runId}/improvements`, {
        title: '补充堵漏器材',
        owner: '设备科',
        dueOn: '2026-02-30',
      });
      expect(invalid.status).toBe(400);
      expect(invalid.body.message).toEqual(['dueOn: must be a valid calendar date']);

      const a = await api(commander).post(`/api/drills/runs/${runId}/improvements`, {
        title: '补充堵漏器材',
        owner: '设备科 王工',
        dueOn: '2026-06-01',
      });
      expect(a.status).toBe(201);
      early = a.body as ImprovementItemView;
      expect(early).toMatchObject({
        runId,
        runTitle: DOCUMENT.title,
        enterpriseId: coalchem,
        status: 'open',
        overdue: false,
        completedAt: null,
      });
      const b = await api(admin).post(`/api/drills/runs/${runId}/improvements`, {
        title: '修订现场处置方案通信条款',
        owner: '安全科',
        dueOn: '2026-06-30',
      });
      expect(b.status).toBe(201);
      late = b.body as ImprovementItemView;
    });

    it('flags an open item overdue from zone midnight after its due day', async () => {
      const overdue = async (token: string) =>
        Object.fromEntries(
          (
            (await api(token).get('/api/drills/improvements')).body as ListResponse<ImprovementItemView>
          ).items.map((i) => [i.id, i.overdue]),
        );
      // 23:59:59 on 1 June in the zone: due today, not yet overdue.
      clock.mockReturnValue(new Date('2026-06-01T15:59:59Z'));
      expect(await overdue(commander)).toMatchObject({ [early.id]: false, [late.id]: false });
      // Midnight in the zone, although UTC still says 1 June.
      clock.mockReturnValue(new Date('2026-06-01T16:00:00Z'));
      expect(await overdue(commander)).toMatchObject({ [early.id]: true, [late.id]: false });
    });

    it('shows items across runs to the zone and to the owning officer, hides them from another', async () => {
      const zone = (await api(commander).get('/api/drills/improvements?status=open')).body;
      expect(zone.total).toBe(2);
      // Open items, the most pressing first.
      expect(zone.items.map((i: ImprovementItemView) => i.id)).toEqual([early.id, late.id]);
      const own = (await api(officer1).get('/api/drills/improvements')).body;
      expect(own.items.map((i: ImprovementItemView) => i.id)).toEqual([early.id, late.id]);
      const other = (await api(officer2).get('/api/drills/improvements')).body;
      expect(other).toEqual({ items: [], total: 0 });
      expect(
        (await api(officer2).post(`/api/drills/improvements/${early.id}/complete`, { note: '完成' })).status,
      ).toBe(404);
    });

    it('lets the owning officer complete an item with a note, once', async () => {
      const noNote = await api(officer1).post(`/api/drills/improvements/${early.id}/complete`, {});
      expect(noNote.status).toBe(400);
      expect(noNote.body.message[0]).toMatch(/^note: /);
      const done = await api(officer1).post(`/api/drills/improvements/${early.id}/complete`, {
        note: '已采购堵漏工具两套',
      });
      expect(done.status).toBe(200);
      expect(done.body).toMatchObject({
        status: 'done',
        overdue: false,
        completionNote: '已采购堵漏工具两套',
        completedAt: '2026-06-01T16:00:00.000Z',
      });
      expect(
        (await api(commander).post(`/api/drills/improvements/${early.id}/complete`, { note: '再次' })).status,
      ).toBe(409);
      const open = (await api(commander).get('/api/drills/improvements?status=open')).body;
      expect(open.items.map((i: ImprovementItemView) => i.id)).toEqual([late.id]);
    });
  });

  describe('after-action report', () => {
    it('gathers the run, timeline, observations, averages and improvement items', async () => {
      await sql.query(
        `UPDATE drill_run SET status = 'ended', elapsed_ms = 300000, clock_started_at = NULL, ended_at = $2 WHERE id = $1`,
        [runId, at(1000)],
      );
      const res = await api(officer1).get(`/api/drills/runs/${runId}/report`);
      expect(res.status).toBe(200);
      const report = res.body as DrillReport;
      expect(report.run).toMatchObject({ id: runId, status: 'ended', incidentId: expect.any(String) });
      expect(report.summary).toEqual({ problems: '警戒区划定偏晚', lessons: '提前预置警戒器材' });
      expect(report.metrics.runId).toBe(runId);
      expect(report.timeline.map((e) => [e.seq, e.type, e.scenarioSeconds])).toEqual([
        [1, 'drill.started', 0],
        [2, 'message', 60],
        [3, 'callout.started', 90],
      ]);
      expect(report.timeline[2]!.text).toBe('发起应急呼叫：液氯泄漏，立即集结（4 人）');
      expect(report.observations.map((o) => o.text)).toEqual([
        '救援队集结迅速',
        '警戒区划定偏晚',
        '通信中断时未启用备用频道',
      ]);
      expect(report.evaluations).toHaveLength(2);
      expect(report.dimensionAverages).toEqual([
        { dimension: 'command_coordination', average: 3, forms: 2 },
        { dimension: 'communications', average: 3, forms: 1 },
        { dimension: 'response_speed', average: 4.5, forms: 2 },
      ]);
      expect(report.improvements.map((i) => [i.title, i.status, i.overdue])).toEqual([
        ['补充堵漏器材', 'done', false],
        ['修订现场处置方案通信条款', 'open', false],
      ]);
    });

    it('is not found for an officer of another enterprise', async () => {
      expect((await api(officer2).get(`/api/drills/runs/${runId}/report`)).status).toBe(404);
    });

    it("writes its timeline in the reader's language: events, enum values and the system's jobs in words", async () => {
      const { incidentId } = (await api(commander).get(`/api/drills/runs/${runId}/report`)).body.run;
      const job = JSON.stringify({ id: null, name: 'job:callout-voice-escalation', role: 'system' });
      const later: [number, string, object][] = [
        [
          4,
          'incident.reported',
          { title: '氯气扩散', category: 'poisoning_asphyxiation', severity: 'ordinary', late: false },
        ],
        [5, 'map_feature.added', { feature: { kind: 'hazard_zone', label: '' } }],
      ];
      for (const [seq, type, payload] of later) {
        await sql.query(
          `INSERT INTO room_event (incident_id, seq, type, payload, actor, at) VALUES ($1, $2, $3, $4, $5, $6)`,
          [incidentId, seq, type, JSON.stringify(payload), job, at(120)],
        );
      }
      const read = async (language?: string) => {
        const req = api(commander).get(`/api/drills/runs/${runId}/report`);
        const res = language ? await req.set('Accept-Language', language) : await req;
        expect(res.status).toBe(200);
        return (res.body as DrillReport).timeline.filter((e) => e.seq >= 4).map((e) => e.text);
      };
      const zh = ['提交事故快报：氯气扩散（中毒和窒息，一般事故）', '标绘危险区域'];
      expect(await read()).toEqual(zh);
      expect(await read('zh-CN,zh;q=0.9')).toEqual(zh);
      expect(await read('en-US,en;q=0.9')).toEqual([
        'Filed the incident report: 氯气扩散 (Poisoning or asphyxiation, Ordinary)',
        'Drew hazard zone',
      ]);

      // The activity export of the same room: the job by what it did, the role in words.
      const csv = await api(commander).get(`/api/incidents/${incidentId}/activity.csv`);
      expect(csv.status).toBe(200);
      const lines = csv.text
        .replace(/^\uFEFF/, '')
        .trim()
        .split('\n');
      expect(lines[1]).toBe('序号,时间 (Asia/Shanghai),操作人,角色,事件,内容');
      expect(lines.at(-1)).toMatch(/^5,[^,]+,系统：语音升级,系统,map_feature\.added,标绘危险区域$/);
      expect(csv.text).not.toMatch(/poisoning_asphyxiation|hazard_zone|job:/);
    });
  });
});
