import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import pg from 'pg';
import { randomBytes } from 'node:crypto';
import { Clock } from '../../server/src/common/clock.js';
import type { ComplianceItem, ComplianceReport, RegulatoryCategory, RunView } from '@muster/contracts';
import { createTestApp, type TestApp } from '../support/app.js';

/** An instant given as Asia/Shanghai wall time. */
const local = (s: string) => `${s.replace(' ', 'T')}:00+08:00`;

/**
 * Plans and ended drill runs written straight to the database: compliance reads history, and
 * history is not something a test can produce through the API without waiting half a year.
 */
async function enterprise(
  sql: pg.Client,
  name: string,
  industry: string,
  riskClass: string,
  category: RegulatoryCategory | null,
) {
  const { rows } = await sql.query(
    `INSERT INTO enterprise (name, credit_code, industry, risk_class, regulatory_category, address, lat, lng,
                             legal_representative, safety_lead, duty_phone)
     VALUES ($1, $2, $3, $4, $5, '淮北经开区', 33.95, 116.8, '法人', '安全员', '0561-1234567') RETURNING id`,
    [name, `91${randomBytes(8).toString('hex').toUpperCase()}`, industry, riskClass, category],
  );
  return rows[0].id as string;
}

/** A plan with one version per entry: `published`, `superseded` or `draft`, with its publication time. */
async function plan(
  sql: pg.Client,
  enterpriseId: string,
  type: string,
  versions: { status: 'published' | 'superseded' | 'draft'; publishedAt?: string }[],
) {
  const { rows } = await sql.query(
    `INSERT INTO plan (enterprise_id, type, title, incident_categories)
     VALUES ($1, $2, $3, '{hazardous_chemical_leak}') RETURNING id`,
    [enterpriseId, type, `${type} ${randomBytes(3).toString('hex')}`],
  );
  for (const [i, v] of versions.entries()) {
    await sql.query(
      `INSERT INTO plan_version (plan_id, number, status, published_at, superseded_at)
       VALUES ($1, $2, $3, $4, $5)`,
      [rows[0].id, i + 1, v.status, v.publishedAt ?? null, v.status === 'superseded' ? v.publishedAt : null],
    );
  }
}

