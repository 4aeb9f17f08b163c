import { Injectable } from '@nestjs/common';
import { RequestContext, type Scope } from '../common/request-context.js';
import { EnterpriseScopedRepository } from '../common/scoped.repository.js';
import {
  type HazardCategory,
  type HazardLevel,
  type HazardSource,
  type HazardStatus,
  type RiskOpenHazard,
  hazardCode,
} from '@muster/contracts';
import { Db } from '../database/db.js';
import { escapeLike } from '../common/sql.js';
import { Hazard, HazardTransition } from './hazard.entity.js';

export const HAZARD_SORTS = ['foundAt', 'deadline', 'level', 'status', 'code', 'updatedAt'] as const;
export type HazardSort = (typeof HAZARD_SORTS)[number];

export interface HazardFilter {
  q?: string;
  enterpriseId?: string;
  level?: HazardLevel;
  status?: HazardStatus[];
  category?: HazardCategory;
  source?: HazardSource;
  /** Only open hazards past their deadline (`today` is the zone-local date). */
  overdue?: boolean;
  today: string;
  /** Zone-local dates, inclusive. */
  foundFrom?: string;
  foundTo?: string;
  timeZone: string;
  sort?: HazardSort;
  order?: 'asc' | 'desc';
  skip: number;
  take: number;
}

const SORT_COLUMN: Record<HazardSort, string> = {
  foundAt: 'h.foundAt',
  deadline: 'h.deadline',
  level: 'h.level',
  status: 'h.status',
  code: 'h.seq',
  updatedAt: 'h.updatedAt',
};

export interface HazardWithEnterprise {
  hazard: Hazard;
  enterpriseName: string;
}

/** A hazard row as the statistics see it. */
export interface HazardStatRow {
  enterpriseId: string;
  enterpriseName: string;
  category: HazardCategory;
  level: HazardLevel;
  status: HazardStatus;
  deadline: string | null;
  foundMonth: string;
  closedMonth: string | null;
  closedDate: string | null;
}

@Injectable()
export class HazardRepository extends EnterpriseScopedRepository<Hazard> {
  protected readonly target = Hazard;
  protected readonly scopeProperty = 'enterpriseId';
  protected readonly notFoundMessage = 'Hazard not found';

  constructor(db: Db, context: RequestContext) {
    super(db, context);
  }

  /** Row-level lock for a transition: two inspectors accepting at once cannot both win. */
  async getForUpdate(id: string): Promise<Hazard> {
    const found = await this.query('r').andWhere('r.id = :id', { id }).setLock('pessimistic_write').getOne();
    if (!found) return this.getById(id);
    return found;
  }

  async list(f: HazardFilter): Promise<[HazardWithEnterprise[], number]> {
    const qb = this.query('h')
      .innerJoin('enterprise', 'e', 'e.id = h.enterpriseId')
      .addSelect('e.name', 'enterprise_name');
    if (f.q) {
      const q = `%${escapeLike(f.q)}%`;
      const seq = /^(?:YH-?)?0*(\d{1,12})$/i.exec(f.q.trim());
      qb.andWhere(
        `(h.description ILIKE :q OR h.place ILIKE :q OR e.name ILIKE :q OR h.foundBy ILIKE :q${seq ? ' OR h.seq = :seq' : ''})`,
        { q, seq: seq?.[1] },
      );
    }
    if (f.enterpriseId) qb.andWhere('h.enterpriseId = :eid', { eid: f.enterpriseId });
    if (f.level) qb.andWhere('h.level = :level', { level: f.level });
    if (f.status?.length) qb.andWhere('h.status IN (:...status)', { status: f.status });
    if (f.category) qb.andWhere('h.category = :category', { category: f.category });
    if (f.source) qb.andWhere('h.source = :source', { source: f.source });
    if (f.overdue) qb.andWhere(`h.status <> 'closed' AND h.deadline < :today`, { today: f.today });
    if (f.foundFrom) {
      qb.andWhere(`(h.foundAt AT TIME ZONE :tz)::date >= :foundFrom`, {
        tz: f.timeZone,
        foundFrom: f.foundFrom,
      });
    }
    if (f.foundTo) {
      qb.andWhere(`(h.foundAt AT TIME ZONE :tz)::date <= :foundTo`, { tz: f.timeZone, foundTo: f.foundTo });
    }
    const direction = (f.order ?? 'desc').toUpperCase() as 'ASC' | 'DESC';
    qb.orderBy(
      SORT_COLUMN[f.sort ?? 'foundAt'],
      direction,
      direction === 'ASC' ? 'NULLS LAST' : 'NULLS FIRST',
    )
      .addOrderBy('h.seq', 'DESC')
      .offset(f.skip)
      .limit(f.take);
    const [{ entities, raw }, total] = await Promise.all([qb.getRawAndEntities(), qb.getCount()]);
    const names = new Map(
      (raw as { h_id: string; enterprise_name: string }[]).map((r) => [r.h_id, r.enterprise_name]),
    );
    return [entities.map((hazard) => ({ hazard, enterpriseName: names.get(hazard.id) ?? '' })), total];
  }

