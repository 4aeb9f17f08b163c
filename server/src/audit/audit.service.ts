import { Injectable } from '@nestjs/common';
import { Db } from '../database/db.js';
import { pageWindow } from '../common/paging.js';
import { RequestContext } from '../common/request-context.js';
import type { AuditEntryView, ListResponse } from '@muster/contracts';
import { AuditEntry } from './audit-entry.entity.js';
import type { AuditQueryDto } from './audit.dto.js';

export interface AuditRecord {
  /** `entity.verb`, e.g. `enterprise.updated`. */
  action: string;
  entity: string;
  entityId?: string | null;
  before?: unknown;
  after?: unknown;
  /** Who acted, when it is not the authenticated caller (e.g. a login attempt). */
  actor?: { id: string; email: string; role: string; enterpriseId: string | null };
}

@Injectable()
export class AuditService {
  constructor(
    private readonly db: Db,
    private readonly context: RequestContext,
  ) {}

  /**
   * Must run inside the mutation's transaction: the change and its audit row commit together or
   * not at all. Calling it outside one is a programming error, not something to paper over.
   */
  async record(r: AuditRecord): Promise<void> {
    if (!this.db.inTransaction()) {
      throw new Error(`audit.record(${r.action}) called outside a transaction`);
    }
    const principal = this.context.principal();
    const actor = r.actor ?? principal;
    const system = this.context.systemActor();
    // Hand-written: every mutation writes one, and the ORM's insert costs more than the statement.
    await this.db.manager.query(
      `INSERT INTO audit_log (user_id, user_email, role, enterprise_id, action, entity, entity_id, before, after, ip, request_id)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8::jsonb, $9::jsonb, $10, $11)`,
      [
        actor?.id ?? null,
        actor?.email ?? (system ? `system:${system}` : null),
        actor?.role ?? (system ? 'system' : null),
        actor?.enterpriseId ?? null,
        r.action,
        r.entity,
        r.entityId ?? null,
        jsonText(r.before),
        jsonText(r.after),
        this.context.ip(),
        this.context.requestId(),
      ],
    );
  }

  async list(q: AuditQueryDto): Promise<ListResponse<AuditEntryView>> {
    const { skip, take } = pageWindow(q);
    const qb = this.db.repo(AuditEntry).createQueryBuilder('a').orderBy('a.id', 'DESC').skip(skip).take(take);
    if (q.entity) qb.andWhere('a.entity = :entity', { entity: q.entity });
    if (q.entityId) qb.andWhere('a.entityId = :entityId', { entityId: q.entityId });
    if (q.action) qb.andWhere('a.action LIKE :action', { action: `${q.action}%` });
    if (q.userId) qb.andWhere('a.userId = :userId', { userId: q.userId });
    if (q.enterpriseId) qb.andWhere('a.enterpriseId = :eid', { eid: q.enterpriseId });
    if (q.from) qb.andWhere('a.at >= :from', { from: q.from });
    if (q.to) qb.andWhere('a.at < :to', { to: q.to });
    const [rows, total] = await qb.getManyAndCount();
    return { items: rows.map(mapAuditEntry), total };
  }
}

/** The JSON stored for a snapshot (Dates become ISO strings, undefined members disappear); SQL NULL for none. */
function jsonText(v: unknown): string | null {
  return v === undefined || v === null ? null : JSON.stringify(v);
}

export function mapAuditEntry(a: AuditEntry): AuditEntryView {
  return {
    id: String(a.id),
    at: a.at.toISOString(),
    userId: a.userId,
    userEmail: a.userEmail,
    role: a.role,
    enterpriseId: a.enterpriseId,
    action: a.action,
    entity: a.entity,
    entityId: a.entityId,
    before: a.before,
    after: a.after,
    ip: a.ip,
    requestId: a.requestId,
  };
}
