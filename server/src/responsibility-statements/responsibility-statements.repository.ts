import { Injectable } from '@nestjs/common';
import { In } from 'typeorm';
import type { ResponsibilityEntry } from '@muster/contracts';
import { RequestContext } from '../common/request-context.js';
import { EnterpriseScopedRepository } from '../common/scoped.repository.js';
import { Db } from '../database/db.js';
import {
  DutyRecord,
  PostAssignment,
  ResponsibilityPost,
  StatementSignature,
  StatementVersion,
} from './responsibility-statements.entities.js';

/** The posts of the list: entries naming a post, one per department and post name. */
export function postsOfList(
  entries: ResponsibilityEntry[],
): { unit: string; name: string; duties: string[] }[] {
  const seen = new Map<string, { unit: string; name: string; duties: string[] }>();
  for (const e of entries) {
    if (!e.post || e.kind === 'supervision') continue;
    const key = `${e.unit}\u0000${e.post}`;
    const found = seen.get(key);
    if (found) found.duties.push(...e.duties.filter((d) => !found.duties.includes(d)));
    else seen.set(key, { unit: e.unit, name: e.post, duties: [...e.duties] });
  }
  return [...seen.values()];
}

@Injectable()
export class PostRepository extends EnterpriseScopedRepository<ResponsibilityPost> {
  protected readonly target = ResponsibilityPost;
  protected readonly scopeProperty = 'enterpriseId';
  protected readonly notFoundMessage = 'Post not found';

  constructor(db: Db, context: RequestContext) {
    super(db, context);
  }

  /** An enterprise's posts in the list's order, those the list no longer names last. */
  ofEnterprise(enterpriseId: string): Promise<ResponsibilityPost[]> {
    return this.query('p')
      .andWhere('p.enterpriseId = :enterpriseId', { enterpriseId })
      .orderBy('p.inList', 'DESC')
      .addOrderBy('p.position', 'ASC')
      .addOrderBy('p.name', 'ASC')
      .getMany();
  }

  /** Whatever the caller's scope: a personal signing link reaches its post this way. */
  anyById(id: string): Promise<ResponsibilityPost | null> {
    return this.repo.findOneBy({ id });
  }

  anyByIds(ids: readonly string[]): Promise<ResponsibilityPost[]> {
    if (!ids.length) return Promise.resolve([]);
    return this.repo.findBy({ id: In([...new Set(ids)]) });
  }

  /** Locks the post so that two publishers cannot give the same version number. */
  async lock(id: string): Promise<void> {
    await this.db.manager.query(`SELECT 1 FROM responsibility_post WHERE id = $1 FOR UPDATE`, [id]);
  }

  /**
   * Brings the enterprise's posts in step with its list (inside the replacing transaction): a
   * post named again gets the list's duties and order, a new one is added, one no longer named
   * stays with its holders and records, out of the list.
   */
  async sync(enterpriseId: string, entries: ResponsibilityEntry[]): Promise<void> {
    const posts = postsOfList(entries);
    await this.db.manager.query(
      `UPDATE responsibility_post SET in_list = false, updated_at = now()
        WHERE enterprise_id = $1 AND in_list`,
      [enterpriseId],
    );
    for (const [position, p] of posts.entries()) {
      await this.db.manager.query(
        `INSERT INTO responsibility_post (enterprise_id, unit, name, duties, position, in_list)
         VALUES ($1, $2, $3, $4, $5, true)
         ON CONFLICT ON CONSTRAINT responsibility_post_name_key
         DO UPDATE SET duties = EXCLUDED.duties, position = EXCLUDED.position, in_list = true,
                       updated_at = now()`,
        [enterpriseId, p.unit, p.name, p.duties, position],
      );
    }
  }
}

/** Holders, statement versions and signatures, always reached through a post already in scope. */
@Injectable()
export class StatementRepository {
  constructor(private readonly db: Db) {}

