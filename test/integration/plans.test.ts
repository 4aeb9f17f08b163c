import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import pg from 'pg';
import { randomUUID } from 'node:crypto';
import type {
  EscalationPolicyView,
  InstallationExposure,
  PlanDetailView,
  PlanSuggestion,
  PlanVersionView,
  PolicyPreview,
} from '@muster/contracts';
import { DemoSeedService } from '../../server/src/demo/demo-seed.service.js';
import { createTestApp, type TestApp } from '../support/app.js';

/** Directory records written straight to the database, so these tests do not depend on its API. */
async function contact(sql: pg.Client, enterpriseId: string | null, name: string, phones: string[]) {
  const { rows } = await sql.query(
    `INSERT INTO contact (enterprise_id, name, phones) VALUES ($1, $2, $3) RETURNING id`,
    [enterpriseId, name, phones],
  );
  return rows[0].id as string;
}

async function team(sql: pg.Client, enterpriseId: string | null, name: string, members: string[]) {
  const { rows } = await sql.query(
    `INSERT INTO team (enterprise_id, name, type) VALUES ($1, $2, 'hazmat') RETURNING id`,
    [enterpriseId, name],
  );
  for (const [position, m] of members.entries()) {
    await sql.query(`INSERT INTO team_member (team_id, contact_id, position) VALUES ($1, $2, $3)`, [
      rows[0].id,
      m,
      position,
    ]);
  }
  return rows[0].id as string;
}

/** 24-hour shifts handed off at 08:00 zone time, starting 2026-01-01 with members[0]. */
async function rotation(sql: pg.Client, enterpriseId: string | null, name: string, members: string[]) {
  const { rows } = await sql.query(
    `INSERT INTO rotation (enterprise_id, name, shift_hours, handoff_time, start_date)
     VALUES ($1, $2, 24, '08:00', '2026-01-01') RETURNING id`,
    [enterpriseId, name],
  );
  for (const [position, m] of members.entries()) {
    await sql.query(`INSERT INTO rotation_member (rotation_id, position, contact_id) VALUES ($1, $2, $3)`, [
      rows[0].id,
      position,
      m,
    ]);
  }
  return rows[0].id as string;
}

const tier = (over: Record<string, unknown>) => ({
  contactIds: [],
  teamIds: [],
  rotationId: null,
  channels: ['sms', 'voice'],
  voiceDelaySeconds: 60,
  ackTimeoutSeconds: 300,
  quorum: 1,
  repeats: 0,
  ...over,
});

