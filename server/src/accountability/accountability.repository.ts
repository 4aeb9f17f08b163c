import { Injectable } from '@nestjs/common';
import type { AccountabilityMeasure, AccountabilityStatus, FindingKind } from '@muster/contracts';
import { RequestContext } from '../common/request-context.js';
import { EnterpriseScopedRepository } from '../common/scoped.repository.js';
import { Db } from '../database/db.js';
import { AccountabilityRecord } from './accountability.entity.js';

export interface RecordFilter {
  status?: AccountabilityStatus;
  measure?: AccountabilityMeasure;
  findingKind?: FindingKind;
  /** An enterprise's id, or `zone` for the zone's own departments. */
  enterpriseId?: string;
  findingId?: string;
  skip: number;
  take: number;
}

/**
 * Records are scoped by whose people they concern: an officer reads those about their own
 * enterprise's people, never the zone departments' (enterprise null) nor another enterprise's.
 */
@Injectable()
export class AccountabilityRepository extends EnterpriseScopedRepository<AccountabilityRecord> {
  protected readonly target = AccountabilityRecord;
  protected readonly scopeProperty = 'enterpriseId';
  protected readonly notFoundMessage = 'Accountability record not found';

  constructor(db: Db, context: RequestContext) {
    super(db, context);
  }

  list(f: RecordFilter): Promise<[AccountabilityRecord[], number]> {
    const qb = this.query('r').orderBy('r.createdAt', 'DESC').addOrderBy('r.id', 'ASC');
    if (f.status) qb.andWhere('r.status = :status', { status: f.status });
    if (f.measure) qb.andWhere('r.measure = :measure', { measure: f.measure });
    if (f.findingKind) qb.andWhere('r.findingKind = :kind', { kind: f.findingKind });
    if (f.findingId) qb.andWhere('r.findingId = :fid', { fid: f.findingId });
    if (f.enterpriseId === 'zone') qb.andWhere('r.enterpriseId IS NULL');
    else if (f.enterpriseId) {
      qb.andWhere('(r.enterpriseId = :eid OR r.findingEnterpriseId = :eid)', { eid: f.enterpriseId });
    }
    return qb.skip(f.skip).take(f.take).getManyAndCount();
  }

  async getForUpdate(id: string): Promise<AccountabilityRecord> {
    const r = await this.query('r').andWhere('r.id = :id', { id }).setLock('pessimistic_write').getOne();
    return r ?? this.getById(id);
  }

  save(r: AccountabilityRecord): Promise<AccountabilityRecord> {
    this.assertInScope(r.enterpriseId);
    return this.repo.save(r);
  }

  /** Decided measures whose date has passed (zone-local `today`), or the one record asked. */
  overdue(today: string, id?: string): Promise<AccountabilityRecord[]> {
    const qb = this.repo
      .createQueryBuilder('r')
      .where(`r.status = 'decided'`)
      .andWhere('r.dueOn < :today', { today })
      .orderBy('r.dueOn', 'ASC');
    if (id) qb.andWhere('r.id = :id', { id });
    return qb.getMany();
  }
}

/**
 * Enforcement cases as accountability reads them: the case's enterprise and what to call it.
 * Plain SQL over `enforcement_case`, so this domain depends on nothing of the enforcement module
 * but its table's id and enterprise; the case's number or title is used when the table has one.
 */
@Injectable()
export class EnforcementCaseFinder {
  constructor(private readonly db: Db) {}

  private async exists(): Promise<boolean> {
    const [row] = (await this.db.manager.query(
      `SELECT to_regclass('enforcement_case') IS NOT NULL AS ok`,
    )) as {
      ok: boolean;
    }[];
    return !!row?.ok;
  }

  async find(
    ids: string[],
  ): Promise<{ id: string; enterpriseId: string | null; title: string; at: string | null }[]> {
    if (!ids.length || !(await this.exists())) return [];
    return this.rows(`WHERE c.id = ANY($1::uuid[])`, [ids]);
  }

  async latest(
    limit: number,
  ): Promise<{ id: string; enterpriseId: string | null; title: string; at: string | null }[]> {
    if (!(await this.exists())) return [];
    return this.rows(`ORDER BY to_jsonb(c) ->> 'created_at' DESC NULLS LAST, c.id LIMIT $1`, [limit]);
  }

  private async rows(tail: string, params: unknown[]) {
    const rows: { id: string; enterprise_id: string | null; row: Record<string, unknown> }[] =
      await this.db.manager.query(
        `SELECT c.id, c.enterprise_id, to_jsonb(c) AS row FROM enforcement_case c ${tail}`,
        params,
      );
    return rows.map((r) => {
      const text = (k: string) => (typeof r.row[k] === 'string' && r.row[k] ? (r.row[k] as string) : null);
      const label = text('title') ?? text('case_number') ?? text('number') ?? text('subject');
      return {
        id: r.id,
        enterpriseId: r.enterprise_id,
        title: label ? `执法案件 ${label}` : `执法案件 ${r.id.slice(0, 8)}`,
        at: text('opened_on') ?? text('filed_on') ?? text('created_at'),
      };
    });
  }
}