  assignmentsOf(postIds: readonly string[]): Promise<PostAssignment[]> {
    if (!postIds.length) return Promise.resolve([]);
    return this.db
      .repo(PostAssignment)
      .find({ where: { postId: In([...postIds]) }, order: { assignedAt: 'ASC', id: 'ASC' } });
  }

  assignmentsOfContacts(contactIds: readonly string[]): Promise<PostAssignment[]> {
    if (!contactIds.length) return Promise.resolve([]);
    return this.db.repo(PostAssignment).find({ where: { contactId: In([...contactIds]) } });
  }

  assignmentByToken(token: string): Promise<PostAssignment | null> {
    return this.db.repo(PostAssignment).findOneBy({ signToken: token });
  }

  saveAssignment(a: PostAssignment): Promise<PostAssignment> {
    return this.db.repo(PostAssignment).save(a);
  }

  async removeAssignments(ids: readonly string[]): Promise<void> {
    if (ids.length) await this.db.repo(PostAssignment).delete({ id: In([...ids]) });
  }

  versionsOf(postIds: readonly string[]): Promise<StatementVersion[]> {
    if (!postIds.length) return Promise.resolve([]);
    return this.db
      .repo(StatementVersion)
      .find({ where: { postId: In([...postIds]) }, order: { version: 'DESC' } });
  }

  /** The version in force of each post: its latest. */
  async currentOf(postIds: readonly string[]): Promise<Map<string, StatementVersion>> {
    if (!postIds.length) return new Map();
    const rows = await this.db
      .repo(StatementVersion)
      .createQueryBuilder('v')
      .distinctOn(['v.postId'])
      .where('v.postId IN (:...postIds)', { postIds: [...new Set(postIds)] })
      .orderBy('v.postId')
      .addOrderBy('v.version', 'DESC')
      .getMany();
    return new Map(rows.map((v) => [v.postId, v]));
  }

  versionById(id: string): Promise<StatementVersion | null> {
    return this.db.repo(StatementVersion).findOneBy({ id });
  }

  async nextVersion(postId: string): Promise<number> {
    const [row] = (await this.db.manager.query(
      `SELECT coalesce(max(version), 0)::int + 1 AS n FROM statement_version WHERE post_id = $1`,
      [postId],
    )) as { n: number }[];
    return row!.n;
  }

  saveVersion(v: StatementVersion): Promise<StatementVersion> {
    return this.db.repo(StatementVersion).save(v);
  }

  signaturesOfPosts(postIds: readonly string[]): Promise<StatementSignature[]> {
    if (!postIds.length) return Promise.resolve([]);
    return this.db
      .repo(StatementSignature)
      .find({ where: { postId: In([...postIds]) }, order: { signedAt: 'DESC', id: 'ASC' } });
  }

  signaturesOfContact(contactId: string): Promise<StatementSignature[]> {
    return this.db
      .repo(StatementSignature)
      .find({ where: { contactId }, order: { signedAt: 'DESC', id: 'ASC' } });
  }

  /** Signs once per version and person; null when they had signed it already. */
  async insertSignature(s: Omit<StatementSignature, 'id'>): Promise<StatementSignature | null> {
    const rows: { id: string }[] = await this.db.manager.query(
      `INSERT INTO statement_signature
         (version_id, post_id, enterprise_id, contact_id, signer_name, version, text_hash, method, user_id, ip, signed_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)
       ON CONFLICT ON CONSTRAINT statement_signature_once DO NOTHING
       RETURNING id`,
      [
        s.versionId,
        s.postId,
        s.enterpriseId,
        s.contactId,
        s.signerName,
        s.version,
        s.textHash,
        s.method,
        s.userId,
        s.ip,
        s.signedAt,
      ],
    );
    return rows[0] ? { ...s, id: rows[0].id } : null;
  }

