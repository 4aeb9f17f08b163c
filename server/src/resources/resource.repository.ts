import { Injectable } from '@nestjs/common';
import { RequestContext, type Scope } from '../common/request-context.js';
import { EnterpriseScopedRepository } from '../common/scoped.repository.js';
import type { ResourceStatus, ResourceType } from '@muster/contracts';
import { Db } from '../database/db.js';
import { escapeLike } from '../common/sql.js';
import { Resource } from './resource.entity.js';

export type ResourceFilter = ResourceMatch & { skip: number; take: number };

export interface ResourceMatch {
  q?: string;
  enterpriseId?: string;
  types?: ResourceType[];
  statuses?: ResourceStatus[];
  /** Only resources whose expiry or next inspection falls on or before this date (YYYY-MM-DD). */
  dueBy?: string;
  /** [south, west, north, east] */
  bbox?: [number, number, number, number];
}

/** The columns the resources map draws from (and the alert is computed from). */
export interface ResourcePointRow {
  id: string;
  type: ResourceType;
  status: ResourceStatus;
  lat: number;
  lng: number;
  expiresOn: string | null;
  nextInspectionOn: string | null;
}

export interface NearestParams {
  lat: number;
  lng: number;
  radiusM: number;
  limit: number;
  types?: readonly ResourceType[];
  statuses?: readonly ResourceStatus[];
  scope: Scope;
}

/**
 * The nearest-resources query. `earth_box(centre, r) @> ll_to_earth(lat, lng)` is the indexable
 * pre-filter (GiST on `ll_to_earth(lat, lng)`); the box is a cube around the sphere of radius r,
 * so `earth_distance <= r` then keeps only the points truly within r, ordered by great-circle
 * distance. Exported so a test can EXPLAIN exactly this statement.
 */
export function nearestQuery(p: NearestParams): { sql: string; params: unknown[] } {
  const params: unknown[] = [p.lat, p.lng, p.radiusM];
  const where = [
    'earth_box(ll_to_earth($1, $2), $3) @> ll_to_earth(r.lat, r.lng)',
    'earth_distance(ll_to_earth($1, $2), ll_to_earth(r.lat, r.lng)) <= $3',
  ];
  if (p.types?.length) {
    params.push(p.types);
    where.push(`r.type = ANY($${params.length}::text[])`);
  }
  if (p.statuses?.length) {
    params.push(p.statuses);
    where.push(`r.status = ANY($${params.length}::text[])`);
  }
  if (p.scope.kind === 'enterprise') {
    params.push(p.scope.enterpriseId);
    where.push(`r.enterprise_id = $${params.length}`);
  } else if (p.scope.kind === 'none') {
    where.push('false');
  }
  params.push(p.limit);
  const sql = `SELECT r.id, earth_distance(ll_to_earth($1, $2), ll_to_earth(r.lat, r.lng)) AS distance_m
    FROM resource r
    WHERE ${where.join('\n      AND ')}
    ORDER BY distance_m, r.id
    LIMIT $${params.length}`;
  return { sql, params };
}

/** Half the Earth's circumference on earthdistance's sphere: no point is farther than this. */
export const MAX_SEARCH_RADIUS_M = Math.PI * 6_378_168;

@Injectable()
export class ResourceRepository extends EnterpriseScopedRepository<Resource> {
  protected readonly target = Resource;
  protected readonly scopeProperty = 'enterpriseId';
  protected readonly notFoundMessage = 'Resource not found';

  constructor(db: Db, context: RequestContext) {
    super(db, context);
  }

  list(f: ResourceFilter): Promise<[Resource[], number]> {
    const qb = this.matching(f)
      .orderBy('r.type', 'ASC')
      .addOrderBy('r.name', 'ASC')
      .addOrderBy('r.id', 'ASC');
    qb.skip(f.skip).take(f.take);
    return qb.getManyAndCount();
  }

  /** Every match, only the columns a map point needs, without building entities. */
  points(f: ResourceMatch): Promise<ResourcePointRow[]> {
    return (
      this.matching(f)
        .select([
          'r.id AS id',
          'r.type AS type',
          'r.status AS status',
          'r.lat AS lat',
          'r.lng AS lng',
          `to_char(r.expires_on, 'YYYY-MM-DD') AS "expiresOn"`,
          `to_char(r.next_inspection_on, 'YYYY-MM-DD') AS "nextInspectionOn"`,
        ])
        // No order: the map draws them all at once, and sorting thousands of uuids costs time.
        .getRawMany<ResourcePointRow>()
    );
  }

