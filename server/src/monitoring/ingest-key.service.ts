import { Inject, Injectable } from '@nestjs/common';
import { createHash, randomBytes } from 'node:crypto';
import type { IngestKeyIssued, IngestKeyStatus } from '@muster/contracts';
import { AuditService } from '../audit/audit.service.js';
import { ForbiddenError, UnauthenticatedError } from '../common/domain-errors.js';
import { RequestContext } from '../common/request-context.js';
import { APP_CONFIG, type AppConfig } from '../config/config.js';
import { Db } from '../database/db.js';
import { EnterpriseRepository } from '../enterprises/enterprise.repository.js';

/** 256 random bits: a hash without salt or stretching is enough for a key nobody can guess. */
const hash = (key: string) => createHash('sha256').update(key).digest('hex');

/**
 * One ingestion key per enterprise for its DCS/SIS gateway, never a user's token: issuing a new
 * one replaces the old at once. Only its hash is kept; the key is shown once, when issued.
 */
@Injectable()
export class IngestKeyService {
  constructor(
    private readonly db: Db,
    private readonly enterprises: EnterpriseRepository,
    private readonly context: RequestContext,
    private readonly audit: AuditService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** The current key's prefix and date (never the key), with the topic and endpoint it serves. */
  async status(enterpriseId: string): Promise<IngestKeyStatus> {
    const enterprise = await this.enterprises.getById(enterpriseId);
    const [row]: { prefix: string; created_at: Date }[] = await this.db.manager.query(
      'SELECT prefix, created_at FROM ingest_key WHERE enterprise_id = $1',
      [enterprise.id],
    );
    return {
      enterpriseId: enterprise.id,
      prefix: row?.prefix ?? null,
      createdAt: row?.created_at.toISOString() ?? null,
      mqttTopic: `${this.config.MQTT_TOPIC_PREFIX}/${enterprise.creditCode}/{point}`,
      httpPath: '/ingest/readings',
    };
  }

  async issue(enterpriseId: string): Promise<IngestKeyIssued> {
    const enterprise = await this.enterprises.getById(enterpriseId);
    const me = this.context.principal();
    if (me?.role !== 'zone_admin' && me?.enterpriseId !== enterprise.id)
      throw new ForbiddenError('Forbidden');
    const key = `mik_${randomBytes(32).toString('base64url')}`;
    const prefix = key.slice(0, 10);
    return this.db.transaction(async () => {
      const [row]: { created_at: Date }[] = await this.db.manager.query(
        `INSERT INTO ingest_key (enterprise_id, key_hash, prefix, created_by) VALUES ($1, $2, $3, $4)
         ON CONFLICT (enterprise_id) DO UPDATE SET key_hash = EXCLUDED.key_hash, prefix = EXCLUDED.prefix,
           created_by = EXCLUDED.created_by, created_at = now()
         RETURNING created_at`,
        [enterprise.id, hash(key), prefix, me?.id ?? null],
      );
      await this.audit.record({
        action: 'ingest_key.issued',
        entity: 'ingest_key',
        entityId: enterprise.id,
        after: { prefix },
      });
      return { enterpriseId: enterprise.id, key, prefix, createdAt: row!.created_at.toISOString() };
    });
  }

  /** The enterprise whose key this is; 401 for a missing or wrong one. */
  async enterpriseOf(key: unknown): Promise<string> {
    if (typeof key !== 'string' || !key.startsWith('mik_') || key.length > 100)
      throw new UnauthenticatedError('X-Ingest-Key: missing or not an ingestion key');
    const [row]: { enterprise_id: string }[] = await this.db.manager.query(
      'SELECT enterprise_id FROM ingest_key WHERE key_hash = $1',
      [hash(key)],
    );
    if (!row) throw new UnauthenticatedError('X-Ingest-Key: not a valid ingestion key');
    return row.enterprise_id;
  }
}
