import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import pg from 'pg';
import type { DataSource } from 'typeorm';
import { hazardCode, notificationText } from '@muster/contracts';
import { createDataSource } from '../../server/src/database/data-source.js';
import { NotificationKinds1765200000400 } from '../../server/src/database/migrations/1765200000400-notification-kinds.js';
import { createTestDatabase, type TestDatabase } from '../support/db.js';

/**
 * Notifications written before kinds had params (a fixed Chinese title and body) are given the
 * params of the records they name, so they read in either language like new ones.
 */
describe('the notification kinds migration', () => {
  let db: TestDatabase;
  let ds: DataSource;
  let sql: pg.Client;

  beforeAll(async () => {
    db = await createTestDatabase();
    ds = createDataSource(db.url);
    await ds.initialize();
    sql = new pg.Client({ connectionString: db.url });
    await sql.connect();
  });

  afterAll(async () => {
    await sql?.end();
    await ds?.destroy();
    await db?.drop();
  });

  it('rebuilds the params of earlier notifications from the hazards and inspections they name', async () => {
    const migration = new NotificationKinds1765200000400();
    const runner = ds.createQueryRunner();
    // The demo zone also notifies of kinds that came later (spot checks, implementation plans):
    // no database held them when this migration ran, and it has no rule for them.
    await sql.query(`DELETE FROM notification WHERE kind NOT LIKE 'hazard.%' AND kind <> 'inspection.due'`);
    await migration.down(runner);

    const user = (await sql.query<{ id: string }>(`SELECT id FROM app_user WHERE role = 'inspector'`))
      .rows[0]!.id;
    // The inspector's inbox holds just the old-style rows below (the demo zone's own are
    // rebuilt too, and checked with every other row at the end).
    await sql.query(`DELETE FROM notification WHERE user_id = $1`, [user]);
    const hazard = (
      await sql.query<{ id: string; seq: string; place: string; name: string; deadline: string | null }>(
        `SELECT h.id, h.seq, h.place, e.name, to_char(h.deadline, 'YYYY-MM-DD') AS deadline
           FROM hazard h JOIN enterprise e ON e.id = h.enterprise_id ORDER BY h.seq LIMIT 1`,
      )
    ).rows[0]!;
    const code = hazardCode(hazard.seq);
    const plan = (
      await sql.query<{ id: string }>(
        `INSERT INTO inspection_plan (title, kind, frequency, starts_on, checklist)
         VALUES ('季度消防检查', 'zone_inspection', 'quarterly', '2026-10-01', '[]') RETURNING id`,
      )
    ).rows[0]!.id;
    const insert = (kind: string, title: string, body: string, entity: string, entityId: string) =>
      sql.query(
        `INSERT INTO notification (user_id, kind, title, body, entity, entity_id) VALUES ($1, $2, $3, $4, $5, $6)`,
        [user, kind, title, body, entity, entityId],
      );
    await insert(
      'hazard.rejected',
      `隐患整改验收未通过 ${code}`,
      `${code} ${hazard.name}: ${hazard.place}\n垫片型号不符`,
      'hazard',
      hazard.id,
    );
    await insert(
      'hazard.submitted',
      `隐患整改待验收 ${code}`,
      `${code} ${hazard.name}: ${hazard.place}`,
      'hazard',
      hazard.id,
    );
    await insert(
      'inspection.due',
      '排查任务：季度消防检查',
      '2家企业，应于 2026-10-01 至 2026-10-31 完成：甲公司、乙公司',
      'inspection_plan',
      plan,
    );

    await migration.up(runner);
    await runner.release();

    const rows = (
      await sql.query<{
        kind: 'hazard.rejected' | 'hazard.submitted' | 'inspection.due';
        params: Record<string, string>;
      }>(
        `SELECT kind, params FROM notification WHERE user_id = $1 AND kind IN ('hazard.rejected', 'hazard.submitted', 'inspection.due')
          ORDER BY kind`,
        [user],
      )
    ).rows;
    const byKind = new Map(rows.map((r) => [r.kind, r.params]));
    expect(byKind.get('hazard.rejected')).toMatchObject({
      code,
      enterprise: hazard.name,
      place: hazard.place,
      comment: '垫片型号不符',
    });
    expect(notificationText('hazard.rejected', byKind.get('hazard.rejected')!, 'en')).toEqual({
      title: `Hazard rectification rejected ${code}`,
      body: `${hazard.name}: ${hazard.place}\n垫片型号不符`,
    });
    expect(byKind.get('hazard.submitted')).toMatchObject({ code, comment: '' });
    expect(notificationText('inspection.due', byKind.get('inspection.due')!, 'en')).toEqual({
      title: 'Inspection due: 季度消防检查',
      body: '甲公司、乙公司\nTo be done 2026-10-01 – 2026-10-31',
    });
    // Nothing is left unworded: every row has the params its kind's words use.
    const empty = await sql.query(`SELECT 1 FROM notification WHERE params = '{}'::jsonb`);
    expect(empty.rowCount).toBe(0);
  });
});
