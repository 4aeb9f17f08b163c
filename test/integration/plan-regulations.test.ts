import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import pg from 'pg';
import type { EnterpriseView, PlanDetailView, PlanVersionView } from '@muster/contracts';
import { creditCodeCheckChar } from '../../server/src/enterprises/credit-code.js';
import { PlanReminders } from '../../server/src/plans/plan-reminders.js';
import { createTestApp, type TestApp } from '../support/app.js';

/** Midnight starting a zone-local day in Asia/Shanghai, as an instant. */
const midnight = (day: string) => new Date(`${day}T00:00:00+08:00`);

function creditCode(): string {
  const first17 = '91340602' + String(Math.floor(Math.random() * 1e9)).padStart(9, '0');
  return first17 + creditCodeCheckChar(first17);
}

describe('plan duties by the articles of MEM Order 2', () => {
  let t: TestApp;
  let sql: pg.Client;
  let admin: string;
  let officer1: string;
  let ent1: string;

  const api = (token: string) => ({
    get: (path: string) => t.http.get(path).set('Authorization', `Bearer ${token}`),
    post: (path: string, body: object = {}) =>
      t.http.post(path).set('Authorization', `Bearer ${token}`).send(body),
    patch: (path: string, body: object) =>
      t.http.patch(path).set('Authorization', `Bearer ${token}`).send(body),
  });

  beforeAll(async () => {
    t = await createTestApp();
    sql = new pg.Client({ connectionString: t.db.url });
    await sql.connect();
    admin = await t.token('zone_admin');
    officer1 = await t.token('enterprise_officer');
    ent1 = (await t.login('officer1@muster.test')).user.enterpriseId!;
  });
  afterAll(async () => {
    await sql?.end();
    await t?.close();
  });

  async function enterprise(over: Record<string, unknown>): Promise<EnterpriseView> {
    const res = await api(admin).post('/api/enterprises', {
      name: `规则测试${randomUUID().slice(0, 6)}有限公司`,
      creditCode: creditCode(),
      industry: '机械制造',
      riskClass: 'medium',
      address: '杜集经济开发区纬三路1号',
      location: { lat: 33.99, lng: 116.82 },
      legalRepresentative: '周伟',
      safetyLead: '孙莉',
      dutyPhone: '0561-3100001',
      ...over,
    });
    expect(res.status).toBe(201);
    return res.body as EnterpriseView;
  }

  /** A special plan drafted, filled in and submitted by `token` for `enterpriseId`: its version id. */
  async function submitted(token: string, enterpriseId: string): Promise<string> {
    const created = await api(token).post('/api/plans', {
      enterpriseId,
      type: 'special',
      title: `机械伤害专项应急预案 ${randomUUID().slice(0, 6)}`,
      hazards: [],
      incidentCategories: ['fire'],
    });
    expect(created.status).toBe(201);
    const versionId = (created.body as PlanDetailView).versions[0]!.id;
    const v = (await api(token).get(`/api/plan-versions/${versionId}`)).body as PlanVersionView;
    await api(token).patch(`/api/plan-versions/${versionId}`, {
      sections: v.sections.map((s) => ({ ...s, body: `${s.title}：按本预案执行。` })),
    });
    await api(token).post(`/api/plan-versions/${versionId}/levels`, {
      rank: 1,
      code: 'I',
      name: '一级响应',
      activationCriteria: '事故超出车间控制能力',
      severities: ['ordinary'],
      checklist: [{ item: '报告总指挥', role: '车间主任', targetMinutes: 5 }],
    });
    expect((await api(token).post(`/api/plan-versions/${versionId}/submit`)).status).toBe(200);
    return versionId;
  }

  const expertReview = {
    kind: 'expert_review',
    heldOn: '2026-01-10',
    members: [
      { name: '刘振华', affiliation: '安徽省安全生产专家库（机械）' },
      { name: '孙卫东', affiliation: '淮北市应急管理局专家组' },
    ],
    conclusion: '预案基本可行，补充机械伤害现场处置后同意发布。',
  };

  /** Submitted, reviewed by experts, signed and published. */
  async function publish(token: string, enterpriseId: string): Promise<PlanVersionView> {
    const versionId = await submitted(token, enterpriseId);
    expect((await api(token).post(`/api/plan-versions/${versionId}/review`, expertReview)).status).toBe(200);
    const signed = await api(token).post(`/api/plan-versions/${versionId}/signature`, {
      signedBy: '周伟',
      signedOn: '2026-01-12',
    });
    expect(signed.status).toBe(200);
    const published = await api(token).post(`/api/plan-versions/${versionId}/publish`);
    expect(published.status).toBe(200);
    return published.body as PlanVersionView;
  }

  const threeYearsOn = (v: PlanVersionView) => {
    const day = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(
      new Date(v.publishedAt!),
    );
    return `${Number(day.slice(0, 4)) + 3}${day.slice(4)}`;
  };

  describe('Art. 35: the three-yearly evaluation follows category and size, not the risk colour', () => {
    it('is owed by a medium-size ordinary manufacturer', async () => {
      const e = await enterprise({ sizeClass: 'medium', evaluationCategory: 'other' });
      expect(e).toMatchObject({ sizeClass: 'medium', evaluationCategory: 'other' });
      const v = await publish(admin, e.id);
      expect(v.evaluationDueOn).toBe(threeYearsOn(v));
    });

    it('is not owed by a small one, nor by a small one coloured 重大风险', async () => {
      const small = await enterprise({ sizeClass: 'small', evaluationCategory: 'other' });
      expect((await publish(admin, small.id)).evaluationDueOn).toBeNull();
      const red = await enterprise({ sizeClass: 'small', evaluationCategory: 'other', riskClass: 'major' });
      expect((await publish(admin, red.id)).evaluationDueOn).toBeNull();
    });

    it('is owed by a small hazardous-chemicals user, and while the size is not recorded', async () => {
      const user = await enterprise({ sizeClass: 'small', evaluationCategory: 'hazardous_chemicals_user' });
      const v = await publish(admin, user.id);
      expect(v.evaluationDueOn).toBe(threeYearsOn(v));
      const unknown = await enterprise({ riskClass: 'low' });
      expect(unknown).toMatchObject({ sizeClass: null, evaluationCategory: null });
      expect((await publish(admin, unknown.id)).evaluationDueOn).not.toBeNull();
    });

    it('takes size and category from the zone only, and names a bad value', async () => {
      const e = await enterprise({});
      const bad = await api(admin).patch(`/api/enterprises/${e.id}`, { sizeClass: 'huge' });
      expect(bad.status).toBe(400);
      expect(JSON.stringify(bad.body)).toContain('sizeClass');
      const cleared = await api(admin).patch(`/api/enterprises/${e.id}`, {
        sizeClass: 'large',
        evaluationCategory: null,
      });
      expect(cleared.body).toMatchObject({ sizeClass: 'large', evaluationCategory: null });
      const own = await api(officer1).patch(`/api/enterprises/${ent1}`, { sizeClass: 'micro' });
      expect(own.status).toBe(403);
    });
  });

  describe('Art. 26: the filing is recorded, and recording it stops the filing reminder', () => {
    it('records date, department, receipt number and document, and reminds no more', async () => {
      const v = await publish(officer1, ent1);
      const dueOn = v.filingDueOn!;
      expect(v.filing).toBeNull();
      const reminders = t.get(PlanReminders);
      const dayAfter = new Date(midnight(dueOn).getTime() + 86_400_000);
      const owed = await reminders.owedFor(v.id, dayAfter);
      expect(owed.map((r) => [r.kind, r.deadline])).toEqual([['plan.filing_overdue', dueOn]]);

      const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date());
      const early = await api(officer1).post(`/api/plan-versions/${v.id}/filing`, {
        filedOn: '2020-01-02',
        filedWith: '淮北市杜集区应急管理局',
      });
      expect(early.status).toBe(400);
      expect(JSON.stringify(early.body)).toContain('filedOn');
      const noFile = await api(officer1).post(`/api/plan-versions/${v.id}/filing`, {
        filedOn: today,
        filedWith: '淮北市杜集区应急管理局',
        fileId: randomUUID(),
      });
      expect(noFile.status).toBe(400);
      expect(JSON.stringify(noFile.body)).toContain('fileId');
      const noDepartment = await api(officer1).post(`/api/plan-versions/${v.id}/filing`, { filedOn: today });
      expect(noDepartment.status).toBe(400);
      expect(JSON.stringify(noDepartment.body)).toContain('filedWith');

      const filed = await api(officer1).post(`/api/plan-versions/${v.id}/filing`, {
        filedOn: today,
        filedWith: '淮北市杜集区应急管理局',
        receiptNo: 'DJYJ-2026-017',
      });
      expect(filed.status).toBe(200);
      expect((filed.body as PlanVersionView).filing).toMatchObject({
        filedOn: today,
        filedWith: '淮北市杜集区应急管理局',
        receiptNo: 'DJYJ-2026-017',
        fileId: null,
      });
      expect(await reminders.owedFor(v.id, dayAfter)).toEqual([]);
      const audit = await sql.query(
        `SELECT 1 FROM audit_log WHERE action = 'plan_version.filed' AND entity_id = $1`,
        [v.id],
      );
      expect(audit.rowCount).toBe(1);
    });

    it('refuses to file a version that was never published', async () => {
      const created = await api(officer1).post('/api/plans', {
        type: 'comprehensive',
        title: `未发布预案 ${randomUUID().slice(0, 6)}`,
        hazards: [],
        incidentCategories: [],
      });
      const draftId = (created.body as PlanDetailView).versions[0]!.id;
      const res = await api(officer1).post(`/api/plan-versions/${draftId}/filing`, {
        filedOn: '2026-01-05',
        filedWith: '淮北市杜集区应急管理局',
      });
      expect(res.status).toBe(409);
    });
  });

  describe('Art. 21 and 24: review, signature and telling the neighbours, per version', () => {
    it('refuses to publish without the review (409 naming it), then without the signature', async () => {
      const e = await enterprise({ sizeClass: 'medium', evaluationCategory: 'other' });
      const versionId = await submitted(admin, e.id);
      const unreviewed = await api(admin).post(`/api/plan-versions/${versionId}/publish`);
      expect(unreviewed.status).toBe(409);
      expect(JSON.stringify(unreviewed.body)).toContain('no review');
      expect(JSON.stringify(unreviewed.body)).toContain('Art. 21');
      const early = await api(admin).post(`/api/plan-versions/${versionId}/signature`, {
        signedBy: '周伟',
        signedOn: '2026-01-12',
      });
      expect(early.status).toBe(409);

      const reviewed = await api(admin).post(`/api/plan-versions/${versionId}/review`, expertReview);
      expect(reviewed.status).toBe(200);
      expect((reviewed.body as PlanVersionView).review).toMatchObject({
        kind: 'expert_review',
        heldOn: '2026-01-10',
        members: expertReview.members,
        conclusion: expertReview.conclusion,
      });
      const unsigned = await api(admin).post(`/api/plan-versions/${versionId}/publish`);
      expect(unsigned.status).toBe(409);
      expect(JSON.stringify(unsigned.body)).toContain('not signed');
      const beforeReview = await api(admin).post(`/api/plan-versions/${versionId}/signature`, {
        signedBy: '周伟',
        signedOn: '2026-01-09',
      });
      expect(beforeReview.status).toBe(400);
      expect(JSON.stringify(beforeReview.body)).toContain('signedOn');
      await api(admin).post(`/api/plan-versions/${versionId}/signature`, {
        signedBy: '周伟',
        signedOn: '2026-01-12',
      });
      const published = await api(admin).post(`/api/plan-versions/${versionId}/publish`);
      expect(published.status).toBe(200);
      expect((published.body as PlanVersionView).signature).toEqual({
        signedBy: '周伟',
        signedOn: '2026-01-12',
      });
      // The record of a version in force no longer changes.
      expect((await api(admin).post(`/api/plan-versions/${versionId}/review`, expertReview)).status).toBe(
        409,
      );
    });

    it('lets a small unit outside the listed industries discuss its plan, but not a listed or medium one', async () => {
      const discussion = {
        kind: 'discussion',
        heldOn: '2026-01-08',
        members: [{ name: '全体班组长' }, { name: '职工代表 李娜' }],
        conclusion: '职工讨论通过，同意发布。',
      };
      const small = await enterprise({ sizeClass: 'small', evaluationCategory: 'other' });
      const ok = await api(admin).post(
        `/api/plan-versions/${await submitted(admin, small.id)}/review`,
        discussion,
      );
      expect(ok.status).toBe(200);
      expect((ok.body as PlanVersionView).review).toMatchObject({
        kind: 'discussion',
        members: [
          { name: '全体班组长', affiliation: '' },
          { name: '职工代表 李娜', affiliation: '' },
        ],
      });
      for (const over of [
        { sizeClass: 'medium', evaluationCategory: 'other' },
        { sizeClass: 'micro', evaluationCategory: 'dangerous_goods' },
      ]) {
        const listed = await enterprise(over);
        const refused = await api(admin).post(
          `/api/plan-versions/${await submitted(admin, listed.id)}/review`,
          discussion,
        );
        expect(refused.status).toBe(400);
        expect(JSON.stringify(refused.body)).toContain('kind');
      }
      const noMembers = await api(admin).post(
        `/api/plan-versions/${await submitted(admin, small.id)}/review`,
        { ...discussion, members: [] },
      );
      expect(noMembers.status).toBe(400);
      expect(JSON.stringify(noMembers.body)).toContain('members');
    });

    it('records that a plan concerns its neighbours and whom it told, after publication too', async () => {
      const v = await publish(officer1, ent1);
      expect(v.neighbourNotice).toEqual({ required: false, notifiedOn: null, notified: [], how: '' });
      const nobody = await api(officer1).post(`/api/plan-versions/${v.id}/neighbour-notice`, {
        required: true,
        notifiedOn: '2026-01-20',
      });
      expect(nobody.status).toBe(400);
      expect(JSON.stringify(nobody.body)).toContain('notified');
      const told = await api(officer1).post(`/api/plan-versions/${v.id}/neighbour-notice`, {
        required: true,
        notifiedOn: '2026-01-20',
        notified: ['淮北龙山精细化工有限公司', '朔里镇南山村村委会'],
        how: '书面告知书',
      });
      expect(told.status).toBe(200);
      expect((told.body as PlanVersionView).neighbourNotice).toEqual({
        required: true,
        notifiedOn: '2026-01-20',
        notified: ['淮北龙山精细化工有限公司', '朔里镇南山村村委会'],
        how: '书面告知书',
      });
    });
  });
});
