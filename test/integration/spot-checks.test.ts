import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { SpotCheckCandidatesView, SpotCheckTaskDetail } from '@muster/contracts';
import { PortalSections } from '../../server/src/portal/portal-sections.js';
import { drawPairs } from '../../server/src/spot-checks/draw.js';
import { createTestApp, type TestApp } from '../support/app.js';

const auth = (token: string) => ({ Authorization: `Bearer ${token}` });

describe('the double random draw (双随机)', () => {
  let t: TestApp;
  let admin: string;
  let enterprises: { id: string; name: string; industry: string; riskClass: string; dutyPhone: string }[];
  const inspectors: Record<string, string> = {};
  let taskId: string;
  let first: SpotCheckTaskDetail;

  const enterprise = (name: string) => enterprises.find((e) => e.name.includes(name))!;
  const drawOf = (task: SpotCheckTaskDetail) => task.draws.find((d) => !d.superseded)!;

  beforeAll(async () => {
    t = await createTestApp();
    admin = await t.token('zone_admin');
    const list = await t.http.get('/api/enterprises?pageSize=100').set(auth(admin));
    enterprises = list.body.items;
    for (const [key, name] of [
      ['a', '陈静 (安监检查员)'],
      ['b', '周斌 (安监检查员)'],
      ['c', '吴涛 (安监检查员)'],
      ['gone', '郑凯 (已调离)'],
    ] as const) {
      const res = await t.http
        .post('/api/users')
        .set(auth(admin))
        .send({
          email: `draw-${key}@muster.test`,
          name,
          role: 'inspector',
          password: 'muster-demo-pass',
        });
      expect(res.status).toBe(201);
      inspectors[key] = res.body.id;
    }
    expect((await t.http.post(`/api/users/${inspectors.gone}/deactivate`).set(auth(admin))).status).toBe(200);
    // The demo zone's own spot check is under way; this test draws from a zone without it.
    await t.db.query(`DELETE FROM inspection_record WHERE kind = 'spot_check'`);
    const me = await t.login('inspector@muster.test');
    inspectors.demo = me.user.id;
    // A zone inspection under way at the machinery works: checked within the last 30 days.
    const started = await t.http
      .post('/api/inspections/records')
      .set(auth(await t.token('inspector')))
      .send({
        enterpriseId: enterprise('机械').id,
        checklist: [{ text: '消防通道畅通', category: 'fire' }],
      });
    expect(started.status).toBe(201);
  }, 60_000);

  afterAll(async () => {
    await t?.close();
  });

  it('lists as candidates only enterprises and inspectors the task allows, saying why the others are out', async () => {
    const res = await t.http
      .post('/api/spot-checks')
      .set(auth(admin))
      .send({
        title: '2026年第四季度双随机抽查',
        periodStart: '2026-12-10',
        periodEnd: '2026-12-31',
        enterpriseCount: 5,
        inspectorsPerEnterprise: 2,
        riskClasses: ['major', 'high', 'medium'],
        excludedEnterpriseIds: [enterprise('食品').id],
        excludeCheckedWithinDays: 30,
        recusals: [
          { inspectorId: inspectors.a, enterpriseId: null, reason: '本季度借调外地' },
          { inspectorId: inspectors.b, enterpriseId: enterprise('煤化工').id, reason: '近亲属在该企业任职' },
        ],
        checklist: [{ text: '安全生产责任制落实情况', category: 'management' }],
      });
    expect(res.status).toBe(201);
    taskId = res.body.id;
    expect(res.body.status).toBe('draft');

    const c = (await t.http.get(`/api/spot-checks/${taskId}/candidates`).set(auth(admin)))
      .body as SpotCheckCandidatesView;
    const reasons = Object.fromEntries(c.excludedEnterprises.map((e) => [e.name, e.reason]));
    expect(reasons).toEqual({
      [enterprise('食品').name]: 'excluded',
      [enterprise('机械').name]: 'checked_recently',
      ...Object.fromEntries(
        enterprises.filter((e) => e.riskClass === 'low').map((e) => [e.name, 'risk_class']),
      ),
    });
    expect(c.enterprises.map((e) => e.id).sort()).toEqual(
      enterprises
        .filter((e) => e.riskClass !== 'low' && !['食品', '机械'].some((n) => e.name.includes(n)))
        .map((e) => e.id)
        .sort(),
    );
    expect(c.inspectors.map((i) => i.id).sort()).toEqual(
      [inspectors.b, inspectors.c, inspectors.demo].sort(),
    );
    expect(c.recusedInspectors).toEqual([
      { id: inspectors.a, name: '陈静 (安监检查员)', reason: '本季度借调外地' },
    ]);

    const industry = await t.http
      .patch(`/api/spot-checks/${taskId}`)
      .set(auth(admin))
      .send({ industries: ['煤化工', '精细化工', '仓储物流', '医药制造', '新材料'] });
    expect(industry.status).toBe(200);
    const narrowed = (await t.http.get(`/api/spot-checks/${taskId}/candidates`).set(auth(admin)))
      .body as SpotCheckCandidatesView;
    expect(narrowed.enterprises.map((e) => e.industry).sort()).toEqual(
      ['煤化工', '精细化工', '仓储物流', '医药制造', '新材料'].sort(),
    );
  });

  it('draws from the eligible lists only, schedules each pair’s inspection and records the seed, audited', async () => {
    const candidates = (await t.http.get(`/api/spot-checks/${taskId}/candidates`).set(auth(admin)))
      .body as SpotCheckCandidatesView;
    const res = await t.http.post(`/api/spot-checks/${taskId}/draw`).set(auth(admin)).send({});
    expect(res.status).toBe(200);
    first = res.body;
    expect(first.status).toBe('drawn');
    const d = drawOf(first);
    expect(d.seed).toMatch(/^[0-9a-f]{32}$/);
    expect(d.seq).toBe(1);
    expect(d.reason).toBeNull();
    expect(d.pairs).toHaveLength(5);
    // The task's own inspections do not make its enterprises "checked recently".
    expect((await t.http.get(`/api/spot-checks/${taskId}/candidates`).set(auth(admin))).body).toEqual(
      candidates,
    );
    expect(d.enterpriseCandidates).toEqual(candidates.enterprises.map((e) => e.id));
    expect(d.inspectorCandidates).toEqual(candidates.inspectors.map((i) => i.id));
    expect(d.recusals).toEqual([{ inspectorId: inspectors.b, enterpriseId: enterprise('煤化工').id }]);
    for (const p of d.pairs) {
      expect(d.enterpriseCandidates).toContain(p.enterpriseId);
      expect(p.inspectors).toHaveLength(2);
      for (const i of p.inspectors) expect(d.inspectorCandidates).toContain(i.id);
      expect(p.inspectors.map((i) => i.id)).not.toContain(inspectors.a);
      if (p.enterpriseId === enterprise('煤化工').id) {
        expect(p.inspectors.map((i) => i.id)).not.toContain(inspectors.b);
      }
      const rec = await t.http.get(`/api/inspections/records/${p.inspectionId}`).set(auth(admin));
      expect(rec.status).toBe(200);
      expect(rec.body).toMatchObject({
        kind: 'spot_check',
        enterpriseId: p.enterpriseId,
        status: 'open',
        dueOn: '2026-12-10',
        dueBy: '2026-12-31',
        inspector: p.inspectors.map((i) => i.name).join('、'),
      });
      expect(rec.body.items.map((i: { text: string }) => i.text)).toEqual(['安全生产责任制落实情况']);
    }

    // Reproducible: the recorded seed and lists give the same pairs, here and through the API.
    const again = drawPairs({
      seed: d.seed,
      enterprises: d.enterpriseCandidates,
      inspectors: d.inspectorCandidates,
      recusals: d.recusals,
      enterpriseCount: 5,
      inspectorsPerEnterprise: 2,
    });
    expect(again).toEqual(
      d.pairs.map((p) => ({ enterpriseId: p.enterpriseId, inspectorIds: p.inspectors.map((i) => i.id) })),
    );
    const verified = await t.http
      .get(`/api/spot-checks/draws/${d.id}/verify`)
      .set(auth(await t.token('inspector')));
    expect(verified.status).toBe(200);
    expect(verified.body).toMatchObject({ drawId: d.id, matches: true, pairs: again });

    const [audit] = (await t.db.query(
      `SELECT after FROM audit_log WHERE action = 'spot_check.drawn' AND entity_id = $1`,
      [taskId],
    )) as {
      after: {
        seed: string;
        enterpriseCandidates: string[];
        inspectorCandidates: string[];
        pairs: unknown[];
      };
    }[];
    expect(audit!.after).toMatchObject({
      seed: d.seed,
      enterpriseCandidates: d.enterpriseCandidates,
      inspectorCandidates: d.inspectorCandidates,
      pairs: again,
    });
    const scheduled = (await t.db.query(
      `SELECT entity_id FROM audit_log WHERE action = 'inspection.scheduled' AND entity_id = ANY($1::text[])`,
      [d.pairs.map((p) => p.inspectionId)],
    )) as unknown[];
    expect(scheduled).toHaveLength(5);
    const told = (await t.db.query(
      `SELECT DISTINCT user_id FROM notification WHERE kind = 'spot_check.assigned' AND entity_id = ANY($1::text[])`,
      [d.pairs.map((p) => p.inspectionId)],
    )) as { user_id: string }[];
    expect(told.map((r) => r.user_id).sort()).toEqual(
      [...new Set(d.pairs.flatMap((p) => p.inspectors.map((i) => i.id)))].sort(),
    );
  });

  it('shows a tampered record as not matching its seed', async () => {
    const d = drawOf(first);
    const [row] = (await t.db.query(`SELECT pairs FROM spot_check_draw WHERE id = $1`, [d.id])) as {
      pairs: { inspectors: unknown[] }[];
    }[];
    const swapped = row!.pairs.map((p, i) =>
      i === 0 ? { ...p, inspectors: [...p.inspectors].reverse() } : p,
    );
    await t.db.query(`UPDATE spot_check_draw SET pairs = $2 WHERE id = $1`, [d.id, JSON.stringify(swapped)]);
    const res = await t.http.get(`/api/spot-checks/draws/${d.id}/verify`).set(auth(admin));
    expect(res.body.matches).toBe(false);
    await t.db.query(`UPDATE spot_check_draw SET pairs = $2 WHERE id = $1`, [
      d.id,
      JSON.stringify(row!.pairs),
    ]);
    expect((await t.http.get(`/api/spot-checks/draws/${d.id}/verify`).set(auth(admin))).body.matches).toBe(
      true,
    );
  });

  it('draws again only with a reason, keeping the first draw on the record and withdrawing its inspections', async () => {
    expect(
      (await t.http.patch(`/api/spot-checks/${taskId}`).set(auth(admin)).send({ enterpriseCount: 3 })).status,
    ).toBe(409);
    const bare = await t.http.post(`/api/spot-checks/${taskId}/draw`).set(auth(admin)).send({});
    expect(bare.status).toBe(400);
    expect(bare.body.message).toEqual([expect.stringMatching(/^reason: /)]);

    const res = await t.http
      .post(`/api/spot-checks/${taskId}/draw`)
      .set(auth(admin))
      .send({ reason: '抽中检查人员因公出差无法到岗，经分管领导批准重新抽取' });
    expect(res.status).toBe(200);
    const task = res.body as SpotCheckTaskDetail;
    expect(task.draws).toHaveLength(2);
    const [old, current] = task.draws;
    expect(old).toMatchObject({ id: drawOf(first).id, seq: 1, superseded: true, seed: drawOf(first).seed });
    expect(current).toMatchObject({
      seq: 2,
      superseded: false,
      reason: '抽中检查人员因公出差无法到岗，经分管领导批准重新抽取',
    });
    for (const p of old!.pairs) {
      expect((await t.http.get(`/api/inspections/records/${p.inspectionId}`).set(auth(admin))).status).toBe(
        404,
      );
    }
    for (const p of current!.pairs) {
      expect((await t.http.get(`/api/inspections/records/${p.inspectionId}`).set(auth(admin))).status).toBe(
        200,
      );
    }
    expect((await t.http.get(`/api/spot-checks/draws/${old!.id}/verify`).set(auth(admin))).body.matches).toBe(
      true,
    );
    const audits = (await t.db.query(
      `SELECT action, after->>'reason' AS reason FROM audit_log WHERE entity_id = $1 AND action LIKE 'spot_check.%drawn' ORDER BY at`,
      [taskId],
    )) as { action: string; reason: string | null }[];
    expect(audits).toEqual([
      { action: 'spot_check.drawn', reason: null },
      { action: 'spot_check.redrawn', reason: '抽中检查人员因公出差无法到岗，经分管领导批准重新抽取' },
    ]);
    first = task;
  });

  it('refuses to draw again once an inspection of the draw has begun', async () => {
    const p = drawOf(first).pairs[0]!;
    const answered = await t.http
      .patch(`/api/inspections/records/${p.inspectionId}`)
      .set(auth(admin))
      .send({ items: [{ itemId: 'c1', result: 'pass' }] });
    expect(answered.status).toBe(200);
    const res = await t.http
      .post(`/api/spot-checks/${taskId}/draw`)
      .set(auth(admin))
      .send({ reason: '再次重新抽取的尝试' });
    expect(res.status).toBe(409);
    expect((await t.http.get(`/api/spot-checks/${taskId}`).set(auth(admin))).body.draws).toHaveLength(2);
  });

  it('refuses a draw the eligible lists cannot give', async () => {
    const res = await t.http.post('/api/spot-checks').set(auth(admin)).send({
      title: '超出候选数量的抽查',
      periodStart: '2026-12-10',
      periodEnd: '2026-12-31',
      enterpriseCount: 3,
      inspectorsPerEnterprise: 5,
    });
    expect(res.status).toBe(201);
    const draw = await t.http.post(`/api/spot-checks/${res.body.id}/draw`).set(auth(admin)).send({});
    expect(draw.status).toBe(409);
    expect(draw.body.problems[0]).toMatchObject({ code: 'spot_check.too_few' });
    const bad = await t.http
      .post('/api/spot-checks')
      .set(auth(admin))
      .send({
        title: '回避人员不是检查员',
        periodStart: '2026-12-31',
        periodEnd: '2026-12-10',
        enterpriseCount: 1,
        inspectorsPerEnterprise: 1,
        recusals: [{ inspectorId: (await t.login('commander@muster.test')).user.id, reason: '不是检查员' }],
      });
    expect(bad.status).toBe(400);
    expect(bad.body.message).toEqual([
      'periodEnd: before periodStart',
      expect.stringMatching(/^recusals\[0\]\.inspectorId: /),
    ]);
  });

  it('publishes the result once, on the public pages with names and no phone numbers', async () => {
    const sections = t.get(PortalSections);
    const section = sections.get('spot-checks')!;
    expect((await section.list(10)).map((i) => i.id)).not.toContain(taskId);
    expect(await section.get(taskId)).toBeNull();

    const res = await t.http.post(`/api/spot-checks/${taskId}/publish`).set(auth(admin));
    expect(res.status).toBe(200);
    expect(res.body.status).toBe('published');
    expect((await t.http.post(`/api/spot-checks/${taskId}/publish`).set(auth(admin))).status).toBe(409);

    const items = await section.list(10);
    expect(items[0]!.id).toBe(taskId);
    const item = (await section.get(taskId))!;
    const d = drawOf(first);
    for (const p of d.pairs) {
      expect(item.body).toContain(p.enterpriseName);
      for (const i of p.inspectors) expect(item.body).toContain(i.name);
    }
    expect(item.body).toContain(d.seed);
    expect(item.body).toContain('重新抽取');
    // A mobile number standing alone: the draw's seed is hex, and may hold eleven digits in a row.
    expect(item.body).not.toMatch(/(?<![0-9a-f])1[3-9]\d{9}(?![0-9a-f])|0561-/);
    for (const e of enterprises) expect(item.body).not.toContain(e.dutyPhone);
    expect(await section.get('not-an-id')).toBeNull();

    const audit = (await t.db.query(
      `SELECT 1 FROM audit_log WHERE action = 'spot_check.published' AND entity_id = $1`,
      [taskId],
    )) as unknown[];
    expect(audit).toHaveLength(1);
  });

  it('keeps the draws from enterprise officers', async () => {
    const officer = await t.token('enterprise_officer');
    expect((await t.http.get('/api/spot-checks').set(auth(officer))).status).toBe(403);
    expect((await t.http.get(`/api/spot-checks/${taskId}`).set(auth(officer))).status).toBe(403);
    const list = await t.http.get('/api/spot-checks').set(auth(await t.token('commander')));
    expect(list.body.items.map((i: { id: string }) => i.id)).toContain(taskId);
  });
});
