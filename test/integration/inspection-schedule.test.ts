import { afterAll, afterEach, beforeAll, describe, expect, it, jest } from '@jest/globals';
import pg from 'pg';
import { Clock } from '../../server/src/common/clock.js';
import type { InspectionRecordView } from '@muster/contracts';
import { InspectionScheduleService } from '../../server/src/inspections/inspection-schedule.service.js';
import { InspectionJobsModule } from '../../server/src/inspections/inspection-jobs.module.js';
import { createTestApp, type TestApp } from '../support/app.js';

/** Plans' schedules become due inspection records, by the zone-local date, once each. */
describe('inspections from plan schedules', () => {
  let t: TestApp;
  let sql: pg.Client;
  let zonePlan: string;
  let selfPlan: string;
  let covered: string[];
  let officerEnterprise: string;

  const auth = async (role: Parameters<TestApp['token']>[0]) => ({
    Authorization: `Bearer ${await t.token(role)}`,
  });
  /** Runs the scan as the worker's job does, at a chosen instant. */
  const scanAt = async (iso: string) => {
    jest.spyOn(t.get(Clock), 'now').mockReturnValue(new Date(iso));
    return t.get(InspectionScheduleService).createDue();
  };
  const recordsOf = async (planId: string) =>
    (
      await sql.query<{
        enterprise_id: string;
        due_on: string;
        due_by: string | null;
        inspector: string | null;
      }>(
        `SELECT enterprise_id, due_on::text, due_by::text, inspector FROM inspection_record
          WHERE plan_id = $1 ORDER BY due_on, enterprise_id`,
        [planId],
      )
    ).rows;

  beforeAll(async () => {
    t = await createTestApp({ imports: [InspectionJobsModule] });
    sql = new pg.Client({ connectionString: t.db.url });
    await sql.connect();
    officerEnterprise = (await t.http.get('/api/auth/me').set(await auth('enterprise_officer'))).body
      .enterpriseId;
    const other = await sql.query<{ id: string }>(`SELECT id FROM enterprise WHERE id <> $1 LIMIT 1`, [
      officerEnterprise,
    ]);
    covered = [officerEnterprise, other.rows[0]!.id].sort();
    // The demo's own plans would be due too; this test's plans are the ones it looks at.
    await sql.query(`UPDATE inspection_plan SET active = false`);
    const zone = await t.http
      .post('/api/inspections/plans')
      .set(await auth('inspector'))
      .send({
        title: '月度危化品专项检查',
        kind: 'zone_inspection',
        enterpriseIds: covered,
        frequency: 'monthly',
        startsOn: '2026-01-31',
        endsOn: '2026-04-15',
        checklist: [{ text: '储罐区可燃气体报警仪完好', category: 'hazardous_chemicals' }],
      });
    expect(zone.status).toBe(201);
    zonePlan = zone.body.id;
    const self = await t.http
      .post('/api/inspections/plans')
      .set(await auth('enterprise_officer'))
      .send({
        title: '每周消防自查',
        kind: 'self_inspection',
        frequency: 'weekly',
        startsOn: '2026-03-02',
        checklist: [
          { text: '消防通道畅通', category: 'fire' },
          { text: '灭火器压力正常', category: 'fire' },
        ],
      });
    expect(self.status).toBe(201);
    selfPlan = self.body.id;
  });
  afterEach(() => {
    jest.restoreAllMocks();
  });
  afterAll(async () => {
    await sql?.end();
    await t?.close();
  });

  it('creates each occurrence at midnight in Asia/Shanghai, once however often it scans', async () => {
    // 23:59:59 on 27 February in the zone: still the period that began on 31 January.
    expect(await scanAt('2026-02-27T15:59:59Z')).toEqual({ created: 2 });
    expect(await recordsOf(zonePlan)).toEqual(
      covered.map((id) => ({
        enterprise_id: id,
        due_on: '2026-01-31',
        due_by: '2026-02-27',
        inspector: null,
      })),
    );
    expect(await scanAt('2026-02-27T15:59:59Z')).toEqual({ created: 0 });
    // Midnight, 28 February: the next month's occurrence (the 31st clamped to February's end).
    const [a, b] = await Promise.all([
      scanAt('2026-02-27T16:00:00Z'),
      t.get(InspectionScheduleService).createDue(),
    ]);
    expect(a.created + b.created).toBe(2);
    expect((await recordsOf(zonePlan)).map((r) => [r.due_on, r.due_by])).toEqual([
      ['2026-01-31', '2026-02-27'],
      ['2026-01-31', '2026-02-27'],
      ['2026-02-28', '2026-03-30'],
      ['2026-02-28', '2026-03-30'],
    ]);
    // The weekly self-inspection starts on Monday 2 March, zone time.
    expect(await recordsOf(selfPlan)).toEqual([]);
    await scanAt('2026-03-01T16:00:00Z');
    expect(await recordsOf(selfPlan)).toEqual([
      { enterprise_id: officerEnterprise, due_on: '2026-03-02', due_by: '2026-03-08', inspector: null },
    ]);
    // Past the zone plan's end nothing more is due; a deactivated plan makes nothing either.
    await scanAt('2026-04-20T02:00:00Z');
    expect((await recordsOf(zonePlan)).map((r) => r.due_on)).not.toContain('2026-03-31');
    expect(
      (
        await t.http
          .patch(`/api/inspections/plans/${selfPlan}`)
          .set(await auth('enterprise_officer'))
          .send({ active: false })
      ).status,
    ).toBe(200);
    const before = (await recordsOf(selfPlan)).length;
    await scanAt('2026-05-04T02:00:00Z');
    expect(await recordsOf(selfPlan)).toHaveLength(before);
  });

  it('tells who must carry it out, and the first to answer becomes the inspector', async () => {
    const officer = await auth('enterprise_officer');
    const inspector = await auth('inspector');
    const mine = await t.http.get('/api/notifications').set(officer);
    const due = mine.body.items.filter((n: { kind: string }) => n.kind === 'inspection.due');
    expect(due.length).toBeGreaterThan(0);
    expect(due[0].title).toBe('排查任务：每周消防自查');
    const zoneNotes = (await t.http.get('/api/notifications').set(inspector)).body.items.filter(
      (n: { kind: string; entityId: string }) => n.kind === 'inspection.due' && n.entityId === zonePlan,
    );
    expect(zoneNotes).toHaveLength(2);

    const list = await t.http.get(`/api/inspections/records?planId=${zonePlan}`).set(inspector);
    const record = list.body.items[0] as InspectionRecordView;
    expect(record).toMatchObject({ inspector: null, status: 'open', dueOn: expect.any(String) });
    expect(record.items).toHaveLength(1);

    // A zone inspection of an officer's own enterprise is still the zone's to carry out.
    const ownZoneRecord = (
      await t.http
        .get(`/api/inspections/records?planId=${zonePlan}&enterpriseId=${officerEnterprise}`)
        .set(officer)
    ).body.items[0] as InspectionRecordView;
    const refused = await t.http
      .patch(`/api/inspections/records/${ownZoneRecord.id}`)
      .set(officer)
      .send({ items: [{ itemId: 'c1', result: 'pass' }] });
    expect(refused.status).toBe(403);

    const answered = await t.http
      .patch(`/api/inspections/records/${record.id}`)
      .set(inspector)
      .send({ items: [{ itemId: 'c1', result: 'pass' }] });
    expect(answered.status).toBe(200);
    expect(answered.body.inspector).toBe((await t.http.get('/api/auth/me').set(inspector)).body.name);
    const audit = await sql.query(
      `SELECT count(*)::int AS n FROM audit_log WHERE action = 'inspection.scheduled' AND entity_id = $1`,
      [record.id],
    );
    expect(audit.rows[0].n).toBe(1);
  });
});
