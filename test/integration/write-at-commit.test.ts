import 'reflect-metadata';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { Db } from '../../server/src/database/db.js';
import { createTestApp, type TestApp } from '../support/app.js';

/**
 * Writes nothing in their transaction reads back (audit rows, notifications, outbox rows) wait
 * for the commit and go as one statement. They must still commit exactly when the transaction
 * does, each with its own parameters, and be undone with the part of a transaction that failed.
 */
describe('writes at commit', () => {
  let t: TestApp;
  let db: Db;
  let n = 0;
  const insert = 'INSERT INTO write_at_commit (tag, n, at) VALUES ($1, $2, $3) RETURNING id, tag, n, at';

  beforeAll(async () => {
    t = await createTestApp();
    db = t.get(Db);
    await t.db.query(
      'CREATE TABLE write_at_commit (id serial PRIMARY KEY, tag text NOT NULL, n int NOT NULL UNIQUE, at timestamptz)',
    );
  }, 60_000);
  afterAll(async () => {
    await t?.db.query('DROP TABLE IF EXISTS write_at_commit');
    await t?.close();
  });

  const tagged = async (tag: string) =>
    (
      (await t.db.query('SELECT tag, n FROM write_at_commit WHERE tag = $1 ORDER BY n', [tag])) as {
        n: number;
      }[]
    ).map((r) => r.n);
  const next = () => ++n * 10;

  it('writes nothing before the commit, then every write with its own parameters in one statement', async () => {
    const at = new Date('2026-12-07T08:00:00.123Z');
    const returned: unknown[] = [];
    const statements: string[] = [];
    const [a, b, c] = [next(), next(), next()];
    await db.transaction(async () => {
      const runner = db.manager.queryRunner!;
      const query = runner.query.bind(runner);
      runner.query = ((sql: string, ...rest: never[]) => {
        statements.push(sql);
        return query(sql, ...rest);
      }) as typeof runner.query;
      await db.writeAtCommit(insert, ['one', a, at], (rows) => returned.push(...rows));
      await db.writeAtCommit('INSERT INTO write_at_commit (tag, n) VALUES ($1, $2)', ['one', b]);
      await db.writeAtCommit(insert, ['one', c, null], (rows) => returned.push(...rows));
      // Not yet written: a read in the transaction does not see them.
      const [seen] = (await db.manager.query('SELECT count(*)::int AS k FROM write_at_commit WHERE tag = $1', [
        'one',
      ])) as { k: number }[];
      expect(seen!.k).toBe(0);
      expect(returned).toEqual([]);
    });
    expect(await tagged('one')).toEqual([a, b, c]);
    // The read, then one statement for the three writes (TypeORM's COMMIT goes past the wrapper).
    expect(statements.filter((s) => s.includes('INSERT'))).toHaveLength(1);
    expect(returned).toEqual([
      expect.objectContaining({ tag: 'one', n: a, at: expect.stringMatching(/^2026-12-07T08:00:00\.123/) }),
      expect.objectContaining({ tag: 'one', n: c, at: null }),
    ]);
    expect(new Date((returned[0] as { at: string }).at).getTime()).toBe(at.getTime());
  });

  it('writes nothing when the transaction rolls back', async () => {
    await expect(
      db.transaction(async () => {
        await db.writeAtCommit(insert, ['two', next(), null]);
        throw new Error('rolled back');
      }),
    ).rejects.toThrow('rolled back');
    expect(await tagged('two')).toEqual([]);
  });

  it('fails the whole transaction when one of the waiting writes fails', async () => {
    const taken = next();
    await t.db.query('INSERT INTO write_at_commit (tag, n) VALUES ($1, $2)', ['taken', taken]);
    await expect(
      db.transaction(async () => {
        await db.manager.query('INSERT INTO write_at_commit (tag, n) VALUES ($1, $2)', ['three', next()]);
        await db.writeAtCommit(insert, ['three', next(), null]);
        await db.writeAtCommit(insert, ['three', taken, null]);
      }),
    ).rejects.toThrow(/unique|duplicate/i);
    expect(await tagged('three')).toEqual([]);
  });

  it('drops the waiting writes and after-commit hooks of a part that failed, keeping the rest', async () => {
    const [before, inside, after] = [next(), next(), next()];
    const hooks: string[] = [];
    await db.transaction(async () => {
      await db.writeAtCommit(insert, ['four', before, null]);
      db.afterCommit(() => void hooks.push('before'));
      await expect(
        db.savepoint(async () => {
          await db.writeAtCommit(insert, ['four', inside, null]);
          await db.manager.query('INSERT INTO write_at_commit (tag, n) VALUES ($1, $2)', ['four', inside + 1]);
          db.afterCommit(() => void hooks.push('inside'));
          throw new Error('the channel failed');
        }),
      ).rejects.toThrow('the channel failed');
      await db.savepoint(() => db.writeAtCommit(insert, ['four', after, null]));
    });
    expect(await tagged('four')).toEqual([before, after]);
    expect(hooks).toEqual(['before']);
  });

  it('writes at once outside a transaction, and takes only writes', async () => {
    const m = next();
    let rows: Record<string, unknown>[] = [];
    await db.writeAtCommit(insert, ['five', m, null], (r) => (rows = r));
    expect(await tagged('five')).toEqual([m]);
    expect(rows).toEqual([expect.objectContaining({ tag: 'five', n: m })]);
    await expect(db.writeAtCommit('SELECT 1', [])).rejects.toThrow(/INSERT, UPDATE or DELETE/);
  });
});
