import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import type { AccountabilityCandidatesView, AccountabilityRecordView, FindingKind } from '@muster/contracts';
import { Clock } from '../../server/src/common/clock.js';
import { ReminderScheduler } from '../../server/src/reminders/reminder-scheduler.js';
import { createTestApp, type TestApp } from '../support/app.js';
import { incidentReport } from '../support/incidents.js';

const auth = (token: string) => ({ Authorization: `Bearer ${token}` });

/**
 * An enforcement case row as that module stores it: its table is made here when this branch of
 * the schema has none, and otherwise filled with placeholder values in its required columns.
 */
async function enforcementCase(t: TestApp, enterpriseId: string): Promise<string> {
  const id = randomUUID();
  await t.db.query(
    `CREATE TABLE IF NOT EXISTS enforcement_case (id uuid PRIMARY KEY, enterprise_id uuid, title text)`,
  );
  const required = (await t.db.query(
    `SELECT column_name, data_type FROM information_schema.columns
      WHERE table_name = 'enforcement_case' AND is_nullable = 'NO' AND column_default IS NULL
        AND column_name NOT IN ('id', 'enterprise_id')`,
  )) as { column_name: string; data_type: string }[];
  const value = (type: string) =>
    type === 'uuid'
      ? 'gen_random_uuid()'
      : type.includes('int') || type === 'numeric'
        ? '1'
        : type === 'boolean'
          ? 'false'
          : type === 'date'
            ? 'current_date'
            : type.startsWith('timestamp')
              ? 'now()'
              : type === 'jsonb'
                ? `'{}'`
                : `'安监执法〔2026〕7号'`;
  await t.db.query(
    `INSERT INTO enforcement_case (id, enterprise_id${required.map((c) => `, ${c.column_name}`).join('')})
     VALUES ($1, $2${required.map((c) => `, ${value(c.data_type)}`).join('')})`,
    [id, enterpriseId],
  );
  return id;
}

