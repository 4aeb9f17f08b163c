import { Injectable } from '@nestjs/common';
import type { SelectQueryBuilder } from 'typeorm';
import { RequestContext } from '../common/request-context.js';
import { EnterpriseScopedRepository } from '../common/scoped.repository.js';
import type { IncidentCategory, IncidentStatus, Severity } from '@muster/contracts';
import { Db } from '../database/db.js';
import { joinEnterpriseName } from '../enterprises/enterprise-name.js';
import { escapeLike } from '../common/sql.js';
import { NotFoundError } from '../common/domain-errors.js';
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
    return joinEnterpriseName(super.query(alias), alias);
  }

  override async findById(id: string): Promise<Incident | null> {
    return withName(await this.query('r').andWhere('r.id = :id', { id }).getOne());
  }

  /**
   * The incident whatever the caller's scope: for a responder's briefing, whose signed link is
   * its own authority, and for the drill run that owns a drill room.
   */
  async findAnyById(id: string): Promise<Incident | null> {
    const qb = joinEnterpriseName(this.repo.createQueryBuilder('r'), 'r');
    return withName(await qb.andWhere('r.id = :id', { id }).getOne());
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

  /**
   * A new incident and its initial report in one statement, read back with the enterprise's name
   * and the values of `lookups` (constant SQL expressions, see IncidentHooks): filing is the path
   * that must stay fast under load, and each round trip costs more than the SQL it carries. Its
   * id and `lastSeq` are the caller's: a room opened with its incident (`RoomLog.opening`) needs
   * both before the insert.
   */
  async insertWithInitialReport(
    i: Incident,
    r: IncidentReport,
    lookups: string[] = [],
  ): Promise<{ incident: Incident; lookedUp: unknown[] }> {
    this.assertInScope(i.enterpriseId);
    const rows: Record<string, unknown>[] = await this.db.manager.query(
      `WITH ins AS (
         INSERT INTO incident (enterprise_id, title, category, occurred_at, reported_at, lat, lng, outside_zone,
                               address, summary, deaths, missing, serious_injuries, minor_injuries,
                               direct_loss_cny, measures_taken, reporter_name, reporter_phone, severity,
                               status, is_drill, created_by, head_informed_at, source, enterprise_reported_at,
                               unit_overview, other_matters, id, last_seq)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20, $21, $22,
                 $34, $35, $36, $37::jsonb, $38, $43, $44)
         RETURNING *
       ), report AS (
         INSERT INTO incident_report (incident_id, kind, deaths, missing, serious_injuries, minor_injuries,
                                      direct_loss_cny, summary, severity_after, outside_window, submitted_at,
                                      submitted_by, unit_overview, measures_taken, other_matters, attachment_ids)
         SELECT id, $23, $24, $25, $26, $27, $28, $29, $30, $31, $32, $33, $39::jsonb, $40, $41, $42::uuid[] FROM ins
       )
       SELECT ins.*, ent.name AS enterprise_name${lookups.map((l, n) => `, ${l} AS lookup_${n}`).join('')}
         FROM ins LEFT JOIN enterprise ent ON ent.id = ins.enterprise_id`,
      [
        i.enterpriseId,
        i.title,
        i.category,
        i.occurredAt,
        i.reportedAt,
        i.lat,
        i.lng,
        i.outsideZone,
        i.address,
        i.summary,
        i.deaths,
        i.missing,
        i.seriousInjuries,
        i.minorInjuries,
        i.directLossCny,
        i.measuresTaken,
        i.reporterName,
        i.reporterPhone,
        i.severity,
        i.status,
        i.isDrill,
        i.createdBy,
        r.kind,
        r.deaths,
        r.missing,
        r.seriousInjuries,
        r.minorInjuries,
        r.directLossCny,
        r.summary,
        r.severityAfter,
        r.outsideWindow,
        r.submittedAt,
        r.submittedBy,
        i.headInformedAt,
        i.source,
        i.enterpriseReportedAt,
        i.unitOverview === null ? null : JSON.stringify(i.unitOverview),
        i.otherMatters,
        r.unitOverview === null ? null : JSON.stringify(r.unitOverview),
        r.measuresTaken,
        r.otherMatters,
        r.attachmentIds,
        i.id,
        i.lastSeq,
      ],
    );
    const row = rows[0]!;
    const incident = this.db.fromRow(Incident, row);
    incident.enterpriseName = (row.enterprise_name as string | null) ?? null;
    return { incident, lookedUp: lookups.map((_, n) => row[`lookup_${n}`]) };
  }

  async update(i: Incident): Promise<Incident> {
    this.assertInScope(i.enterpriseId);
    const { enterpriseName: _name, ...columns } = i;
    void _name;
    await this.repo.update({ id: i.id }, columns as Partial<Incident>);
    return i;
  }

  /** One report of an incident the caller has already been allowed to read. */
  async getReport(incidentId: string, reportId: string): Promise<IncidentReport> {
    const found = await this.db.repo(IncidentReport).findOne({ where: { id: reportId, incidentId } });
    if (!found) throw new NotFoundError('Report not found');
    return found;
  }

  /**
   * Gives the report its document number if it has none: the next of its form, year and
   * drill-or-real counter. The report row is locked first, so two first prints at once give
   * one number, and the counter row is held until commit, so numbers have no gaps.
   */
  async numberReport(
    report: IncidentReport,
    year: number,
    isDrill: boolean,
  ): Promise<{ year: number; seq: number; assigned: boolean }> {
    const [locked] = (await this.db.manager.query(
      `SELECT document_year, document_seq FROM incident_report WHERE id = $1 FOR UPDATE`,
      [report.id],
    )) as { document_year: number | null; document_seq: number | null }[];
    if (locked && locked.document_year !== null && locked.document_seq !== null) {
      return { year: locked.document_year, seq: locked.document_seq, assigned: false };
    }
    const [row] = (await this.db.manager.query(
      `WITH n AS (
         INSERT INTO incident_report_number (kind, year, is_drill, last_seq) VALUES ($2, $3, $4, 1)
         ON CONFLICT (kind, year, is_drill) DO UPDATE SET last_seq = incident_report_number.last_seq + 1
         RETURNING last_seq
       ), u AS (
         UPDATE incident_report SET document_year = $3, document_seq = (SELECT last_seq FROM n)
          WHERE id = $1 RETURNING document_seq
       )
       SELECT document_seq FROM u`,
      [report.id, report.kind, year, isDrill],
    )) as { document_seq: number }[];
    return { year, seq: row!.document_seq, assigned: true };
  }

  async addReport(r: IncidentReport): Promise<IncidentReport> {
    return this.db.repo(IncidentReport).save(r);
  }

  reports(incidentId: string): Promise<IncidentReport[]> {
    return this.db.repo(IncidentReport).find({ where: { incidentId }, order: { submittedAt: 'ASC' } });
  }
}

function withName(i: (Incident & { enterprise?: { name: string } }) | null): Incident | null {
  if (!i) return null;
  i.enterpriseName = i.enterprise?.name ?? null;
  delete i.enterprise;
  return i;
}
