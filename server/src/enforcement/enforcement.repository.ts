import { Injectable } from '@nestjs/common';
import type { InstrumentKind } from '@muster/contracts';
import { RequestContext } from '../common/request-context.js';
import { EnterpriseScopedRepository } from '../common/scoped.repository.js';
import { Db } from '../database/db.js';
import { EnforcementCase, EnforcementInstrument } from './enforcement.entities.js';

export interface CaseFilter {
  enterpriseId?: string;
  status?: 'open' | 'closed';
  skip: number;
  take: number;
}

/** Cases, scoped to the caller's enterprise; instruments are read through their case. */
@Injectable()
export class EnforcementCaseRepository extends EnterpriseScopedRepository<EnforcementCase> {
  protected readonly target = EnforcementCase;
  protected readonly scopeProperty = 'enterpriseId';
  protected readonly notFoundMessage = 'Enforcement case not found';

  constructor(db: Db, context: RequestContext) {
    super(db, context);
  }

  list(f: CaseFilter): Promise<[EnforcementCase[], number]> {
    const qb = this.query('c').orderBy('c.openedAt', 'DESC').addOrderBy('c.id', 'ASC');
    if (f.enterpriseId) qb.andWhere('c.enterpriseId = :eid', { eid: f.enterpriseId });
    if (f.status) qb.andWhere('c.status = :status', { status: f.status });
    return qb.skip(f.skip).take(f.take).getManyAndCount();
  }

  /** Under the case's row lock: the steps of one case happen one at a time. */
  async getForUpdate(id: string): Promise<EnforcementCase> {
    const c = await this.query('c').andWhere('c.id = :id', { id }).setLock('pessimistic_write').getOne();
    if (!c) return this.getById(id);
    return c;
  }

  blank(): EnforcementCase {
    return this.repo.create();
  }

  async save(c: EnforcementCase): Promise<EnforcementCase> {
    this.assertInScope(c.enterpriseId);
    return this.repo.save(c);
  }

  instruments(caseIds: readonly string[]): Promise<EnforcementInstrument[]> {
    if (caseIds.length === 0) return Promise.resolve([]);
    return this.db
      .repo(EnforcementInstrument)
      .createQueryBuilder('i')
      .where('i.caseId IN (:...caseIds)', { caseIds })
      .orderBy('i.issuedAt', 'ASC')
      .addOrderBy('i.id', 'ASC')
      .getMany();
  }

  /** An instrument of a case the caller may see. */
  async instrument(id: string): Promise<{ instrument: EnforcementInstrument; kase: EnforcementCase } | null> {
    const instrument = await this.db.repo(EnforcementInstrument).findOneBy({ id });
    if (!instrument) return null;
    const kase = await this.findById(instrument.caseId);
    return kase ? { instrument, kase } : null;
  }

  async insertInstrument<K extends InstrumentKind>(
    i: Omit<EnforcementInstrument<K>, 'id'>,
  ): Promise<EnforcementInstrument<K>> {
    const repo = this.db.repo(EnforcementInstrument);
    const saved = await repo.save(repo.create(i as Partial<EnforcementInstrument>));
    return saved as EnforcementInstrument<K>;
  }
}
