import { Injectable, Logger } from '@nestjs/common';
import { AsyncLocalStorage } from 'node:async_hooks';
import {
  DataSource,
  type EntityManager,
  type EntityTarget,
  type ObjectLiteral,
  type Repository,
  type ValueTransformer,
} from 'typeorm';

interface TxStore {
  manager: EntityManager;
  afterCommit: (() => void | Promise<void>)[];
}

const current = new AsyncLocalStorage<TxStore>();

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

  inTransaction(): boolean {
    return current.getStore() !== undefined;
  }

  /** Joins the surrounding transaction if there is one, else opens one around `fn`. */
  async transaction<T>(fn: () => Promise<T>): Promise<T> {
    if (this.inTransaction()) return fn();
    let store: TxStore | undefined;
    const result = await this.dataSource.transaction((manager) => {
      store = { manager, afterCommit: [] };
      return current.run(store, fn);
    });
    for (const hook of store!.afterCommit) {
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
   * Runs `hook` once the surrounding transaction has committed (never if it rolls back), so that
   * nobody is told about a change that did not happen. Outside a transaction it runs at once.
   */
  afterCommit(hook: () => void | Promise<void>): void {
    const store = current.getStore();
    if (store) store.afterCommit.push(hook);
    else void Promise.resolve().then(hook);
  }
}
