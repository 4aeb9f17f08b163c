import { Injectable } from '@nestjs/common';
import { In } from 'typeorm';
import { NotFoundError } from '../common/domain-errors.js';
import { EnterpriseScopedRepository } from '../common/scoped.repository.js';
import { RequestContext } from '../common/request-context.js';
import { Db } from '../database/db.js';
import {
  AssessmentIndicator,
  AssessmentNotice,
  AssessmentObjection,
  AssessmentScheme,
  AssessmentScore,
  AssessmentSheet,
} from './assessment.entities.js';

/** Schemes, their indicators and notices: the zone's own records, read by every zone role. */
@Injectable()
export class SchemeRepository {
  constructor(private readonly db: Db) {}

  list(): Promise<AssessmentScheme[]> {
    return this.db.repo(AssessmentScheme).find({ order: { year: 'DESC', subject: 'DESC' } });
  }

  async getById(id: string): Promise<AssessmentScheme> {
    const s = await this.db.repo(AssessmentScheme).findOneBy({ id });
    if (!s) throw new NotFoundError('Assessment scheme not found');
    return s;
  }

  /** Under the row's lock: publishing, computing and numbering a notice happen one at a time per scheme. */
  async getForUpdate(id: string): Promise<AssessmentScheme> {
    const s = await this.db
      .repo(AssessmentScheme)
      .createQueryBuilder('s')
      .setLock('pessimistic_write')
      .where('s.id = :id', { id })
      .getOne();
    if (!s) throw new NotFoundError('Assessment scheme not found');
    return s;
  }

  /** The enterprises' latest published year. */
  latestPublished(): Promise<AssessmentScheme | null> {
    return this.db
      .repo(AssessmentScheme)
      .findOne({ where: { status: 'published', subject: 'enterprise' }, order: { year: 'DESC' } });
  }

  insert(s: Partial<AssessmentScheme>): Promise<AssessmentScheme> {
    return this.db.repo(AssessmentScheme).save(this.db.repo(AssessmentScheme).create(s));
  }

  save(s: AssessmentScheme): Promise<AssessmentScheme> {
    return this.db.repo(AssessmentScheme).save(s);
  }

  indicators(schemeIds: string[]): Promise<AssessmentIndicator[]> {
    if (!schemeIds.length) return Promise.resolve([]);
    return this.db
      .repo(AssessmentIndicator)
      .createQueryBuilder('i')
      .where('i.schemeId = ANY(:ids)', { ids: schemeIds })
      .orderBy('i.position', 'ASC')
      .getMany();
  }

  async replaceIndicators(schemeId: string, rows: Partial<AssessmentIndicator>[]): Promise<void> {
    await this.db.repo(AssessmentIndicator).delete({ schemeId });
    await this.db.repo(AssessmentIndicator).insert(rows.map((r) => ({ ...r, schemeId })));
  }

  notices(schemeId: string): Promise<AssessmentNotice[]> {
    return this.db.repo(AssessmentNotice).find({ where: { schemeId }, order: { issuedAt: 'ASC' } });
  }

  async notice(id: string): Promise<AssessmentNotice> {
    const n = await this.db.repo(AssessmentNotice).findOneBy({ id });
    if (!n) throw new NotFoundError('Notice not found');
    return n;
  }

  /** Notices of published assessments with their scheme, newest first (the public pages' list). */
  async publishedNotices(
    limit: number,
    id?: string,
  ): Promise<{ notice: AssessmentNotice; scheme: AssessmentScheme }[]> {
    const qb = this.db
      .repo(AssessmentNotice)
      .createQueryBuilder('n')
      .innerJoin(AssessmentScheme, 's', 's.id = n.schemeId AND s.status = :published', {
        published: 'published',
      })
      .orderBy('n.issuedAt', 'DESC')
      .addOrderBy('n.id', 'ASC')
      .take(limit);
    if (id) qb.andWhere('n.id = :id', { id });
    const notices = await qb.getMany();
    const schemes = new Map(
      (
        await this.db.repo(AssessmentScheme).findBy({ id: In([...new Set(notices.map((n) => n.schemeId))]) })
      ).map((s) => [s.id, s]),
    );
    return notices.map((notice) => ({ notice, scheme: schemes.get(notice.schemeId)! }));
  }

  insertNotice(n: Partial<AssessmentNotice>): Promise<AssessmentNotice> {
    return this.db.repo(AssessmentNotice).save(this.db.repo(AssessmentNotice).create(n));
  }
}

/** Sheets belong to their enterprise: an officer reads only its own. */
@Injectable()
export class SheetRepository extends EnterpriseScopedRepository<AssessmentSheet> {
  protected readonly target = AssessmentSheet;
  protected readonly scopeProperty = 'enterpriseId';
  protected readonly notFoundMessage = 'Assessment sheet not found';

  constructor(db: Db, context: RequestContext) {
    super(db, context);
  }

  ofScheme(schemeId: string): Promise<AssessmentSheet[]> {
    return this.query('s')
      .andWhere('s.schemeId = :schemeId', { schemeId })
      .orderBy('s.rank', 'ASC')
      .getMany();
  }

  /** Every sheet of a scheme, whatever the caller's scope (ranking a scheme needs them all). */
  allOfScheme(schemeId: string): Promise<AssessmentSheet[]> {
    return this.repo.find({ where: { schemeId } });
  }

  saveAll(rows: AssessmentSheet[]): Promise<AssessmentSheet[]> {
    return this.repo.save(rows);
  }

  async removeAll(rows: AssessmentSheet[]): Promise<void> {
    if (rows.length) await this.repo.remove(rows);
  }

  scores(sheetIds: string[]): Promise<AssessmentScore[]> {
    if (!sheetIds.length) return Promise.resolve([]);
    return this.db
      .repo(AssessmentScore)
      .createQueryBuilder('c')
      .where('c.sheetId = ANY(:ids)', { ids: sheetIds })
      .getMany();
  }

  async score(sheetId: string, indicatorId: string): Promise<AssessmentScore | null> {
    return this.db.repo(AssessmentScore).findOneBy({ sheetId, indicatorId });
  }

  saveScores(rows: Partial<AssessmentScore>[]): Promise<unknown> {
    return this.db.repo(AssessmentScore).upsert(rows, ['sheetId', 'indicatorId']);
  }

  objections(sheetIds: string[]): Promise<AssessmentObjection[]> {
    if (!sheetIds.length) return Promise.resolve([]);
    return this.db
      .repo(AssessmentObjection)
      .createQueryBuilder('o')
      .where('o.sheetId = ANY(:ids)', { ids: sheetIds })
      .orderBy('o.filedAt', 'ASC')
      .getMany();
  }

  async objection(id: string): Promise<AssessmentObjection> {
    const o = await this.db.repo(AssessmentObjection).findOneBy({ id });
    if (!o) throw new NotFoundError('Objection not found');
    return o;
  }

  saveObjection(o: Partial<AssessmentObjection>): Promise<AssessmentObjection> {
    return this.db.repo(AssessmentObjection).save(this.db.repo(AssessmentObjection).create(o));
  }
}
