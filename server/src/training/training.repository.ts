import { Injectable } from '@nestjs/common';
import { RequestContext } from '../common/request-context.js';
import { EnterpriseScopedRepository } from '../common/scoped.repository.js';
import { Db } from '../database/db.js';
import { TrainingAttendance, TrainingProfile, TrainingSession } from './training.entities.js';

export interface SessionFilter {
  enterpriseId?: string;
  year?: number;
  timeZone: string;
  skip: number;
  take: number;
}

@Injectable()
export class TrainingSessionRepository extends EnterpriseScopedRepository<TrainingSession> {
  protected readonly target = TrainingSession;
  protected readonly scopeProperty = 'enterpriseId';
  protected readonly notFoundMessage = 'Training session not found';

  constructor(db: Db, context: RequestContext) {
    super(db, context);
  }

  list(f: SessionFilter): Promise<[TrainingSession[], number]> {
    const qb = this.query('s').orderBy('s.startsAt', 'DESC').addOrderBy('s.id', 'ASC');
    if (f.enterpriseId === 'zone') qb.andWhere('s.enterpriseId IS NULL');
    else if (f.enterpriseId) qb.andWhere('s.enterpriseId = :eid', { eid: f.enterpriseId });
    if (f.year) {
      qb.andWhere(`extract(year FROM s.startsAt AT TIME ZONE :tz) = :year`, { tz: f.timeZone, year: f.year });
    }
    return qb.skip(f.skip).take(f.take).getManyAndCount();
  }

  /** By its sign-in link, whatever the caller's scope: the link is the credential. */
  byToken(token: string): Promise<TrainingSession | null> {
    return this.repo.findOneBy({ signInToken: token });
  }

  async save(s: TrainingSession): Promise<TrainingSession> {
    this.assertInScope(s.enterpriseId);
    return this.repo.save(s);
  }

  async remove(s: TrainingSession): Promise<void> {
    this.assertInScope(s.enterpriseId);
    await this.repo.delete({ id: s.id });
  }
}

@Injectable()
export class TrainingAttendanceRepository {
  constructor(private readonly db: Db) {}

  ofSession(sessionId: string): Promise<TrainingAttendance[]> {
    return this.db
      .repo(TrainingAttendance)
      .find({ where: { sessionId }, order: { signedAt: 'ASC', id: 'ASC' } });
  }

  async countsBySession(ids: readonly string[]): Promise<Map<string, number>> {
    if (ids.length === 0) return new Map();
    const rows: { session_id: string; n: number }[] = await this.db.manager.query(
      `SELECT session_id, count(*)::int AS n FROM training_attendance WHERE session_id = ANY($1::uuid[]) GROUP BY session_id`,
      [ids],
    );
    return new Map(rows.map((r) => [r.session_id, r.n]));
  }

  /** After a session's hours change: whole-session credits follow, none exceeds the new length. */
  async followHours(sessionId: string, oldHours: number, newHours: number): Promise<void> {
    await this.db.manager.query(
      `UPDATE training_attendance SET hours = $3
        WHERE session_id = $1 AND (hours = $2 OR hours > $3)`,
      [sessionId, oldHours, newHours],
    );
  }

  /** Inserts unless the person is already on the session's list; null when they were. */
  async insertOnce(a: Omit<TrainingAttendance, 'id'>): Promise<TrainingAttendance | null> {
    const rows: { id: string }[] = await this.db.manager.query(
      `INSERT INTO training_attendance (session_id, contact_id, enterprise_id, hours, method, signed_at)
       VALUES ($1, $2, $3, $4, $5, $6)
       ON CONFLICT ON CONSTRAINT training_attendance_once DO NOTHING
       RETURNING id`,
      [a.sessionId, a.contactId, a.enterpriseId, a.hours, a.method, a.signedAt],
    );
    return rows[0] ? { ...a, id: rows[0].id } : null;
  }

  /** Each person's hours in a zone-local year. */
  async hoursByContact(
    contactIds: readonly string[],
    year: number,
    timeZone: string,
  ): Promise<Map<string, number>> {
    if (contactIds.length === 0) return new Map();
    const rows: { contact_id: string; hours: string }[] = await this.db.manager.query(
      `SELECT a.contact_id, sum(a.hours) AS hours
         FROM training_attendance a JOIN training_session s ON s.id = a.session_id
        WHERE a.contact_id = ANY($1::uuid[]) AND extract(year FROM s.starts_at AT TIME ZONE $3) = $2
        GROUP BY a.contact_id`,
      [contactIds, year, timeZone],
    );
    return new Map(rows.map((r) => [r.contact_id, Number(r.hours)]));
  }

  /** A person's sessions of a zone-local year, with what each counted. */
  ofContact(
    contactId: string,
    year: number,
    timeZone: string,
  ): Promise<{ attendance: TrainingAttendance; session: TrainingSession }[]> {
    return this.db.manager
      .query(
        `SELECT a.id, a.session_id, a.contact_id, a.enterprise_id, a.hours, a.method, a.signed_at,
                s.title, s.kind, s.starts_at
           FROM training_attendance a JOIN training_session s ON s.id = a.session_id
          WHERE a.contact_id = $1 AND extract(year FROM s.starts_at AT TIME ZONE $3) = $2
          ORDER BY s.starts_at, a.id`,
        [contactId, year, timeZone],
      )
      .then(
        (
          rows: {
            id: string;
            session_id: string;
            contact_id: string;
            enterprise_id: string | null;
            hours: string;
            method: TrainingAttendance['method'];
            signed_at: Date;
            title: string;
            kind: TrainingSession['kind'];
            starts_at: Date;
          }[],
        ) =>
          rows.map((r) => ({
            attendance: {
              id: r.id,
              sessionId: r.session_id,
              contactId: r.contact_id,
              enterpriseId: r.enterprise_id,
              hours: Number(r.hours),
              method: r.method,
              signedAt: r.signed_at,
            },
            session: Object.assign(new TrainingSession(), {
              title: r.title,
              kind: r.kind,
              startsAt: r.starts_at,
            }),
          })),
      );
  }
}

@Injectable()
export class TrainingProfileRepository extends EnterpriseScopedRepository<TrainingProfile> {
  protected readonly target = TrainingProfile;
  protected readonly scopeProperty = 'enterpriseId';
  protected readonly notFoundMessage = 'Training profile not found';

  constructor(db: Db, context: RequestContext) {
    super(db, context);
  }

  byContact(contactId: string): Promise<TrainingProfile | null> {
    return this.query('p').andWhere('p.contactId = :contactId', { contactId }).getOne();
  }

  list(enterpriseId?: string): Promise<TrainingProfile[]> {
    const qb = this.query('p');
    if (enterpriseId === 'zone') qb.andWhere('p.enterpriseId IS NULL');
    else if (enterpriseId) qb.andWhere('p.enterpriseId = :eid', { eid: enterpriseId });
    return qb.getMany();
  }

  async save(p: TrainingProfile): Promise<TrainingProfile> {
    this.assertInScope(p.enterpriseId);
    return this.repo.save(p);
  }
}
