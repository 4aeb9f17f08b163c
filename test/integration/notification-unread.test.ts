import 'reflect-metadata';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { Db } from '../../server/src/database/db.js';
import { NotificationRepository } from '../../server/src/notifications/notification.repository.js';
import { createTestApp, type TestApp } from '../support/app.js';

/**
 * Every filing pushes its recipients' unread counts, capped at what the bell shows ("99+"). The
 * count must stop at the cap whatever PostgreSQL's statistics say: a leader who never reads
 * thousands of notifications, or one who reads them all in a table of millions, must not make
 * every filing read all of them.
 */
describe('unread counts pushed after a filing', () => {
  let t: TestApp;
  let db: Db;
  let repo: NotificationRepository;
  let hoarder: string;
  let reader: string;
  let few: string;
  const CAP = 100;
  const MANY = 3000;

  beforeAll(async () => {
    t = await createTestApp();
    db = t.get(Db);
    repo = t.get(NotificationRepository);
    const users = (await t.db.query('SELECT id FROM app_user ORDER BY email LIMIT 3')) as { id: string }[];
    [hoarder, reader, few] = users.map((u) => u.id);
    // Statistics taken before the thousands arrived.
    await t.db.query('DELETE FROM notification');
    await t.db.query('ANALYZE notification');
    // One user never reads, one has read everything, one has a handful waiting.
    await t.db.query(
      `INSERT INTO notification (user_id, kind, params, read_at)
       SELECT u, 'incident.filed', '{}'::jsonb, CASE WHEN u = $2 THEN now() END
         FROM unnest(ARRAY[$1, $2]::uuid[]) AS u, generate_series(1, $3)`,
      [hoarder, reader, MANY],
    );
    await t.db.query(
      `INSERT INTO notification (user_id, kind, params) SELECT $1, 'incident.filed', '{}'::jsonb FROM generate_series(1, 5)`,
      [few],
    );
  }, 60_000);
  afterAll(() => t?.close());

  /**
   * The counts, and what reading them cost: scans of the whole notification table and index
   * entries read. A backend's counters carry over between its transactions until it reports them,
   * so the cost is the difference across the count, on the count's own connection.
   */
  async function countWithCost() {
    const counters = async () =>
      (
        (await db.manager.query(
          `SELECT pg_stat_get_xact_numscans('notification'::regclass)::int AS "seqScans",
                  (SELECT coalesce(sum(pg_stat_get_xact_tuples_returned(indexrelid)), 0)::int FROM pg_index
                    WHERE indrelid = 'notification'::regclass) AS "indexEntriesRead"`,
        )) as { seqScans: number; indexEntriesRead: number }[]
      )[0];
    return db.transaction(async () => {
      const before = await counters();
      const counts = await repo.unreadByUser([hoarder, reader, few], CAP);
      const after = await counters();
      return {
        counts: Object.fromEntries(counts),
        cost: {
          seqScans: after.seqScans - before.seqScans,
          indexEntriesRead: after.indexEntriesRead - before.indexEntriesRead,
        },
      };
    });
  }

  it.each([
    ['with statistics from before the thousands arrived', false],
    ['after ANALYZE has seen them', true],
  ])('counts up to the cap and stops there, %s', async (_when, analyze) => {
    if (analyze) await t.db.query('ANALYZE notification');
    const { counts, cost } = await countWithCost();
    expect(counts).toEqual({ [hoarder]: CAP, [reader]: 0, [few]: 5 });
    expect(cost.seqScans).toBe(0);
    // At most the cap per user (and the one entry that ends a scan), never the thousands behind it.
    expect(cost.indexEntriesRead).toBeLessThanOrEqual(CAP + 5 + 3);
  });
});
