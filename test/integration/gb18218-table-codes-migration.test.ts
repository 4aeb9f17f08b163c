import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createDataSource } from '../../server/src/database/data-source.js';
import { createTestDatabase, type TestDatabase } from '../support/db.js';

/**
 * Upgrading onto the checked GB 18218 tables: a unit stored under the Table 2 codes first
 * written gets the standard's codes, and its stored identification and grade are those of the
 * corrected tables.
 */
describe('the GB 18218 table codes migration', () => {
  let db: TestDatabase;

  beforeAll(async () => {
    db = await createTestDatabase();
  });
  afterAll(async () => {
    await db?.drop();
  });

  const migrations = async (fn: (ds: ReturnType<typeof createDataSource>) => Promise<unknown>) => {
    const ds = createDataSource(db.url);
    await ds.initialize();
    try {
      await fn(ds);
    } finally {
      await ds.destroy();
    }
  };

  it('renames the old codes and grades again by the corrected tables', async () => {
    await migrations(async (ds) => {
      for (;;) {
        const [last] = (await ds.query(`SELECT name FROM schema_migrations ORDER BY id DESC LIMIT 1`)) as {
          name: string;
        }[];
        await ds.undoLastMigration({ transaction: 'each' });
        if (last!.name === 'Gb18218TableCodes1765520000000') break;
      }
    });
    const [unit] = (await db.query('SELECT id FROM installation ORDER BY code LIMIT 1')) as { id: string }[];
    // As the first tables graded it: W9 at 100 t and carbon disulfide at 20 t, Σ q/Q = 3.
    await db.query(
      `UPDATE installation SET people_exposed = 10, ratio_sum = 3, r_value = 3, grade = 4, chemicals = $2 WHERE id = $1`,
      [
        unit!.id,
        JSON.stringify([
          { substance: null, name: '保险粉', category: 'W9', maxQuantityT: 150 },
          { substance: 'carbon_disulfide', name: '二硫化碳', category: 'W5.1', maxQuantityT: 30 },
          { substance: null, name: '过氧化苯甲酰', category: 'W8.1', maxQuantityT: 5 },
        ]),
      ],
    );

    await migrations((ds) => ds.runMigrations({ transaction: 'each' }));
    const [after] = (await db.query(
      'SELECT chemicals, ratio_sum, r_value, grade FROM installation WHERE id = $1',
      [unit!.id],
    )) as { chemicals: { category: string }[]; ratio_sum: number; r_value: number; grade: number | null }[];
    expect(after!.chemicals.map((c) => c.category)).toEqual(['W11', 'W5.1', 'W9.1']);
    // 150/200 + 30/50 + 5/50 = 1.45; β 1 for each (carbon disulfide is graded as W5.3), α 1.
    expect(after!.ratio_sum).toBeCloseTo(1.45, 10);
    expect(after!.r_value).toBeCloseTo(1.45, 10);
    expect(after!.grade).toBe(4);
  });
});
