import { afterAll, afterEach, beforeAll, describe, expect, it, jest } from '@jest/globals';
import type { ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import type { NotificationKind } from '@muster/contracts';
import { Clock } from '../../server/src/common/clock.js';
import { JobQueue } from '../../server/src/jobs/job-queue.service.js';
import { JobName, QueueName } from '../../server/src/jobs/job.types.js';
import { ReminderScheduler } from '../../server/src/reminders/reminder-scheduler.js';
import { ReminderSources } from '../../server/src/reminders/reminder-sources.js';
import { ResourceReminders } from '../../server/src/resources/resource-reminders.js';
import { addDays, zoneDate } from '../../server/src/zone/zone-time.js';
import { createTestApp, type TestApp } from '../support/app.js';
import { type CalloutStack, startCalloutStack, waitFor } from '../support/callouts.js';
import { messageInject, scenarioDocument } from '../support/drills.js';
import { exited, spawnWorker } from '../support/processes.js';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Midnight starting a zone-local day in Asia/Shanghai, as an instant. */
const midnight = (day: string) => new Date(`${day}T00:00:00+08:00`);

/**
 * A fresh enterprise with an officer account of its own, made straight in the database (its
 * records' dates are what these tests are about, not the forms that enter them).
 */
async function enterpriseWithOfficer(
  t: TestApp,
  sql: pg.Client,
  name: string,
): Promise<{ enterpriseId: string; officerId: string }> {
  const code = randomBytes(9).toString('hex').toUpperCase();
  const [e] = (
    await sql.query<{ id: string }>(
      `INSERT INTO enterprise (name, credit_code, industry, risk_class, address, lat, lng,
                               legal_representative, safety_lead, duty_phone)
       VALUES ($1, $2, '仓储物流', 'low', '园区纬二路8号', 33.99, 116.82, '周伟', '孙莉', '0561-3100000')
       RETURNING id`,
      [name, code],
    )
  ).rows;
  const admin = `Bearer ${await t.token('zone_admin')}`;
  const officer = await t.http
    .post('/api/users')
    .set('Authorization', admin)
    .send({
      email: `officer-${code.toLowerCase()}@muster.test`,
      name: '提醒测试安全员',
      role: 'enterprise_officer',
      enterpriseId: e!.id,
      password: 'Reminders-2031!',
    });
  expect(officer.status).toBe(201);
  return { enterpriseId: e!.id, officerId: officer.body.id as string };
}

/**
 * Every deadline kind, driven through the scheduler's scan at chosen instants of the zone's clock:
 * nothing one second before a stage begins, the reminder at its first second, once.
 */
describe('every reminder kind at its time', () => {
  let t: TestApp;
  let sql: pg.Client;
  let ent: { enterpriseId: string; officerId: string };
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    t = await createTestApp();
    sql = new pg.Client({ connectionString: t.db.url });
    await sql.connect();
    ent = await enterpriseWithOfficer(t, sql, '提醒测试仓储有限公司');
    const e = ent.enterpriseId;

    // A comprehensive plan published on 15 January 2030 (due for its yearly drill on 15 January
    // 2031), filing due 20 March 2031 and evaluation 30 June 2031; a new draft in review by 10 May.
    const plan = await sql.query<{ id: string }>(
      `INSERT INTO plan (enterprise_id, type, title) VALUES ($1, 'comprehensive', '综合应急预案（提醒测试）')
       RETURNING id`,
      [e],
    );
    ids.plan = plan.rows[0]!.id;
    const published = await sql.query<{ id: string }>(
      `INSERT INTO plan_version (plan_id, number, status, published_at, filing_due_on, evaluation_due_on)
       VALUES ($1, 1, 'published', '2030-01-15T02:00:00Z', '2031-03-20', '2031-06-30') RETURNING id`,
      [ids.plan],
    );
    ids.published = published.rows[0]!.id;
    const draft = await sql.query<{ id: string }>(
      `INSERT INTO plan_version (plan_id, number, status, review_due_on)
       VALUES ($1, 2, 'draft', '2031-05-10') RETURNING id`,
      [ids.plan],
    );
    ids.draft = draft.rows[0]!.id;

    const resource = await sql.query<{ id: string }>(
      `INSERT INTO resource (enterprise_id, type, name, status, custodian, lat, lng, address,
                             next_inspection_on, expires_on)
       VALUES ($1, 'equipment', '正压式空气呼吸器（提醒测试）', 'available', '钱进', 33.99, 116.82,
               '仓库气防柜', '2031-04-10', '2031-08-01')
       RETURNING id`,
      [e],
    );
    ids.resource = resource.rows[0]!.id;

    const contact = await sql.query<{ id: string }>(
      `INSERT INTO contact (enterprise_id, name, organization, certifications)
       VALUES ($1, '吴刚', '提醒测试仓储有限公司', $2::jsonb) RETURNING id`,
      [e, JSON.stringify([{ name: '特种作业操作证', number: 'T2031', expiresOn: '2031-09-05' }])],
    );
    ids.contact = contact.rows[0]!.id;

    // An improvement item from a drill (the run only anchors it; its enterprise is ours).
    const commander = `Bearer ${await t.token('commander')}`;
    const scenario = await t.http
      .post('/api/drills/scenarios')
      .set('Authorization', commander)
      .send(await scenarioDocument(t, [messageInject('m1', 60)]));
    expect(scenario.status).toBe(201);
    const run = await t.http.post('/api/drills/runs').set('Authorization', commander).send({
      scenarioId: scenario.body.id,
      scheduledFor: new Date().toISOString(),
      contactIds: [],
      evaluatorIds: [],
    });
    expect(run.status).toBe(201);
    const item = await sql.query<{ id: string }>(
      `INSERT INTO drill_improvement (run_id, enterprise_id, title, owner, due_on)
       VALUES ($1, $2, '补充堵漏器材', '钱进', '2031-02-20') RETURNING id`,
      [run.body.id, e],
    );
    ids.improvement = item.rows[0]!.id;
  }, 60_000);

  afterAll(async () => {
    jest.restoreAllMocks();
    await sql?.end();
    await t?.close();
  });

  /** In-app notifications of one kind about one record, and whether each user has it once. */
  const notes = async (kind: NotificationKind, entityId: string) => {
    const { rows } = await sql.query<{ n: number; users: number; mine: number }>(
      `SELECT count(*)::int AS n, count(DISTINCT user_id)::int AS users,
              count(*) FILTER (WHERE user_id = $3)::int AS mine
         FROM notification WHERE kind = $1 AND entity_id = $2`,
      [kind, entityId, ent.officerId],
    );
    return rows[0]!;
  };

  it('sends each stage of each deadline at the first second of its day, not before, and once', async () => {
    const e = () => ent.enterpriseId;
    // [source, kind, record, the days its stages begin]: every stage of every kind of source this
    // branch registers (the hazard stages have their own test in hazards.test.ts).
    const cases: [string, NotificationKind, () => string, string[]][] = [
      ['drill-duty', 'drill.duty_due_soon', e, ['2030-12-16', '2031-01-08']],
      ['drill-duty', 'drill.duty_overdue', e, ['2031-01-16']],
      [
        'drill-improvement',
        'drill.improvement_due_soon',
        () => ids.improvement!,
        ['2031-02-13', '2031-02-19'],
      ],
      ['drill-improvement', 'drill.improvement_overdue', () => ids.improvement!, ['2031-02-21']],
      ['plan', 'plan.filing_due_soon', () => ids.published!, ['2031-03-13', '2031-03-19']],
      ['plan', 'plan.filing_overdue', () => ids.published!, ['2031-03-21']],
      ['resource', 'resource.inspection_due_soon', () => ids.resource!, ['2031-03-11', '2031-04-03']],
      ['resource', 'resource.inspection_overdue', () => ids.resource!, ['2031-04-11']],
      ['plan', 'plan.review_due_soon', () => ids.draft!, ['2031-05-03', '2031-05-09']],
      ['plan', 'plan.review_overdue', () => ids.draft!, ['2031-05-11']],
      ['plan', 'plan.evaluation_due_soon', () => ids.published!, ['2031-05-31', '2031-06-23']],
      ['plan', 'plan.evaluation_overdue', () => ids.published!, ['2031-07-01']],
      ['resource', 'resource.expiring', () => ids.resource!, ['2031-07-02', '2031-07-25']],
      ['resource', 'resource.expired', () => ids.resource!, ['2031-08-02']],
      ['certificate', 'contact.certificate_expiring', () => ids.contact!, ['2031-08-06', '2031-08-29']],
      ['certificate', 'contact.certificate_expired', () => ids.contact!, ['2031-09-06']],
    ];
    const registered = new Set(
      t
        .get(ReminderSources)
        .list()
        .map((s) => s.name),
    );
    for (const c of cases) expect(registered).toContain(c[0]);

    const steps = cases
      .flatMap(([source, kind, record, days]) =>
        days.map((day, i) => ({ source, kind, record, day, nth: i + 1 })),
      )
      .sort((a, b) => a.day.localeCompare(b.day));
    const clock = t.get(Clock);
    const scheduler = t.get(ReminderScheduler);
    const sources = [...new Set(cases.map((c) => c[0]))];
    let perStage = 0;
    for (const s of steps) {
      const at = midnight(s.day);
      jest.spyOn(clock, 'now').mockReturnValue(new Date(at.getTime() - 1000));
      await scheduler.scan(sources);
      const before = await notes(s.kind, s.record());
      expect({ step: `${s.kind} #${s.nth} before ${s.day}`, mine: before.mine }).toEqual({
        step: `${s.kind} #${s.nth} before ${s.day}`,
        mine: s.nth - 1,
      });

      jest.spyOn(clock, 'now').mockReturnValue(at);
      await scheduler.scan(sources);
      // A second scan at the same instant (an overlapping job) sends nothing more.
      await scheduler.scan(sources);
      const after = await notes(s.kind, s.record());
      expect({ step: `${s.kind} #${s.nth} at ${s.day}`, mine: after.mine }).toEqual({
        step: `${s.kind} #${s.nth} at ${s.day}`,
        mine: s.nth,
      });
      // Everyone it reached, reached once per stage.
      if (s.nth === 1) perStage = after.n;
      expect(after.n).toBe(after.users * s.nth);
    }
    expect(perStage).toBeGreaterThan(0);

    // Each send is audited with its stage.
    const audited = await sql.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM audit_log WHERE action = 'reminder.sent'
          AND entity_id = ANY($1::text[])`,
      [[ent.enterpriseId, ids.improvement, ids.published, ids.draft, ids.resource, ids.contact]],
    );
    expect(audited.rows[0]!.n).toBe(steps.length);
  }, 120_000);

  it('sends nothing for a deadline met between the scan and the send', async () => {
    const resource = await sql.query<{ id: string }>(
      `INSERT INTO resource (enterprise_id, type, name, status, custodian, lat, lng, address, next_inspection_on)
       VALUES ($1, 'equipment', '可燃气体检测仪（提醒测试）', 'available', '钱进', 33.99, 116.82, '仓库', '2032-03-10')
       RETURNING id`,
      [ent.enterpriseId],
    );
    const id = resource.rows[0]!.id;
    jest.spyOn(t.get(Clock), 'now').mockReturnValue(midnight('2032-03-05'));
    const source = t.get(ResourceReminders);
    const owed = source.owed.bind(source);
    // The scan finds the inspection owed; the inspection is recorded before the reminder goes out.
    jest.spyOn(source, 'owed').mockImplementationOnce(async (now) => {
      const found = await owed(now);
      expect(found.some((r) => r.entityId === id)).toBe(true);
      await sql.query(
        `UPDATE resource SET last_inspected_on = '2032-03-05', next_inspection_on = '2033-03-05' WHERE id = $1`,
        [id],
      );
      return found;
    });
    const result = await t.get(ReminderScheduler).scan(['resource']);
    expect(result.failed).toBe(0);
    expect((await notes('resource.inspection_due_soon', id)).n).toBe(0);
    const claims = await sql.query(`SELECT 1 FROM reminder_claim WHERE entity_id = $1`, [id]);
    expect(claims.rowCount).toBe(0);
    // And the next scan has nothing to say about it either.
    await t.get(ReminderScheduler).scan(['resource']);
    expect((await notes('resource.inspection_due_soon', id)).n).toBe(0);
  });
});

/**
 * The worker as deployed, killed with SIGKILL in the middle of a scan and started again: every
 * reminder reaches each of its people exactly once, in the app and by SMS at the emulator.
 */
describe('a worker killed in the middle of a reminder scan', () => {
  let s: CalloutStack | undefined;
  let sql: pg.Client | undefined;
  const children: ChildProcess[] = [];

  afterEach(async () => {
    for (const c of children.splice(0)) {
      c.kill('SIGKILL');
      await exited(c);
    }
    const queues = s?.t.get(JobQueue);
    for (const q of [QueueName.Hazards, QueueName.Deliveries, QueueName.Callouts, QueueName.Drills])
      await queues?.queue(q).obliterate({ force: true });
    await sql?.end();
    await s?.close();
  });

  it('sends each reminder once after a restart, and a duplicate scan sends nothing twice', async () => {
    s = await startCalloutStack({ JOB_RECONCILE_SECONDS: '2' }, 0.01, { inProcessWorker: false });
    sql = new pg.Client({ connectionString: s.t.db.url });
    await sql.connect();
    const ent = await enterpriseWithOfficer(s.t, sql, '提醒重启测试有限公司');
    const officerPhone = '+8613800990001';
    await sql.query(
      `INSERT INTO contact (enterprise_id, name, organization, phones, user_id)
       VALUES ($1, '提醒测试安全员', '安全部', ARRAY[$2], $3)`,
      [ent.enterpriseId, officerPhone, ent.officerId],
    );

    // 300 resources that expired yesterday, each with a custodian of its own: 300 urgent
    // reminders, each texted to its custodian and to the officer.
    const n = 300;
    const yesterday = addDays(zoneDate(new Date(), 'Asia/Shanghai'), -1);
    const phones = Array.from({ length: n }, (_, i) => `+86137990${String(i).padStart(5, '0')}`);
    const { rows: resources } = await sql.query<{ id: string; name: string }>(
      `INSERT INTO resource (enterprise_id, type, name, status, custodian, custodian_phone, lat, lng, address, expires_on)
       SELECT $1, 'supplies', '急救箱-' || lpad(i::text, 3, '0'), 'available', '保管员' || i, ($2::text[])[i + 1],
              33.99, 116.82, '仓库', $3::date
         FROM generate_series(0, $4 - 1) AS i
       RETURNING id, name`,
      [ent.enterpriseId, phones, yesterday, n],
    );
    expect(resources).toHaveLength(n);
    const ids = resources.map((r) => r.id);
    const claimed = async () =>
      (
        await sql!.query<{ n: number }>(
          `SELECT count(DISTINCT entity_id)::int AS n FROM reminder_claim WHERE entity_id = ANY($1::text[])`,
          [ids],
        )
      ).rows[0]!.n;

    const workerEnv = { ...s.workerEnv, JOB_LOCK_SECONDS: '3' };
    children.push(spawnWorker(workerEnv));
    const queues = s.t.get(JobQueue);
    await queues.add(JobName.ReminderScan, {});
    // Killed once part of the scan has gone out.
    const atKill = await waitFor(
      async () => {
        const c = await claimed();
        return c >= 20 ? c : undefined;
      },
      60_000,
      'the scan under way',
    );
    const first = children.pop()!;
    first.kill('SIGKILL');
    await exited(first);
    const afterKill = await claimed();
    expect(afterKill).toBeLessThan(n);

    // Restarted: its schedule, the stalled scan and two more scans at once all run.
    children.push(spawnWorker(workerEnv));
    await queues.add(JobName.ReminderScan, {});
    await queues.add(JobName.ReminderScan, {});
    await waitFor(async () => ((await claimed()) === n ? true : undefined), 90_000, 'every reminder claimed');

    const expired = new Set(resources.map((r) => r.name));
    const ours = new Set([...phones, officerPhone]);
    const sms = () =>
      (s!.emulator.messages() as unknown as { to: string; body: string }[]).filter((m) => ours.has(m.to));
    const officerTexts = () =>
      sms()
        .filter((m) => m.to === officerPhone)
        .map((m) => [...expired].find((name) => m.body.includes(name)));
    await waitFor(
      () =>
        new Set(
          sms()
            .filter((m) => phones.includes(m.to))
            .map((m) => m.to),
        ).size === n
          ? true
          : undefined,
      90_000,
      'every custodian texted',
    );
    await waitFor(
      () => (officerTexts().length >= n ? true : undefined),
      90_000,
      'the officer texted per reminder',
    );
    await queues.add(JobName.ReminderScan, {});
    await sleep(4000); // anything sent twice would have arrived by now

    const perPhone = new Map<string, number>();
    for (const m of sms()) perPhone.set(m.to, (perPhone.get(m.to) ?? 0) + 1);
    expect(phones.filter((p) => perPhone.get(p) !== 1)).toEqual([]);
    const perResource = new Map<string | undefined, number>();
    for (const name of officerTexts()) perResource.set(name, (perResource.get(name) ?? 0) + 1);
    expect(perResource.size).toBe(n);
    expect([...perResource.values()].every((c) => c === 1)).toBe(true);
    expect(sms().every((m) => m.body.includes('应急资源已过期'))).toBe(true);

    const inApp = await sql.query<{ entity_id: string; n: number }>(
      `SELECT entity_id, count(*)::int AS n FROM notification
        WHERE kind = 'resource.expired' AND user_id = $1 AND entity_id = ANY($2::text[])
        GROUP BY entity_id`,
      [ent.officerId, ids],
    );
    expect(inApp.rows).toHaveLength(n);
    expect(inApp.rows.every((r) => r.n === 1)).toBe(true);
    const audited = await sql.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM audit_log WHERE action = 'reminder.sent' AND entity_id = ANY($1::text[])`,
      [ids],
    );
    expect(audited.rows[0]!.n).toBe(n);
    // Measured: how far the first worker got before it was killed.
    expect(atKill).toBeGreaterThanOrEqual(20);
  }, 240_000);
});
