import { Injectable } from '@nestjs/common';
import type { SelectQueryBuilder } from 'typeorm';
import { RequestContext } from '../common/request-context.js';
import { EnterpriseScopedRepository } from '../common/scoped.repository.js';
import type { IncidentCategory, IncidentStatus, Severity } from '../contracts/incidents.js';
import { Db } from '../database/db.js';
import { Enterprise } from '../enterprises/enterprise.entity.js';
import { escapeLike } from '../common/sql.js';
import { Incident, IncidentReport } from './incident.entity.js';

export interface IncidentFilter {
  status?: IncidentStatus;
  open?: boolean;
  severity?: Severity;
  category?: IncidentCategory;
  enterpriseId?: string;
  isDrill: boolean;
  q?: string;
  skip: number;
  take: number;
}

/** Incidents belong to their enterprise: an officer of another one finds nothing (404). */
@Injectable()
export class IncidentRepository extends EnterpriseScopedRepository<Incident> {
  protected readonly target = Incident;
  protected readonly scopeProperty = 'enterpriseId';
  protected readonly notFoundMessage = 'Incident not found';

  constructor(db: Db, context: RequestContext) {
    super(db, context);
  }

  protected override query(alias: string): SelectQueryBuilder<Incident> {
    return super
      .query(alias)
      .leftJoinAndMapOne(`${alias}.enterprise`, Enterprise, 'ent', `ent.id = ${alias}.enterpriseId`);
  }

  override async findById(id: string): Promise<Incident | null> {
    return withName(await this.query('r').andWhere('r.id = :id', { id }).getOne());
  }

  /** The row locked for update, for changes that must not interleave (status, re-grading). */
  async lockById(id: string): Promise<Incident> {
    const found = await this.getById(id);
    await this.db.manager.query('SELECT 1 FROM incident WHERE id = $1 FOR UPDATE', [id]);
    const fresh = await this.getById(id);
    return Object.assign(fresh, { enterpriseName: found.enterpriseName });
  }

  /** The rows statistics need for incidents that occurred between two instants (scoped). */
  forStatistics(from: Date, to: Date): Promise<Incident[]> {
    return this.query('i').andWhere('i.occurredAt >= :from AND i.occurredAt < :to', { from, to }).getMany();
  }

  async list(f: IncidentFilter): Promise<[Incident[], number]> {
    const qb = this.query('i').orderBy('i.occurredAt', 'DESC').skip(f.skip).take(f.take);
    qb.andWhere('i.isDrill = :isDrill', { isDrill: f.isDrill });
    if (f.status) qb.andWhere('i.status = :status', { status: f.status });
    if (f.open) qb.andWhere(`i.status <> 'closed'`);
    if (f.severity) qb.andWhere('i.severity = :severity', { severity: f.severity });
    if (f.category) qb.andWhere('i.category = :category', { category: f.category });
    if (f.enterpriseId) qb.andWhere('i.enterpriseId = :eid', { eid: f.enterpriseId });
    if (f.q) qb.andWhere('(i.title ILIKE :q OR i.address ILIKE :q)', { q: `%${escapeLike(f.q)}%` });
    const [rows, total] = await qb.getManyAndCount();
    return [rows.map((r) => withName(r)!), total];
  }

  async insert(i: Incident): Promise<Incident> {
    this.assertInScope(i.enterpriseId);
    return this.repo.save(i);
  }

  async update(i: Incident): Promise<Incident> {
    this.assertInScope(i.enterpriseId);
    const { enterpriseName: _name, ...columns } = i;
    void _name;
    await this.repo.update({ id: i.id }, columns as Partial<Incident>);
    return i;
  }

  async addReport(r: IncidentReport): Promise<IncidentReport> {
    return this.db.repo(IncidentReport).save(r);
  }

  reports(incidentId: string): Promise<IncidentReport[]> {
    return this.db.repo(IncidentReport).find({ where: { incidentId }, order: { submittedAt: 'ASC' } });
  }
}

function withName(i: (Incident & { enterprise?: Enterprise }) | null): Incident | null {
  if (!i) return null;
  i.enterpriseName = i.enterprise?.name ?? null;
  delete i.enterprise;
  return i;
}