describe('contingency plans', () => {
  let t: TestApp;
  let sql: pg.Client;
  let admin: string;
  let officer1: string;
  let officer2: string;
  let ent1: string;
  let ent2: string;

  const api = (token: string) => ({
    get: (path: string) => t.http.get(path).set('Authorization', `Bearer ${token}`),
    post: (path: string, body: object = {}) =>
      t.http.post(path).set('Authorization', `Bearer ${token}`).send(body),
    patch: (path: string, body: object) =>
      t.http.patch(path).set('Authorization', `Bearer ${token}`).send(body),
  });

  /** A plan whose first version is complete enough for review. */
  async function draftPlan(
    token: string,
    body: Record<string, unknown>,
    levels: Record<string, unknown>[] = [
      {
        rank: 1,
        code: 'I',
        name: '一级响应',
        activationCriteria: '事故超出企业控制能力',
        severities: ['serious', 'especially_serious'],
        checklist: [{ item: '报告管委会', role: '总指挥', targetMinutes: 5 }],
      },
      {
        rank: 2,
        code: 'II',
        name: '二级响应',
        activationCriteria: '车间级事故',
        severities: ['relatively_serious', 'ordinary'],
        checklist: [{ item: '启动车间处置', role: '车间主任', targetMinutes: 10 }],
      },
    ],
  ): Promise<{ plan: PlanDetailView; versionId: string }> {
    const created = await api(token).post('/api/plans', { hazards: [], incidentCategories: [], ...body });
    expect(created.status).toBe(201);
    const plan = created.body as PlanDetailView;
    const versionId = plan.versions[0]!.id;
    const v = (await api(token).get(`/api/plan-versions/${versionId}`)).body as PlanVersionView;
    const filled = await api(token).patch(`/api/plan-versions/${versionId}`, {
      sections: v.sections.map((s) => ({ ...s, body: `${s.title}：按本预案执行。` })),
    });
    expect(filled.status).toBe(200);
    for (const l of levels)
      expect((await api(token).post(`/api/plan-versions/${versionId}/levels`, l)).status).toBe(201);
    return { plan, versionId };
  }

  /** The review (Art. 21) and the principal's signature (Art. 24) a version in review needs to be published. */
  async function reviewAndSign(token: string, versionId: string) {
    const reviewed = await api(token).post(`/api/plan-versions/${versionId}/review`, {
      kind: 'expert_review',
      heldOn: '2026-01-10',
      members: [{ name: '刘振华', affiliation: '安徽省安全生产专家库' }],
      conclusion: '同意发布',
    });
    expect(reviewed.status).toBe(200);
    const signed = await api(token).post(`/api/plan-versions/${versionId}/signature`, {
      signedBy: '王建国',
      signedOn: '2026-01-12',
    });
    expect(signed.status).toBe(200);
  }

  async function publishNew(
    token: string,
    body: Record<string, unknown>,
    levels?: Record<string, unknown>[],
  ) {
    const { plan, versionId } = await draftPlan(token, body, levels);
    expect((await api(token).post(`/api/plan-versions/${versionId}/submit`)).status).toBe(200);
    await reviewAndSign(token, versionId);
    expect((await api(token).post(`/api/plan-versions/${versionId}/publish`)).status).toBe(200);
    return { plan, versionId };
  }

  const publishedCount = async (planId: string) =>
    Number(
      (
        await sql.query(`SELECT count(*) FROM plan_version WHERE plan_id = $1 AND status = 'published'`, [
          planId,
        ])
      ).rows[0].count,
    );

  beforeAll(async () => {
    t = await createTestApp();
    sql = new pg.Client({ connectionString: t.db.url });
    await sql.connect();
    admin = await t.token('zone_admin');
    officer1 = await t.token('enterprise_officer');
    officer2 = await t.token('officer2');
    ent1 = (await t.login('officer1@muster.test')).user.enterpriseId!;
    ent2 = (await t.login('officer2@muster.test')).user.enterpriseId!;
  });
  afterAll(async () => {
    await sql.end();
    await t.close();
  });

  describe('demo zone', () => {
    it('answers which plan and level apply to a chlorine leak at 龙山精细化工, and whom it pages in what order', async () => {
      const commander = await t.token('commander');
      const s = (
        await api(commander).get(
          `/api/plans/suggest?category=hazardous_chemical_leak&enterpriseId=${ent2}&severity=relatively_serious`,
        )
      ).body as PlanSuggestion;
      expect(s.items.map((i) => [i.match, i.plan.title, i.level?.code ?? null])).toEqual([
        ['enterprise_special', '淮北龙山精细化工有限公司液氯泄漏专项应急预案', 'I'],
        ['enterprise_comprehensive', '淮北龙山精细化工有限公司生产安全事故综合应急预案', 'I'],
        ['zone_special', '杜集经济开发区危险化学品泄漏事故专项应急预案', 'I'],
        ['zone_comprehensive', '杜集经济开发区生产安全事故综合应急预案', 'I'],
      ]);
      expect(s.onSite.map((p) => p.title)).toEqual(['液氯钢瓶泄漏现场处置方案']);
      const level = s.items[0]!.level!;
      expect(level.checklist[0]).toEqual({
        item: '启动碱液吸收装置',
        role: '液氯岗位操作工',
        teamId: null,
        targetMinutes: 2,
      });
      const preview = (await api(commander).get(`/api/policies/${level.policy!.id}/preview`))
        .body as PolicyPreview;
      expect(preview.tiers.map((x) => x.recipients.map((r) => r.name))).toEqual([
        ['孟凡', '赵立新'],
        ['陈海峰', '顾晨', '孟凡', '汪海'],
      ]);
      expect(preview.tiers.every((x) => x.problems.length === 0)).toBe(true);
    });

    it('seeds idempotently', async () => {
      const before = Number((await sql.query('SELECT count(*) FROM plan')).rows[0].count);
      await t.get(DemoSeedService).seed();
      expect(Number((await sql.query('SELECT count(*) FROM plan')).rows[0].count)).toBe(before);
    });
  });

  describe('version workflow', () => {
    it('goes draft → in review → published → superseded, with one version in force', async () => {
      const { plan, versionId: v1 } = await draftPlan(officer1, {
        type: 'special',
        title: `测试液氯泄漏专项预案 ${randomUUID().slice(0, 6)}`,
        hazards: ['toxic_release'],
        incidentCategories: ['hazardous_chemical_leak'],
      });
      expect(plan.enterpriseId).toBe(ent1);

      const submitted = await api(officer1).post(`/api/plan-versions/${v1}/submit`);
      expect(submitted.body.status).toBe('in_review');
      // Only a draft may change; a version under review is what the reviewers see.
      expect((await api(officer1).patch(`/api/plan-versions/${v1}`, { label: 'x' })).status).toBe(409);
      const returned = await api(officer1).post(`/api/plan-versions/${v1}/return`, { note: '补充警戒范围' });
      expect(returned.body.status).toBe('draft');
      expect((await api(officer1).post(`/api/plan-versions/${v1}/publish`)).status).toBe(409);
      await api(officer1).post(`/api/plan-versions/${v1}/submit`);
      await reviewAndSign(officer1, v1);
      const published = await api(officer1).post(`/api/plan-versions/${v1}/publish`);
      expect(published.status).toBe(200);
      const pv = published.body as PlanVersionView;
      expect(pv.status).toBe('published');
      // Demo enterprise 1 is a large dangerous-goods producer: evaluation every 3 years (Art. 35);
      // filing in 20 working days (Art. 26).
      const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(
        new Date(pv.publishedAt!),
      );
      expect(pv.evaluationDueOn).toBe(`${Number(today.slice(0, 4)) + 3}${today.slice(4)}`);
      expect(pv.filingDueOn! > today).toBe(true);
      expect((await api(officer1).patch(`/api/plan-versions/${v1}`, { label: 'x' })).status).toBe(409);

      const v2res = await api(officer1).post(`/api/plans/${plan.id}/versions`, {
        label: '2027修订',
        changeSummary: '演练发现堵漏器材不足',
        revisionTriggers: ['drill_or_response_findings'],
      });
      expect(v2res.status).toBe(201);
      const v2 = v2res.body as PlanVersionView;
      expect(v2).toMatchObject({ number: 2, status: 'draft' });
      // The revision starts from the version in force, levels included.
      expect(v2.levels.map((l) => l.code)).toEqual(['I', 'II']);
      expect(v2.levels[0]!.id).not.toBe(pv.levels[0]!.id);
      const again = await api(officer1).post(`/api/plans/${plan.id}/versions`, {
        changeSummary: 'x',
        revisionTriggers: ['other'],
      });
      expect(again.status).toBe(409);

      await api(officer1).post(`/api/plan-versions/${v2.id}/submit`);
      // A revision is reviewed and signed afresh: the paperwork is per version, not copied.
      expect((await api(officer1).get(`/api/plan-versions/${v2.id}`)).body).toMatchObject({
        review: null,
        signature: null,
      });
      await reviewAndSign(officer1, v2.id);
      expect((await api(officer1).post(`/api/plan-versions/${v2.id}/publish`)).body.status).toBe('published');
      const old = (await api(officer1).get(`/api/plan-versions/${v1}`)).body as PlanVersionView;
      expect(old.status).toBe('superseded');
      expect(old.supersededAt).not.toBeNull();
      expect(await publishedCount(plan.id)).toBe(1);
      const detail = (await api(officer1).get(`/api/plans/${plan.id}`)).body as PlanDetailView;
      expect(detail.published!.id).toBe(v2.id);
      expect(detail.versions.map((v) => [v.number, v.status])).toEqual([
        [2, 'published'],
        [1, 'superseded'],
      ]);
      // A plan that has been in force is a record; it is revised, not deleted.
      expect(
        (await t.http.delete(`/api/plans/${plan.id}`).set('Authorization', `Bearer ${officer1}`)).status,
      ).toBe(409);
    });

    it('refuses to submit an incomplete version and names what is missing', async () => {
      const created = await api(admin).post('/api/plans', {
        enterpriseId: null,
        type: 'comprehensive',
        title: `测试综合预案 ${randomUUID().slice(0, 6)}`,
        hazards: [],
        incidentCategories: [],
      });
      const res = await api(admin).post(`/api/plan-versions/${created.body.versions[0].id}/submit`);
      expect(res.status).toBe(400);
      expect(res.body.message).toContain('sections[0].body: "总则（适用范围、响应分级）" is empty');
      expect(res.body.message).toContain(
        'levels: a comprehensive or special plan needs at least one response level',
      );
    });

    it('lets exactly one of several concurrent publish attempts win', async () => {
      const { plan, versionId } = await publishNew(admin, {
        type: 'special',
        title: `测试火灾专项 ${randomUUID().slice(0, 6)}`,
        incidentCategories: ['fire'],
      });
      const v2 = await api(admin).post(`/api/plans/${plan.id}/versions`, {
        changeSummary: '机构调整',
        revisionTriggers: ['command_changed'],
      });
      await api(admin).post(`/api/plan-versions/${v2.body.id}/submit`);
      await reviewAndSign(admin, v2.body.id);
      const results = await Promise.all(
        Array.from({ length: 6 }, () => api(admin).post(`/api/plan-versions/${v2.body.id}/publish`)),
      );
      expect(results.map((r) => r.status).sort()).toEqual([200, 409, 409, 409, 409, 409]);
      expect(await publishedCount(plan.id)).toBe(1);
      const statuses = (
        await sql.query(`SELECT id, status FROM plan_version WHERE plan_id = $1 ORDER BY number`, [plan.id])
      ).rows;
      expect(statuses).toEqual([
        { id: versionId, status: 'superseded' },
        { id: v2.body.id, status: 'published' },
      ]);
    });

    it('has the database refuse a second published version whatever the path', async () => {
      const { plan } = await publishNew(admin, {
        type: 'special',
        title: `测试爆炸专项 ${randomUUID().slice(0, 6)}`,
        incidentCategories: ['explosion'],
      });
      const err = await sql
        .query(
          `INSERT INTO plan_version (plan_id, number, status, published_at) VALUES ($1, 99, 'published', now())`,
          [plan.id],
        )
        .then(
          () => null,
          (e: { code: string; constraint: string }) => e,
        );
      expect(err).toMatchObject({ code: '23505', constraint: 'plan_version_one_published' });
    });
  });

  describe('escalation policies', () => {
    let withPhone: string[];
    let noPhone: string;
    let hazmat: string;
    let duty: string;

    beforeAll(async () => {
      withPhone = [
        await contact(sql, ent1, '测试甲', ['+8613800000001']),
        await contact(sql, ent1, '测试乙', ['+8613800000002']),
        await contact(sql, ent1, '测试丙', ['+8613800000003']),
      ];
      noPhone = await contact(sql, ent1, '测试丁', []);
      hazmat = await team(sql, ent1, `测试堵漏队 ${randomUUID().slice(0, 6)}`, [
        withPhone[1]!,
        withPhone[2]!,
      ]);
      duty = await rotation(sql, ent1, '测试值班', [withPhone[0]!, withPhone[1]!]);
    });

    it('names every bad tier field', async () => {
      const foreign = await contact(sql, ent2, '外企联系人', ['+8613800000009']);
      const res = await api(officer1).post('/api/policies', {
        name: '测试校验',
        tiers: [
          tier({}),
          tier({ contactIds: [withPhone[0], withPhone[1], noPhone] }),
          tier({ contactIds: [randomUUID(), foreign], teamIds: [randomUUID()], rotationId: randomUUID() }),
          tier({ contactIds: [withPhone[0]], quorum: 2 }),
          tier({ contactIds: [withPhone[0]], voiceDelaySeconds: 300, ackTimeoutSeconds: 300 }),
        ],
      });
      expect(res.status).toBe(400);
      expect(res.body.message).toEqual([
        'tiers[0]: names no contact, team or rotation',
        'tiers[1].contactIds[2]: contact has no phone',
        'tiers[2].contactIds[0]: contact does not exist',
        'tiers[2].contactIds[1]: contact does not exist',
        'tiers[2].teamIds[0]: team does not exist',
        'tiers[2].rotationId: rotation does not exist',
        'tiers[3].quorum: 2 acknowledgement(s) needed but only 1 recipient(s) can be reached',
        'tiers[4].voiceDelaySeconds: must be shorter than ackTimeoutSeconds (300)',
      ]);
    });

    it('validates numbers and channels before looking anything up', async () => {
      const res = await api(officer1).post('/api/policies', {
        name: '测试校验2',
        tiers: [tier({ contactIds: [withPhone[0]], ackTimeoutSeconds: 0, quorum: 0, channels: ['fax'] })],
      });
      expect(res.status).toBe(400);
      expect(res.body.message).toEqual(
        expect.arrayContaining([
          'tiers.0.ackTimeoutSeconds: must be greater than 0',
          'tiers.0.quorum: must not be less than 1',
          'tiers.0.channels: each value in channels must be one of the following values: sms, voice',
        ]),
      );
      const empty = await api(officer1).post('/api/policies', { name: '空', tiers: [] });
      expect(empty.body.message).toContain('tiers: must contain at least 1 elements');
    });

    it('saves a valid policy and previews who each tier pages at a given time', async () => {
      const created = await api(officer1).post('/api/policies', {
        name: '测试一级响应呼叫',
        tiers: [
          tier({
            rotationId: duty,
            channels: ['sms', 'voice'],
            voiceDelaySeconds: 60,
            ackTimeoutSeconds: 300,
          }),
          tier({
            contactIds: [withPhone[2]],
            teamIds: [hazmat],
            quorum: 2,
            ackTimeoutSeconds: 600,
            repeats: 1,
          }),
        ],
      });
      expect(created.status).toBe(201);
      const policy = created.body as EscalationPolicyView;
      expect(policy.enterpriseId).toBe(ent1);

      // 2026-01-01 08:00 +08:00 starts shift 0 (测试甲); 2026-01-02 07:58 is still shift 0 and
      // tier 0 starts at once; 08:00 the next day is shift 1 (测试乙).
      const at = '2026-01-02T07:58:00+08:00';
      const preview = (
        await api(await t.token('commander')).get(
          `/api/policies/${policy.id}/preview?at=${encodeURIComponent(at)}`,
        )
      ).body as PolicyPreview;
      expect(preview.tiers.map((x) => x.startsAfterSeconds)).toEqual([0, 300]);
      expect(preview.tiers[0]!.recipients).toEqual([
        {
          contactId: withPhone[0],
          name: '测试甲',
          phone: '+8613800000001',
          via: [{ kind: 'rotation', rotationId: duty, rotationName: '测试值班' }],
        },
      ]);
      // The second tier: the named contact once, though the team lists them too; members in team order.
      expect(preview.tiers[1]!.recipients.map((r) => [r.name, r.via.map((v) => v.kind)])).toEqual([
        ['测试丙', ['contact', 'team']],
        ['测试乙', ['team']],
      ]);
      expect(preview.tiers[1]!.problems).toEqual([]);

      const later = (
        await api(officer1).get(`/api/policies/${policy.id}/preview?at=2026-01-02T08:00:00%2B08:00`)
      ).body as PolicyPreview;
      expect(later.tiers[0]!.recipients.map((r) => r.name)).toEqual(['测试乙']);

      // Deleting a paged contact is refused by the database, with a message a person can act on.
      await sql.query(`DELETE FROM team_member WHERE contact_id = $1`, [withPhone[2]]);
      const del = await sql.query(`DELETE FROM contact WHERE id = $1`, [withPhone[2]]).then(
        () => null,
        (e: { constraint: string }) => e.constraint,
      );
      expect(del).toBe('escalation_tier_contact_contact_id_fkey');
    });

    it('re-validates on update', async () => {
      const created = await api(officer1).post('/api/policies', {
        name: '测试更新',
        tiers: [tier({ contactIds: [withPhone[0]] })],
      });
      const res = await api(officer1).patch(`/api/policies/${created.body.id}`, {
        tiers: [tier({ contactIds: [withPhone[0]] }), tier({ contactIds: [noPhone] })],
      });
      expect(res.status).toBe(400);
      expect(res.body.message).toEqual(['tiers[1].contactIds[0]: contact has no phone']);
    });

    it('attaches only a policy of the plan’s own owner to a level', async () => {
      const zonePolicy = await api(admin).post('/api/policies', {
        enterpriseId: null,
        name: `测试园区呼叫 ${randomUUID().slice(0, 6)}`,
        tiers: [tier({ contactIds: [await contact(sql, null, '园区值班', ['+8613900000001'])] })],
      });
      expect(zonePolicy.status).toBe(201);
      const { versionId } = await draftPlan(
        officer1,
        {
          type: 'comprehensive',
          title: `测试企业综合 ${randomUUID().slice(0, 6)}`,
        },
        [],
      );
      const res = await api(admin).post(`/api/plan-versions/${versionId}/levels`, {
        rank: 1,
        code: 'I',
        name: '一级',
        activationCriteria: 'x',
        severities: [],
        checklist: [{ item: 'x', role: 'y', targetMinutes: 1 }],
        policyId: zonePolicy.body.id,
      });
      expect(res.status).toBe(400);
      expect(res.body.message).toEqual(['policyId: the policy belongs to another owner than the plan']);
    });
  });

  describe('suggestion', () => {
    it('orders enterprise special > enterprise comprehensive > zone special > zone comprehensive', async () => {
      const suffix = randomUUID().slice(0, 6);
      const zoneComp = await publishNew(admin, {
        enterpriseId: null,
        type: 'comprehensive',
        title: `Z综合 ${suffix}`,
      });
      const zoneSpecial = await publishNew(admin, {
        enterpriseId: null,
        type: 'special',
        title: `Z泄漏 ${suffix}`,
        incidentCategories: ['hazardous_chemical_leak'],
      });
      const zoneFire = await publishNew(admin, {
        enterpriseId: null,
        type: 'special',
        title: `Z火灾 ${suffix}`,
        incidentCategories: ['fire'],
      });
      const entSpecial = await publishNew(officer2, {
        type: 'special',
        title: `E泄漏 ${suffix}`,
        incidentCategories: ['hazardous_chemical_leak', 'poisoning_asphyxiation'],
      });
      const entComp = await publishNew(officer2, { type: 'comprehensive', title: `E综合 ${suffix}` });
      // A draft never applies: only a version in force does.
      const draft = await draftPlan(officer2, {
        type: 'special',
        title: `E泄漏草稿 ${suffix}`,
        incidentCategories: ['hazardous_chemical_leak'],
      });

      const res = await api(await t.token('commander')).get(
        `/api/plans/suggest?category=hazardous_chemical_leak&enterpriseId=${ent2}&severity=relatively_serious`,
      );
      expect(res.status).toBe(200);
      const s = res.body as PlanSuggestion;
      const ids = s.items.map((i) => i.plan.id);
      const mine = [entSpecial, entComp, zoneSpecial, zoneComp].map((p) => p.plan.id);
      expect(ids.filter((id) => mine.includes(id))).toEqual(mine);
      expect(ids).not.toContain(zoneFire.plan.id);
      expect(ids).not.toContain(draft.plan.id);
      const rank = ['enterprise_special', 'enterprise_comprehensive', 'zone_special', 'zone_comprehensive'];
      const ranks = s.items.map((i) => rank.indexOf(i.match));
      expect(ranks).toEqual([...ranks].sort((a, b) => a - b));
      // The level each version maps the severity to.
      const top = s.items.find((i) => i.plan.id === entSpecial.plan.id)!;
      expect(top).toMatchObject({
        match: 'enterprise_special',
        versionId: entSpecial.versionId,
        level: { code: 'II' },
      });
      // No plan of another enterprise ever appears.
      expect(s.items.every((i) => i.plan.enterpriseId === null || i.plan.enterpriseId === ent2)).toBe(true);
    });

    it("names the enterprise's major hazard installations and the plans they call for", async () => {
      const suffix = randomUUID().slice(0, 6);
      const exposure = (await api(admin).get(`/api/installations/exposure/${ent2}`))
        .body as InstallationExposure[];
      // The demo liquid chlorine store of the fine-chemicals plant (30 t against Q = 5 t).
      const store = exposure.find((i) => i.code === 'CL2-STORE')!;
      expect(store.grade).not.toBeNull();
      const toxic = await publishNew(officer2, {
        type: 'special',
        title: `E氯气泄漏 ${suffix}`,
        hazards: ['toxic_release'],
        incidentCategories: ['hazardous_chemical_leak'],
      });
      const electrical = await publishNew(officer2, {
        type: 'special',
        title: `E停电 ${suffix}`,
        hazards: ['electrical'],
        incidentCategories: ['hazardous_chemical_leak'],
      });

      const s = (
        await api(await t.token('commander')).get(
          `/api/plans/suggest?category=hazardous_chemical_leak&enterpriseId=${ent2}`,
        )
      ).body as PlanSuggestion;
      const called = s.installations.find((i) => i.installationId === store.installationId)!;
      expect(called).toMatchObject({
        name: '液氯钢瓶储存库',
        grade: store.grade,
        chemicals: [{ name: '液氯', maxQuantityT: 30 }],
        hazards: ['toxic_release', 'poisoning_asphyxiation'],
      });
      expect(called.planIds).toContain(toxic.plan.id);
      expect(called.planIds).not.toContain(electrical.plan.id);
      // Among the enterprise's special plans the one its installation calls for comes first.
      const specials = s.items.filter((i) => i.match === 'enterprise_special').map((i) => i.plan.id);
      expect(specials.indexOf(toxic.plan.id)).toBeLessThan(specials.indexOf(electrical.plan.id));

      // The zone's plans alone: no enterprise, no installations.
      const zone = (await api(admin).get('/api/plans/suggest?category=hazardous_chemical_leak'))
        .body as PlanSuggestion;
      expect(zone.installations).toEqual([]);
    });

    it('validates its query and hides other enterprises from officers', async () => {
      const bad = await api(admin).get('/api/plans/suggest?category=meteor&severity=huge');
      expect(bad.status).toBe(400);
      expect(bad.body.message).toEqual(
        expect.arrayContaining([expect.stringMatching(/^category: /), expect.stringMatching(/^severity: /)]),
      );
      expect((await api(officer1).get(`/api/plans/suggest?category=fire&enterpriseId=${ent2}`)).status).toBe(
        404,
      );
      const own = await api(officer1).get('/api/plans/suggest?category=fire');
      expect(own.status).toBe(200);
      expect(own.body.enterpriseId).toBe(ent1);
    });
  });

  describe('scope', () => {
    it('hides a foreign enterprise’s plan (404) and shows the zone’s plans read-only', async () => {
      const { plan, versionId } = await draftPlan(officer1, {
        type: 'comprehensive',
        title: `测试范围 ${randomUUID().slice(0, 6)}`,
      });
      expect((await api(officer2).get(`/api/plans/${plan.id}`)).status).toBe(404);
      expect((await api(officer2).get(`/api/plan-versions/${versionId}`)).status).toBe(404);
      expect((await api(officer2).patch(`/api/plans/${plan.id}`, { title: '改名' })).status).toBe(404);
      expect((await api(officer2).post(`/api/plan-versions/${versionId}/submit`)).status).toBe(404);
      const list = (await api(officer2).get('/api/plans?pageSize=500')).body as { items: PlanDetailView[] };
      expect(list.items.every((p) => p.enterpriseId === null || p.enterpriseId === ent2)).toBe(true);

      const zone = await api(admin).post('/api/plans', {
        enterpriseId: null,
        type: 'comprehensive',
        title: `测试园区范围 ${randomUUID().slice(0, 6)}`,
        hazards: [],
        incidentCategories: [],
      });
      expect((await api(officer2).get(`/api/plans/${zone.body.id}`)).status).toBe(200);
      expect((await api(officer2).patch(`/api/plans/${zone.body.id}`, { title: '改名' })).status).toBe(403);
      expect(
        (
          await api(officer2).post('/api/plans', {
            enterpriseId: ent1,
            type: 'comprehensive',
            title: '越权',
            hazards: [],
            incidentCategories: [],
          })
        ).status,
      ).toBe(404);
    });
  });

  describe('responsibility lists', () => {
    it('keeps an enterprise’s duties under its legal representative and exports them', async () => {
      const res = await t.http
        .put(`/api/responsibility-lists/${ent1}`)
        .set('Authorization', `Bearer ${officer1}`)
        .send({
          entries: [
            {
              kind: 'department',
              unit: '安全环保部',
              post: '部长',
              holder: '李志强',
              duties: ['组织隐患排查', '组织应急演练'],
            },
            {
              kind: 'post',
              unit: '氯碱车间',
              post: '液氯充装工',
              duties: ['按规程充装', '发现泄漏立即报告'],
            },
          ],
        });
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ enterpriseId: ent1, firstResponsible: '王建国' });
      expect(res.body.entries).toHaveLength(2);

      const wrongKind = await t.http
        .put(`/api/responsibility-lists/${ent1}`)
        .set('Authorization', `Bearer ${officer1}`)
        .send({ entries: [{ kind: 'supervision', unit: '安监局', duties: ['x'] }] });
      expect(wrongKind.body.message).toEqual([
        'entries[0].kind: supervision duties belong to the zone’s list',
      ]);
      expect(
        (
          await t.http
            .put('/api/responsibility-lists/zone')
            .set('Authorization', `Bearer ${officer1}`)
            .send({ entries: [] })
        ).status,
      ).toBe(403);
      expect((await api(officer2).get(`/api/responsibility-lists/${ent1}`)).status).toBe(404);
      expect((await api(officer2).get('/api/responsibility-lists/nobody')).status).toBe(400);

      const xlsx = await api(officer1)
        .get(`/api/responsibility-lists/${ent1}/xlsx`)
        .buffer(true)
        .parse((r, cb) => {
          const chunks: Buffer[] = [];
          r.on('data', (c: Buffer) => chunks.push(c));
          r.on('end', () => cb(null, Buffer.concat(chunks)));
        });
      expect(xlsx.status).toBe(200);
      expect(xlsx.headers['content-type']).toContain('spreadsheetml');
      const ExcelJS = (await import('exceljs')).default;
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(xlsx.body as unknown as Parameters<typeof wb.xlsx.load>[0]);
      const ws = wb.getWorksheet('责任清单')!;
      expect(String(ws.getCell('A2').value)).toContain('王建国');
      expect(ws.getRow(4).getCell(3).value).toBe('安全环保部');
      expect(ws.getRow(5).getCell(8).value).toBe('1. 按规程充装\n2. 发现泄漏立即报告');
    });
  });
});
