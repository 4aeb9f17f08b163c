import { Injectable } from '@nestjs/common';
import { In } from 'typeorm';
import { Db } from '../database/db.js';
import { RequestContext } from '../common/request-context.js';
import { EnterpriseScopedRepository } from '../common/scoped.repository.js';
import { Installation } from './installation.entity.js';

export interface InstallationFilter {
  enterpriseId?: string;
  majorOnly?: boolean;
  skip: number;
  take: number;
}

@Injectable()
export class InstallationRepository extends EnterpriseScopedRepository<Installation> {
  protected readonly target = Installation;
  protected readonly scopeProperty = 'enterpriseId';
  protected readonly notFoundMessage = 'Installation not found';

  constructor(db: Db, context: RequestContext) {
    super(db, context);
  }

  list(f: InstallationFilter): Promise<[Installation[], number]> {
    const qb = this.query('i')
      .orderBy('i.grade', 'ASC', 'NULLS LAST')
      .addOrderBy('i.name', 'ASC')
      .skip(f.skip)
      .take(f.take);
    if (f.enterpriseId) qb.andWhere('i.enterpriseId = :e', { e: f.enterpriseId });
    if (f.majorOnly) qb.andWhere('i.grade IS NOT NULL');
    return qb.getManyAndCount();
  }

  /** The caller's installations among `ids` (others are simply missing). */
  findByIds(ids: readonly string[]): Promise<Installation[]> {
    if (!ids.length) return Promise.resolve([]);
    return this.query('i').andWhere('i.id IN (:...ids)', { ids }).getMany();
  }

  /** The enterprises among `ids` that hold at least one major hazard installation. */
  async majorHazardHolders(ids: readonly string[]): Promise<Set<string>> {
    if (!ids.length) return new Set();
    const rows = await this.query('i')
      .select('DISTINCT i.enterpriseId', 'enterprise_id')
      .andWhere('i.enterpriseId IN (:...ids)', { ids })
      .andWhere('i.grade IS NOT NULL')
      .getRawMany<{ enterprise_id: string }>();
    return new Set(rows.map((r) => r.enterprise_id));
  }

  /** By id whatever the caller's scope: background work reads what a point belongs to. */
  anyByIds(ids: readonly string[]): Promise<Installation[]> {
    return ids.length ? this.repo.findBy({ id: In([...ids]) }) : Promise.resolve([]);
  }

  save(i: Installation): Promise<Installation> {
    this.assertInScope(i.enterpriseId);
    return this.repo.save(i);
  }
}
