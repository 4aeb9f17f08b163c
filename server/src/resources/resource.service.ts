import { Inject, Injectable } from '@nestjs/common';
import { AuditService } from '../audit/audit.service.js';
import { pageWindow } from '../common/paging.js';
import { RequestContext } from '../common/request-context.js';
import { APP_CONFIG, type AppConfig } from '../config/config.js';
import {
  type ListResponse,
  EXPIRY_WARNING_DAYS,
  isResourceOut,
  type NearestResourcesResponse,
  type ResourceMapResponse,
  type ResourceView,
} from '@muster/contracts';
import { ConflictError } from '../common/domain-errors.js';
import { Db } from '../database/db.js';
import { assertOwnerUnchanged, ownerForCreate } from '../directory/directory-scope.js';
import { addDays, resourceAlert, todayIn } from './resource-alert.js';
import type {
  NearestQueryDto,
  ResourceCreateDto,
  ResourceListQueryDto,
  ResourceMapQueryDto,
  ResourceUpdateDto,
} from './resource.dto.js';
import { Resource } from './resource.entity.js';
import { ResourceRepository, type ResourceMatch } from './resource.repository.js';
import { mapNearest, mapResource } from './resource.view.js';

@Injectable()
export class ResourceService {
  private readonly timeZone: string;

  constructor(
    private readonly db: Db,
    private readonly resources: ResourceRepository,
    private readonly audit: AuditService,
    private readonly context: RequestContext,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    this.timeZone = config.TZ;
  }

  today(): string {
    return todayIn(this.timeZone);
  }

  async list(q: ResourceListQueryDto): Promise<ListResponse<ResourceView>> {
    const today = this.today();
    const [rows, total] = await this.resources.list({ ...this.match(q, today), ...pageWindow(q) });
    return { items: rows.map((r) => mapResource(r, today)), total };
  }

  /** Every match at once, a few fields each: the map draws them as soon as this one answer lands. */
  async mapPoints(q: ResourceMapQueryDto): Promise<ResourceMapResponse> {
    const today = this.today();
    const horizon = addDays(today, EXPIRY_WARNING_DAYS);
    const rows = await this.resources.points(this.match(q, today));
    return {
      items: rows.map((r) => [r.id, r.type, r.status, resourceAlert(r, today, horizon), r.lat, r.lng]),
      total: rows.length,
    };
  }

  private match(q: ResourceMapQueryDto, today: string): ResourceMatch {
    const { alert, bbox, ...rest } = q;
    return {
      ...rest,
      bbox: bbox?.split(',').map(Number) as [number, number, number, number] | undefined,
      dueBy: alert === 'expiring' ? addDays(today, EXPIRY_WARNING_DAYS) : undefined,
    };
  }

  async get(id: string): Promise<ResourceView> {
    return mapResource(await this.resources.getById(id), this.today());
  }

  async nearest(q: NearestQueryDto): Promise<NearestResourcesResponse> {
    const today = this.today();
    const found = await this.resources.nearest({
      lat: q.lat,
      lng: q.lng,
      types: q.types,
      statuses: q.statuses,
      limit: q.limit ?? 10,
      maxDistanceM: q.maxDistanceM,
    });
    return { items: found.map((f) => mapNearest(f.resource, f.distanceM, today)) };
  }

  async create(dto: ResourceCreateDto): Promise<ResourceView> {
    return this.db.transaction(async () => {
      const r = new Resource();
      r.enterpriseId = ownerForCreate(this.context, dto.enterpriseId);
      apply(r, dto);
      const view = mapResource(await this.resources.save(r), this.today());
      await this.audit.record({
        action: 'resource.created',
        entity: 'resource',
        entityId: view.id,
        after: view,
      });
      return view;
    });
  }

  /**
   * Creates many resources in one statement per 500 and one audit row naming the batch: for
   * seeding, where hundreds of per-record audit rows would say nothing more.
   */
  async createMany(dtos: ResourceCreateDto[], source: string): Promise<number> {
    return this.db.transaction(async () => {
      const rows = dtos.map((dto) => {
        const r = new Resource();
        r.enterpriseId = ownerForCreate(this.context, dto.enterpriseId);
        apply(r, dto);
        return r;
      });
      await this.resources.insertMany(rows);
      await this.audit.record({
        action: 'resource.imported',
        entity: 'resource',
        after: { created: rows.length, updated: 0, source },
      });
      return rows.length;
    });
  }

  async update(id: string, dto: ResourceUpdateDto): Promise<ResourceView> {
    return this.db.transaction(async () => {
      const r = await this.resources.getById(id);
      assertOwnerUnchanged(r.enterpriseId, dto.enterpriseId);
      if (dto.status !== undefined && dto.status !== r.status && isResourceOut(r.status)) {
        throw new ConflictError(
          `status: the resource is out on incident ${r.dispatchIncidentId}; release it in that incident's room`,
        );
      }
      const before = mapResource(r, this.today());
      apply(r, dto);
      const view = mapResource(await this.resources.save(r), this.today());
      await this.audit.record({
        action: 'resource.updated',
        entity: 'resource',
        entityId: id,
        before,
        after: view,
      });
      return view;
    });
  }

  async remove(id: string): Promise<void> {
    return this.db.transaction(async () => {
      const r = await this.resources.getById(id);
      if (isResourceOut(r.status)) {
        throw new ConflictError(`The resource is out on incident ${r.dispatchIncidentId}; release it first`);
      }
      const before = mapResource(r, this.today());
      await this.resources.remove(r);
      await this.audit.record({ action: 'resource.deleted', entity: 'resource', entityId: id, before });
    });
  }
}

function apply(r: Resource, dto: ResourceUpdateDto): void {
  const { location, enterpriseId: _owner, ...rest } = dto;
  for (const [k, v] of Object.entries(rest)) {
    if (v !== undefined) (r as unknown as Record<string, unknown>)[k] = v;
  }
  if (location) {
    r.lat = location.lat;
    r.lng = location.lng;
  }
  r.model ??= '';
  r.quantity ??= 1;
  r.unit ??= '';
  r.status ??= 'available';
  r.dispatchIncidentId ??= null;
  r.custodian ??= '';
  r.custodianPhone ||= null;
  r.address ??= '';
  r.lastInspectedOn ??= null;
  r.nextInspectionOn ??= null;
  r.expiresOn ??= null;
  r.notes ??= '';
}
