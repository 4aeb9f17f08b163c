import { Injectable, Logger } from '@nestjs/common';
import DataLoader from 'dataloader';
import { AsyncLocalStorage } from 'node:async_hooks';
import {
  DataSource,
  type EntityManager,
  type EntityTarget,
  type ObjectLiteral,
  type Repository,
  type ValueTransformer,
} from 'typeorm';
import {
  type AtCommit,
  combined,
  sendBoundariesWithStatements,
  serializeQueries,
} from './transaction-statements.js';

/** What of the `pg` pool that TypeORM's PostgreSQL driver holds is used here. */
interface PgPool {
  query<R>(sql: string, params: unknown[]): Promise<{ rows: R[] }>;
}

interface TxStore {
  manager: EntityManager;
  afterCommit: (() => void | Promise<void>)[];
  /** Writes waiting for the commit (`writeAtCommit`), in the order asked. */
  writes: AtCommit[];
  /** The commit is under way: no more writes may wait for it. */
  committing: boolean;
  savepoints: number;
}

/** What `writeAtCommit` takes: one statement that changes rows and reads nothing of this transaction's. */
const WRITE = /^\s*(INSERT|UPDATE|DELETE)\b/i;

const current = new AsyncLocalStorage<TxStore>();

/** Runs one statement and returns its rows (`RETURNING` rows of a write too). */
export type RowQuery = <R>(sql: string, params: unknown[]) => Promise<R[]>;

/** How calls are gathered into one statement. */
export interface BatchOptions {
  /** Statements of this kind running at once; calls made meanwhile gather for the next one. */
  inFlight: number;
  /** The most calls one statement carries. */
  maxBatch: number;
  /** How long a statement waits for company before it goes (0: the same turn of the event loop). */
  lingerMs?: number;
}

/**
 * Splits calls into rounds in which no record appears twice, each call in the round after its
 * record's previous call: one `UPDATE … FROM unnest(…)` changes a row once however often it is
 * listed, so two calls of one record in a statement would both see the outcome of only one.
 */
export function inRounds<K>(keys: readonly K[], idOf: (key: K) => string): { key: K; index: number }[][] {
  const rounds: { key: K; index: number }[][] = [];
  const seen = new Map<string, number>();
  keys.forEach((key, index) => {
    const id = idOf(key);
    const round = seen.get(id) ?? 0;
    seen.set(id, round + 1);
    (rounds[round] ??= []).push({ key, index });
  });
  return rounds;
}

/**
 * The database as repositories see it: inside `transaction()` every repository call uses that
 * transaction's connection, so a change and its audit row commit together without passing a
 * manager through every method.
 */
@Injectable()
export class Db {
  private readonly logger = new Logger(Db.name);

  constructor(private readonly dataSource: DataSource) {}

  get manager(): EntityManager {
    return current.getStore()?.manager ?? this.dataSource.manager;
  }

  repo<T extends ObjectLiteral>(target: EntityTarget<T>): Repository<T> {
    return this.manager.getRepository(target);
  }

  /**
   * An entity from a row of hand-written SQL (`RETURNING *`), converted as TypeORM would convert
   * it (column names, value transformers), so one statement can both write and read back a row.
   */
  fromRow<T extends ObjectLiteral>(target: EntityTarget<T>, row: Record<string, unknown>): T {
    const meta = this.dataSource.getMetadata(target);
    const entity = meta.create() as T;
    for (const column of meta.columns) {
      if (!(column.databaseName in row)) continue;
      let value = row[column.databaseName];
      const transformers = column.transformer
        ? ([] as ValueTransformer[]).concat(column.transformer).reverse()
        : [];
      for (const t of transformers) value = t.from(value);
      column.setEntityValue(entity, value);
    }
    return entity;
  }

  /**
   * One statement for the calls many concurrent jobs or requests make of it, one record each (a
   * fan-out's claims and outcomes, the provider's status callbacks), on the pool without TypeORM's
   * per-query work. No call waits for company: a call goes out at once when fewer than
   * `inFlight` statements of its kind are running, and calls made while they run gather into the
   * next one (group commit), so a statement carries whatever arrived during the previous one.
   * Each caller still awaits its own outcome, which comes only once the statement has committed,
   * so a crash loses nothing a caller was told was done. `run` returns one outcome per key, in
   * order (an Error fails that call alone). A call made inside a transaction runs alone in that
   * transaction: a batch cannot span transactions.
   */
  batched<K, V>(
    run: (keys: readonly K[], query: RowQuery) => Promise<(V | Error)[]>,
    options: BatchOptions,
  ): (key: K) => Promise<V> {
    let running = 0;
    let starting = 0;
    const gathering: (() => void)[] = [];
    const loader = new DataLoader<K, V>(
      async (keys) => {
        running += 1;
        try {
          return await run(keys, this.poolQuery);
        } finally {
          running -= 1;
          gathering.shift()?.();
        }
      },
      {
        cache: false,
        maxBatchSize: options.maxBatch,
        // Called at a batch's first call: the calls of the same turn of the event loop join it
        // before it goes, or, with enough statements running, until one of them is done.
        batchScheduleFn: (dispatch) => {
          if (running + starting >= options.inFlight) return void gathering.push(dispatch);
          starting += 1;
          const go = () => {
            starting -= 1;
            dispatch();
          };
          if (options.lingerMs) setTimeout(go, options.lingerMs);
          else setImmediate(go);
        },
      },
    );
    return async (key) => {
      const tx = current.getStore();
      if (!tx) return loader.load(key);
      const [outcome] = await run([key], async <R>(sql: string, params: unknown[]) => {
        const result = await tx.manager.queryRunner!.query(sql, params, true);
        return result.records as R[];
      });
      if (outcome instanceof Error) throw outcome;
      return outcome as V;
    };
  }