  /** The caller's hazards among `ids` (others are simply absent). */
  inScopeByIds(ids: readonly string[]): Promise<Hazard[]> {
    if (ids.length === 0) return Promise.resolve([]);
    return this.query('h').andWhere('h.id IN (:...ids)', { ids }).getMany();
  }

  save(h: Hazard): Promise<Hazard> {
    this.assertInScope(h.enterpriseId);
    return this.repo.save(h);
  }

  async enterpriseName(enterpriseId: string): Promise<string | null> {
    const rows: { name: string }[] = await this.db.manager.query(
      `SELECT name FROM enterprise WHERE id = $1`,
      [enterpriseId],
    );
    return rows[0]?.name ?? null;
  }

  /**
   * The directory's numbers for a hazard's reminders: the person responsible named in the ledger,
   * the enterprise's safety lead, and with `firstResponsible` its legal representative (主体责任:
   * the first person responsible, to whom an overdue hazard escalates). By exact name within the
   * enterprise; a name the directory does not know has no number.
   */
  async reminderContacts(
    enterpriseId: string,
    responsiblePerson: string | null,
    firstResponsible: boolean,
  ): Promise<{ name: string; phone: string }[]> {
    return this.db.manager.query(
      `SELECT DISTINCT ON (c.name) c.name, c.phones[1] AS phone
         FROM contact c JOIN enterprise e ON e.id = c.enterprise_id
        WHERE c.enterprise_id = $1 AND cardinality(c.phones) > 0
          AND (c.name = $2 OR c.name = e.safety_lead OR ($3 AND c.name = e.legal_representative))
        ORDER BY c.name, c.created_at`,
      [enterpriseId, responsiblePerson?.trim() ?? null, firstResponsible],
    );
  }

  addTransition(t: Partial<HazardTransition>): Promise<HazardTransition> {
    const repo = this.db.repo(HazardTransition);
    return repo.save(repo.create(t));
  }

  /** The history of a hazard the caller has already been allowed to read. */
  transitions(hazardId: string): Promise<HazardTransition[]> {
    return this.db.repo(HazardTransition).find({ where: { hazardId }, order: { id: 'ASC' } });
  }

  /**
   * Open hazards (any enterprise) with a deadline on or before `until` (zone-local date), or the
   * one hazard `id` when given (the scheduler's re-check just before a reminder goes out).
   */
  async openDueBy(
    until: string,
    id?: string,
  ): Promise<
    {
      id: string;
      seq: number;
      enterpriseId: string;
      enterpriseName: string;
      place: string;
      responsiblePerson: string | null;
      deadline: string;
    }[]
  > {
    const rows: {
      id: string;
      seq: number;
      enterprise_id: string;
      enterprise_name: string;
      place: string;
      responsible_person: string | null;
      deadline: string;
    }[] = await this.db.manager.query(
      `SELECT h.id, h.seq, h.enterprise_id, e.name AS enterprise_name, h.place, h.responsible_person,
              to_char(h.deadline, 'YYYY-MM-DD') AS deadline
         FROM hazard h JOIN enterprise e ON e.id = h.enterprise_id
        WHERE h.status <> 'closed' AND h.deadline IS NOT NULL AND h.deadline <= $1::date
          AND ($2::uuid IS NULL OR h.id = $2::uuid)
        ORDER BY h.deadline, h.id`,
      [until, id ?? null],
    );
    return rows.map((r) => ({
      id: r.id,
      seq: Number(r.seq),
      enterpriseId: r.enterprise_id,
      enterpriseName: r.enterprise_name,
      place: r.place,
      responsiblePerson: r.responsible_person,
      deadline: r.deadline,
    }));
  }

