import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import type { INestApplicationContext } from '@nestjs/common';
import pg from 'pg';
import type { NotificationKind, SafetyOrgIndustry, SafetyOrgView } from '@muster/contracts';
import { Clock } from '../../server/src/common/clock.js';
import { creditCodeCheckChar } from '../../server/src/enterprises/credit-code.js';
import { RequestContext } from '../../server/src/common/request-context.js';
import { OrganisationService } from '../../server/src/organisation/organisation.service.js';
import { ReminderScheduler } from '../../server/src/reminders/reminder-scheduler.js';
import { createTestApp, type TestApp } from '../support/app.js';
import { restartedWorker } from '../support/worker.js';

const midnight = (day: string) => new Date(`${day}T00:00:00+08:00`);
const auth = (token: string) => ({ Authorization: `Bearer ${token}` });

describe('organisation: the leading group, its decisions, and enterprises’ safety organisation', () => {
  let t: TestApp;
  let sql: pg.Client;
  let admin: string;
  let inspector: string;
  let officer: string;
  let officer2: string;
  let adminId: string;
  let ownId: string;
  let otherId: string;
  let worker: INestApplicationContext | undefined;

  beforeAll(async () => {
    t = await createTestApp();
    sql = new pg.Client({ connectionString: t.db.url });
    await sql.connect();
    admin = await t.token('zone_admin');
    inspector = await t.token('inspector');
    officer = await t.token('enterprise_officer');
    officer2 = await t.token('officer2');
    adminId = (await t.login('admin@muster.test')).user.id;
    ownId = (await t.login('officer1@muster.test')).user.enterpriseId!;
    otherId = (await t.login('officer2@muster.test')).user.enterpriseId!;
  }, 60_000);

  afterAll(async () => {
    jest.restoreAllMocks();
    await worker?.close();
    await sql?.end();
    await t?.close();
  });

  const contact = async (token: string, body: Record<string, unknown>) => {
    const res = await t.http
      .post('/api/contacts')
      .set(auth(token))
      .send({ organization: '安全部', post: '安全员', ...body });
    expect(res.status).toBe(201);
    return res.body as { id: string };
  };

  const audits = async (action: string, entityId: string) =>
    (
      await sql.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM audit_log WHERE action = $1 AND entity_id = $2`,
        [action, entityId],
      )
    ).rows[0]!.n;

  describe('an enterprise’s safety organisation', () => {
    let enterpriseId: string;
    let full: string;
    let part: string;
    let engineer: string;

    beforeAll(async () => {
      // A unit of its own, so the industry and headcount can be set freely.
      const e = await t.http
        .post('/api/enterprises')
        .set(auth(admin))
        .send({
          name: '淮北测试机构企业有限公司',
          creditCode: `91340602MA2T99990${creditCodeCheckChar('91340602MA2T99990')}`,
          industry: '机械加工',
          riskClass: 'low',
          address: '杜集经济开发区测试路1号',
          location: { lat: 33.99, lng: 116.82 },
          legalRepresentative: '测试',
          safetyLead: '测试',
          dutyPhone: '0561-3019999',
        });
      expect(e.status).toBe(201);
      enterpriseId = e.body.id;
      full = (await contact(admin, { enterpriseId, name: '专职安全员甲', phones: ['+8613900990001'] })).id;
      part = (await contact(admin, { enterpriseId, name: '兼职安全员乙', phones: ['+8613900990002'] })).id;
      engineer = (await contact(admin, { enterpriseId, name: '注安师丙', phones: ['+8613900990003'] })).id;
    });

    const report = async (body: Record<string, unknown>, token = admin, id = enterpriseId) =>
      t.http.put(`/api/safety-orgs/${id}`).set(auth(token)).send(body);
    const status = async (
      industry: SafetyOrgIndustry,
      headcount: number,
      managers: Record<string, unknown>[],
      hasOffice = false,
    ) => {
      const res = await report({ industry, headcount, hasOffice, managers });
      expect(res.status).toBe(200);
      return (res.body as SafetyOrgView).status;
    };
    const partTime = () => ({ contactId: part, kind: 'part_time' });
    const fullTime = () => ({ contactId: full, kind: 'full_time' });

    it('flags an ordinary unit above 100 employees without an office or a full-time manager', async () => {
      expect(await status('other', 100, [partTime()])).toMatchObject({ met: true, problems: [] });
      expect(await status('other', 100, [])).toMatchObject({ met: false, problems: ['manager_missing'] });
      expect(await status('other', 101, [partTime()])).toMatchObject({
        met: false,
        problems: ['office_or_full_time_missing'],
      });
      expect(await status('other', 101, [partTime(), fullTime()])).toMatchObject({ met: true });
      expect(await status('other', 101, [partTime()], true)).toMatchObject({ met: true });

      const flagged = await t.http.get('/api/safety-orgs?flagged=true').set(auth(admin));
      expect(flagged.status).toBe(200);
      expect((flagged.body as SafetyOrgView[]).map((v) => v.enterpriseId)).not.toContain(enterpriseId);
      await status('other', 101, [partTime()]);
      const missing = await t.http
        .get('/api/safety-orgs?problem=office_or_full_time_missing')
        .set(auth(admin));
      expect((missing.body as SafetyOrgView[]).map((v) => v.enterpriseId)).toContain(enterpriseId);
    });

    it.each([
      'mine',
      'metal_smelting',
      'construction',
      'transport',
      'dangerous_goods',
      'dangerous_goods_trade',
    ] as const)('holds a %s unit of 20 to an office or full-time managers', async (industry) => {
      const small = await status(industry, 20, [partTime()]);
      expect(small.met).toBe(false);
      expect(small.problems).toContain('office_or_full_time_missing');
      const withFullTime = await status(industry, 20, [fullTime()]);
      expect(withFullTime.problems).not.toContain('office_or_full_time_missing');
    });

    it('asks dangerous goods units for a registered chemical safety engineer among the managers', async () => {
      expect(await status('dangerous_goods', 300, [fullTime()], true)).toMatchObject({
        problems: ['engineers_short'],
        requirement: { engineers: 1, basis: expect.arrayContaining(['《安全生产法》第二十七条第三款']) },
      });
      const registered = {
        contactId: engineer,
        kind: 'full_time',
        engineer: { certificateNo: 'ZA-2031-0001', specialty: 'chemical', level: 'intermediate' },
      };
      expect(await status('dangerous_goods', 300, [fullTime(), registered], true)).toMatchObject({
        met: true,
        qualifyingEngineers: 1,
      });
      expect(await status('dangerous_goods_trade', 300, [fullTime()], true)).toMatchObject({ met: true });

      // The assessment's finder answers the same.
      const finder = t.get(OrganisationService);
      const found = await t
        .get(RequestContext)
        .runAsSystem('test', () => finder.safetyOfficeStatusByEnterprise([enterpriseId]));
      expect(found.get(enterpriseId)).toEqual({ met: true, problems: [] });
      expect(await audits('enterprise_safety_org.updated', enterpriseId)).toBeGreaterThanOrEqual(10);
    });

    it('refuses bad input with a 400 naming the field', async () => {
      const cases: [Record<string, unknown>, RegExp][] = [
        [{ industry: 'chemicals', headcount: 10, hasOffice: false, managers: [] }, /^industry: /],
        [{ headcount: -1, hasOffice: false, managers: [] }, /^headcount: /],
        [
          { headcount: 10, hasOffice: false, managers: [{ contactId: part, kind: 'casual' }] },
          /^managers\.0\.kind: /,
        ],
        [
          { headcount: 10, hasOffice: false, managers: [partTime(), { contactId: part, kind: 'full_time' }] },
          /^managers\.1\.contactId: /,
        ],
        [
          {
            headcount: 10,
            hasOffice: false,
            managers: [
              {
                contactId: part,
                kind: 'full_time',
                engineer: { certificateNo: 'x', specialty: 'fire', level: 'senior' },
              },
            ],
          },
          /^managers\.0\.engineer\.specialty: /,
        ],
      ];
      for (const [body, field] of cases) {
        const res = await report(body);
        expect({ body, status: res.status }).toEqual({ body, status: 400 });
        expect(res.body.message).toEqual([expect.stringMatching(field)]);
      }
    });

    it('lets an officer report their own enterprise only, with its own people', async () => {
      const own = await contact(officer, { name: '华晟专职安全员', phones: ['+8613900990011'] });
      const ok = await report(
        {
          headcount: 860,
          hasOffice: true,
          officeName: '安全环保部',
          managers: [{ contactId: own.id, kind: 'full_time' }],
        },
        officer,
        ownId,
      );
      expect(ok.status).toBe(200);
      expect(ok.body).toMatchObject({
        industry: 'dangerous_goods',
        industryRecorded: false,
        officeName: '安全环保部',
      });
      expect(ok.body.status.problems).toEqual(['engineers_short']);
      expect(await audits('enterprise_safety_org.updated', ownId)).toBe(1);

      const elsewhere = await report({ headcount: 1, hasOffice: true, managers: [] }, officer, otherId);
      expect(elsewhere.status).toBe(404);
      const foreignPerson = await report(
        { headcount: 1, hasOffice: true, managers: [{ contactId: part, kind: 'full_time' }] },
        officer,
        ownId,
      );
      expect(foreignPerson.status).toBe(400);
      expect(foreignPerson.body.message).toEqual([expect.stringMatching(/^managers\.0\.contactId: /)]);

      const mine = await t.http.get('/api/safety-orgs').set(auth(officer));
      expect((mine.body as SafetyOrgView[]).map((v) => v.enterpriseId)).toEqual([ownId]);
      expect((await t.http.get(`/api/safety-orgs/${otherId}`).set(auth(officer))).status).toBe(404);
      expect((await t.http.get(`/api/safety-orgs/${ownId}`).set(auth(officer2))).status).toBe(404);
    });
  });

  describe('the leading group and the decisions it assigns', () => {
    let leader: { id: string };
    let responsible: { id: string };
    let meetingId: string;

    it('keeps each member’s past places when their role changes', async () => {
      leader = await contact(admin, {
        name: '测试组长',
        organization: '管委会',
        post: '主任',
        phones: ['+8613900991001'],
      });
      const added = await t.http
        .post('/api/leading-group/members')
        .set(auth(admin))
        .send({ contactId: leader.id, role: 'deputy_leader', fromDate: '2031-01-05' });
      expect(added.status).toBe(201);
      expect(added.body).toMatchObject({
        role: 'deputy_leader',
        department: '管委会',
        post: '主任',
        untilDate: null,
      });
      const twice = await t.http
        .post('/api/leading-group/members')
        .set(auth(admin))
        .send({ contactId: leader.id, role: 'member', fromDate: '2031-02-01' });
      expect(twice.status).toBe(409);

      const early = await t.http
        .post(`/api/leading-group/members/${added.body.id}/change`)
        .set(auth(admin))
        .send({ role: 'leader', fromDate: '2031-01-05' });
      expect(early.status).toBe(400);
      const changed = await t.http
        .post(`/api/leading-group/members/${added.body.id}/change`)
        .set(auth(admin))
        .send({ role: 'leader', fromDate: '2031-06-01', note: '管委会文件调整' });
      expect(changed.status).toBe(201);

      const current = await t.http.get('/api/leading-group/members').set(auth(inspector));
      expect(current.body.filter((m: { contactId: string }) => m.contactId === leader.id)).toEqual([
        expect.objectContaining({ role: 'leader', fromDate: '2031-06-01', untilDate: null }),
      ]);
      const history = await t.http.get('/api/leading-group/members?history=true').set(auth(admin));
      expect(
        history.body
          .filter((m: { contactId: string }) => m.contactId === leader.id)
          .map((m: { role: string; untilDate: string | null }) => [m.role, m.untilDate]),
      ).toEqual([
        ['leader', null],
        ['deputy_leader', '2031-05-31'],
      ]);
      expect(await audits('leading_group_member.changed', changed.body.id)).toBe(1);

      const enterpriseMember = await t.http
        .post('/api/leading-group/members')
        .set(auth(admin))
        .send({
          contactId: (await contact(officer, { name: '企业人员', phones: ['+8613900991002'] })).id,
          role: 'member',
          fromDate: '2031-01-01',
        });
      expect(enterpriseMember.status).toBe(400);
      expect(enterpriseMember.body.message).toEqual([expect.stringMatching(/^contactId: /)]);
      expect((await t.http.get('/api/leading-group/members').set(auth(officer))).status).toBe(403);
    });

    it('takes a decision through its steps in order, with the office alone verifying', async () => {
      responsible = await contact(admin, {
        name: '测试督办责任人',
        organization: '安全生产监督管理科',
        post: '科长',
        phones: ['+8613900991003'],
      });
      const meeting = await t.http
        .post('/api/leading-group/meetings')
        .set(auth(admin))
        .send({
          kind: 'special',
          title: '危化品安全专题会议',
          heldOn: '2040-03-01',
          attendeeContactIds: [leader.id, responsible.id],
          agenda: '部署危化品企业特殊作业专项检查',
          minutes: '会议议定：一、开展专项检查；二、督促企业整改。',
        });
      expect(meeting.status).toBe(201);
      meetingId = meeting.body.id;
      const tooEarly = await t.http
        .post(`/api/leading-group/meetings/${meetingId}/decisions`)
        .set(auth(admin))
        .send({ item: 'x', department: '安全生产监督管理科', deadline: '2040-02-01' });
      expect(tooEarly.status).toBe(400);
      expect(tooEarly.body.message).toEqual([expect.stringMatching(/^deadline: /)]);

      const d = await t.http
        .post(`/api/leading-group/meetings/${meetingId}/decisions`)
        .set(auth(admin))
        .send({
          item: '组织开展危化品企业特殊作业专项检查',
          department: '安全生产监督管理科',
          responsibleContactId: responsible.id,
          deadline: '2040-04-30',
        });
      expect(d.status).toBe(201);
      expect(d.body).toMatchObject({ status: 'assigned', responsibleName: '测试督办责任人', overdue: false });
      const url = `/api/leading-group/decisions/${d.body.id}/actions`;

      const skip = await t.http.post(url).set(auth(inspector)).send({ action: 'complete', note: '已完成' });
      expect(skip.status).toBe(409);
      const noNote = await t.http.post(url).set(auth(inspector)).send({ action: 'progress' });
      expect(noNote.status).toBe(400);
      expect(noNote.body.message).toEqual([expect.stringMatching(/^note: /)]);
      const progress = await t.http
        .post(url)
        .set(auth(inspector))
        .send({ action: 'progress', note: '已检查 3 家' });
      expect(progress.status).toBe(200);
      expect(progress.body.status).toBe('in_progress');
      const early = await t.http.post(url).set(auth(admin)).send({ action: 'verify' });
      expect(early.status).toBe(409);
      const done = await t.http
        .post(url)
        .set(auth(inspector))
        .send({ action: 'complete', note: '6 家企业全部检查完毕，隐患 14 项已交办' });
      expect(done.body.status).toBe('done');
      const notOffice = await t.http.post(url).set(auth(inspector)).send({ action: 'verify' });
      expect(notOffice.status).toBe(403);
      const back = await t.http.post(url).set(auth(admin)).send({ action: 'return', note: '请补充整改台账' });
      expect(back.body.status).toBe('in_progress');
      await t.http.post(url).set(auth(inspector)).send({ action: 'complete', note: '已补充整改台账' });
      const verified = await t.http.post(url).set(auth(admin)).send({ action: 'verify', note: '核验属实' });
      expect(verified.status).toBe(200);
      expect(verified.body).toMatchObject({ status: 'verified', overdue: false, daysLeft: null });
      expect(verified.body.updates.map((u: { action: string }) => u.action)).toEqual([
        'progress',
        'complete',
        'return',
        'complete',
        'verify',
      ]);
      const again = await t.http.post(url).set(auth(admin)).send({ action: 'progress', note: 'x' });
      expect(again.status).toBe(409);
      for (const action of ['created', 'progress', 'complete', 'return', 'verify']) {
        expect({ action, n: await audits(`leading_group_decision.${action}`, d.body.id) }).toEqual({
          action,
          n: action === 'complete' ? 2 : 1,
        });
      }

      const closed = await t.http.get('/api/leading-group/decisions?state=closed').set(auth(inspector));
      expect(closed.body.items.map((i: { id: string }) => i.id)).toContain(d.body.id);
      const open = await t.http.get('/api/leading-group/decisions').set(auth(inspector));
      expect(open.body.items.map((i: { id: string }) => i.id)).not.toContain(d.body.id);
    });

    it('reminds of an open decision 3 days and 1 day before and once overdue, once each across a restart', async () => {
      const d = await t.http
        .post(`/api/leading-group/meetings/${meetingId}/decisions`)
        .set(auth(admin))
        .send({
          item: '督促企业完成储罐区可燃气体报警器检定',
          department: '测试督办科',
          responsibleContactId: responsible.id,
          deadline: '2040-05-20',
        });
      expect(d.status).toBe(201);
      const count = async (kind: NotificationKind) =>
        (
          await sql.query<{ n: number }>(
            `SELECT count(*)::int AS n FROM notification WHERE kind = $1 AND entity_id = $2 AND user_id = $3`,
            [kind, d.body.id, adminId],
          )
        ).rows[0]!.n;
      const counts = async () => ({
        due: await count('organisation.decision_due'),
        overdue: await count('organisation.decision_overdue'),
      });
      const clock = t.get(Clock);
      const scheduler = t.get(ReminderScheduler);
      const scanAt = async (s: ReminderScheduler, c: Clock, day: string, offsetMs = 0) => {
        jest.spyOn(c, 'now').mockReturnValue(new Date(midnight(day).getTime() + offsetMs));
        await s.scan(['decision']);
      };
      await scanAt(scheduler, clock, '2040-05-17', -1000);
      expect(await counts()).toEqual({ due: 0, overdue: 0 });
      await scanAt(scheduler, clock, '2040-05-17');
      await scanAt(scheduler, clock, '2040-05-18');
      expect(await counts()).toEqual({ due: 1, overdue: 0 });

      const board = await t.http.get('/api/leading-group/decisions?state=open').set(auth(admin));
      expect(board.body.items.find((i: { id: string }) => i.id === d.body.id)).toMatchObject({ daysLeft: 2 });

      worker = await restartedWorker(t);
      const scheduler2 = worker.get(ReminderScheduler);
      const clock2 = worker.get(Clock);
      await scanAt(scheduler2, clock2, '2040-05-18');
      expect(await counts()).toEqual({ due: 1, overdue: 0 });
      await scanAt(scheduler2, clock2, '2040-05-19');
      await scanAt(scheduler, clock, '2040-05-19');
      expect(await counts()).toEqual({ due: 2, overdue: 0 });
      await scanAt(scheduler, clock, '2040-05-20', 86_399_000);
      expect(await counts()).toEqual({ due: 2, overdue: 0 });
      await scanAt(scheduler2, clock2, '2040-05-21');
      await scanAt(scheduler, clock, '2040-05-21');
      await scanAt(scheduler2, clock2, '2040-05-25');
      expect(await counts()).toEqual({ due: 2, overdue: 1 });

      // The board shows it overdue under its department, while the clock says so.
      const overdue = await t.http.get('/api/leading-group/decisions?state=overdue').set(auth(admin));
      expect(overdue.body.items.map((i: { id: string }) => i.id)).toContain(d.body.id);
      expect(overdue.body.departments).toContainEqual(
        expect.objectContaining({ department: '测试督办科', open: 1, overdue: 1 }),
      );
      jest.restoreAllMocks();
    }, 60_000);
  });
});
