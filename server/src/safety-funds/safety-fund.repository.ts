import { Injectable } from '@nestjs/common';
import { RequestContext } from '../common/request-context.js';
import { EnterpriseScopedRepository } from '../common/scoped.repository.js';
import { Db } from '../database/db.js';
import { SafetyFundSpend, SafetyFundYear } from './safety-fund.entities.js';

/** Per enterprise: what it spent in the year, and what it set aside and spent in the years before. */
export interface FundTotals {
  spent: number;
  setAsideBefore: number;
  spentBefore: number;
}

@Injectable()
export class SafetyFundYearRepository extends EnterpriseScopedRepository<SafetyFundYear> {
  protected readonly target = SafetyFundYear;
  protected readonly scopeProperty = 'enterpriseId';
  protected readonly notFoundMessage = 'Safety funds year not found';

  constructor(db: Db, context: RequestContext) {
    super(db, context);
  }

  ofYear(year: number, enterpriseIds: readonly string[]): Promise<SafetyFundYear[]> {
    if (enterpriseIds.length === 0) return Promise.resolve([]);
    return this.query('y')
      .andWhere('y.year = :year AND y.enterpriseId IN (:...ids)', { year, ids: [...enterpriseIds] })
      .getMany();
  }

  async save(y: SafetyFundYear): Promise<SafetyFundYear> {
    this.assertInScope(y.enterpriseId);
    return this.repo.save(y);
  }

  /** One query for every enterprise asked about (no more per row of the zone's table). */
  async totals(year: number, enterpriseIds: readonly string[]): Promise<Map<string, FundTotals>> {
    if (enterpriseIds.length === 0) return new Map();
    const rows: { enterprise_id: string; spent: string; set_aside_before: string; spent_before: string }[] =
      await this.db.manager.query(
        `SELECT e.id AS enterprise_id,
                coalesce((SELECT sum(s.amount) FROM safety_fund_spend s
                           WHERE s.enterprise_id = e.id AND extract(year FROM s.spent_on) = $1), 0) AS spent,
                coalesce((SELECT sum(y.set_aside) FROM safety_fund_year y
                           WHERE y.enterprise_id = e.id AND y.year < $1), 0) AS set_aside_before,
                coalesce((SELECT sum(s.amount) FROM safety_fund_spend s
                           WHERE s.enterprise_id = e.id AND extract(year FROM s.spent_on) < $1), 0) AS spent_before
           FROM unnest($2::uuid[]) AS e(id)`,
        [year, [...enterpriseIds]],
      );
    return new Map(
      rows.map((r) => [
        r.enterprise_id,
        {
          spent: Number(r.spent),
          setAsideBefore: Number(r.set_aside_before),
          spentBefore: Number(r.spent_before),
        },
      ]),
    );
  }
}

@Injectable()
export class SafetyFundSpendRepository extends EnterpriseScopedRepository<SafetyFundSpend> {
  protected readonly target = SafetyFundSpend;
  protected readonly scopeProperty = 'enterpriseId';
  protected readonly notFoundMessage = 'Spending record not found';

  constructor(db: Db, context: RequestContext) {
    super(db, context);
  }

  ofYear(enterpriseId: string, year: number): Promise<SafetyFundSpend[]> {
    return this.query('s')
      .andWhere('s.enterpriseId = :enterpriseId AND extract(year FROM s.spentOn) = :year', {
        enterpriseId,
        year,
      })
      .orderBy('s.spentOn', 'DESC')
      .addOrderBy('s.createdAt', 'DESC')
      .getMany();
  }

  async save(s: SafetyFundSpend): Promise<SafetyFundSpend> {
    this.assertInScope(s.enterpriseId);
    return this.repo.save(s);
  }

  async remove(s: SafetyFundSpend): Promise<void> {
    this.assertInScope(s.enterpriseId);
    await this.repo.delete({ id: s.id });
  }
}