  /** A statement straight on the pool's driver: no query runner, no transaction of the caller's. */
  private readonly poolQuery: RowQuery = async <R>(sql: string, params: unknown[]) => {
    const pool = (this.dataSource.driver as unknown as { master: PgPool }).master;
    return (await pool.query<R>(sql, params)).rows;
  };

  inTransaction(): boolean {
    return current.getStore() !== undefined;
  }

  /** Joins the surrounding transaction if there is one, else opens one around `fn`. */
  async transaction<T>(fn: () => Promise<T>): Promise<T> {
    if (this.inTransaction()) return fn();
    const runner = this.dataSource.createQueryRunner();
    const tx: TxStore = {
      manager: runner.manager,
      afterCommit: [],
      writes: [],
      committing: false,
      savepoints: 0,
    };
    sendBoundariesWithStatements(runner, serializeQueries(runner), {
      take: () => {
        tx.committing = true;
        return tx.writes.splice(0);
      },
      written: (writes, row) =>
        current.run(tx, () =>
          writes.forEach((w, i) => w.then?.((row?.[`r${i}`] as Record<string, unknown>[] | undefined) ?? [])),
        ),
    });
    let result: T;
    try {
      await runner.startTransaction();
      result = await current.run(tx, fn);
      await runner.commitTransaction();
    } catch (e) {
      // The error that failed the transaction is the one to report, not a failed rollback's.
      await runner.rollbackTransaction().catch(() => undefined);
      throw e;
    } finally {
      await runner.release();
    }
    for (const hook of tx.afterCommit) {
      try {
        await hook();
      } catch (e) {
        // The data is committed; a failed side effect (a broadcast) must not turn into an error
        // for the caller, whose change did happen. Clients catch up from the log.
        this.logger.error({ err: e }, 'after-commit hook failed');
      }
    }
    return result;
  }

  /**
   * A write that nothing in its transaction reads back (an audit row, a notification, an outbox
   * row): inside a transaction it waits, and all such writes go as one statement sent with the
   * COMMIT, in place of a round trip each; outside one it runs at once. It commits with the
   * transaction or not at all, as any other statement of it, and a failure fails the transaction.
   * `sql` is one INSERT, UPDATE or DELETE whose only `$` are its parameters. `then` gets the rows
   * it returns (its RETURNING) as JSON, timestamps as ISO text, once the statement has run; it may
   * add after-commit hooks, not writes.
   */
  async writeAtCommit(
    sql: string,
    params: unknown[],
    then?: (rows: Record<string, unknown>[]) => void,
  ): Promise<void> {
    if (!WRITE.test(sql))
      throw new Error(`writeAtCommit takes an INSERT, UPDATE or DELETE: ${sql.slice(0, 60)}`);
    const store = current.getStore();
    if (store) {
      if (store.committing) throw new Error('writeAtCommit called while the transaction commits');
      store.writes.push({ sql, params, then });
      return;
    }
    const [row] = await this.poolQuery<Record<string, unknown>>(...combined([{ sql, params, then }]));
    if (then) then((row?.r0 as Record<string, unknown>[] | undefined) ?? []);
  }

  /**
   * Runs `fn` so that, when it throws, what it did is undone and the transaction goes on: its
   * statements by a savepoint (PostgreSQL refuses every further statement of a transaction in
   * which one failed), its waiting writes and after-commit hooks by dropping them. Outside a
   * transaction it just runs `fn`.
   */
  async savepoint<T>(fn: () => Promise<T>): Promise<T> {
    const store = current.getStore();
    if (!store) return fn();
    const name = `sp_${++store.savepoints}`;
    const writes = store.writes.length;
    const hooks = store.afterCommit.length;
    await store.manager.query(`SAVEPOINT ${name}`);
    try {
      const out = await fn();
      await store.manager.query(`RELEASE SAVEPOINT ${name}`);
      return out;
    } catch (e) {
      await store.manager.query(`ROLLBACK TO SAVEPOINT ${name}`);
      store.writes.length = writes;
      store.afterCommit.length = hooks;
      throw e;
    }
  }

  /**
   * Runs `hook` once the surrounding transaction has committed (never if it rolls back), so that
   * nobody is told about a change that did not happen. Outside a transaction it runs at once.
   */
  afterCommit(hook: () => void | Promise<void>): void {
    const store = current.getStore();
    if (store) store.afterCommit.push(hook);
    else void Promise.resolve().then(hook);
  }
}