describe('accountability (责任追究)', () => {
  let t: TestApp;
  let admin: string;
  let officer: string;
  let officer2: string;
  let coalchem: string;
  let finechem: string;
  const findings = {} as Record<FindingKind, string>;
  const records: Record<string, AccountabilityRecordView> = {};

  beforeAll(async () => {
    t = await createTestApp();
    admin = await t.token('zone_admin');
    officer = await t.token('enterprise_officer');
    officer2 = await t.token('officer2');
    coalchem = (await t.login('officer1@muster.test')).user.enterpriseId!;
    finechem = (await t.login('officer2@muster.test')).user.enterpriseId!;

    const incident = await t.http.post('/api/incidents').set(auth(officer)).send(incidentReport());
    expect(incident.status).toBe(201);
    findings.incident = incident.body.id;

    // The fine chemicals works' major hazard, its deadline now past.
    const [hazard] = (await t.db.query(
      `SELECT id FROM hazard WHERE enterprise_id = $1 AND level = 'major' AND status <> 'closed' LIMIT 1`,
      [finechem],
    )) as { id: string }[];
    await t.db.query(`UPDATE hazard SET deadline = current_date - 20 WHERE id = $1`, [hazard!.id]);
    findings.hazard = hazard!.id;

    const [scheme] = (await t.db.query(
      `INSERT INTO assessment_scheme (year, title, objection_days, status, published_at)
       VALUES (2025, '2025年度企业安全生产考核', 10, 'published', now()) RETURNING id`,
    )) as { id: string }[];
    const [sheet] = (await t.db.query(
      `INSERT INTO assessment_sheet (scheme_id, enterprise_id, enterprise_name, total, vetoed, band, rank, computed_at)
       VALUES ($1, $2, '淮北华晟煤化工有限公司', 52.5, false, 'fail', 9, now()) RETURNING id`,
      [scheme!.id, coalchem],
    )) as { id: string }[];
    findings.assessment = sheet!.id;

    findings.enforcement_case = await enforcementCase(t, coalchem);
  }, 60_000);

  afterAll(async () => {
    jest.restoreAllMocks();
    await t?.close();
  });

  it('suggests the people whose duties concern each finding, from the lists of its enterprise and the zone', async () => {
    const res = await t.http
      .get(`/api/accountability/candidates?findingKind=hazard&findingId=${findings.hazard}`)
      .set(auth(admin));
    expect(res.status).toBe(200);
    const view = res.body as AccountabilityCandidatesView;
    expect(view.finding).toMatchObject({ kind: 'hazard', enterpriseId: finechem });
    expect(view.finding.title).toMatch(/^重大事故隐患 YH-\d+ 逾期未整改/);
    expect(view.candidates[0]).toMatchObject({
      list: 'enterprise',
      kind: 'first_responsible',
      holder: '陈海峰',
    });
    const safety = view.candidates.find((c) => c.unit === '安全环保部')!;
    expect(safety.duties).toEqual(['组织安全检查，建立隐患台账并跟踪整改']);
    expect(view.candidates.some((c) => c.unit === '设备部')).toBe(false);
    // The zone's supervision of dangerous goods, by the enterprise's recorded category.
    const zone = view.candidates.filter((c) => c.list === 'zone').map((c) => c.unit);
    expect(zone).toContain('安全生产监督管理科');
    expect(zone).not.toContain('规划建设科');

    for (const kind of ['incident', 'assessment', 'enforcement_case'] as const) {
      const r = await t.http
        .get(`/api/accountability/candidates?findingKind=${kind}&findingId=${findings[kind]}`)
        .set(auth(admin));
      expect({ kind, status: r.status }).toEqual({ kind, status: 200 });
      expect(r.body.finding.enterpriseId).toBe(coalchem);
      expect(r.body.candidates.length).toBeGreaterThan(0);
    }
    const listed = await t.http.get('/api/accountability/findings?kind=hazard').set(auth(admin));
    expect(listed.body.map((f: { id: string }) => f.id)).toContain(findings.hazard);
    const failed = await t.http.get('/api/accountability/findings?kind=assessment').set(auth(admin));
    expect(failed.body.map((f: { id: string }) => f.id)).toEqual([findings.assessment]);
  });

  it('refuses a finding that is not one of its kind', async () => {
    const [closed] = (await t.db.query(`SELECT id FROM hazard WHERE status = 'closed' LIMIT 1`)) as {
      id: string;
    }[];
    for (const [kind, id] of [
      ['hazard', closed!.id],
      ['incident', findings.hazard],
      ['enforcement_case', randomUUID()],
    ] as const) {
      const res = await t.http
        .get(`/api/accountability/candidates?findingKind=${kind}&findingId=${id}`)
        .set(auth(admin));
      expect({ kind, status: res.status }).toEqual({ kind, status: 400 });
      expect(res.body.message).toEqual([expect.stringMatching(/^findingId: /)]);
    }
  });

  it('links each kind of finding to the persons and duties held to account', async () => {
    const make = async (kind: FindingKind, about: 'enterprise' | 'zone', measure: string, extra = {}) => {
      const c = (
        await t.http
          .get(`/api/accountability/candidates?findingKind=${kind}&findingId=${findings[kind]}`)
          .set(auth(admin))
      ).body as AccountabilityCandidatesView;
      const persons = c.candidates
        .filter((p) => p.list === about)
        .slice(0, 2)
        .map(({ allDuties: _all, ...p }) => p);
      const res = await t.http
        .post('/api/accountability')
        .set(auth(admin))
        .send({
          findingKind: kind,
          findingId: findings[kind],
          about,
          persons,
          facts: `${c.finding.title}：相关人员未履行安全生产职责`,
          measure,
          ...extra,
        });
      expect({ kind, status: res.status, body: res.body }).toMatchObject({ kind, status: 201 });
      return res.body as AccountabilityRecordView;
    };
    records.incident = await make('incident', 'enterprise', 'talk');
    records.hazard = await make('hazard', 'enterprise', 'written_criticism');
    records.assessment = await make('assessment', 'enterprise', 'public_criticism');
    records.enforcement = await make('enforcement_case', 'enterprise', 'transfer', {
      measureDetail: '移送淮北市杜集区纪委监委',
    });
    records.zone = await make('hazard', 'zone', 'talk');

    expect(records.incident).toMatchObject({
      status: 'proposed',
      enterpriseId: coalchem,
      finding: { kind: 'incident', id: findings.incident, title: '氯气储罐阀门泄漏', enterpriseId: coalchem },
    });
    expect(records.incident.persons[0]).toMatchObject({ kind: 'first_responsible', holder: '王建国' });
    expect(records.hazard.enterpriseId).toBe(finechem);
    expect(records.assessment.finding.title).toBe('2025年度安全生产考核不合格（52.5分）');
    expect(records.enforcement).toMatchObject({
      measure: 'transfer',
      measureDetail: '移送淮北市杜集区纪委监委',
    });
    expect(records.zone).toMatchObject({ enterpriseId: null, finding: { enterpriseId: finechem } });
    expect(records.zone.persons.every((p) => p.list === 'zone')).toBe(true);

    const noDetail = await t.http.post('/api/accountability').set(auth(admin)).send({
      findingKind: 'incident',
      findingId: findings.incident,
      about: 'enterprise',
      persons: records.incident.persons,
      facts: '未及时报告事故',
      measure: 'transfer',
    });
    expect(noDetail.status).toBe(400);
    expect(noDetail.body.message).toEqual([expect.stringMatching(/^measureDetail: /)]);
    const wrongList = await t.http.post('/api/accountability').set(auth(admin)).send({
      findingKind: 'incident',
      findingId: findings.incident,
      about: 'zone',
      persons: records.incident.persons,
      facts: '未及时报告事故',
      measure: 'talk',
    });
    expect(wrongList.status).toBe(400);

    const audits = (await t.db.query(
      `SELECT count(*)::int AS n FROM audit_log WHERE action = 'accountability.proposed' AND entity_id = ANY($1::text[])`,
      [Object.values(records).map((r) => r.id)],
    )) as { n: number }[];
    expect(audits[0]!.n).toBe(5);
  });

  it('shows an enterprise officer only the records about their own enterprise’s people', async () => {
    // Of the records made here (the demo zone has its own).
    const made = new Set(Object.values(records).map((r) => r.id));
    const seen = async (token: string) =>
      ((await t.http.get('/api/accountability').set(auth(token))).body.items as AccountabilityRecordView[])
        .filter((r) => made.has(r.id))
        .map((r) => r.id)
        .sort();
    expect(await seen(officer)).toEqual(
      [records.incident!.id, records.assessment!.id, records.enforcement!.id].sort(),
    );
    expect(await seen(officer2)).toEqual([records.hazard!.id]);
    const all = (await t.http.get('/api/accountability').set(auth(officer2))).body
      .items as AccountabilityRecordView[];
    expect(all.every((r) => r.enterpriseId === finechem)).toBe(true);
    expect((await t.http.get(`/api/accountability/${records.hazard!.id}`).set(auth(officer))).status).toBe(
      404,
    );
    expect((await t.http.get(`/api/accountability/${records.zone!.id}`).set(auth(officer2))).status).toBe(
      404,
    );
    expect(
      (
        await t.http
          .post(`/api/accountability/${records.incident!.id}/withdraw`)
          .set(auth(officer))
          .send({ reason: '我方不同意' })
      ).status,
    ).toBe(403);
    const zone = await t.http.get('/api/accountability?enterpriseId=zone').set(auth(admin));
    expect(zone.body.items.map((r: { id: string }) => r.id)).toContain(records.zone!.id);
    expect(zone.body.items.every((r: AccountabilityRecordView) => r.enterpriseId === null)).toBe(true);
  });

  it('moves proposed → decided → carried out and refuses steps out of order', async () => {
    const id = records.incident!.id;
    const carry = await t.http
      .post(`/api/accountability/${id}/carry-out`)
      .set(auth(admin))
      .send({ carriedOutOn: '2026-12-01', outcome: '已约谈' });
    expect(carry.status).toBe(409);
    expect(carry.body.problems[0]).toMatchObject({ code: 'accountability.transition' });

    const early = await t.http
      .post(`/api/accountability/${id}/decide`)
      .set(auth(admin))
      .send({ decidedOn: '2026-11-20', dueOn: '2026-11-10' });
    expect(early.status).toBe(400);
    const decided = await t.http
      .post(`/api/accountability/${id}/decide`)
      .set(auth(admin))
      .send({ decidedOn: '2026-11-20', dueOn: '2026-11-30' });
    expect(decided.status).toBe(200);
    expect(decided.body).toMatchObject({ status: 'decided', decidedOn: '2026-11-20', dueOn: '2026-11-30' });
    expect(
      (
        await t.http
          .post(`/api/accountability/${id}/decide`)
          .set(auth(admin))
          .send({ decidedOn: '2026-11-20', dueOn: '2026-11-30' })
      ).status,
    ).toBe(409);
    expect(
      (await t.http.patch(`/api/accountability/${id}`).set(auth(admin)).send({ facts: '改写事实' })).status,
    ).toBe(409);

    const done = await t.http
      .post(`/api/accountability/${id}/carry-out`)
      .set(auth(admin))
      .send({ carriedOutOn: '2026-11-25', outcome: '已对法定代表人进行约谈，形成约谈记录' });
    expect(done.status).toBe(200);
    expect(done.body).toMatchObject({ status: 'carried_out', carriedOutOn: '2026-11-25', overdue: false });
    const withdraw = await t.http
      .post(`/api/accountability/${id}/withdraw`)
      .set(auth(admin))
      .send({ reason: '撤回已落实的追责' });
    expect(withdraw.status).toBe(409);

    const w = await t.http
      .post(`/api/accountability/${records.enforcement!.id}/withdraw`)
      .set(auth(admin))
      .send({ reason: '经复核，该案件已另行处理' });
    expect(w.body).toMatchObject({ status: 'withdrawn', withdrawnReason: '经复核，该案件已另行处理' });
    expect(
      (
        await t.http
          .post(`/api/accountability/${records.enforcement!.id}/decide`)
          .set(auth(admin))
          .send({ decidedOn: '2026-11-20', dueOn: '2026-11-30' })
      ).status,
    ).toBe(409);

    const actions = (await t.db.query(`SELECT action FROM audit_log WHERE entity_id = $1 ORDER BY at`, [
      id,
    ])) as { action: string }[];
    expect(actions.map((a) => a.action)).toEqual([
      'accountability.proposed',
      'accountability.decided',
      'accountability.carried_out',
    ]);
  });

  it('reminds the zone’s administrators once when a decided measure is not carried out by its date', async () => {
    const id = records.hazard!.id;
    const decided = await t.http
      .post(`/api/accountability/${id}/decide`)
      .set(auth(admin))
      .send({ decidedOn: '2026-11-20', dueOn: '2026-11-30' });
    expect(decided.status).toBe(200);
    const clock = t.get(Clock);
    const scheduler = t.get(ReminderScheduler);
    const sent = async () =>
      (
        (await t.db.query(
          `SELECT count(*)::int AS n FROM notification n JOIN app_user u ON u.id = n.user_id
          WHERE n.kind = 'accountability.overdue' AND n.entity_id = $1 AND u.email = 'admin@muster.test'`,
          [id],
        )) as { n: number }[]
      )[0]!.n;
    jest.spyOn(clock, 'now').mockReturnValue(new Date('2026-11-30T23:59:00+08:00'));
    await scheduler.scan(['accountability']);
    expect(await sent()).toBe(0);
    jest.spyOn(clock, 'now').mockReturnValue(new Date('2026-12-01T00:00:00+08:00'));
    await scheduler.scan(['accountability']);
    await scheduler.scan(['accountability']);
    expect(await sent()).toBe(1);
    const view = await t.http.get(`/api/accountability/${id}`).set(auth(admin));
    expect(view.body.overdue).toBe(true);
    jest.spyOn(clock, 'now').mockReturnValue(new Date('2026-12-05T09:00:00+08:00'));
    await scheduler.scan(['accountability']);
    expect(await sent()).toBe(1);
    jest.restoreAllMocks();
  });
});