  /**
   * The open hazards raised against these risk points (failed checks of their control measures),
   * in the caller's scope, oldest first: what the risk register shows beside each point.
   */
  async openByRiskPoints(
    riskPointIds: readonly string[],
  ): Promise<(RiskOpenHazard & { riskPointId: string })[]> {
    if (!riskPointIds.length) return [];
    const rows = await this.query('h')
      .andWhere('h.riskPointId IN (:...riskPointIds)', { riskPointIds })
      .andWhere(`h.status <> 'closed'`)
      .orderBy('h.foundAt', 'ASC')
      .addOrderBy('h.id', 'ASC')
      .getMany();
    return rows.map((h) => ({
      riskPointId: h.riskPointId!,
      id: h.id,
      code: hazardCode(h.seq),
      description: h.description,
      level: h.level,
      status: h.status,
      deadline: h.deadline,
    }));
  }

  /** Unscoped, for background work acting for the system. */
  findAnyById(id: string): Promise<Hazard | null> {
    return this.repo.findOneBy({ id });
  }

  /** The rows statistics are computed from, scoped like every read. */
  async statRows(f: {
    from?: string;
    to?: string;
    enterpriseId?: string;
    timeZone: string;
  }): Promise<HazardStatRow[]> {
    const params: unknown[] = [f.timeZone];
    const where = [scopeSql(this.context.scope(), 'h.enterprise_id', params)];
    if (f.enterpriseId) where.push(`h.enterprise_id = $${params.push(f.enterpriseId)}`);
    if (f.from) where.push(`(h.found_at AT TIME ZONE $1)::date >= $${params.push(f.from)}::date`);
    if (f.to) where.push(`(h.found_at AT TIME ZONE $1)::date <= $${params.push(f.to)}::date`);
    const rows: Record<string, string | null>[] = await this.db.manager.query(
      `SELECT h.enterprise_id, e.name AS enterprise_name, h.category, h.level, h.status,
              to_char(h.deadline, 'YYYY-MM-DD') AS deadline,
              to_char(h.found_at AT TIME ZONE $1, 'YYYY-MM') AS found_month,
              to_char(h.closed_at AT TIME ZONE $1, 'YYYY-MM') AS closed_month,
              to_char(h.closed_at AT TIME ZONE $1, 'YYYY-MM-DD') AS closed_date
         FROM hazard h JOIN enterprise e ON e.id = h.enterprise_id
        WHERE ${where.join(' AND ')}`,
      params,
    );
    return rows.map((r) => ({
      enterpriseId: r.enterprise_id!,
      enterpriseName: r.enterprise_name!,
      category: r.category as HazardCategory,
      level: r.level as HazardLevel,
      status: r.status as HazardStatus,
      deadline: r.deadline,
      foundMonth: r.found_month!,
      closedMonth: r.closed_month,
      closedDate: r.closed_date,
    }));
  }

  /** Open hazards for the map, with the enterprise's site as the fallback position. */
  async openForMap(): Promise<(Hazard & { enterpriseName: string; siteLat: number; siteLng: number })[]> {
    const qb = this.query('h')
      .innerJoin('enterprise', 'e', 'e.id = h.enterpriseId')
      .addSelect(['e.name AS enterprise_name', 'e.lat AS site_lat', 'e.lng AS site_lng'])
      .andWhere(`h.status <> 'closed'`)
      .orderBy('h.seq', 'ASC');
    const { entities, raw } = await qb.getRawAndEntities();
    const extra = new Map(
      (raw as { h_id: string; enterprise_name: string; site_lat: number; site_lng: number }[]).map((r) => [
        r.h_id,
        r,
      ]),
    );
    return entities.map((h) => {
      const r = extra.get(h.id)!;
      return Object.assign(h, {
        enterpriseName: r.enterprise_name,
        siteLat: r.site_lat,
        siteLng: r.site_lng,
      });
    });
  }
}

/** The caller's enterprise scope as a SQL condition for hand-written queries. */
export function scopeSql(scope: Scope, column: string, params: unknown[]): string {
  if (scope.kind === 'zone') return 'true';
  if (scope.kind === 'enterprise') return `${column} = $${params.push(scope.enterpriseId)}`;
  return 'false';
}
