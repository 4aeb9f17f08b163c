import { Injectable } from '@nestjs/common';
import { In } from 'typeorm';
import { Db } from '../database/db.js';
import { RequestContext } from '../common/request-context.js';
import { EnterpriseScopedRepository } from '../common/scoped.repository.js';
import { escapeLike } from '../common/sql.js';
import type { RiskClass } from '@muster/contracts';
import { Enterprise } from './enterprise.entity.js';

export interface EnterpriseFilter {
  q?: string;
  industry?: string;
  riskClass?: RiskClass;
  skip: number;
  take: number;
}

/** The record's columns a report's unit overview is filled from. */
export type UnitColumns = Pick<
  Enterprise,
  'name' | 'creditCode' | 'address' | 'industry' | 'legalRepresentative' | 'dutyPhone'
>;

@Injectable()
export class EnterpriseRepository extends EnterpriseScopedRepository<Enterprise> {
  protected readonly target = Enterprise;
  protected readonly scopeProperty = 'id';
  protected readonly notFoundMessage = 'Enterprise not found';

  constructor(db: Db, context: RequestContext) {
    super(db, context);
  }

  list(f: EnterpriseFilter): Promise<[Enterprise[], number]> {
    const qb = this.query('e').orderBy('e.name', 'ASC').skip(f.skip).take(f.take);
    if (f.q) {
      qb.andWhere('(e.name ILIKE :q OR e.creditCode ILIKE :q OR e.address ILIKE :q)', {
        q: `%${escapeLike(f.q)}%`,
      });
    }
    if (f.industry) qb.andWhere('e.industry = :industry', { industry: f.industry });
    if (f.riskClass) qb.andWhere('e.riskClass = :riskClass', { riskClass: f.riskClass });
    return qb.getManyAndCount();
  }

  /** Names by id of the enterprises among `ids`, whatever the caller's scope. */
  async namesByIds(ids: readonly string[]): Promise<Map<string, string>> {
    if (ids.length === 0) return new Map();
    const rows = await this.repo.find({
      where: { id: In([...new Set(ids)]) },
      select: { id: true, name: true },
    });
    return new Map(rows.map((e) => [e.id, e.name]));
  }

  /** The enterprise of a unified social credit code, whatever the caller's scope (MQTT topics name it). */
  idOfCreditCode(creditCode: string): Promise<string | null> {
    return this.repo
      .findOne({ where: { creditCode: creditCode.toUpperCase() }, select: { id: true } })
      .then((e) => e?.id ?? null);
  }

  /**
   * What a report's unit overview is filled from, when the caller may see the enterprise. Every
   * filing reads it, so by a statement of its own rather than the query builder's.
   */
  async unitRecord(id: string): Promise<UnitColumns | null> {
    try {
      this.assertInScope(id);
    } catch {
      return null;
    }
    const [row] = (await this.db.manager.query(
      `SELECT name, credit_code AS "creditCode", address, industry,
              legal_representative AS "legalRepresentative", duty_phone AS "dutyPhone"
         FROM enterprise WHERE id = $1`,
      [id],
    )) as UnitColumns[];
    return row ?? null;
  }

  /** Every enterprise the caller may see (or the one asked for), by name. */
  inScope(enterpriseId?: string): Promise<Enterprise[]> {
    const qb = this.query('e').orderBy('e.name', 'ASC');
    if (enterpriseId) qb.andWhere('e.id = :enterpriseId', { enterpriseId });
    return qb.getMany();
  }

  async save(e: Enterprise): Promise<Enterprise> {
    if (e.id) this.assertInScope(e.id);
    return this.repo.save(e);
  }

  async remove(e: Enterprise): Promise<void> {
    this.assertInScope(e.id);
    await this.repo.delete({ id: e.id });
  }

  async countUsers(id: string): Promise<number> {
    const [{ count }] = await this.repo.query(
      `SELECT count(*)::int AS count FROM app_user WHERE enterprise_id = $1`,
      [id],
    );
    return count;
  }
}