describe('drill compliance', () => {
  let t: TestApp;
  let sql: pg.Client;
  let commander: string;
  let scenarioId: string;
  let directorId: string;
  let chem: string;
  let food: string;
  let bare: string;
  const runIds: Record<string, string> = {};

  const get = (token: string, path: string) => t.http.get(path).set('Authorization', `Bearer ${token}`);

  async function run(
    key: string,
    enterpriseId: string,
    planType: string | null,
    status: string,
    endedAt: string,
  ) {
    const { rows } = await sql.query(
      `INSERT INTO drill_run (scenario_id, scenario_version, document, enterprise_id, plan_type, status,
                              scheduled_for, director_id, started_at, ended_at)
       SELECT id, version, document, $2, $3, $4, $5::timestamptz - interval '2 hours', $6,
              $5::timestamptz - interval '1 hour', $5
         FROM drill_scenario WHERE id = $1 RETURNING id`,
      [scenarioId, enterpriseId, planType, status, endedAt, directorId],
    );
    runIds[key] = rows[0].id as string;
  }

  beforeAll(async () => {
    t = await createTestApp();
    sql = new pg.Client({ connectionString: t.db.url });
    await sql.connect();
    commander = await t.token('commander');
    directorId = (await t.login('commander@muster.test')).user.id;
    const { rows } = await sql.query(
      `INSERT INTO drill_scenario (title, document) VALUES ('合规测试', $1) RETURNING id`,
      [JSON.stringify({ title: '合规测试', objectives: [], injects: [] })],
    );
    scenarioId = rows[0].id;

    // Listed in Art. 33 by its recorded category (a producer of hazardous chemicals).
    chem = await enterprise(sql, '合规测试化工有限公司', '精细化工', 'medium', 'dangerous_goods');
    // First published in 2024, re-published in 2025: the duty dates from 2024.
    await plan(sql, chem, 'comprehensive', [
      { status: 'superseded', publishedAt: local('2024-01-10 09:00') },
      { status: 'published', publishedAt: local('2025-01-01 09:00') },
    ]);
    await plan(sql, chem, 'on_site', [{ status: 'published', publishedAt: local('2025-06-15 08:00') }]);
    // 23:30 on 31 August in the zone is 15:30 UTC the same day: drilled on 31 August.
    await run('chemSpecial', chem, 'special', 'ended', local('2025-08-31 23:30'));
    await run('chemOldComprehensive', chem, 'comprehensive', 'ended', local('2025-03-01 10:00'));
    // 00:30 on 1 September in the zone is still 31 August in UTC: drilled on 1 September.
    await run('chemOnSite', chem, 'on_site', 'ended', local('2025-09-01 00:30'));
    // Neither a cancelled nor a still-running drill counts, however late it stopped.
    await run('chemCancelled', chem, 'on_site', 'cancelled', local('2026-02-20 10:00'));
    await run('chemRunning', chem, 'comprehensive', 'running', local('2026-02-25 10:00'));

    // Low risk: yearly. Its special plan is only a draft; its on-site drill is not its duty.
    food = await enterprise(sql, '合规测试食品有限公司', '食品加工', 'low', 'other');
    await plan(sql, food, 'comprehensive', [{ status: 'published', publishedAt: local('2025-03-10 10:00') }]);
    await plan(sql, food, 'special', [{ status: 'draft' }]);
    await run('foodOnSite', food, 'on_site', 'ended', local('2026-01-05 10:00'));

    // No published plan at all: nothing to be due from.
    bare = await enterprise(sql, '合规测试纺织有限公司', '纺织', 'low', null);
    await plan(sql, bare, 'on_site', [{ status: 'draft' }]);

    // 00:30 on 1 March in the zone: UTC still says 28 February.
    jest.spyOn(t.get(Clock), 'now').mockReturnValue(new Date(local('2026-03-01 00:30')));
  });

  afterAll(async () => {
    await sql?.end();
    await t?.close();
  });

  const ours = (items: ComplianceItem[]) => items.filter((i) => [chem, food, bare].includes(i.enterpriseId));

  it('dates each duty from the last satisfying drill, or from the first plan publication', async () => {
    const res = await get(commander, '/api/drills/compliance');
    expect(res.status).toBe(200);
    const report = res.body as ComplianceReport;
    expect(report.asOf).toBe('2026-02-28T16:30:00.000Z');
    // Adapted (MEM Order 2 Art. 33): the listed unit was held to a comprehensive-or-special drill
    // every six months and flagged overdue; the article asks it of every unit once a year. The
    // listed unit's half-yearly drill is of any plan, which its on-site duty already asks.
    expect(ours(report.items)).toEqual([
      {
        enterpriseId: chem,
        enterpriseName: '合规测试化工有限公司',
        requirement: 'on_site',
        intervalMonths: 6,
        category: 'dangerous_goods',
        listed: true,
        lastDrillOn: '2025-09-01',
        lastRunId: runIds.chemOnSite,
        dueOn: '2026-03-01',
        overdue: false,
        daysUntilDue: 0,
      },
      {
        enterpriseId: food,
        enterpriseName: '合规测试食品有限公司',
        requirement: 'comprehensive_or_special',
        intervalMonths: 12,
        category: 'other',
        listed: false,
        lastDrillOn: null,
        lastRunId: null,
        dueOn: '2026-03-10',
        overdue: false,
        daysUntilDue: 9,
      },
      {
        enterpriseId: chem,
        enterpriseName: '合规测试化工有限公司',
        requirement: 'comprehensive_or_special',
        intervalMonths: 12,
        category: 'dangerous_goods',
        listed: true,
        lastDrillOn: '2025-08-31',
        lastRunId: runIds.chemSpecial,
        dueOn: '2026-08-31',
        overdue: false,
        daysUntilDue: 183,
      },
    ]);
  });

  it('sorts the zone by due date and lists the overdue apart', async () => {
    const report = (await get(commander, '/api/drills/compliance')).body as ComplianceReport;
    const due = report.items.map((i) => i.dueOn);
    expect(due).toEqual([...due].sort());
    expect(report.overdue).toEqual(report.items.filter((i) => i.overdue));
    // Adapted: under Art. 33 none of this test's duties is overdue on 1 March (see above).
    expect(ours(report.overdue)).toEqual([]);
    // The demo's chemical plants, with published plans and no drills yet, are listed too.
    const coalchem = (await t.login('officer1@muster.test')).user.enterpriseId!;
    expect(
      report.items
        .filter((i) => i.enterpriseId === coalchem)
        .map((i) => i.requirement)
        .sort(),
    ).toEqual(['comprehensive_or_special', 'on_site']);
  });

  it('turns overdue once the due day has passed in the zone', async () => {
    const clock = jest.spyOn(t.get(Clock), 'now');
    // 23:59 on 1 March in the zone: the on-site drill is due today, still in time.
    clock.mockReturnValue(new Date(local('2026-03-01 23:59')));
    let items = ours(
      ((await get(commander, `/api/drills/compliance?enterpriseId=${chem}`)).body as ComplianceReport).items,
    );
    expect(items.find((i) => i.requirement === 'on_site')).toMatchObject({ overdue: false, daysUntilDue: 0 });
    // Midnight in the zone (16:00 UTC, still 1 March there): overdue.
    clock.mockReturnValue(new Date('2026-03-01T16:00:00Z'));
    items = ((await get(commander, `/api/drills/compliance?enterpriseId=${chem}`)).body as ComplianceReport)
      .items;
    expect(items.find((i) => i.requirement === 'on_site')).toMatchObject({ overdue: true, daysUntilDue: -1 });
    clock.mockReturnValue(new Date(local('2026-03-01 00:30')));
  });

  it('answers one enterprise when asked, and an officer only for their own', async () => {
    const one = (await get(commander, `/api/drills/compliance?enterpriseId=${food}`))
      .body as ComplianceReport;
    expect(one.items.map((i) => i.enterpriseId)).toEqual([food]);

    const officer = await t.login('officer1@muster.test');
    const own = (await get(officer.accessToken, '/api/drills/compliance')).body as ComplianceReport;
    expect(own.items.length).toBeGreaterThan(0);
    expect(new Set(own.items.map((i) => i.enterpriseId))).toEqual(new Set([officer.user.enterpriseId]));
    expect((await get(officer.accessToken, `/api/drills/compliance?enterpriseId=${chem}`)).status).toBe(404);

    const bad = await get(commander, '/api/drills/compliance?enterpriseId=nope');
    expect(bad.status).toBe(400);
    expect(bad.body.message).toEqual(['enterpriseId: must be a UUID']);
  });

  it('Art. 33: a drill of a listed unit without its report to the department is flagged until the report is recorded', async () => {
    let report = (await get(commander, '/api/drills/compliance')).body as ComplianceReport;
    // The listed unit's ended plan drills, oldest first; not its cancelled or running ones, and
    // not the ordinary unit's drill.
    expect(report.unreported.filter((d) => [chem, food].includes(d.enterpriseId))).toEqual([
      {
        runId: runIds.chemOldComprehensive,
        enterpriseId: chem,
        enterpriseName: '合规测试化工有限公司',
        title: '合规测试',
        planType: 'comprehensive',
        endedOn: '2025-03-01',
      },
      expect.objectContaining({ runId: runIds.chemSpecial, planType: 'special', endedOn: '2025-08-31' }),
      expect.objectContaining({ runId: runIds.chemOnSite, planType: 'on_site', endedOn: '2025-09-01' }),
    ]);

    const admin = await t.token('zone_admin');
    const put = (token: string, id: string, body: object) =>
      t.http
        .put(`/api/drills/runs/${id}/department-report`)
        .set('Authorization', `Bearer ${token}`)
        .send(body);
    const png = Buffer.from(
      'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
      'base64',
    );
    const file = await t.http
      .post('/api/files')
      .set('Authorization', `Bearer ${admin}`)
      .attach('file', png, '报告.png');
    expect(file.status).toBe(201);

    // Before the drill ended, or with no department: a 400 naming the field.
    const early = await put(commander, runIds.chemSpecial!, {
      reportedAt: local('2025-08-31 23:00'),
      department: '淮北市应急管理局',
    });
    expect(early.status).toBe(400);
    expect(early.body.message).toEqual(['reportedAt: before the drill ended']);
    const noDept = await put(commander, runIds.chemSpecial!, { reportedAt: local('2025-09-02 10:00') });
    expect(noDept.status).toBe(400);
    expect(noDept.body.message.join(' ')).toContain('department');
    // A run that has not ended has nothing to report yet.
    expect(
      (
        await put(commander, runIds.chemRunning!, {
          reportedAt: local('2026-02-26 10:00'),
          department: '淮北市应急管理局',
        })
      ).status,
    ).toBe(409);

    const ok = await put(commander, runIds.chemSpecial!, {
      reportedAt: local('2025-09-02 10:00'),
      department: '淮北市应急管理局',
      fileId: file.body.id,
    });
    expect(ok.status).toBe(200);
    expect((ok.body as RunView).departmentReport).toEqual({
      reportedAt: '2025-09-02T02:00:00.000Z',
      department: '淮北市应急管理局',
      fileId: file.body.id,
    });
    // The file is now the enterprise's, with the drill it documents.
    const owner = await sql.query(`SELECT enterprise_id FROM stored_file WHERE id = $1`, [file.body.id]);
    expect(owner.rows[0].enterprise_id).toBe(chem);
    const audit = await sql.query(
      `SELECT after FROM audit_log WHERE action = 'drill_run.reported_to_department' AND entity_id = $1`,
      [runIds.chemSpecial],
    );
    expect(audit.rows).toHaveLength(1);

    report = (await get(commander, '/api/drills/compliance')).body as ComplianceReport;
    expect(report.unreported.filter((d) => d.enterpriseId === chem).map((d) => d.runId)).toEqual([
      runIds.chemOldComprehensive,
      runIds.chemOnSite,
    ]);
    // Another enterprise's officer cannot record this unit's report.
    const officer = await t.login('officer1@muster.test');
    expect(
      (
        await put(officer.accessToken, runIds.chemOnSite!, {
          reportedAt: local('2025-09-02 10:00'),
          department: '淮北市应急管理局',
        })
      ).status,
    ).toBe(404);
  });

  it('Art. 33: a unit listed only by its registered major hazard installation owes the half-yearly drill', async () => {
    const store = await enterprise(sql, '合规测试仓储有限公司', '仓储', 'low', 'other');
    await plan(sql, store, 'comprehensive', [
      { status: 'published', publishedAt: local('2025-12-01 09:00') },
    ]);
    const duties = async () =>
      ((await get(commander, `/api/drills/compliance?enterpriseId=${store}`)).body as ComplianceReport).items;
    expect((await duties()).map((i) => [i.requirement, i.listed])).toEqual([
      ['comprehensive_or_special', false],
    ]);

    // A unit holding 3 t of chlorine stays below its critical quantity (5 t): not a major hazard installation.
    const admin = await t.token('zone_admin');
    const created = await t.http
      .post('/api/installations')
      .set('Authorization', `Bearer ${admin}`)
      .send({
        enterpriseId: store,
        code: 'MH-T1',
        name: '液氯钢瓶库',
        kind: 'storage',
        peopleExposed: 20,
        chemicals: [{ substance: 'chlorine', name: '液氯', category: 'J3', maxQuantityT: 3 }],
      });
    expect(created.status).toBe(201);
    expect(created.body.assessment.grade).toBeNull();
    expect((await duties()).map((i) => i.listed)).toEqual([false]);

    const graded = await t.http
      .patch(`/api/installations/${created.body.id}`)
      .set('Authorization', `Bearer ${admin}`)
      .send({ chemicals: [{ substance: 'chlorine', name: '液氯', category: 'J3', maxQuantityT: 30 }] });
    expect(graded.status).toBe(200);
    expect(graded.body.assessment.grade).not.toBeNull();
    const byReq = Object.fromEntries((await duties()).map((i) => [i.requirement, i]));
    expect(Object.keys(byReq).sort()).toEqual(['any_plan', 'comprehensive_or_special']);
    expect(byReq.comprehensive_or_special).toMatchObject({ listed: true, intervalMonths: 12 });
    expect(byReq.any_plan).toMatchObject({ listed: true, intervalMonths: 6, dueOn: '2026-06-01' });
  });

  it('Art. 33: the zone records the category; an officer may not; the demo enterprises have theirs', async () => {
    const admin = await t.token('zone_admin');
    const officer = await t.login('officer1@muster.test');
    const coalchem = officer.user.enterpriseId!;
    const shown = await get(admin, `/api/enterprises/${coalchem}`);
    expect(shown.body.regulatoryCategory).toBe('dangerous_goods');
    const patch = (token: string, id: string, body: object) =>
      t.http.patch(`/api/enterprises/${id}`).set('Authorization', `Bearer ${token}`).send(body);
    expect((await patch(officer.accessToken, coalchem, { regulatoryCategory: 'other' })).status).toBe(403);
    const bad = await patch(admin, bare, { regulatoryCategory: 'mineral_water' });
    expect(bad.status).toBe(400);
    expect(bad.body.message.join(' ')).toContain('regulatoryCategory');

    // Recording the ordinary unit as a crowded place makes it listed: its drill is now owed a report.
    expect((await patch(admin, food, { regulatoryCategory: 'crowded_place' })).status).toBe(200);
    const report = (await get(commander, '/api/drills/compliance')).body as ComplianceReport;
    expect(report.items.filter((i) => i.enterpriseId === food).map((i) => [i.requirement, i.listed])).toEqual(
      [
        ['comprehensive_or_special', true],
        ['any_plan', true],
      ],
    );
    expect(report.unreported.filter((d) => d.enterpriseId === food).map((d) => d.runId)).toEqual([
      runIds.foodOnSite,
    ]);
    await patch(admin, food, { regulatoryCategory: 'other' });
  });

  it("Art. 33: yearly drill plans, the zone's own drills counted against the zone's plan", async () => {
    const admin = await t.token('zone_admin');
    const officer = await t.login('officer1@muster.test');
    const coalchem = officer.user.enterpriseId!;
    const post = (token: string, body: object) =>
      t.http.post('/api/drills/plan').set('Authorization', `Bearer ${token}`).send(body);

    // The zone's own plan: a comprehensive drill in January (over by 1 March) and one in June.
    const zoneJan = await post(admin, {
      enterpriseId: null,
      year: 2026,
      month: 1,
      planType: 'comprehensive',
      title: '园区综合演练',
    });
    expect(zoneJan.status).toBe(201);
    expect(zoneJan.body).toMatchObject({ enterpriseId: null, enterpriseName: null, month: 1 });
    expect(
      (await post(admin, { year: 2026, month: 6, planType: 'comprehensive', title: '园区第二次综合演练' }))
        .status,
    ).toBe(201);
    // An officer plans their own unit's drills, not the zone's nor another unit's.
    expect(
      (
        await post(officer.accessToken, {
          enterpriseId: coalchem,
          year: 2026,
          month: 2,
          planType: 'on_site',
          title: '装置区现场处置演练',
        })
      ).status,
    ).toBe(201);
    expect(
      (
        await post(officer.accessToken, {
          enterpriseId: null,
          year: 2026,
          month: 2,
          planType: 'on_site',
          title: '园区',
        })
      ).status,
    ).toBe(404);
    expect(
      (
        await post(officer.accessToken, {
          enterpriseId: chem,
          year: 2026,
          month: 2,
          planType: 'on_site',
          title: '别家',
        })
      ).status,
    ).toBe(404);
    const bad = await post(admin, {
      enterpriseId: chem,
      year: 2026,
      month: 13,
      planType: 'drill',
      title: 'x',
    });
    expect(bad.status).toBe(400);
    expect(bad.body.message).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^month: /),
        expect.stringMatching(/^planType: /),
        expect.stringMatching(/^title: /),
      ]),
    );

    let report = (await get(commander, '/api/drills/compliance')).body as ComplianceReport;
    let zone = report.planned.find((p) => p.enterpriseId === null)!;
    expect(zone).toMatchObject({ year: 2026, hasPlan: true, behind: true });
    expect(zone.byType[0]).toEqual({ planType: 'comprehensive', planned: 2, plannedToDate: 1, done: 0 });

    // The zone's own comprehensive drill in January counts (it used to be skipped).
    await run('zoneDrill', null as unknown as string, 'comprehensive', 'ended', local('2026-01-20 10:00'));
    report = (await get(commander, '/api/drills/compliance')).body as ComplianceReport;
    zone = report.planned.find((p) => p.enterpriseId === null)!;
    expect(zone.byType[0]).toEqual({ planType: 'comprehensive', planned: 2, plannedToDate: 1, done: 1 });
    expect(zone.behind).toBe(false);
    // The officer's unit planned an on-site drill for February and has not held it.
    const own = (await get(officer.accessToken, '/api/drills/compliance')).body as ComplianceReport;
    expect(own.planned.map((p) => p.enterpriseId)).toEqual([coalchem]);
    expect(own.planned[0]).toMatchObject({ hasPlan: true, behind: true });
    // A unit that made no plan for the year shows as such.
    expect(report.planned.find((p) => p.enterpriseId === food)).toMatchObject({ hasPlan: false });

    // The list is scoped like the report; an officer may remove their own entry only.
    const list = await get(officer.accessToken, '/api/drills/plan?year=2026');
    expect(list.status).toBe(200);
    expect((list.body as { enterpriseId: string | null }[]).map((e) => e.enterpriseId)).toEqual([coalchem]);
    const del = (token: string, id: string) =>
      t.http.delete(`/api/drills/plan/${id}`).set('Authorization', `Bearer ${token}`);
    expect((await del(officer.accessToken, zoneJan.body.id)).status).toBe(404);
    expect((await del(admin, zoneJan.body.id)).status).toBe(204);
  });
});
