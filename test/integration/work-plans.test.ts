import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import ExcelJS from 'exceljs';
import pg from 'pg';
import {
  type NotificationKind,
  type WorkPlanDetail,
  type WorkPlanOverview,
  ZONE_WORK_PLAN_SECTIONS,
} from '@muster/contracts';
import { Clock } from '../../server/src/common/clock.js';
import { ReminderScheduler } from '../../server/src/reminders/reminder-scheduler.js';
import { WorkPlanService } from '../../server/src/work-plans/work-plan.service.js';
import { createTestApp, type TestApp } from '../support/app.js';
import { binary, pdfText } from '../support/pdf.js';

const auth = (token: string) => ({ Authorization: `Bearer ${token}` });
/** An instant of the zone's day (Asia/Shanghai). */
const at = (day: string, time = '00:00:00') => new Date(`${day}T${time}+08:00`);

describe('enterprise implementation plans', () => {
  let t: TestApp;
  let sql: pg.Client;
  let admin: string;
  let inspector: string;
  let officer: string;
  let officer2: string;
  let officerId: string;
  let officer2Id: string;
  let enterpriseId: string;
  let enterprise2Id: string;
  let templateId: string;
  let planId: string;
  let plan2Id: string;
  let person: string;
  let person2: string;

  beforeAll(async () => {
    t = await createTestApp();
    sql = new pg.Client({ connectionString: t.db.url });
    await sql.connect();
    admin = await t.token('zone_admin');
    inspector = await t.token('inspector');
    officer = await t.token('enterprise_officer');
    officer2 = await t.token('officer2');
    const me = await t.login('officer1@muster.test');
    officerId = me.user.id;
    enterpriseId = me.user.enterpriseId!;
    const me2 = await t.login('officer2@muster.test');
    officer2Id = me2.user.id;
    enterprise2Id = me2.user.enterpriseId!;
  }, 120_000);

  afterAll(async () => {
    jest.restoreAllMocks();
    await sql?.end();
    await t?.close();
  });

  const clockAt = (instant: Date) => jest.spyOn(t.get(Clock), 'now').mockReturnValue(instant);

  const contact = async (token: string, name: string, phone: string) => {
    const res = await t.http
      .post('/api/contacts')
      .set(auth(token))
      .send({ name, organization: '安全环保部', post: '安全部长', phones: [phone] });
    expect(res.status).toBe(201);
    return res.body.id as string;
  };

  /** A complete plan: every section written, every required task answered, one task added. */
  const fullContent = (who: string, extraHeading?: string) => ({
    sections: [
      { key: 'goals', text: '杜绝较大及以上生产安全事故，重大隐患整改率 100%' },
      { key: 'funds', text: '按财资〔2022〕136号足额提取安全生产费用' },
      { key: 'organisation', text: '安全环保部 3 名专职安全管理人员' },
      { key: 'oversight', text: '每季度内部考核，与绩效挂钩' },
    ],
    tasks: [
      ...ZONE_WORK_PLAN_SECTIONS.flatMap((s) =>
        s.tasks.map((task) => ({
          key: task.key,
          sectionKey: s.key,
          measures: `${task.heading}：逐月落实`,
          responsibleContactId: who,
          deadline: '2031-11-30',
        })),
      ),
      ...(extraHeading
        ? [
            {
              sectionKey: 'hazards',
              heading: extraHeading,
              measures: '每月一次泄漏检测',
              responsibleContactId: who,
              deadline: '2031-09-30',
            },
          ]
        : []),
    ],
  });

  /** In-app notifications of a kind about a record (and a deadline) to one user. */
  const mine = async (userId: string, kind: NotificationKind, entityId: string, deadline?: string) =>
    (
      await sql.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM notification
          WHERE user_id = $1 AND kind = $2 AND entity_id = $3 AND ($4::text IS NULL OR params->>'deadline' = $4)`,
        [userId, kind, entityId, deadline ?? null],
      )
    ).rows[0]!.n;

  it('publishes a yearly template that enterprises see only once it is published', async () => {
    const draft = await t.http.post('/api/work-plan-templates').set(auth(admin)).send({
      year: 2031,
      title: '2031年度企业安全生产工作实施方案模板',
      submissionDeadline: '2031-03-31',
      sections: ZONE_WORK_PLAN_SECTIONS,
    });
    expect(draft.status).toBe(201);
    expect(draft.body).toMatchObject({ status: 'draft', publishedAt: null });
    templateId = draft.body.id;

    const bad = await t.http
      .post('/api/work-plan-templates')
      .set(auth(admin))
      .send({
        year: 2032,
        title: 'x',
        submissionDeadline: '2033-01-01',
        sections: [
          { key: 'goals', kind: 'goals', title: '目标', tasks: [{ key: 'a', heading: 'A' }] },
          { key: 'goals', kind: 'tasks', title: '任务' },
        ],
      });
    expect(bad.status).toBe(400);
    expect(bad.body.message).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^submissionDeadline: /),
        expect.stringMatching(/^sections\.0\.tasks: /),
        expect.stringMatching(/^sections\.1\.key: /),
      ]),
    );
    const forbidden = await t.http.post('/api/work-plan-templates').set(auth(officer)).send(draft.body);
    expect(forbidden.status).toBe(403);

    expect((await t.http.get(`/api/work-plan-templates/${templateId}`).set(auth(officer))).status).toBe(404);
    const early = await t.http.post('/api/work-plans').set(auth(officer)).send({ year: 2031 });
    expect(early.status).toBe(400);
    expect(early.body.message).toEqual([expect.stringMatching(/^year: /)]);

    const published = await t.http.post(`/api/work-plan-templates/${templateId}/publish`).set(auth(admin));
    expect(published.status).toBe(200);
    expect(published.body.status).toBe('published');
    expect(
      (await t.http.post(`/api/work-plan-templates/${templateId}/publish`).set(auth(admin))).status,
    ).toBe(409);
    const frozen = await t.http
      .patch(`/api/work-plan-templates/${templateId}`)
      .set(auth(admin))
      .send({ sections: ZONE_WORK_PLAN_SECTIONS.slice(0, 2) });
    expect(frozen.status).toBe(409);
    const seen = await t.http.get('/api/work-plan-templates').set(auth(officer));
    expect(seen.body.items.map((x: { id: string }) => x.id)).toContain(templateId);
    const twice = await t.http.post('/api/work-plan-templates').set(auth(admin)).send({
      year: 2031,
      title: 'again',
      submissionDeadline: '2031-03-31',
      sections: ZONE_WORK_PLAN_SECTIONS,
    });
    expect(twice.status).toBe(409);
  });

  it('keeps an enterprise to its own plan and its own directory', async () => {
    const started = await t.http.post('/api/work-plans').set(auth(officer)).send({ year: 2031 });
    expect(started.status).toBe(201);
    const plan = started.body as WorkPlanDetail;
    planId = plan.id;
    expect(plan).toMatchObject({ status: 'draft', enterpriseId, versions: 0 });
    expect(plan.content.tasks.map((x) => x.key)).toEqual(
      ZONE_WORK_PLAN_SECTIONS.flatMap((s) => s.tasks.map((x) => x.key)),
    );
    expect((await t.http.post('/api/work-plans').set(auth(officer)).send({ year: 2031 })).status).toBe(409);
    expect((await t.http.post('/api/work-plans').set(auth(admin)).send({ year: 2031 })).status).toBe(403);

    expect((await t.http.get(`/api/work-plans/${planId}`).set(auth(officer2))).status).toBe(404);
    expect(
      (await t.http.put(`/api/work-plans/${planId}`).set(auth(officer2)).send(fullContent(planId))).status,
    ).toBe(404);
    const own = await t.http.get('/api/work-plans/overview?year=2031').set(auth(officer2));
    expect((own.body as WorkPlanOverview).rows.map((r) => r.enterpriseId)).toEqual([enterprise2Id]);

    person = await contact(officer, '实施方案测试王强', '+8613900990001');
    person2 = await contact(officer2, '实施方案测试刘敏', '+8613900990002');
    const foreign = await t.http
      .put(`/api/work-plans/${planId}`)
      .set(auth(officer))
      .send(fullContent(person2));
    expect(foreign.status).toBe(400);
    expect(foreign.body.message).toContainEqual(expect.stringMatching(/^tasks\.0\.responsibleContactId: /));
  });

  it('refuses to submit an incomplete plan, naming what is missing', async () => {
    const blank = await t.http.post(`/api/work-plans/${planId}/submit`).set(auth(officer));
    expect(blank.status).toBe(400);
    expect(blank.body.message).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^sections\.goals: /),
        expect.stringMatching(/^tasks\.hazard-plan\.measures: /),
      ]),
    );
  });

  it('submits, is returned with comments by section, resubmits and is approved, keeping the history', async () => {
    clockAt(at('2031-03-31', '23:59:59'));
    const saved = await t.http
      .put(`/api/work-plans/${planId}`)
      .set(auth(officer))
      .send(fullContent(person, '储罐区泄漏检测与修复'));
    expect(saved.status).toBe(200);
    const extra = (saved.body as WorkPlanDetail).content.tasks.find((x) => x.extra)!;
    expect(extra).toMatchObject({ sectionKey: 'hazards', heading: '储罐区泄漏检测与修复' });
    expect(extra.key).toMatch(/^x-/);
    expect((saved.body as WorkPlanDetail).content.tasks[0]).toMatchObject({
      responsibleName: '实施方案测试王强',
    });

    // Before approval there is nothing to report progress on.
    const tooEarly = await t.http
      .post(`/api/work-plans/${planId}/progress`)
      .set(auth(officer))
      .send({ quarter: 1, entries: [{ taskKey: 'hazard-plan', status: 'in_progress', percent: 10 }] });
    expect(tooEarly.status).toBe(409);

    const submitted = await t.http.post(`/api/work-plans/${planId}/submit`).set(auth(officer));
    expect(submitted.status).toBe(200);
    expect(submitted.body).toMatchObject({ status: 'submitted', versions: 1, submittedLate: false });
    expect(
      (await t.http.put(`/api/work-plans/${planId}`).set(auth(officer)).send(fullContent(person))).status,
    ).toBe(409);
    expect((await t.http.post(`/api/work-plans/${planId}/approve`).set(auth(officer)).send({})).status).toBe(
      403,
    );

    const unknown = await t.http
      .post(`/api/work-plans/${planId}/return`)
      .set(auth(inspector))
      .send({ sectionComments: [{ sectionKey: 'nowhere', comment: 'x' }] });
    expect(unknown.status).toBe(400);
    expect(unknown.body.message).toEqual([expect.stringMatching(/^sectionComments: /)]);
    const noComment = await t.http
      .post(`/api/work-plans/${planId}/return`)
      .set(auth(inspector))
      .send({ sectionComments: [] });
    expect(noComment.status).toBe(400);

    const returned = await t.http
      .post(`/api/work-plans/${planId}/return`)
      .set(auth(inspector))
      .send({
        comment: '请按意见修改后重新报送',
        sectionComments: [{ sectionKey: 'hazards', comment: '隐患排查计划未明确排查频次' }],
      });
    expect(returned.status).toBe(200);
    expect(returned.body.status).toBe('returned');
    expect(await mine(officerId, 'work_plan.returned', planId)).toBe(1);

    const revised = fullContent(person, '储罐区泄漏检测与修复');
    revised.tasks[1]!.measures = '每月综合检查一次，每周专项检查一次，节假日前全面排查';
    const tasksNow = (returned.body as WorkPlanDetail).content.tasks;
    const again = await t.http
      .put(`/api/work-plans/${planId}`)
      .set(auth(officer))
      .send({
        ...revised,
        tasks: revised.tasks.map((x) =>
          x.sectionKey === 'hazards' && !('key' in x) ? { ...x, key: extra.key } : x,
        ),
      });
    expect(again.status).toBe(200);
    expect((again.body as WorkPlanDetail).content.tasks.filter((x) => x.extra)).toEqual([
      expect.objectContaining({ key: extra.key }),
    ]);
    expect(tasksNow).toHaveLength(again.body.content.tasks.length);
    const resubmitted = await t.http.post(`/api/work-plans/${planId}/submit`).set(auth(officer));
    expect(resubmitted.body).toMatchObject({ status: 'submitted', versions: 2 });

    const approved = await t.http
      .post(`/api/work-plans/${planId}/approve`)
      .set(auth(admin))
      .send({ comment: '同意，请按季度报送进展' });
    expect(approved.status).toBe(200);
    const detail = approved.body as WorkPlanDetail;
    expect(detail.status).toBe('approved');
    expect(detail.history).toEqual([
      expect.objectContaining({ version: 2, decision: 'approved', comment: '同意，请按季度报送进展' }),
      expect.objectContaining({
        version: 1,
        decision: 'returned',
        sectionComments: [{ sectionKey: 'hazards', comment: '隐患排查计划未明确排查频次' }],
        submittedBy: expect.stringContaining('李志强'),
      }),
    ]);
    expect(detail.history[1]!.content.tasks[1]!.measures).toBe('制定隐患排查计划：逐月落实');
    expect(detail.history[0]!.content.tasks[1]!.measures).toMatch(/节假日前全面排查/);
    expect(await mine(officerId, 'work_plan.approved', planId)).toBe(1);
    expect((await t.http.post(`/api/work-plans/${planId}/approve`).set(auth(admin)).send({})).status).toBe(
      409,
    );

    const audit = await sql.query<{ action: string }>(
      `SELECT action FROM audit_log WHERE entity = 'work_plan' AND entity_id = $1 ORDER BY id`,
      [planId],
    );
    expect(audit.rows.map((r) => r.action)).toEqual([
      'work_plan.created',
      'work_plan.saved',
      'work_plan.submitted',
      'work_plan.returned',
      'work_plan.saved',
      'work_plan.submitted',
      'work_plan.approved',
    ]);
  });

  it('flags a plan first submitted the day after the deadline as late', async () => {
    clockAt(at('2031-03-20'));
    plan2Id = (await t.http.post('/api/work-plans').set(auth(officer2)).send({ year: 2031 })).body.id;
    await t.http.put(`/api/work-plans/${plan2Id}`).set(auth(officer2)).send(fullContent(person2));
    clockAt(at('2031-04-01'));
    const late = await t.http.post(`/api/work-plans/${plan2Id}/submit`).set(auth(officer2));
    expect(late.status).toBe(200);
    expect(late.body).toMatchObject({
      submittedLate: true,
      history: [expect.objectContaining({ late: true })],
    });
  });

  it('takes quarterly progress on every task, and marks each quarter on time, late or missing at its due day', async () => {
    const plan = (await t.http.get(`/api/work-plans/${planId}`).set(auth(officer))).body as WorkPlanDetail;
    const entries = (status = 'in_progress', percent = 40) =>
      plan.content.tasks.map((x) => ({ taskKey: x.key, status, percent }));
    const report = (body: object) =>
      t.http.post(`/api/work-plans/${planId}/progress`).set(auth(officer)).send(body);

    clockAt(at('2031-04-10', '23:59:59'));
    const cases: [object, RegExp][] = [
      [{ quarter: 1, entries: entries().slice(1) }, /^entries: task responsibility-system/],
      [
        { quarter: 1, entries: [...entries(), { taskKey: 'nope', status: 'done', percent: 100 }] },
        /^entries\.\d+\.taskKey: /,
      ],
      [{ quarter: 1, entries: entries('delayed', 20) }, /^entries\.0\.reason: /],
      [{ quarter: 1, entries: entries('done', 90) }, /^entries\.0\.percent: /],
      [{ quarter: 5, entries: entries() }, /^quarter: /],
    ];
    for (const [body, field] of cases) {
      const res = await report(body);
      expect({ body, status: res.status }).toEqual({ body, status: 400 });
      expect(res.body.message).toContainEqual(expect.stringMatching(field));
    }
    const q1 = await report({ quarter: 1, note: '一季度完成隐患排查 3 次', entries: entries() });
    expect(q1.status).toBe(200);
    expect(q1.body).toMatchObject({ quarter: 1, dueOn: '2031-04-10', late: false });
    // Q2's report opens on 1 June.
    expect((await report({ quarter: 2, entries: entries() })).status).toBe(409);

    clockAt(at('2031-07-11'));
    const withDelay = entries();
    withDelay[0] = {
      ...withDelay[0]!,
      status: 'delayed',
      percent: 30,
      reason: '责任制修订待职代会审议',
    } as never;
    withDelay[1] = { ...withDelay[1]!, status: 'done', percent: 100 };
    const q2 = await report({ quarter: 2, entries: withDelay });
    expect(q2.body).toMatchObject({ quarter: 2, late: true });
    // Sent again, Q1 keeps the day it was first submitted.
    expect((await report({ quarter: 1, entries: entries('in_progress', 50) })).body.late).toBe(false);

    clockAt(at('2031-10-10', '23:59:59'));
    let view = (await t.http.get('/api/work-plans/overview?year=2031').set(auth(admin)))
      .body as WorkPlanOverview;
    const row = () => view.rows.find((r) => r.enterpriseId === enterpriseId)!;
    expect(row().quarters.map((c) => c.state)).toEqual(['submitted', 'late', 'open', 'upcoming']);
    expect(row().tasks).toEqual({ total: plan.content.tasks.length, done: 1, delayed: 1 });
    clockAt(at('2031-10-11'));
    view = (await t.http.get('/api/work-plans/overview?year=2031').set(auth(admin))).body as WorkPlanOverview;
    expect(row().quarters.map((c) => c.state)).toEqual(['submitted', 'late', 'missing', 'upcoming']);
    const other = view.rows.find((r) => r.enterpriseId === enterprise2Id)!;
    expect(other).toMatchObject({ status: 'submitted', submittedLate: true });
    expect(other.quarters.map((c) => c.state)).toEqual(['not_owed', 'not_owed', 'not_owed', 'not_owed']);

    // A plan not approved takes no report.
    const notApproved = await t.http
      .post(`/api/work-plans/${plan2Id}/progress`)
      .set(auth(officer2))
      .send({ quarter: 3, entries: [{ taskKey: 'hazard-plan', status: 'done', percent: 100 }] });
    expect(notApproved.status).toBe(409);

    const status = await t.get(WorkPlanService).statusByEnterprise(2031, [enterpriseId, enterprise2Id]);
    expect(status.get(enterpriseId)).toEqual({
      enterpriseId,
      year: 2031,
      submitted: true,
      planDue: true,
      submittedOnTime: true,
      approved: true,
      quartersDue: 3,
      quartersOnTime: 1,
      quartersLate: 1,
      quartersMissing: 1,
    });
    expect(status.get(enterprise2Id)).toMatchObject({
      submitted: true,
      planDue: true,
      submittedOnTime: false,
      approved: false,
    });
    jest.restoreAllMocks();
  });

  it('reminds of the submission deadline and of each quarter’s report, once each', async () => {
    const scheduler = t.get(ReminderScheduler);
    const scan = async (instant: Date) => {
      clockAt(instant);
      await scheduler.scan(['work_plan']);
      await scheduler.scan(['work_plan']);
    };
    // The 2031 plan's Q4 report is due on 10 January 2032: a week before, a day before, overdue.
    const q4 = async () => ({
      due: await mine(officerId, 'work_plan.progress_due', planId, '2032-01-10'),
      overdue: await mine(officerId, 'work_plan.progress_overdue', planId, '2032-01-10'),
    });
    await scan(at('2032-01-02'));
    expect(await q4()).toEqual({ due: 0, overdue: 0 });
    await scan(at('2032-01-03'));
    await scan(at('2032-01-09'));
    expect(await q4()).toEqual({ due: 2, overdue: 0 });
    await scan(at('2032-01-11'));
    await scan(at('2032-01-12'));
    expect(await q4()).toEqual({ due: 2, overdue: 1 });
    // A template for 2032, which neither enterprise has submitted yet.
    const tpl = await t.http.post('/api/work-plan-templates').set(auth(admin)).send({
      year: 2032,
      title: '2032年度企业安全生产工作实施方案模板',
      submissionDeadline: '2032-03-31',
      sections: ZONE_WORK_PLAN_SECTIONS,
    });
    await t.http.post(`/api/work-plan-templates/${tpl.body.id}/publish`).set(auth(admin));
    const counts = async () => ({
      due: await mine(officer2Id, 'work_plan.submission_due', enterprise2Id),
      overdue: await mine(officer2Id, 'work_plan.submission_overdue', enterprise2Id),
    });
    await scan(new Date(at('2032-03-24').getTime() - 1000));
    expect(await counts()).toEqual({ due: 0, overdue: 0 });
    await scan(at('2032-03-24'));
    expect(await counts()).toEqual({ due: 1, overdue: 0 });
    await scan(at('2032-03-30'));
    expect(await counts()).toEqual({ due: 2, overdue: 0 });
    await scan(at('2032-03-31', '23:59:59'));
    expect(await counts()).toEqual({ due: 2, overdue: 0 });
    // Officer 1 submits in time: its enterprise hears nothing after that.
    clockAt(at('2032-03-31', '12:00:00'));
    const p = await t.http.post('/api/work-plans').set(auth(officer)).send({ year: 2032 });
    await t.http
      .put(`/api/work-plans/${p.body.id}`)
      .set(auth(officer))
      .send({
        ...fullContent(person),
        tasks: fullContent(person).tasks.map((x) => ({ ...x, deadline: '2032-11-30' })),
      });
    expect((await t.http.post(`/api/work-plans/${p.body.id}/submit`).set(auth(officer))).status).toBe(200);
    await scan(at('2032-04-01'));
    expect(await counts()).toEqual({ due: 2, overdue: 1 });
    expect(await mine(officerId, 'work_plan.submission_overdue', enterpriseId)).toBe(0);

    jest.restoreAllMocks();
  });

  it('exports the overview and the approved plans’ tasks as XLSX, and the plan as a printable PDF', async () => {
    const res = await t.http
      .get('/api/work-plans/export?year=2031')
      .set(auth(admin))
      .buffer(true)
      .parse(binary);
    expect(res.status).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.body as unknown as ArrayBuffer);
    const [overview, tasks] = wb.worksheets;
    expect(overview!.getRow(1).values).toEqual(
      expect.arrayContaining(['企业', '实施方案', '第1季度', '第4季度']),
    );
    const rows = overview!.getSheetValues().slice(2) as unknown[][];
    const name = (await t.http.get(`/api/enterprises/${enterpriseId}`).set(auth(admin))).body.name as string;
    const ours = rows.find((r) => r.includes(name))!;
    expect(ours).toEqual(expect.arrayContaining([2031, '审核通过', '按时报送', '逾期报送']));
    const taskRows = tasks!.getSheetValues().slice(2) as unknown[][];
    expect(taskRows).toContainEqual(
      expect.arrayContaining([
        name,
        '强化安全责任落实',
        '建立健全安全生产责任制',
        '实施方案测试王强',
        '滞后',
      ]),
    );

    const pdf = await t.http
      .get(`/api/work-plans/${planId}/pdf`)
      .set(auth(officer))
      .buffer(true)
      .parse(binary);
    expect(pdf.status).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    const text = await pdfText(pdf.body as Buffer);
    for (const part of [
      `${name}2031年度安全生产工作实施方案`,
      '一、工作目标',
      '二、重点任务',
      '建立隐患排查治理台账',
      '储罐区泄漏检测与修复（自定任务）',
      '责任人：实施方案测试王强',
      '完成时限：2031-11-30',
      '三、保障措施',
      '状态：园区审核通过（2031年3月31日）',
      '季度进展',
    ]) {
      expect(text).toContain(part.replace(/\s+/g, ''));
    }
    expect((await t.http.get(`/api/work-plans/${planId}/pdf`).set(auth(officer2))).status).toBe(404);
  });
});
