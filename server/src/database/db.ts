import { Injectable } from '@nestjs/common';
import { AsyncLocalStorage } from 'node:async_hooks';
import {
  DataSource,
  type EntityManager,
  type EntityTarget,
  type ObjectLiteral,
  type Repository,
} from 'typeorm';

const current = new AsyncLocalStorage<EntityManager>();

/**
 * The database as repositories see it: inside `transaction()` every repository call uses that
 * transaction's connection, so a change and its audit row commit together without passing a
 * manager through every method.
 */
@Injectable()
export class Db {
  constructor(private readonly dataSource: DataSource) {}

  get manager(): EntityManager {
    return current.getStore() ?? this.dataSource.manager;
  }

  repo<T extends ObjectLiteral>(target: EntityTarget<T>): Repository<T> {
    return this.manager.getRepository(target);
  }

  inTransaction(): boolean {
    return current.getStore() !== undefined;
  }

  /** Joins the surrounding transaction if there is one, else opens one around `fn`. */
  transaction<T>(fn: () => Promise<T>): Promise<T> {
    if (this.inTransaction()) return fn();
    return this.dataSource.transaction((em) => current.run(em, fn));
  }
}
