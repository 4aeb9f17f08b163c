import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import ExcelJS from 'exceljs';
import pg from 'pg';
import sharp from 'sharp';
import type request from 'supertest';
import {
  type HazardAction,
  type HazardDetailView,
  type HazardLevel,
  type HazardStatus,
  type NotificationView,
  ROLES,
  type Role,
} from '@muster/contracts';
import { Clock } from '../../server/src/common/clock.js';
import { ReminderScheduler } from '../../server/src/reminders/reminder-scheduler.js';
import { DemoSeedService } from '../../server/src/demo/demo-seed.service.js';
import { createTestApp, type TestApp } from '../support/app.js';

const plan = {
  objectives: '消除液氨储罐区泄漏隐患',
  methods: '更换腐蚀管段及法兰，增设泄漏检测报警',
  fundsAndMaterials: '专项资金8万元，管材及检测仪已采购',
  responsible: '设备部 李志强',
  timeLimit: '30日内完成，验收合格后销号',
  safetyMeasures: '检修期间停用该区域，落实液氨泄漏专项应急预案',
};

const harmAnalysis = '泄漏可致中毒和火灾，影响罐区及周边；需停罐倒料后整改，难度较大';

function general(over: Record<string, unknown> = {}) {
  return {
    place: '2号罐区东侧管廊',
    category: 'hazardous_chemicals',
    description: '管廊法兰处有轻微渗漏痕迹',
    level: 'general',
    source: 'self_inspection',
    measures: '更换法兰垫片并紧固',
    responsiblePerson: '李志强',
    funds: '1200.50',
    deadline: '2099-12-31',
    ...over,
  };
}

