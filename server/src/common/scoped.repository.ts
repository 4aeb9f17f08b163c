import type { EntityTarget, ObjectLiteral, Repository, SelectQueryBuilder } from 'typeorm';
import type { Db } from '../database/db.js';
import type { RequestContext, Scope } from './request-context.js';
import { NotFoundError } from './domain-errors.js';

/**
 * Base for repositories of records that belong to an enterprise. Every read goes through
 * `query()`, which adds the caller's enterprise scope; every write goes through
 * `assertInScope()`. A record of another enterprise is therefore simply not found (404), and a
 * handler cannot forget the check because it never writes the condition itself.
 */
export abstract class EnterpriseScopedRepository<T extends ObjectLiteral> {
  protected abstract readonly target: EntityTarget<T>;
  /** Property holding the owning enterprise's id (`id` for the enterprise table itself). */
  protected abstract readonly scopeProperty: string;
  protected abstract readonly notFoundMessage: string;

  constructor(
    protected readonly db: Db,
    protected readonly context: RequestContext,
  ) {}

  protected get repo(): Repository<T> {
    return this.db.repo(this.target);
  }

  protected query(alias: string): SelectQueryBuilder<T> {
    const qb = this.repo.createQueryBuilder(alias);
    return applyScope(qb, `${alias}.${this.scopeProperty}`, this.context.scope());
  }

  async findById(id: string): Promise<T | null> {
    return this.query('r').andWhere('r.id = :id', { id }).getOne();
  }

  async getById(id: string): Promise<T> {
    const found = await this.findById(id);
    if (!found) throw new NotFoundError(this.notFoundMessage);
    return found;
  }

  /** Refuses to write a record owned by an enterprise outside the caller's scope. */
  assertInScope(enterpriseId: string | null): void {
    const scope = this.context.scope();
    if (scope.kind === 'zone') return;
    if (scope.kind === 'enterprise' && scope.enterpriseId === enterpriseId) return;
    throw new NotFoundError(this.notFoundMessage);
  }
}

export function applyScope<Q extends SelectQueryBuilder<ObjectLiteral>>(
  qb: Q,
  column: string,
  scope: Scope,
): Q {
  if (scope.kind === 'enterprise') {
    qb.andWhere(`${column} = :scopeEnterpriseId`, { scopeEnterpriseId: scope.enterpriseId });
  } else if (scope.kind === 'none') {
    qb.andWhere('1 = 0');
  }
  return qb;
}
