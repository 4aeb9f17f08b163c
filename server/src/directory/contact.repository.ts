import { Injectable } from '@nestjs/common';
import { In } from 'typeorm';
import { RequestContext } from '../common/request-context.js';
import { EnterpriseScopedRepository } from '../common/scoped.repository.js';
import { Db } from '../database/db.js';
import { escapeLike } from '../common/sql.js';
import { Contact } from './contact.entity.js';

/** Who a contact is and where to page them. */
export type PageableContact = Pick<Contact, 'id' | 'enterpriseId' | 'name' | 'phones' | 'language'>;

export interface ContactFilter {
  q?: string;
  /** A uuid, or 'zone' for the zone's own contacts. */
  enterpriseId?: string;
  skill?: string;
  /** Only contacts with a certification expiring on or before this date (YYYY-MM-DD). */
  certificationExpiresBy?: string;
  skip: number;
  take: number;
}

@Injectable()
export class ContactRepository extends EnterpriseScopedRepository<Contact> {
  protected readonly target = Contact;
  protected readonly scopeProperty = 'enterpriseId';
  protected readonly notFoundMessage = 'Contact not found';

  constructor(db: Db, context: RequestContext) {
    super(db, context);
  }

  list(f: ContactFilter): Promise<[Contact[], number]> {
    const qb = this.query('c').orderBy('c.name', 'ASC').addOrderBy('c.id', 'ASC').skip(f.skip).take(f.take);
    if (f.q) {
      qb.andWhere(
        `(c.name ILIKE :q OR c.organization ILIKE :q OR c.post ILIKE :q
          OR EXISTS (SELECT 1 FROM unnest(c.phones) p WHERE p LIKE :qp))`,
        { q: `%${escapeLike(f.q)}%`, qp: `%${escapeLike(f.q.replace(/[\s-]/g, ''))}%` },
      );
    }
    if (f.enterpriseId === 'zone') qb.andWhere('c.enterpriseId IS NULL');
    else if (f.enterpriseId) qb.andWhere('c.enterpriseId = :eid', { eid: f.enterpriseId });
    if (f.skill) qb.andWhere(':skill = ANY(c.skills)', { skill: f.skill });
    if (f.certificationExpiresBy) {
      qb.andWhere(
        `EXISTS (SELECT 1 FROM jsonb_array_elements(c.certifications) x
                  WHERE x->>'expiresOn' IS NOT NULL AND (x->>'expiresOn')::date <= CAST(:by AS date))`,
        { by: f.certificationExpiresBy },
      );
    }
    return qb.getManyAndCount();
  }

  /** The contacts among `ids` that the caller may see (unknown or foreign ids are left out). */
  async findByIds(ids: readonly string[]): Promise<Contact[]> {
    if (ids.length === 0) return [];
    return this.query('c')
      .andWhere('c.id IN (:...ids)', { ids: [...new Set(ids)] })
      .getMany();
  }

  /**
   * What paging needs of the contacts among `ids` that the caller may see, read as plain rows: a
   * call-out to a team of thousands reads them all before its first text, and an entity each
   * took most of that read's time.
   */
  async pageableByIds(ids: readonly string[]): Promise<PageableContact[]> {
    if (ids.length === 0) return [];
    return this.query('c')
      .select('c.id', 'id')
      .addSelect('c.enterpriseId', 'enterpriseId')
      .addSelect('c.name', 'name')
      .addSelect('c.phones', 'phones')
      .addSelect('c.language', 'language')
      .andWhere('c.id = ANY(:ids)', { ids: [...new Set(ids)] })
      .getRawMany<PageableContact>();
  }

  /** The contacts of these enterprises that the caller may see, by name. */
  async ofEnterprises(enterpriseIds: readonly string[]): Promise<Contact[]> {
    if (enterpriseIds.length === 0) return [];
    return this.query('c')
      .andWhere('c.enterpriseId IN (:...eids)', { eids: [...new Set(enterpriseIds)] })
      .orderBy('c.name', 'ASC')
      .getMany();
  }

  /**
   * The contacts among `ids` whatever their enterprise: for naming who a record the caller may
   * already see refers to (see `ContactService.summariesByIds`), never for checking a reference.
   */
  async anyByIds(ids: readonly string[]): Promise<Contact[]> {
    if (ids.length === 0) return [];
    return this.repo.findBy({ id: In([...new Set(ids)]) });
  }

  /** The contacts the caller may see holding a special operation certificate. */
  withOperationCertificates(): Promise<Contact[]> {
    return this.query('c')
      .andWhere(
        `EXISTS (SELECT 1 FROM jsonb_array_elements(c.certifications) x WHERE x->>'operationType' IS NOT NULL)`,
      )
      .orderBy('c.name', 'ASC')
      .addOrderBy('c.id', 'ASC')
      .getMany();
  }

  /**
   * The contacts of one owner (null: the zone's own; undefined: any) reached at this number,
   * whatever the caller's scope: a person signing in to a training session by its link.
   */
  async anyByPhone(phone: string, enterpriseId: string | null | undefined): Promise<Contact[]> {
    const qb = this.repo.createQueryBuilder('c').where(':phone = ANY(c.phones)', { phone });
    if (enterpriseId === null) qb.andWhere('c.enterpriseId IS NULL');
    else if (enterpriseId) qb.andWhere('c.enterpriseId = :enterpriseId', { enterpriseId });
    return qb.orderBy('c.id').getMany();
  }

  /** The contacts linked to a user account, whatever their enterprise (the user's own). */
  async idsLinkedTo(userId: string): Promise<string[]> {
    return (await this.repo.find({ select: { id: true }, where: { userId } })).map((c) => c.id);
  }

  /** Every contact in scope, for export. */
  all(): Promise<Contact[]> {
    return this.query('c')
      .orderBy('c.enterpriseId', 'ASC', 'NULLS FIRST')
      .addOrderBy('c.name', 'ASC')
      .getMany();
  }

  async save(c: Contact): Promise<Contact> {
    this.assertInScope(c.enterpriseId);
    return this.repo.save(c);
  }

  async remove(c: Contact): Promise<void> {
    this.assertInScope(c.enterpriseId);
    await this.repo.delete({ id: c.id });
  }

  /** Where a contact is still named, so deleting it would leave a team or rotation short. */
  async references(id: string): Promise<{ teams: number; rotations: number }> {
    const [row] = (await this.repo.query(
      `SELECT (SELECT count(*)::int FROM team_member WHERE contact_id = $1) AS teams,
              (SELECT count(DISTINCT rotation_id)::int FROM (
                 SELECT rotation_id FROM rotation_member WHERE contact_id = $1
                 UNION ALL SELECT rotation_id FROM rotation_override WHERE contact_id = $1) r) AS rotations`,
      [id],
    )) as { teams: number; rotations: number }[];
    return row!;
  }
}