describe('hazard ledger', () => {
  let t: TestApp;
  let sql: pg.Client;
  let ids: Record<string, string>;
  const auth = async (role: Role | 'officer2') => ({ Authorization: `Bearer ${await t.token(role)}` });

  beforeAll(async () => {
    t = await createTestApp();
    sql = new pg.Client({ connectionString: t.db.url });
    await sql.connect();
    const users = await sql.query<{ id: string; email: string; enterprise_id: string | null }>(
      'SELECT id, email, enterprise_id FROM app_user',
    );
    ids = Object.fromEntries(users.rows.map((u) => [u.email, u.id]));
    ids.e1 = users.rows.find((u) => u.email === 'officer1@muster.test')!.enterprise_id!;
    ids.e2 = users.rows.find((u) => u.email === 'officer2@muster.test')!.enterprise_id!;
  });
  afterAll(async () => {
    await sql.end();
    await t.close();
  });

  async function create(role: Role | 'officer2', body: Record<string, unknown>): Promise<HazardDetailView> {
    const res = await t.http
      .post('/api/hazards')
      .set(await auth(role))
      .send(body);
    expect(res.status).toBe(201);
    return res.body as HazardDetailView;
  }

  async function act(
    role: Role | 'officer2',
    id: string,
    action: HazardAction,
    extra: Record<string, unknown> = {},
  ) {
    return t.http
      .post(`/api/hazards/${id}/transitions`)
      .set(await auth(role))
      .send({ action, comment: '已按措施完成整改', ...extra });
  }

  async function notificationsOf(role: Role | 'officer2'): Promise<NotificationView[]> {
    const res = await t.http.get('/api/notifications?pageSize=200').set(await auth(role));
    expect(res.status).toBe(200);
    return res.body.items as NotificationView[];
  }

  async function pngPhoto(): Promise<string> {
    const png = await sharp({ create: { width: 40, height: 30, channels: 3, background: '#c33' } })
      .png()
      .toBuffer();
    const res = await t.http
      .post('/api/files')
      .set(await auth('enterprise_officer'))
      .attach('file', png, '整改照片.png');
    expect(res.status).toBe(201);
    return res.body.id as string;
  }

  it('runs the closed loop: found → rectifying → submitted → rejected → submitted → closed, with history and audit', async () => {
    const h = await create('enterprise_officer', general());
    expect(h).toMatchObject({
      status: 'found',
      enterpriseId: ids.e1,
      code: expect.stringMatching(/^YH-\d{6}$/),
    });
    expect(h.allowedActions).toEqual(['start', 'close_on_spot']);

    expect((await act('enterprise_officer', h.id, 'start')).body.status).toBe('rectifying');
    const photo = await pngPhoto();
    const submitted = await act('enterprise_officer', h.id, 'submit', { photoIds: [photo] });
    expect(submitted.status).toBe(200);
    expect(submitted.body.status).toBe('submitted');

    // The submitter may not accept their own rectification.
    const self = await act('enterprise_officer', h.id, 'accept');
    expect(self.status).toBe(403);
    expect(self.body.message).toBe('Nobody may accept their own rectification');

    const noReason = await act('inspector', h.id, 'reject', { comment: '' });
    expect(noReason.status).toBe(400);
    expect(noReason.body.message).toEqual(['comment: give the reason for rejecting']);
    expect(noReason.body.problems).toEqual([
      {
        code: 'hazard.reasonRequired',
        field: 'comment',
        message: 'comment: give the reason for rejecting',
      },
    ]);
    const rejected = await act('inspector', h.id, 'reject', { comment: '垫片型号不符，需更换为耐氨型' });
    expect(rejected.body.status).toBe('rectifying');
    expect((await notificationsOf('enterprise_officer')).map((n) => n.kind)).toContain('hazard.rejected');

    // Accepting something not submitted is a conflict naming both statuses.
    const early = await act('inspector', h.id, 'accept');
    expect(early.status).toBe(409);
    expect(early.body.message).toBe('Cannot accept a hazard that is rectifying; it must be submitted');

    expect((await act('enterprise_officer', h.id, 'submit')).body.status).toBe('submitted');
    const closed = await act('inspector', h.id, 'accept', { comment: '复查合格，同意销号' });
    expect(closed.body).toMatchObject({ status: 'closed', closedBy: ids['inspector@muster.test'] });
    expect(closed.body.history.map((x: { action: string }) => x.action)).toEqual([
      'create',
      'start',
      'submit',
      'reject',
      'submit',
      'accept',
    ]);
    expect(closed.body.history[2].photos[0]).toMatchObject({
      id: photo,
      thumbnailUrl: `/api/files/${photo}/thumbnail`,
    });
    expect(closed.body.history[3]).toMatchObject({
      comment: '垫片型号不符，需更换为耐氨型',
      actorRole: 'inspector',
    });

    const audit = await sql.query<{ action: string }>(
      `SELECT action FROM audit_log WHERE entity = 'hazard' AND entity_id = $1 ORDER BY id`,
      [h.id],
    );
    expect(audit.rows.map((r) => r.action)).toEqual([
      'hazard.created',
      'hazard.start',
      'hazard.submit',
      'hazard.reject',
      'hazard.submit',
      'hazard.accept',
    ]);
  });

  it('reports a major hazard to every inspector at once, and will not rectify it without its governance plan', async () => {
    const before = (await notificationsOf('inspector')).length;
    const h = await create(
      'enterprise_officer',
      general({ level: 'major', contingencyPlanRef: '液氨泄漏专项应急预案', harmAnalysis }),
    );
    expect(h.reportedToZoneAt).not.toBeNull();
    const inbox = await notificationsOf('inspector');
    expect(inbox.length).toBe(before + 1);
    expect(inbox[0]).toMatchObject({ kind: 'hazard.major_reported', entityId: h.id, readAt: null });

    const refused = await act('enterprise_officer', h.id, 'start');
    expect(refused.status).toBe(409);
    expect(refused.body.message).toContain('governancePlan.objectives');
    expect((await t.http.get(`/api/hazards/${h.id}`).set(await auth('commander'))).body.status).toBe('found');

    const bad = await t.http
      .patch(`/api/hazards/${h.id}`)
      .set(await auth('enterprise_officer'))
      .send({ governancePlan: { ...plan, methods: 42 } });
    expect(bad.status).toBe(400);
    expect(bad.body.message).toContain('governancePlan.methods: must be a string');

    const patched = await t.http
      .patch(`/api/hazards/${h.id}`)
      .set(await auth('enterprise_officer'))
      .send({ governancePlan: plan });
    expect(patched.status).toBe(200);
    expect((await act('enterprise_officer', h.id, 'start')).body.status).toBe('rectifying');
    await act('enterprise_officer', h.id, 'submit');
    // Only a zone inspector accepts a major hazard; not the zone admin, not the enterprise.
    expect((await act('zone_admin', h.id, 'accept')).status).toBe(403);
    expect((await act('officer2', h.id, 'accept')).status).toBe(404);
    // Order 16 Art. 18: the fix is evaluated before acceptance (this test once closed it without).
    expect((await act('inspector', h.id, 'accept')).body.problems[0].code).toBe('hazard.evaluationRequired');
    const evaluated = await t.http
      .put(`/api/hazards/${h.id}/evaluation`)
      .set(await auth('enterprise_officer'))
      .send({
        by: 'technical_staff',
        evaluator: '技术负责人',
        date: '2026-01-05',
        passed: true,
        conclusion: '已消除',
      });
    expect(evaluated.status).toBe(200);
    expect((await act('inspector', h.id, 'accept')).body.status).toBe('closed');

    // An officer may not quietly downgrade a major hazard.
    const other = await create(
      'enterprise_officer',
      general({ level: 'major', contingencyPlanRef: '预案', harmAnalysis }),
    );
    const down = await t.http
      .patch(`/api/hazards/${other.id}`)
      .set(await auth('enterprise_officer'))
      .send({ level: 'general' });
    expect(down.status).toBe(403);
  });

  it('closes a general hazard on the spot only with a photo', async () => {
    const h = await create('enterprise_officer', general({ measures: null, deadline: null }));
    const without = await act('enterprise_officer', h.id, 'close_on_spot');
    expect(without.status).toBe(400);
    expect(without.body.message).toEqual(['photoIds: a photo of the fix is required']);
    const photo = await pngPhoto();
    const done = await act('enterprise_officer', h.id, 'close_on_spot', { photoIds: [photo] });
    expect(done.status).toBe(200);
    expect(done.body.status).toBe('closed');
    const edit = await t.http
      .patch(`/api/hazards/${h.id}`)
      .set(await auth('enterprise_officer'))
      .send({ place: 'x' });
    expect(edit.status).toBe(409);
  });

  describe('every transition by every role over REST', () => {
    const FROM: Record<HazardAction, HazardStatus> = {
      start: 'found',
      submit: 'rectifying',
      accept: 'submitted',
      reject: 'submitted',
      close_on_spot: 'found',
    };
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

    for (const level of ['general', 'major'] as const) {
      for (const action of Object.keys(FROM) as HazardAction[]) {
        it(`${level} · ${action}`, async () => {
          for (const role of ROLES) {
            const h = await create('zone_admin', {
              ...general({ level, enterpriseId: ids.e1 }),
              contingencyPlanRef: '专项预案',
              governancePlan: plan,
              harmAnalysis: level === 'major' ? harmAnalysis : null,
            });
            // Put it straight into the state the action starts from, submitted by none of the
            // actors; a major one with its fix evaluated (Order 16 Art. 18), which the role table presumes.
            await sql.query(
              'UPDATE hazard SET status = $2, submitted_by = $3, evaluation = $4 WHERE id = $1',
              [
                h.id,
                FROM[action],
                FROM[action] === 'submitted' ? ids['officer2@muster.test'] : null,
                level === 'major'
                  ? {
                      by: 'technical_staff',
                      evaluator: '专家组',
                      date: '2026-01-05',
                      passed: true,
                      conclusion: '已消除',
                      reportFileId: null,
                      recordedBy: 'x',
                      recordedAt: '2026-01-05T00:00:00Z',
                    }
                  : null,
              ],
            );
            const photo = action === 'close_on_spot' ? [await pngPhoto()] : [];
            const res = await act(role, h.id, action, { photoIds: photo });
            const allowed = MAY[level][action].includes(role);
            const outcome = { role, status: res.status < 300 ? 'ok' : res.status };
            if (allowed) expect(outcome).toEqual({ role, status: 'ok' });
            else expect(outcome.status).not.toBe('ok');
            // Responders never reach the ledger at all; others are refused by the workflow.
            if (!allowed && role === 'responder') expect(res.status).toBe(403);
            const after = await sql.query<{ status: string }>('SELECT status FROM hazard WHERE id = $1', [
              h.id,
            ]);
            expect({ role, status: after.rows[0]!.status }).toEqual({
              role,
              status: allowed ? res.body.status : FROM[action],
            });
          }
        });
      }
    }
  });

  describe('enterprise scope', () => {
    let mine: HazardDetailView;
    let theirs: HazardDetailView;

    beforeAll(async () => {
      mine = await create('enterprise_officer', general({ description: '本企业隐患-甲' }));
      theirs = await create('officer2', general({ description: '他企业隐患-乙' }));
    });

    it('hides another enterprise’s hazards from an officer (404), in lists, stats and the map', async () => {
      const h = await auth('officer2');
      expect((await t.http.get(`/api/hazards/${mine.id}`).set(h)).status).toBe(404);
      expect((await t.http.patch(`/api/hazards/${mine.id}`).set(h).send({ place: 'x' })).status).toBe(404);
      expect((await act('officer2', mine.id, 'start')).status).toBe(404);
      const list = await t.http.get('/api/hazards?pageSize=500').set(h);
      expect(list.body.items.every((x: { enterpriseId: string }) => x.enterpriseId === ids.e2)).toBe(true);
      expect(list.body.items.map((x: { id: string }) => x.id)).toContain(theirs.id);
      const filtered = await t.http.get(`/api/hazards?enterpriseId=${ids.e1}`).set(h);
      expect(filtered.body.total).toBe(0);
      const stats = await t.http.get('/api/hazards/stats').set(h);
      expect(stats.body.byEnterprise.map((e: { enterpriseId: string }) => e.enterpriseId)).toEqual([ids.e2]);
      const map = await t.http.get('/api/hazards/map').set(h);
      expect(map.body.features.length).toBeGreaterThan(0);
      expect(
        map.body.features.every(
          (f: { properties: { enterpriseId: string } }) => f.properties.enterpriseId === ids.e2,
        ),
      ).toBe(true);
      // Creating for another enterprise is refused outright.
      const foreign = await t.http
        .post('/api/hazards')
        .set(h)
        .send(general({ enterpriseId: ids.e1 }));
      expect(foreign.status).toBe(403);
    });

    it('exports only the officer’s own ledger and report (XLSX)', async () => {
      const h = await auth('officer2');
      const exp = await t.http
        .get(`/api/hazards/export?enterpriseId=${ids.e1}`)
        .set(h)
        .buffer(true)
        .parse(binary);
      expect(exp.status).toBe(200);
      expect(exp.headers['content-type']).toContain('spreadsheetml');
      expect(await cellsOf(exp.body as Buffer)).not.toContain('本企业隐患-甲');
      const all = await t.http.get('/api/hazards/export').set(h).buffer(true).parse(binary);
      const text = await cellsOf(all.body as Buffer);
      expect(text).toContain('他企业隐患-乙');
      expect(text).not.toContain('本企业隐患-甲');

      const year = new Date().getFullYear();
      const report = await t.http
        .get(`/api/hazards/reports/order16?year=${year}&enterpriseId=${ids.e1}`)
        .set(h)
        .buffer(true)
        .parse(binary);
      expect(report.status).toBe(200);
      const reportText = await cellsOf(report.body as Buffer);
      expect(reportText).toContain('淮北龙山精细化工有限公司');
      expect(reportText).not.toContain('本企业隐患-甲');
      expect(reportText).toContain('单位主要负责人（签字）');

      const zone = await t.http
        .get(`/api/hazards/reports/order16?year=${year}&quarter=5`)
        .set(await auth('commander'));
      expect(zone.status).toBe(400);
      expect(zone.body.message).toEqual(['quarter: must not be greater than 4']);
    });
  });

  describe('deadlines in Asia/Shanghai', () => {
    it('reminds 3 days and 1 day before, escalates when overdue — switching at local midnight, once each', async () => {
      const clock = t.get(Clock);
      const reminders = t.get(ReminderScheduler);
      const h = await create(
        'enterprise_officer',
        general({ deadline: '2026-03-10', foundAt: '2026-03-01T02:00:00Z' }),
      );
      const at = (iso: string) => jest.spyOn(clock, 'now').mockReturnValue(new Date(iso));
      const mineDue = async () => (await reminders.pending(['hazard'])).filter((r) => r.entityId === h.id);
      const keys = async () => (await mineDue()).map((r) => ({ stage: r.stage, deadline: r.deadline }));
      try {
        at('2026-03-06T15:59:59Z'); // 6 March 23:59:59 in Shanghai
        expect(await mineDue()).toEqual([]);
        at('2026-03-06T16:00:00Z'); // 7 March 00:00 in Shanghai (still 6 March in UTC)
        expect(await mineDue()).toEqual([
          expect.objectContaining({
            kind: 'hazard.due_in_3_days',
            stage: 'due_in_3_days',
            entity: 'hazard',
            entityId: h.id,
            deadline: '2026-03-10',
          }),
        ]);
        const officerBefore = (await notificationsOf('enterprise_officer')).length;
        const first = (await mineDue())[0]!;
        expect(await reminders.send('hazard', first)).toBe(true);
        // A duplicate send sends nothing, and the scan no longer offers it.
        expect(await reminders.send('hazard', first)).toBe(false);
        expect(await mineDue()).toEqual([]);
        const inbox = await notificationsOf('enterprise_officer');
        expect(inbox.length).toBe(officerBefore + 1);
        expect(inbox[0]).toMatchObject({ kind: 'hazard.due_in_3_days', entityId: h.id });

        at('2026-03-08T16:00:00Z'); // 9 March 00:00
        expect((await keys()).map((r) => r.stage)).toEqual(['due_in_1_day']);
        await reminders.send('hazard', (await mineDue())[0]!);

        at('2026-03-10T15:59:59Z'); // last second of the deadline day: not overdue
        expect(await mineDue()).toEqual([]);
        const listed = await t.http.get(`/api/hazards/${h.id}`).set(await auth('enterprise_officer'));
        expect(listed.body.overdue).toBe(false);

        at('2026-03-10T16:00:00Z'); // 11 March 00:00 in Shanghai
        expect((await keys()).map((r) => r.stage)).toEqual(['overdue']);
        const inspectorBefore = (await notificationsOf('inspector')).length;
        expect(await reminders.send('hazard', (await mineDue())[0]!)).toBe(true);
        const escalated = await notificationsOf('inspector');
        expect(escalated.length).toBe(inspectorBefore + 1);
        expect(escalated[0]).toMatchObject({ kind: 'hazard.overdue', entityId: h.id });
        expect(
          (await t.http.get(`/api/hazards/${h.id}`).set(await auth('enterprise_officer'))).body.overdue,
        ).toBe(true);
        const overdueList = await t.http
          .get('/api/hazards?overdue=true&pageSize=500')
          .set(await auth('inspector'));
        expect(overdueList.body.items.map((x: { id: string }) => x.id)).toContain(h.id);

        const rows = await sql.query(
          `SELECT stage FROM reminder_claim WHERE entity = 'hazard' AND entity_id = $1
            GROUP BY stage ORDER BY min(id)`,
          [h.id],
        );
        expect(rows.rows.map((r) => r.stage)).toEqual(['due_in_3_days', 'due_in_1_day', 'overdue']);
        // A stale reminder (stage no longer due, deadline not the hazard's) is dropped rather than
        // sent late.
        expect(
          await reminders.send('hazard', {
            ...first,
            kind: 'hazard.due_in_1_day',
            stage: 'due_in_1_day',
            deadline: '2026-03-12',
          }),
        ).toBe(false);
      } finally {
        jest.restoreAllMocks();
      }
    });
  });

  it('seeds a demo ledger once: a second seeding adds nothing', async () => {
    const count = async () =>
      (await sql.query<{ n: number }>('SELECT count(*)::int AS n FROM hazard')).rows[0]!.n;
    const before = await count();
    const demo = await sql.query<{ n: number }>(
      `SELECT count(DISTINCT enterprise_id)::int AS n FROM hazard WHERE created_by IS NOT NULL`,
    );
    expect(demo.rows[0]!.n).toBeGreaterThanOrEqual(8);
    await t.get(DemoSeedService).seed();
    expect(await count()).toBe(before);
  });

  it('reminds the zone inspectors when the enterprise has no officer account', async () => {
    const orphan = await sql.query<{ id: string }>(
      `SELECT e.id FROM enterprise e WHERE NOT EXISTS (SELECT 1 FROM app_user u WHERE u.enterprise_id = e.id) LIMIT 1`,
    );
    const h = await create(
      'inspector',
      general({ enterpriseId: orphan.rows[0]!.id, deadline: '2026-05-10' }),
    );
    const spy = jest.spyOn(t.get(Clock), 'now').mockReturnValue(new Date('2026-05-08T16:00:00Z'));
    try {
      const reminders = t.get(ReminderScheduler);
      const due = (await reminders.pending(['hazard'])).filter((r) => r.entityId === h.id);
      expect(due.map((r) => r.stage)).toEqual(['due_in_1_day']);
      const before = (await notificationsOf('inspector')).length;
      expect(await reminders.send('hazard', due[0]!)).toBe(true);
      const inbox = await notificationsOf('inspector');
      expect(inbox.length).toBe(before + 1);
      expect(inbox[0]).toMatchObject({ kind: 'hazard.due_in_1_day', entityId: h.id });
    } finally {
      spy.mockRestore();
    }
  });

  describe('notifications', () => {
    it('are private to their user and can be marked read', async () => {
      const mine = await notificationsOf('inspector');
      expect(mine.length).toBeGreaterThan(0);
      const id = mine[0]!.id;
      expect((await t.http.post(`/api/notifications/${id}/read`).set(await auth('officer2'))).status).toBe(
        404,
      );
      const read = await t.http.post(`/api/notifications/${id}/read`).set(await auth('inspector'));
      expect(read.status).toBe(200);
      expect(read.body.readAt).not.toBeNull();
      const unread = await t.http.get('/api/notifications?unread=true').set(await auth('inspector'));
      expect(unread.body.items.map((n: { id: string }) => n.id)).not.toContain(id);
      const all = await t.http.post('/api/notifications/read-all').set(await auth('inspector'));
      expect(all.status).toBe(200);
      expect((await t.http.get('/api/notifications').set(await auth('inspector'))).body.unread).toBe(0);
    });
  });
});

function binary(res: request.Response, cb: (err: Error | null, body: unknown) => void) {
  const stream = res as unknown as NodeJS.ReadableStream;
  const chunks: Buffer[] = [];
  stream.on('data', (c: Buffer) => chunks.push(c));
  stream.on('end', () => cb(null, Buffer.concat(chunks)));
}

/** Every cell of every sheet, as one text to search. */
async function cellsOf(xlsx: Buffer): Promise<string> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(xlsx as unknown as ArrayBuffer);
  const out: string[] = [];
  wb.eachSheet((ws) => ws.eachRow((row) => row.eachCell((c) => out.push(String(c.value ?? '')))));
  return out.join('\n');
}
