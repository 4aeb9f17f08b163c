import { Injectable } from '@nestjs/common';
import { In } from 'typeorm';
import { AuditService } from '../audit/audit.service.js';
import { pageWindow } from '../common/paging.js';
import { RequestContext } from '../common/request-context.js';
import {
  type Certification,
  type ContactView,
  type ListResponse,
  operationCertificateDates,
} from '@muster/contracts';
import { Db } from '../database/db.js';
import { ScopedUserRepository } from '../identity/scoped-user.repository.js';
import type {
  CertificationDto,
  ContactCreateDto,
  ContactListQueryDto,
  ContactUpdateDto,
} from './contact.dto.js';
import { Contact } from './contact.entity.js';
import { ContactRepository, type PageableContact } from './contact.repository.js';
import { mapContact } from './contact.view.js';
import { assertOwnerUnchanged, ownerForCreate } from './directory-scope.js';
import { ConflictError, InvalidError } from '../common/domain-errors.js';

export type { PageableContact };

/** A contact as another domain shows it: who, and the number to reach them on. */
export interface ContactSummary {
  id: string;
  name: string;
  phone: string | null;
}

@Injectable()
export class ContactService {
  constructor(
    private readonly db: Db,
    private readonly contacts: ContactRepository,
    private readonly users: ScopedUserRepository,
    private readonly audit: AuditService,
    private readonly context: RequestContext,
  ) {}

  async list(q: ContactListQueryDto): Promise<ListResponse<ContactView>> {
    const [rows, total] = await this.contacts.list({ ...q, ...pageWindow(q) });
    return { items: rows.map(mapContact), total };
  }

  async get(id: string): Promise<ContactView> {
    return mapContact(await this.contacts.getById(id));
  }

  /**
   * The contacts among `ids` visible to the caller, in the order asked; ids that are unknown or
   * out of scope are left out (compare lengths to detect them). For the records that name people;
   * whom a call-out pages is read with `pageableByIds`.
   */
  async findByIds(ids: readonly string[]): Promise<ContactView[]> {
    const found = new Map((await this.contacts.findByIds(ids)).map((c) => [c.id, mapContact(c)]));
    return ids.flatMap((id) => (found.has(id) ? [found.get(id)!] : []));
  }

  /**
   * Who the contacts among `ids` visible to the caller are and where to page them, in the
   * database's order; unknown or out-of-scope ids are left out. For resolving whom a call-out
   * pages.
   */
  pageableByIds(ids: readonly string[]): Promise<PageableContact[]> {
    return this.contacts.pageableByIds(ids);
  }

  /** The people of these enterprises the caller may see: whom a warning to them reaches. */
  async ofEnterprises(enterpriseIds: readonly string[]): Promise<ContactView[]> {
    return (await this.contacts.ofEnterprises(enterpriseIds)).map(mapContact);
  }

  /**
   * Name and preferred phone of the contacts among `ids`, whatever their enterprise, in the
   * database's order: for showing who a record the caller may already see names (a drill run's
   * roster, which may mix the zone's people with an enterprise's). A reference the caller makes
   * is checked with `findByIds`, which is scoped.
   */
  async summariesByIds(ids: readonly string[]): Promise<ContactSummary[]> {
    return (await this.contacts.anyByIds(ids)).map((c) => ({
      id: c.id,
      name: c.name,
      phone: c.phones[0] ?? null,
    }));
  }

  /** The people the caller may see holding a special operation certificate (特种作业操作证). */
  async withOperationCertificates(): Promise<ContactView[]> {
    return (await this.contacts.withOperationCertificates()).map(mapContact);
  }

  /** Who is reached at this number among one owner's contacts, whatever the caller's scope. */
  async byPhone(phone: string, enterpriseId: string | null | undefined): Promise<ContactView[]> {
    return (await this.contacts.anyByPhone(phone, enterpriseId)).map(mapContact);
  }

  /**
   * The contacts linked to this user account, whatever the caller's scope: for finding a
   * signed-in person's own call-outs, never for checking a reference.
   */
  async idsLinkedToUser(userId: string): Promise<string[]> {
    return this.contacts.idsLinkedTo(userId);
  }

