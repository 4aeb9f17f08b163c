import { createRequire } from 'node:module';
import { escapeLiteral } from 'pg';
import { QueryFailedError, type QueryRunner } from 'typeorm';

/** pg's own conversion of a parameter to the text it sends (the package ships no types for it). */
const { prepareValue } = createRequire(import.meta.url)('pg/lib/utils.js') as {
  prepareValue(value: unknown): string | Buffer | null;
};

/**
 * Values that make more text than this go as parameters, in a round trip of their own: escaping
 * that much costs more than the round trip it saves.
 */
const INLINE_LIMIT = 64 * 1024;

/** A write waiting for its transaction's commit (`Db.writeAtCommit`). */
export interface AtCommit {
  sql: string;
  params: unknown[];
  then?: (rows: Record<string, unknown>[]) => void;
}

/** Runs `run` on the transaction's connection once the statements asked for before it are done. */
export type Serial = <T>(run: () => Promise<T>) => Promise<T>;

type PgResult = { rows: unknown[]; rowCount: number | null; command: string };
type PgConnection = { query(text: string): Promise<PgResult[]> };

/**
 * A transaction is one connection, and a connection runs one statement at a time. Code inside a
 * transaction may still ask for several at once (`Promise.all` over reads): pg queues them on
 * the connection itself, which it deprecates and pg 9 refuses. They wait their turn here instead,
 * in the order asked, as pg ran them; the transaction's COMMIT goes through the same queue.
 */
export function serializeQueries(runner: QueryRunner): Serial {
  const query = runner.query.bind(runner);
  let tail: Promise<unknown> = Promise.resolve();
  const serial: Serial = (run) => {
    const next = tail.then(run);
    tail = next.catch(() => undefined);
    return next;
  };
  runner.query = ((...args: Parameters<QueryRunner['query']>) =>
    serial(() => query(...args))) as QueryRunner['query'];
  return serial;
}

/**
 * A transaction's BEGIN goes with its first statement, and its COMMIT with its waiting writes, in
 * one message of PostgreSQL's simple protocol each (`BEGIN; <statement>`, `<writes>; COMMIT`):
 * two round trips fewer for every transaction. The values are written into the text as literals
 * by pg's own conversion and escaping of parameters; a statement with binary values, or too many
 * to escape cheaply, goes as it would have, after a BEGIN of its own. A transaction that ran no
 * statement sends neither BEGIN nor COMMIT. A failed statement fails the transaction as before,
 * and COMMIT, after a failed write in its message, is not run.
 */
export function sendBoundariesWithStatements(
  runner: QueryRunner,
  serial: Serial,
  writes: { take(): AtCommit[]; written(writes: AtCommit[], row: Record<string, unknown> | undefined): void },
): void {
  const query = runner.query.bind(runner) as (
    sql: string,
    params?: unknown[],
    structured?: boolean,
  ) => Promise<unknown>;
  /** The BEGIN to send with the next statement. */
  let begin: string | null = null;
  const send = (text: string, sql: string, params?: unknown[]): Promise<PgResult[]> =>
    serial(async () => {
      const connection = (await runner.connect()) as PgConnection;
      try {
        return await connection.query(text);
      } catch (e) {
        throw new QueryFailedError(sql, params, e as Error);
      }
    });
  runner.query = (async (sql: string, params?: unknown[], structured?: boolean) => {
    if (sql === 'START TRANSACTION') {
      begin = sql;
      return;
    }
    const pending = begin;
    begin = null;
    if (sql === 'COMMIT') return commit(pending);
    // Nothing began: there is nothing to roll back.
    if (sql === 'ROLLBACK' && pending) return;
    if (!pending) return query(sql, params, structured);
    const text = sql.includes(';') ? null : inlined(sql, params ?? []);
    if (text === null) {
      // Both asked for before any wait, so that a statement asked for meanwhile queues after them.
      const [, answer] = await Promise.all([query(pending), query(sql, params, structured)]);
      return answer;
    }
    const [, result] = await send(`${pending}; ${text}`, sql, params);
    return asTypeorm(result!, structured ?? false);
  }) as QueryRunner['query'];

  async function commit(pending: string | null): Promise<void> {
    const waiting = writes.take();
    if (!waiting.length) {
      if (!pending) await query('COMMIT');
      return;
    }
    const [sql, params] = combined(waiting);
    const text = inlined(sql, params);
    let row: Record<string, unknown> | undefined;
    if (text === null) {
      if (pending) await query(pending);
      [row] = (await query(sql, params)) as Record<string, unknown>[];
      await query('COMMIT');
    } else {
      const results = await send(`${pending ? `${pending}; ` : ''}${text}; COMMIT`, sql, params);
      row = results[pending ? 1 : 0]!.rows[0] as Record<string, unknown> | undefined;
    }
    writes.written(waiting, row);
  }
}

/** A statement's result as TypeORM's PostgreSQL query runner returns it. */
function asTypeorm(r: PgResult, structured: boolean): unknown {
  const raw = r.command === 'DELETE' || r.command === 'UPDATE' ? [r.rows, r.rowCount] : r.rows;
  return structured ? { records: r.rows, affected: r.rowCount ?? undefined, raw } : raw;
}

/**
 * The waiting writes as one statement: each a data-modifying WITH query (PostgreSQL runs every
 * one of them exactly once, whether read or not), its parameters renumbered after those before
 * it; the rows of those with `then` come back as one JSON column each (`r<i>`).
 */
export function combined(writes: readonly AtCommit[]): [string, unknown[]] {
  const params: unknown[] = [];
  const ctes: string[] = [];
  const reads: string[] = [];
  writes.forEach((w, i) => {
    const offset = params.length;
    ctes.push(`w${i} AS (${w.sql.replace(/\$(\d+)/g, (_, n: string) => `$${Number(n) + offset}`)})`);
    params.push(...w.params);
    if (w.then) reads.push(`(SELECT coalesce(json_agg(w${i}), '[]'::json) FROM w${i}) AS r${i}`);
  });
  return [`WITH ${ctes.join(', ')} SELECT ${reads.join(', ') || '1'}`, params];
}

/** `sql` with its parameters as literals, or null when one is binary or they make too much text. */
function inlined(sql: string, params: readonly unknown[]): string | null {
  let size = sql.length;
  const literals: string[] = [];
  for (const p of params) {
    const value = prepareValue(p);
    if (value !== null && typeof value !== 'string') return null;
    const literal = value === null ? 'NULL' : escapeLiteral(value);
    size += literal.length;
    if (size > INLINE_LIMIT) return null;
    literals.push(literal);
  }
  return sql.replace(/\$(\d+)/g, (_, n: string) => literals[Number(n) - 1]!);
}
