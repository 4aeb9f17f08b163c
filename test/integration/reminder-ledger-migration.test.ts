import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import pg from 'pg';
import { createDataSource } from '../../server/src/database/data-source.js';
import { ReminderScheduler } from '../../server/src/reminders/reminder-scheduler.js';
import { addDays, zoneDate } from '../../server/src/zone/zone-time.js';
import { createTestApp, type TestApp } from '../support/app.js';

/**
 * Upgrading onto the reminder ledger: the hazard reminders the old per-hazard claims recorded as
 * sent are settled in the ledger, so nobody is reminded of them again.
 */
describe('the reminder ledger migration', () => {
  let t: TestApp;
  let sql: pg.Client;

  beforeAll(async () => {
    t = await createTestApp();
    sql = new pg.Client({ connectionString: t.db.url });
    await sql.connect();
  });

  afterAll(async () => {
    await sql?.end();
    await t?.close();
  });

  const migrations = async (fn: (ds: ReturnType<typeof createDataSource>) => Promise<unknown>) => {
    const ds = createDataSource(t.db.url);
    await ds.initialize();
    try {
      await fn(ds);
    } finally {
      await ds.destroy();
    }
  };

  it('carries the hazard reminders already sent into the ledger, and sends none of them again', async () => {
    const officer = `Bearer ${await t.token('enterprise_officer')}`;
    const deadline = addDays(zoneDate(new Date(), 'Asia/Shanghai'), -1);
    const created = await t.http
      .post('/api/hazards')
      .set('Authorization', officer)
      .send({
        place: '污水处理站',
        category: 'machinery',
        description: '搅拌机防护栏缺失',
        level: 'general',
        source: 'self_inspection',
        measures: '加装防护栏',
        responsiblePerson: '贺军',
        funds: '600',
        foundAt: new Date(`${addDays(deadline, -5)}T09:00:00+08:00`).toISOString(),
        deadline,
      });
    expect(created.status).toBe(201);
    const id = created.body.id as string;
    const settled = async () =>
      (
        await sql.query<{ n: number }>(
          `SELECT count(*)::int AS n FROM reminder_claim WHERE source = 'hazard' AND recipient = '*'`,
        )
      ).rows[0]!.n;
    const demoSettled = await settled();
    expect(demoSettled).toBeGreaterThan(0);

    // Back to the old schema, where the old scheduler had sent this hazard its overdue reminder.
    await migrations(async (ds) => {
      // Every migration after the ledger first, then the ledger itself.
      for (;;) {
        const [last] = (await ds.query(`SELECT name FROM schema_migrations ORDER BY id DESC LIMIT 1`)) as {
          name: string;
        }[];
        await ds.undoLastMigration({ transaction: 'each' });
        if (last!.name === 'ReminderLedger1765200000300') break;
      }
    });
    expect((await sql.query(`SELECT to_regclass('reminder_claim') AS r`)).rows[0].r).toBeNull();
    await sql.query(`INSERT INTO hazard_reminder (hazard_id, kind, deadline) VALUES ($1, 'overdue', $2)`, [
      id,
      deadline,
    ]);

    await migrations((ds) => ds.runMigrations({ transaction: 'each' }));
    expect(await settled()).toBe(demoSettled + 1);
    const claim = await sql.query(
      `SELECT kind, stage, deadline, outcome FROM reminder_claim WHERE entity = 'hazard' AND entity_id = $1`,
      [id],
    );
    expect(claim.rows).toEqual([{ kind: 'hazard.overdue', stage: 'overdue', deadline, outcome: 'sent' }]);

    const reminders = t.get(ReminderScheduler);
    expect((await reminders.pending(['hazard'])).filter((r) => r.entityId === id)).toEqual([]);
    await reminders.scan(['hazard']);
    const notes = await sql.query(`SELECT 1 FROM notification WHERE entity_id = $1`, [id]);
    expect(notes.rowCount).toBe(0);
  });
});
