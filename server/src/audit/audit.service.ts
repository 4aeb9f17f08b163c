import { Injectable } from '@nestjs/common';
import { Db } from '../database/db.js';
import { pageWindow } from '../common/paging.js';
import { RequestContext } from '../common/request-context.js';
import type { AuditAction, AuditEntity, AuditEntryView, ListResponse } from '@muster/contracts';
import { AuditEntry } from './audit-entry.entity.js';
import type { AuditQueryDto } from './audit.dto.js';
import { AUDIT_LABEL_SQL, snapshotLabel } from './audit-labels.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export interface AuditRecord {
  /** `entity.verb`, e.g. `enterprise.updated`; each has its words in `AUDIT_ACTION_TEXT`. */
  action: AuditAction;
  entity: AuditEntity;
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
    // Nothing reads it back before the commit, so it goes with the transaction's other such writes.
    await this.db.writeAtCommit(
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
    const labels = await this.labels(rows);
    return {
      items: rows.map((a) => ({
        ...mapAuditEntry(a),
        entityLabel:
          (a.entityId && labels.get(`${a.entity}:${a.entityId}`)) ?? snapshotLabel(a.after, a.before),
      })),
      total,
    };
  }

  /** The names of the records a page of entries points at: one query per kind of record. */
  private async labels(rows: AuditEntry[]): Promise<Map<string, string>> {
    const ids = new Map<string, Set<string>>();
    for (const a of rows) {
      if (!a.entityId || !UUID.test(a.entityId) || !(a.entity in AUDIT_LABEL_SQL)) continue;
      ids.set(a.entity, (ids.get(a.entity) ?? new Set()).add(a.entityId));
    }
    const out = new Map<string, string>();
    await Promise.all(
      [...ids].map(async ([entity, set]) => {
        const sql = AUDIT_LABEL_SQL[entity as keyof typeof AUDIT_LABEL_SQL]!;
        const found: { id: string; label: string | null }[] = await this.db.manager.query(sql, [[...set]]);
        for (const r of found) if (r.label) out.set(`${entity}:${r.id}`, r.label);
      }),
    );
    return out;
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
    entityLabel: null,
  };
}