  /** Locks the resource (in scope) until the transaction ends: one dispatch at a time. */
  async lockById(id: string): Promise<Resource> {
    await this.getById(id);
    await this.repo.query('SELECT 1 FROM resource WHERE id = $1 FOR UPDATE', [id]);
    return this.getById(id);
  }

  /**
   * Puts a resource out on an incident or back. Called by the incident room only, for a
   * dispatch the caller may act on: releasing returns a resource that may be outside the
   * caller's own scope (a zone vehicle sent to an enterprise's incident).
   */
  async setDeployment(
    id: string,
    deployment: { status: 'dispatched' | 'on_scene'; incidentId: string } | null,
  ): Promise<void> {
    await this.repo.update(
      { id },
      deployment
        ? { status: deployment.status, dispatchIncidentId: deployment.incidentId }
        : { status: 'available', dispatchIncidentId: null },
    );
  }

  private matching(f: ResourceMatch) {
    const qb = this.query('r');
    if (f.q) {
      qb.andWhere('(r.name ILIKE :q OR r.model ILIKE :q OR r.address ILIKE :q OR r.custodian ILIKE :q)', {
        q: `%${escapeLike(f.q)}%`,
      });
    }
    if (f.enterpriseId === 'zone') qb.andWhere('r.enterpriseId IS NULL');
    else if (f.enterpriseId) qb.andWhere('r.enterpriseId = :eid', { eid: f.enterpriseId });
    if (f.types?.length) qb.andWhere('r.type IN (:...types)', { types: f.types });
    if (f.statuses?.length) qb.andWhere('r.status IN (:...statuses)', { statuses: f.statuses });
    if (f.dueBy) {
      qb.andWhere('(r.expiresOn <= :dueBy OR r.nextInspectionOn <= :dueBy)', { dueBy: f.dueBy });
    }
    if (f.bbox) {
      const [s, w, n, e] = f.bbox;
      qb.andWhere('r.lat BETWEEN :s AND :n AND r.lng BETWEEN :w AND :e', { s, w, n, e });
    }
    return qb;
  }

  /**
   * The `limit` nearest resources within `maxDistanceM` (or anywhere), with distances. Searches
   * a small radius first and widens it until enough are found, so the index scans only the
   * neighbourhood in the usual case of a dense zone.
   */
  async nearest(
    p: Omit<NearestParams, 'radiusM' | 'scope'> & { maxDistanceM?: number },
  ): Promise<{ resource: Resource; distanceM: number }[]> {
    const cap = Math.min(p.maxDistanceM ?? MAX_SEARCH_RADIUS_M, MAX_SEARCH_RADIUS_M);
    let radiusM = Math.min(1000, cap);
    let rows: { id: string; distance_m: number }[];
    for (;;) {
      const { sql, params } = nearestQuery({ ...p, radiusM, scope: this.context.scope() });
      rows = (await this.repo.query(sql, params)) as { id: string; distance_m: number }[];
      if (rows.length >= p.limit || radiusM >= cap) break;
      radiusM = Math.min(radiusM * 4, cap);
    }
    const byId = new Map((await this.findByIds(rows.map((r) => r.id))).map((r) => [r.id, r]));
    return rows.flatMap((r) => {
      const resource = byId.get(r.id);
      return resource ? [{ resource, distanceM: Number(r.distance_m) }] : [];
    });
  }

  async findByIds(ids: readonly string[]): Promise<Resource[]> {
    if (ids.length === 0) return [];
    return this.query('r')
      .andWhere('r.id IN (:...ids)', { ids: [...new Set(ids)] })
      .getMany();
  }

  all(): Promise<Resource[]> {
    return this.query('r').orderBy('r.type', 'ASC').addOrderBy('r.name', 'ASC').getMany();
  }

  async save(r: Resource): Promise<Resource> {
    this.assertInScope(r.enterpriseId);
    return this.repo.save(r);
  }

  /** Bulk insert in chunks (PostgreSQL allows 65,535 bound parameters per statement). */
  async insertMany(rows: Resource[]): Promise<void> {
    for (const r of rows) this.assertInScope(r.enterpriseId);
    for (let i = 0; i < rows.length; i += 500) await this.repo.insert(rows.slice(i, i + 500));
  }

  async remove(r: Resource): Promise<void> {
    this.assertInScope(r.enterpriseId);
    await this.repo.delete({ id: r.id });
  }
}