  /**
   * The contacts linked to these user accounts, whatever their enterprise: how a role (the zone's
   * commanders) is reached by phone. For paging, which runs as the system.
   */
  async findByUserIds(userIds: readonly string[]): Promise<ContactView[]> {
    if (!userIds.length) return [];
    const rows = await this.db
      .repo(Contact)
      .find({ where: { userId: In([...userIds]) }, order: { name: 'ASC' } });
    return rows.map(mapContact);
  }

  async create(dto: ContactCreateDto): Promise<ContactView> {
    return this.db.transaction(async () => {
      const c = new Contact();
      c.enterpriseId = ownerForCreate(this.context, dto.enterpriseId);
      apply(c, dto);
      await this.checkUserLink(c);
      const view = mapContact(await this.contacts.save(c));
      await this.audit.record({
        action: 'contact.created',
        entity: 'contact',
        entityId: view.id,
        after: view,
      });
      return view;
    });
  }

  async update(id: string, dto: ContactUpdateDto): Promise<ContactView> {
    return this.db.transaction(async () => {
      const c = await this.contacts.getById(id);
      assertOwnerUnchanged(c.enterpriseId, dto.enterpriseId);
      const before = mapContact(c);
      apply(c, dto);
      if (dto.userId !== undefined) await this.checkUserLink(c);
      const view = mapContact(await this.contacts.save(c));
      await this.audit.record({
        action: 'contact.updated',
        entity: 'contact',
        entityId: id,
        before,
        after: view,
      });
      return view;
    });
  }

  async remove(id: string): Promise<void> {
    return this.db.transaction(async () => {
      const c = await this.contacts.getById(id);
      const refs = await this.contacts.references(id);
      if (refs.teams > 0 || refs.rotations > 0) {
        throw new ConflictError(
          `Contact is a member of ${refs.teams} team(s) and ${refs.rotations} rotation(s); remove them there first`,
        );
      }
      const before = mapContact(c);
      await this.contacts.remove(c);
      await this.audit.record({ action: 'contact.deleted', entity: 'contact', entityId: id, before });
    });
  }

  /**
   * The linked user must be one the caller may name (an officer: a user of their enterprise;
   * anyone else is not found, as on a read), and a contact is linked to a user of its own
   * enterprise or to a zone-wide user.
   */
  private async checkUserLink(c: Contact): Promise<void> {
    if (!c.userId) return;
    const user = await this.users.getById(c.userId);
    if (user.enterpriseId && user.enterpriseId !== c.enterpriseId) {
      throw new InvalidError(['userId: the user belongs to another enterprise']);
    }
  }
}

/**
 * A special operation certificate (an operation type and an issue day) expires 6 years after
 * issue unless another expiry is written on it; other certificates keep only what they had.
 */
function certification(x: CertificationDto): Certification {
  const base = { name: x.name, number: x.number || null, expiresOn: x.expiresOn ?? null };
  if (!x.operationType || !x.issuedOn) return base;
  return {
    ...base,
    expiresOn: base.expiresOn ?? operationCertificateDates(x.issuedOn).expiresOn,
    operationType: x.operationType,
    issuedOn: x.issuedOn,
    reviewedOn: x.reviewedOn ?? null,
  };
}

export function apply(c: Contact, dto: ContactUpdateDto): void {
  if (dto.name !== undefined) c.name = dto.name;
  if (dto.organization !== undefined) c.organization = dto.organization;
  if (dto.post !== undefined) c.post = dto.post;
  if (dto.phones !== undefined) c.phones = dto.phones;
  if (dto.skills !== undefined) c.skills = [...new Set(dto.skills)];
  if (dto.certifications !== undefined) {
    c.certifications = dto.certifications.map(certification);
  }
  if (dto.language !== undefined) c.language = dto.language;
  if (dto.userId !== undefined) c.userId = dto.userId;
  if (dto.notes !== undefined) c.notes = dto.notes;
  c.organization ??= '';
  c.post ??= '';
  c.skills ??= [];
  c.certifications ??= [];
  c.language ??= 'zh-CN';
  c.userId ??= null;
  c.notes ??= '';
}
