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
      'CREATE TABLE write_at_commit (id serial PRIMARY KEY, tag text NOT NULL, n int NOT NULL UNIQUE, at timestamptz, note text, data bytea)',
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

  /** Records what the transaction's connection sends to PostgreSQL from now on. */
  async function sent(): Promise<string[]> {
    const connection = (await db.manager.queryRunner!.connect()) as { query: (...a: unknown[]) => unknown };
    const query = connection.query.bind(connection);
    const texts: string[] = [];
    connection.query = (text: unknown, ...rest: unknown[]) => {
      texts.push(typeof text === 'string' ? text : (text as { text: string }).text);
      return query(text, ...rest);
    };
    return texts;
  }

  it('writes nothing before the commit, then every write with its own values, with the COMMIT', async () => {
    const at = new Date('2026-12-07T08:00:00.123Z');
    const returned: unknown[] = [];
    let texts: string[] = [];
    const [a, b, c] = [next(), next(), next()];
    const odd = "it's a \\ back'slash";
    await db.transaction(async () => {
      texts = await sent();
      await db.writeAtCommit(insert, ['one', a, at], (rows) => returned.push(...rows));
      await db.writeAtCommit('INSERT INTO write_at_commit (tag, n, note) VALUES ($1, $2, $3)', [
        'one',
        b,
        odd,
      ]);
      await db.writeAtCommit(insert, ['one', c, null], (rows) => returned.push(...rows));
      // Not yet written: a read in the transaction does not see them.
      const [seen] = (await db.manager.query(
        'SELECT count(*)::int AS k FROM write_at_commit WHERE tag = $1',
        ['one'],
      )) as { k: number }[];
      expect(seen!.k).toBe(0);
      expect(returned).toEqual([]);
    });
    expect(await tagged('one')).toEqual([a, b, c]);
    // BEGIN with the read, then the three writes with the COMMIT: two round trips.
    expect(texts).toHaveLength(2);
    expect(texts[0]).toMatch(/^START TRANSACTION; SELECT count/);
    expect(texts[1]).toMatch(/^WITH w0 AS \(INSERT[\s\S]*; COMMIT$/);
    const [note] = (await t.db.query('SELECT note FROM write_at_commit WHERE n = $1', [b])) as {
      note: string;
    }[];
    expect(note!.note).toBe(odd);
    expect(returned).toEqual([
      expect.objectContaining({ tag: 'one', n: a, at: expect.stringMatching(/^2026-12-07T08:00:00\.123/) }),
      expect.objectContaining({ tag: 'one', n: c, at: null }),
    ]);
    expect(new Date((returned[0] as { at: string }).at).getTime()).toBe(at.getTime());
  });

  it('sends binary or large values as parameters, then the COMMIT', async () => {
    const [a, b] = [next(), next()];
    const large = 'x'.repeat(100_000);
    let texts: string[] = [];
    await db.transaction(async () => {
      texts = await sent();
      await db.writeAtCommit('INSERT INTO write_at_commit (tag, n, data) VALUES ($1, $2, $3)', [
        'large',
        a,
        Buffer.from([0, 1, 2]),
      ]);
      await db.writeAtCommit('INSERT INTO write_at_commit (tag, n, note) VALUES ($1, $2, $3)', [
        'large',
        b,
        large,
      ]);
    });
    expect(texts).toEqual(['START TRANSACTION', expect.stringMatching(/^WITH w0 AS/), 'COMMIT']);
    const rows = (await t.db.query(
      'SELECT n, data, length(note) AS len FROM write_at_commit WHERE tag = $1 ORDER BY n',
      ['large'],
    )) as { n: number; data: Buffer | null; len: number | null }[];
    expect(rows).toEqual([
      { n: a, data: Buffer.from([0, 1, 2]), len: null },
      { n: b, data: null, len: 100_000 },
    ]);
  });

  it('runs the after-commit hooks a write’s `then` adds once the rows are committed', async () => {
    const m = next();
    const visible: number[][] = [];
    await db.transaction(async () => {
      await db.writeAtCommit(insert, ['hooked', m, null], () =>
        db.afterCommit(async () => void visible.push(await tagged('hooked'))),
      );
    });
    expect(visible).toEqual([[m]]);
  });

  it('sends BEGIN with the first statement, whose answer is as TypeORM gives it', async () => {
    const m = next();
    await t.db.query('INSERT INTO write_at_commit (tag, n) VALUES ($1, $2)', ['six', m]);
    let texts: string[] = [];
    const answers = await db.transaction(async () => {
      texts = await sent();
      const updated = await db.manager.query(
        'UPDATE write_at_commit SET note = $2 WHERE n = $1 RETURNING n, note',
        [m, 'checked'],
      );
      const read = await db.manager.query('SELECT n, note FROM write_at_commit WHERE n = $1', [m]);
      return { updated, read };
    });
    expect(texts).toEqual([
      expect.stringMatching(/^START TRANSACTION; UPDATE/),
      expect.stringMatching(/^SELECT/),
      'COMMIT',
    ]);
    // TypeORM answers an UPDATE with its rows and their count, a SELECT with its rows.
    expect(answers).toEqual({ updated: [[{ n: m, note: 'checked' }], 1], read: [{ n: m, note: 'checked' }] });
  });

  it('sends nothing for a transaction that ran no statement', async () => {
    let texts: string[] = [];
    const hooks: string[] = [];
    await db.transaction(async () => {
      texts = await sent();
      db.afterCommit(() => void hooks.push('ran'));
    });
    expect(texts).toEqual([]);
    expect(hooks).toEqual(['ran']);
  });

  it('rolls back when the first statement fails, and the connection serves the next transaction', async () => {
    const taken = next();
    await t.db.query('INSERT INTO write_at_commit (tag, n) VALUES ($1, $2)', ['seven', taken]);
    let after = false;
    const failed = (await db
      .transaction(async () => {
        await db.manager.query('INSERT INTO write_at_commit (tag, n) VALUES ($1, $2)', ['seven', taken]);
        after = true;
      })
      .catch((e: unknown) => e)) as { driverError?: { code?: string } };
    expect(failed.driverError?.code).toBe('23505');
    expect(after).toBe(false);
    for (let i = 0; i < 25; i++) {
      const m = next();
      await db.transaction(() =>
        db.manager.query('INSERT INTO write_at_commit (tag, n) VALUES ($1, $2)', ['seven', m]),
      );
    }
    expect(await tagged('seven')).toHaveLength(26);
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
          await db.manager.query('INSERT INTO write_at_commit (tag, n) VALUES ($1, $2)', [
            'four',
            inside + 1,
          ]);
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
