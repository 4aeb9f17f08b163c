import type { ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import { Enterprise } from './enterprise.entity.js';

/**
 * Joins the enterprise that owns each row of `qb` (by the row's `enterpriseId`) onto
 * `<alias>.enterprise`, whose `name` is what other domains show: their lists carry the owner's
 * name without a query of their own.
 */
export function joinEnterpriseName<T extends ObjectLiteral>(
  qb: SelectQueryBuilder<T>,
  alias: string,
): SelectQueryBuilder<T> {
  return qb.leftJoinAndMapOne(`${alias}.enterprise`, Enterprise, 'ent', `ent.id = ${alias}.enterpriseId`);
}