  /**
   * Per enterprise: every holder of a post in its list must sign the post's statement in force;
   * `signed` counts those who have (a post with no statement yet counts its holders unsigned).
   */
  async signedRates(
    enterpriseIds: readonly string[],
  ): Promise<Map<string, { signed: number; required: number }>> {
    if (!enterpriseIds.length) return new Map();
    const rows: { enterprise_id: string; signed: number; required: number }[] = await this.db.manager.query(
      `WITH cur AS (
         SELECT DISTINCT ON (post_id) post_id, id FROM statement_version
          WHERE enterprise_id = ANY($1::uuid[]) ORDER BY post_id, version DESC)
       SELECT a.enterprise_id, count(*)::int AS required,
              count(*) FILTER (WHERE EXISTS (
                SELECT 1 FROM statement_signature s
                 WHERE s.version_id = cur.id AND s.contact_id = a.contact_id))::int AS signed
         FROM post_assignment a
         JOIN responsibility_post p ON p.id = a.post_id AND p.in_list
         LEFT JOIN cur ON cur.post_id = a.post_id
        WHERE a.enterprise_id = ANY($1::uuid[])
        GROUP BY a.enterprise_id`,
      [[...new Set(enterpriseIds)]],
    );
    return new Map(rows.map((r) => [r.enterprise_id, { signed: r.signed, required: r.required }]));
  }

  /** Per enterprise: posts in the list, those without a holder, and people holding no post. */
  async coverage(
    enterpriseIds: readonly string[],
  ): Promise<Map<string, { posts: number; vacant: number; withoutPost: number }>> {
    if (!enterpriseIds.length) return new Map();
    const rows: { id: string; posts: number; vacant: number; without_post: number }[] =
      await this.db.manager.query(
        `SELECT e.id,
                (SELECT count(*) FROM responsibility_post p WHERE p.enterprise_id = e.id AND p.in_list)::int AS posts,
                (SELECT count(*) FROM responsibility_post p WHERE p.enterprise_id = e.id AND p.in_list
                    AND NOT EXISTS (SELECT 1 FROM post_assignment a WHERE a.post_id = p.id))::int AS vacant,
                (SELECT count(*) FROM contact c WHERE c.enterprise_id = e.id
                    AND NOT EXISTS (SELECT 1 FROM post_assignment a JOIN responsibility_post p
                                      ON p.id = a.post_id AND p.in_list
                                     WHERE a.contact_id = c.id))::int AS without_post
           FROM enterprise e WHERE e.id = ANY($1::uuid[])`,
        [[...new Set(enterpriseIds)]],
      );
    return new Map(
      rows.map((r) => [r.id, { posts: r.posts, vacant: r.vacant, withoutPost: r.without_post }]),
    );
  }
}

export interface DutyRecordFilter {
  enterpriseId?: string;
  postId?: string;
  contactId?: string;
  skip: number;
  take: number;
}

@Injectable()
export class DutyRecordRepository extends EnterpriseScopedRepository<DutyRecord> {
  protected readonly target = DutyRecord;
  protected readonly scopeProperty = 'enterpriseId';
  protected readonly notFoundMessage = 'Duty record not found';

  constructor(db: Db, context: RequestContext) {
    super(db, context);
  }

  list(f: DutyRecordFilter): Promise<[DutyRecord[], number]> {
    const qb = this.query('d').orderBy('d.doneOn', 'DESC').addOrderBy('d.createdAt', 'DESC');
    if (f.enterpriseId) qb.andWhere('d.enterpriseId = :eid', { eid: f.enterpriseId });
    if (f.postId) qb.andWhere('d.postId = :pid', { pid: f.postId });
    if (f.contactId) qb.andWhere('d.contactId = :cid', { cid: f.contactId });
    return qb.skip(f.skip).take(f.take).getManyAndCount();
  }

  async save(d: DutyRecord): Promise<DutyRecord> {
    this.assertInScope(d.enterpriseId);
    return this.repo.save(d);
  }
}
